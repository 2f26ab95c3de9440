package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
)

// verdictStyle colours accent check's output: at a terminal, unless
// NO_COLOR is set; plain (every style empty) when piped.
type verdictStyle struct {
	on                               bool
	pass, fail, err, label, pos, dim lipgloss.Style
}

// styles are the session's verdict styles for its output stream.
func (s *session) styles() verdictStyle {
	if !s.io.OutTTY || s.g.Env.NoColor {
		return verdictStyle{}
	}
	// The 16 ANSI colours: the terminal's theme decides how they look,
	// light or dark.
	return verdictStyle{
		on:    true,
		pass:  lipgloss.NewStyle().Foreground(lipgloss.Green).Bold(true),
		fail:  lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
		err:   lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
		label: lipgloss.NewStyle().Foreground(lipgloss.Cyan),
		pos:   lipgloss.NewStyle().Bold(true),
		dim:   lipgloss.NewStyle().Faint(true),
	}
}

// paint is st.Render(s) when colour is on, else s unchanged (piped output
// keeps its exact bytes).
func (vs verdictStyle) paint(st lipgloss.Style, s string) string {
	if !vs.on {
		return s
	}
	return st.Render(s)
}

// printVerdict writes a verdict in plain words, one finding per line with
// its position, a line under it for each of its other sites ("related:
// cache.go:27: c.mu is locked here"), and the lessons that explain them.
func printVerdict(w io.Writer, c *course.Course, v grade.Verdict, st verdictStyle) {
	mark := map[grade.Status]string{grade.Pass: "✓", grade.Fail: "✗", grade.Error: "!"}[v.Status]
	status := map[grade.Status]lipgloss.Style{grade.Pass: st.pass, grade.Fail: st.fail, grade.Error: st.err}[v.Status]
	fmt.Fprintf(w, "%s %s: %s %s\n", st.paint(status, mark), v.Exercise, st.paint(status, string(v.Status)), st.paint(st.dim, fmt.Sprintf("(%.1fs)", v.Elapsed.Seconds())))
	var lessons []string
	for _, f := range v.Findings {
		pos := f.Pos()
		if pos != "" {
			pos = st.paint(st.pos, pos) + ": "
		}
		label := string(f.Kind)
		if f.Analyzer != "" {
			label = f.Analyzer
		}
		fmt.Fprintf(w, "  %s %s%s\n", st.paint(st.label, fmt.Sprintf("%-9s", label)), pos, indentRest(f.Message, 12))
		for _, r := range f.Related {
			fmt.Fprintf(w, "%s%s %s: %s\n", strings.Repeat(" ", 12), st.paint(st.dim, "related:"), r.Pos(), indentRest(r.Message, 12))
		}
		if f.Lesson != "" && !slices.Contains(lessons, f.Lesson) {
			lessons = append(lessons, f.Lesson)
		}
	}
	for _, id := range lessons {
		if l, ok := c.Lesson(id); ok {
			fmt.Fprintf(w, "  %s %q — accent lesson %s\n", st.paint(st.dim, "read:"), l.Title, id)
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
	st := s.styles()
	printVerdict(s.io.Out, s.course, v, st)
	for _, n := range s.fileNotes(ex, v) {
		fmt.Fprintf(s.io.Out, "  %s %s\n", st.paint(st.err, "note:"), n)
	}
}

// fileNotes are learner.FileNotes for ex as the workspace holds it, for a
// verdict that did not pass (a pass needs no excuse).
func (s *session) fileNotes(ex *course.Exercise, v grade.Verdict) []string {
	if v.Status == grade.Pass {
		return nil
	}
	sources, err := s.ws.SourceFiles(ex)
	if err != nil {
		// The directory is gone or unreadable: FileNotes says so, and
		// how to get it back.
		return learner.FileNotes(ex, nil, nil)
	}
	tests, err := s.ws.TestFiles(ex)
	if err != nil {
		tests = nil // read as removed: the notes say the course's tests grade it
	}
	return learner.FileNotes(ex, sources, tests)
}
