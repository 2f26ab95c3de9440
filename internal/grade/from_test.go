package grade

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
)

func fromExercise(srcs ...course.Source) *course.Exercise {
	return &course.Exercise{ID: "basics/first", Dir: "01-basics/first", From: srcs}
}

func TestRunFrom(t *testing.T) {
	for _, tool := range []string{"node", "python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	ex := fromExercise(
		course.Source{Language: course.Node, Name: "ok.js", Code: "console.log(await Promise.resolve(1));\n"},
		course.Source{Language: course.Node, Name: "ok.mjs", Code: "import { setTimeout } from 'node:timers/promises';\nawait setTimeout(1);\n"},
		course.Source{Language: course.Python, Name: "fails.py", Code: "import sys\nprint('the last words')\nsys.exit(3)\n"},
		course.Source{Language: course.Python, Name: "reads.py", Code: "import sys\nassert sys.stdin.read() == ''\nopen('scratch.txt', 'w').write('x')\n"},
	)
	// The programs that end run under the default limit (a minute), so a
	// loaded machine slows them but never makes them time out; only the one
	// that never ends meets a short limit.
	hangs := fromExercise(course.Source{Language: course.Python, Name: "hangs.py", Code: "import time\ntime.sleep(600)\n"})
	got := map[string]FromResult{}
	for _, r := range RunFrom(context.Background(), []*course.Exercise{ex}, 2, 0, nil) {
		got[r.Source.Name] = r
	}
	for _, r := range RunFrom(context.Background(), []*course.Exercise{hangs}, 1, 3*time.Second, nil) {
		got[r.Source.Name] = r
	}
	for _, name := range []string{"ok.js", "ok.mjs", "reads.py"} {
		if r := got[name]; r.Problem != "" || r.Skipped != "" {
			t.Errorf("%s: problem %q, skipped %q; want it to run and pass", name, r.Problem, r.Skipped)
		}
	}
	if r := got["fails.py"]; !strings.Contains(r.Problem, "exit status 3") || !strings.Contains(r.Problem, "the last words") {
		t.Errorf("fails.py: problem %q, want the exit status and the output's tail", r.Problem)
	}
	if r := got["hangs.py"]; !strings.Contains(r.Problem, "still running after 3s") {
		t.Errorf("hangs.py: problem %q, want a timeout", r.Problem)
	}
	if r := got["fails.py"]; r.Where() != "exercises/01-basics/first/from/fails.py" || r.Command != "python3 fails.py" {
		t.Errorf("fails.py: where %q, command %q", r.Where(), r.Command)
	}
}

func TestRunFromSkipsAMissingTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	ex := fromExercise(
		course.Source{Language: course.Java, Name: "First.java", Code: "class First { public static void main(String[] a) {} }\n"},
		course.Source{Language: course.Node, Name: "first.ts", Code: "const x: number = 1;\n"},
	)
	for _, r := range RunFrom(context.Background(), []*course.Exercise{ex}, 2, 0, nil) {
		if r.Problem != "" || !strings.Contains(r.Skipped, "is not installed") {
			t.Errorf("%s: problem %q, skipped %q; want skipped: not installed", r.Source.Name, r.Problem, r.Skipped)
		}
	}
}

// TestFromProgramsOfTheCourseRun runs every from/ program of the built-in
// course, as `accent dev check --from` does: each must exit 0.
func TestFromProgramsOfTheCourseRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the course's 120 Node.js, Python and Java programs")
	}
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, r := range RunFrom(context.Background(), c.Exercises, 2, 0, nil) {
		switch {
		case r.Skipped != "":
			t.Logf("skipped %s: %s", r.Where(), r.Skipped)
		case r.Problem != "":
			t.Errorf("%s: %s: %s", r.Where(), r.Command, r.Problem)
		default:
			ran++
		}
	}
	t.Logf("%d from/ programs ran and exited 0", ran)
}
