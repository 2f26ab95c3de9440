package grade

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/accent-go/accent/internal/course"
)

// BenchmarkGradeLatency compares grading a typical exercise (its reference
// solution, so every stage runs to the end) with what a learner would run
// by hand, in the same run and on the same files: a bare `go test
// -count=1`, and `go vet` followed by `go test -race`. bench/grade.sh
// turns repeated runs into medians and ratios.
func BenchmarkGradeLatency(b *testing.B) {
	c, err := course.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	ex, ok := c.Exercise("channels/first-response")
	if !ok {
		b.Fatal("no channels/first-response")
	}
	root := b.TempDir()
	dir := filepath.Join(root, ex.Package)
	files := map[string][]byte{filepath.Join(root, "go.mod"): []byte("module ws\n\ngo 1.26\n")}
	for n, src := range ex.Solution {
		files[filepath.Join(dir, n)] = src
	}
	for n, src := range ex.Tests {
		files[filepath.Join(dir, n)] = src
	}
	for p, src := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	gocmd := func(b *testing.B, args ...string) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = runEnv(dir, b.TempDir(), false)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	// Warm the build cache for all three.
	var g Grader
	if v := g.Grade(context.Background(), ex, dir); v.Status != Pass {
		b.Fatalf("the solution does not pass: %+v", v)
	}
	gocmd(b, "test", "-count=1", ".")
	gocmd(b, "vet", ".")
	gocmd(b, "test", "-race", "-count=1", ".")

	b.Run("accent", func(b *testing.B) {
		for b.Loop() {
			if v := g.Grade(context.Background(), ex, dir); v.Status != Pass {
				b.Fatalf("verdict %+v", v)
			}
		}
	})
	b.Run("gotest", func(b *testing.B) {
		for b.Loop() {
			gocmd(b, "test", "-count=1", ".")
		}
	})
	b.Run("vet+race", func(b *testing.B) {
		for b.Loop() {
			gocmd(b, "vet", ".")
			gocmd(b, "test", "-race", "-count=1", ".")
		}
	})
}
