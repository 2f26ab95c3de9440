package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

// printVerdict writes a verdict in plain words, one finding per line with
// its position, a line under it for each of its other sites ("related:
// cache.go:27: c.mu is locked here"), and the lessons that explain them.
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
		for _, r := range f.Related {
			fmt.Fprintf(w, "%srelated: %s: %s\n", strings.Repeat(" ", 12), r.Pos(), indentRest(r.Message, 12))
		}
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
