package grade

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A workspace reached through a symlink (macOS's /tmp, a symlinked home)
// grades exactly as the real path does: the go command works from the
// resolved directory, so the overlay must name files the same way.
func TestGradeThroughASymlinkedWorkspace(t *testing.T) {
	t.Parallel()
	dir := learnerDir(t, map[string]string{"sum.go": goodSum})
	link := filepath.Join(t.TempDir(), "wslink")
	if err := os.Symlink(filepath.Dir(dir), link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	var g Grader
	v := g.Grade(context.Background(), sumExercise(5*time.Second), filepath.Join(link, "sum"))
	if v.Status != Pass {
		t.Fatalf("correct code through a symlink: %s %+v", v.Status, v.Findings)
	}
	// And a wrong answer is still explained at the learner's line.
	wrong := learnerDir(t, map[string]string{"sum.go": with("return a + b", "return a - b")})
	link2 := filepath.Join(t.TempDir(), "wslink")
	if err := os.Symlink(filepath.Dir(wrong), link2); err != nil {
		t.Fatal(err)
	}
	v = g.Grade(context.Background(), sumExercise(5*time.Second), filepath.Join(link2, "sum"))
	f, ok := find(v, Test)
	if v.Status != Fail || !ok || f.File != "sum_test.go" || f.Line != 10 {
		t.Fatalf("wrong code through a symlink: %s %+v", v.Status, v.Findings)
	}
}
