package grade

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// spawner is learner code that starts a long-lived process from Sum and
// writes its pid to pidFile: in the background, in a new session
// (setsid), or orphaned through a shell that exits (double fork).
func spawner(how, pidFile string) string {
	start := map[string]string{
		"background": `cmd := exec.Command("sleep", "1000")`,
		"setsid": `cmd := exec.Command("sleep", "1000")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}`,
		"double fork": `cmd := exec.Command("sh", "-c", "setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo $! >` + pidFile + `")`,
		"holding stdout": `cmd := exec.Command("sleep", "1000")
	cmd.Stdout = os.Stdout`,
	}[how]
	write := `os.WriteFile(` + strconv.Quote(pidFile) + `, []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)`
	if how == "double fork" {
		write = "cmd.Wait()"
	}
	return srcWithImports(with("func Sum(a, b int) int { return a + b }", `func Sum(a, b int) int {
	`+start+`
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	`+write+`
	return a + b
}`), "os", "os/exec", "strconv", "syscall") + "\nvar _ = syscall.Getpid\nvar _ = strconv.Itoa\nvar _ = os.Getpid\n"
}

// alive reports whether pid is a live process (not a zombie).
func alive(t *testing.T, pidFile string) (int, bool) {
	t.Helper()
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the learner code did not record its child: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return pid, false
	}
	_, rest, _ := strings.Cut(string(stat), ") ")
	return pid, !strings.HasPrefix(rest, "Z")
}

// Nothing a grade starts outlives it: not a background child of a run
// that finished normally, nor one that left the process group, nor one
// that holds the test binary's standard output open.
func TestGradeLeavesNoProcessBehind(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"background", "setsid", "double fork", "holding stdout"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			pidFile := filepath.Join(t.TempDir(), "pid")
			dir := learnerDir(t, map[string]string{"sum.go": spawner(how, pidFile)})
			var g Grader
			v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
			if v.Status == Error {
				t.Fatalf("verdict %+v", v)
			}
			if pid, ok := alive(t, pidFile); ok {
				_ = syscall.Kill(pid, syscall.SIGKILL) //accent:ignore errignored cleaning up after the failure reported next
				t.Fatalf("process %d (%s) outlived the grade (verdict %s %+v)", pid, how, v.Status, v.Findings)
			}
		})
	}
}

// The same on a timeout and on a cancel: the run is stopped, and what it
// started in a new session goes with it.
func TestGradeStoppedLeavesNoProcessBehind(t *testing.T) {
	t.Parallel()
	src := strings.Replace(spawner("setsid", "PIDFILE"), "\treturn a + b\n}", "\tselect {}\n}", 1)
	for _, stop := range []string{"timeout", "cancel"} {
		t.Run(stop, func(t *testing.T) {
			t.Parallel()
			pidFile := filepath.Join(t.TempDir(), "pid")
			dir := learnerDir(t, map[string]string{"sum.go": strings.Replace(src, "PIDFILE", pidFile, 1)})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			g := Grader{Grace: time.Millisecond}
			ex := sumExercise(time.Hour)
			if stop == "timeout" {
				// Long enough for the child to be started first, even on a
				// busy machine.
				ex = sumExercise(5 * time.Second)
				g.Grace = time.Hour // stopped by accent, not by the test binary's own dump
			} else {
				g.onStart = func() {
					go func() {
						// Cancel once the child is running and has written
						// its pid (the file exists, empty, a moment before).
						for {
							if b, err := os.ReadFile(pidFile); err == nil && len(strings.TrimSpace(string(b))) > 0 {
								cancel()
								return
							}
							time.Sleep(time.Millisecond)
						}
					}()
				}
			}
			v := g.Grade(ctx, ex, dir)
			if pid, ok := alive(t, pidFile); ok {
				_ = syscall.Kill(pid, syscall.SIGKILL) //accent:ignore errignored cleaning up after the failure reported next
				t.Fatalf("process %d outlived a grade stopped by %s (verdict %s %+v)", pid, stop, v.Status, v.Findings)
			}
		})
	}
}
