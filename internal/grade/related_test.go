package grade

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/course"
)

// lineOf is the 1-based line of the nth (from 1) occurrence of sub in src.
func lineOf(t *testing.T, src, sub string, nth int) int {
	t.Helper()
	off := 0
	for i := 0; i < nth; i++ {
		j := strings.Index(src[off:], sub)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", sub, nth)
		}
		off += j + len(sub)
	}
	return strings.Count(src[:off], "\n") + 1
}

// An analyzer finding on a wrong variant of the course keeps the other
// sites the analyzer named (the Lock a return keeps held; the go statement
// and the return that abandons it), with file names relative to the
// exercise, as the finding's own.
func TestGradeKeepsTheRelatedPositionsOfAnAnalyzerFinding(t *testing.T) {
	t.Parallel()
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		marker  string // a substring of the line
		nth     int    // its occurrence
		message string // part of the related message
	}
	tests := []struct {
		exercise, variant, analyzer, file string
		at                                want
		related                           []want
	}{
		{
			exercise: "goroutines/safe-cache", variant: "early-return", analyzer: "unlockpath", file: "cache.go",
			at: want{"return v // returns with c.mu still locked", 1, ""},
			related: []want{
				{"c.mu.Lock()", 1, "locked here"},
				{"c.mu.Unlock()", 1, "Unlock it here"},
			},
		},
		{
			exercise: "context/timeout", variant: "unbuffered", analyzer: "chanleak", file: "render.go",
			at: want{"done <- result{pdf, err}", 1, ""},
			related: []want{
				{"go func() {", 1, "goroutine is started here"},
				{"select {", 1, "select can take another case"},
				{`return nil, fmt.Errorf("render %s: %w", doc, ctx.Err())`, 1, "returns here without receiving from done"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.exercise+"/"+tt.variant, func(t *testing.T) {
			t.Parallel()
			ex, ok := c.Exercise(tt.exercise)
			if !ok {
				t.Fatalf("no exercise %s", tt.exercise)
			}
			var files map[string][]byte
			for _, w := range ex.Wrong {
				if w.Name == tt.variant {
					files = w.SourceFiles(ex)
				}
			}
			if files == nil {
				t.Fatalf("%s has no wrong variant %s", tt.exercise, tt.variant)
			}
			root := t.TempDir()
			write(t, filepath.Join(root, "go.mod"), "module ws\n\ngo 1.26\n")
			dir := filepath.Join(root, ex.Package)
			for name, src := range files {
				write(t, filepath.Join(dir, name), string(src))
			}
			src, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var g Grader
			v := g.Grade(context.Background(), ex, dir)
			var f *Finding
			for i := range v.Findings {
				if v.Findings[i].Analyzer == tt.analyzer {
					f = &v.Findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no %s finding: %s %+v", tt.analyzer, v.Status, v.Findings)
			}
			if at := lineOf(t, string(src), tt.at.marker, tt.at.nth); f.File != tt.file || f.Line != at {
				t.Errorf("finding at %s, want %s:%d", f.Pos(), tt.file, at)
			}
			if len(f.Related) != len(tt.related) {
				t.Fatalf("%d related positions, want %d: %+v", len(f.Related), len(tt.related), f.Related)
			}
			for i, w := range tt.related {
				r := f.Related[i]
				line := lineOf(t, string(src), w.marker, w.nth)
				if r.File != tt.file || r.Line != line || r.Col == 0 || !strings.Contains(r.Message, w.message) {
					t.Errorf("related[%d] = %s:%d (col %d) %q, want %s:%d %q", i, r.File, r.Line, r.Col, r.Message, tt.file, line, w.message)
				}
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if want := `"related":[{"file":"` + tt.file + `",`; !strings.Contains(string(b), want) {
				t.Errorf("the verdict's JSON lacks %s: %s", want, b)
			}
		})
	}
}
