package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
)

// printVerdict writes a verdict in plain words, one finding per line with
// its position and the lesson that explains it.
func printVerdict(w io.Writer, c *course.Course, v grade.Verdict) {
	mark := map[grade.Status]string{grade.Pass: "✓", grade.Fail: "✗", grade.Error: "!"}[v.Status]
	fmt.Fprintf(w, "%s %s: %s (%.1fs)\n", mark, v.Exercise, v.Status, v.Elapsed.Seconds())
	lessons := map[string]bool{}
	for _, f := range v.Findings {
		pos := f.Pos()
		if pos != "" {
			pos += ": "
		}
		label := string(f.Kind)
		if f.Analyzer != "" {
			label = f.Analyzer
		}
		fmt.Fprintf(w, "  %-9s %s%s\n", label, pos, indentRest(f.Message, 12))
		if f.Lesson != "" {
			lessons[f.Lesson] = true
		}
	}
	for id := range lessons {
		if l, ok := c.Lesson(id); ok {
			fmt.Fprintf(w, "  read: %q — accent lesson %s\n", l.Title, id)
		}
	}
}

func indentRest(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}

// printVerdict writes v as printVerdict does, then what the learner should
// know about the exercise's files (learner.FileNotes): a starting file
// removed, a test edited.
func (s *session) printVerdict(ex *course.Exercise, v grade.Verdict) {
	printVerdict(s.io.Out, s.course, v)
	for _, n := range s.fileNotes(ex, v) {
		fmt.Fprintf(s.io.Out, "  note: %s\n", n)
	}
}

// fileNotes are learner.FileNotes for ex as the workspace holds it, for a
// verdict that did not pass (a pass needs no excuse).
func (s *session) fileNotes(ex *course.Exercise, v grade.Verdict) []string {
	if v.Status == grade.Pass {
		return nil
	}
	sources, _ := s.ws.SourceFiles(ex)
	tests, _ := s.ws.TestFiles(ex)
	return learner.FileNotes(ex, sources, tests)
}
