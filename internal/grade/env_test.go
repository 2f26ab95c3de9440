package grade

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The learner's shell may be set up for other work. None of it is the
// learner's code, so none of it may fail a correct solution or excuse a
// wrong one. (Not parallel: these tests set the process environment.)
func TestGradeIgnoresTheShellsGoEnvironment(t *testing.T) {
	goenv := filepath.Join(t.TempDir(), "goenv")
	write(t, goenv, "GOOS=plan9\nGOARCH=arm\nGOFLAGS=-run=NoSuchTest\n")
	other := map[string]string{"windows": "linux", "linux": "windows", "darwin": "linux"}[runtime.GOOS]
	tests := []struct {
		name string
		env  map[string]string
	}{
		{"another target", map[string]string{"GOOS": other, "GOARCH": "arm64"}},
		{"a missing GOTMPDIR", map[string]string{"GOTMPDIR": filepath.Join(t.TempDir(), "gone")}},
		{"GOFLAGS that skip every test", map[string]string{"GOFLAGS": "-run=NoSuchTest"}},
		{"a go env file for another target", map[string]string{"GOENV": goenv}},
		{"a traceback that hides panics", map[string]string{"GOTRACEBACK": "none"}},
		{"an experiment the toolchain does not know", map[string]string{"GOEXPERIMENT": "nosuchexperiment"}},
	}
	all := map[string]string{}
	for _, tt := range tests {
		for k, v := range tt.env {
			all[k] = v
		}
	}
	tests = append(tests, struct {
		name string
		env  map[string]string
	}{"all of them at once", all})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A correct solution passes with all of them set; each on its
			// own must leave a panic explained at the learner's line.
			src := with("return a + b", "var s []int\n\treturn s[a+b]")
			if tt.name == "all of them at once" {
				src = goodSum
			}
			dir := learnerDir(t, map[string]string{"sum.go": src})
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var g Grader
			v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
			if src == goodSum {
				if v.Status != Pass {
					t.Errorf("correct code: %s %+v", v.Status, v.Findings)
				}
				return
			}
			if f, ok := find(v, Panic); v.Status != Fail || !ok || f.File != "sum.go" || f.Line != 4 {
				t.Errorf("a panic: %s %+v, want a panic at sum.go:4", v.Status, v.Findings)
			}
		})
	}
}

// GORACE=log_path=... sends race reports to a file: a racy solution would
// pass an exercise graded with the race detector.
func TestGradeRaceReportsIgnoreGORACE(t *testing.T) {
	t.Setenv("GORACE", "log_path="+filepath.Join(t.TempDir(), "race")+" exitcode=0")
	racy := strings.Replace(goodSum, "func Sum(a, b int) int { return a + b }", `func Sum(a, b int) int {
	total := a
	done := make(chan bool)
	go func() {
		total += b
		done <- true
	}()
	total += 0
	<-done
	return total
}`, 1)
	ex := sumExercise(time.Hour)
	ex.Race = true
	var g Grader
	v := g.Grade(context.Background(), ex, learnerDir(t, map[string]string{"sum.go": racy}))
	if _, ok := find(v, Race); v.Status != Fail || !ok {
		t.Fatalf("racy code with GORACE set: %s %+v, want a race finding", v.Status, v.Findings)
	}
}

// A machine that cannot build the tests (here: no C compiler for the race
// detector) is a grading error with its cause, not a failed attempt.
func TestGradeMachineProblemsAreErrorsNotFailures(t *testing.T) {
	t.Setenv("CC", filepath.Join(t.TempDir(), "no-such-compiler"))
	ex := sumExercise(time.Hour)
	ex.Race = true
	var g Grader
	v := g.Grade(context.Background(), ex, learnerDir(t, map[string]string{"sum.go": goodSum}))
	if v.Status != Error || !strings.Contains(v.Findings[0].Message, "no-such-compiler") {
		t.Fatalf("verdict %s %+v, want a grading error naming the compiler", v.Status, v.Findings)
	}
}

// Every grade cleans up after itself: the go command's work directories
// and the grade's own files go, whether the run finished, timed out or
// was canceled; a directory a crashed grade left behind goes too.
func TestGradeLeavesNoTemporaryFiles(t *testing.T) {
	root := t.TempDir()
	t.Setenv("TMPDIR", root)
	stale := filepath.Join(root, scratchPrefix+"crashed")
	write(t, filepath.Join(stale, "tmp", "go-build123", "big"), "x")
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	blocked := with("return a + b", "select {}")
	// learnerDir makes its directories beside root, not in it.
	dir := learnerDir(t, map[string]string{"sum.go": blocked})

	// The tests' own temporary files go with the grade too.
	writesTemp := srcWithImports(with("return a + b", "f, err := os.CreateTemp(\"\", \"learner\")\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tf.Close()\n\treturn a + b"), "os")

	var g Grader
	g.Grade(context.Background(), sumExercise(time.Hour), learnerDir(t, map[string]string{"sum.go": writesTemp}))
	ctx, cancel := context.WithCancel(context.Background())
	g.onStart = cancel
	g.Grade(ctx, sumExercise(time.Hour), dir)
	g.onStart = nil
	g.Grace = time.Hour // accent kills the run at the limit: no dump
	g.Grade(context.Background(), sumExercise(time.Second), dir)

	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind in TMPDIR: %s", e.Name())
	}
}

// A stale directory that a running grade still holds is not touched.
func TestCleanStaleKeepsLockedDirectories(t *testing.T) {
	root := t.TempDir()
	sc, err := newScratch(root)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.remove()
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(sc.dir, old, old); err != nil {
		t.Fatal(err)
	}
	cleanStale(root)
	if _, err := os.Stat(sc.path("tmp")); err != nil {
		t.Fatalf("a running grade's directory was removed: %v", err)
	}
}

// A test file whose name is not valid UTF-8 cannot be hidden through the
// go command's JSON overlay: grading refuses, naming the file, rather than
// failing correct code.
func TestGradeRefusesFileNamesItCannotHide(t *testing.T) {
	t.Parallel()
	name := "extra\xff_test.go"
	dir := learnerDir(t, map[string]string{
		"sum.go": goodSum,
		name:     "package sum\n\nimport \"testing\"\n\nfunc TestExtra(t *testing.T) { t.Fatal(\"my own failing test\") }\n",
	})
	var g Grader
	v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
	if v.Status != Error || !strings.Contains(v.Findings[0].Message, `"extra\xff_test.go"`) {
		t.Fatalf("verdict %s %+v, want a grading error naming %q", v.Status, v.Findings, name)
	}
}
