package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// tmuxSession is a tmux server of the test's own (its own socket, no
// configuration), holding one window.
type tmuxSession struct {
	t    *testing.T
	tmux string
	sock string
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	cmd := exec.Command(s.tmux, append([]string{"-L", s.sock, "-f", os.DevNull}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", "t") }

// keys types keys as tmux names them: "j", "Enter", "Escape", "C-c".
func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", "t"}, keys...)...)
}

// waitFor waits until the pane shows every part, and returns the screen.
// It looks every 20ms and gives up shortly before the test binary's deadline.
func (s *tmuxSession) waitFor(parts ...string) string {
	s.t.Helper()
	deadline := testDeadline(s.t)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		scr := s.screen()
		if len(contains(scr, parts...)) == 0 {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the pane never showed %q:\n%s", contains(scr, parts...), scr)
		}
		<-tick.C
	}
}

// buildAccent builds the accent command into a temporary directory.
func buildAccent(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "accent")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/accent-go/accent/cmd/accent").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestTmux uses accent as a person would, in a real terminal: a 100×30
// tmux pane with a shell, a fresh workspace, the language question, the
// map, a lesson, help, a resize below the minimum and back, quitting; then
// the shell must work as before (cooked mode, echo on).
func TestTmux(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds accent and drives it in tmux")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (apt-get install tmux, brew install tmux): skipping the terminal test")
	}
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	bin := buildAccent(t)
	s := &tmuxSession{t: t, tmux: tmux, sock: fmt.Sprintf("accent-test-%d", os.Getpid())}
	s.run("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", "sh")
	t.Cleanup(func() {
		if err := exec.Command(tmux, "-L", s.sock, "kill-server").Run(); err != nil {
			t.Logf("tmux kill-server: %v", err)
		}
	})
	ws, state := filepath.Join(t.TempDir(), "ws"), t.TempDir()
	s.keys(fmt.Sprintf("ACCENT_WORKSPACE=%s ACCENT_STATE_DIR=%s ACCENT_THEME=dark %s; echo accent-exited-$?", ws, state, bin), "Enter")

	s.waitFor("Where are you coming from?", "Node.js", "Python", "Java")
	s.keys("j", "Enter")
	s.waitFor("Course map", "Python ·", "0 of", "› ", c.Exercises[0].Title)
	first := c.Lessons[0]
	s.keys("g")
	s.waitFor(c.Topics[0].Title, "›  1 ≡ "+first.Title)
	s.keys("Enter")
	hint := "x: exercise"
	if len(first.Exercises) == 0 {
		hint = "n/p next/previous" // the opening lesson leads to no exercise of its own
	}
	s.waitFor(c.Topics[0].Title+" › "+first.Title, hint)
	s.keys("Escape")
	s.waitFor("Course map")
	s.keys("?")
	s.waitFor("jump to number", "How the workbench works")
	s.keys("?")
	s.waitFor("Course map")

	s.run("resize-window", "-t", "t", "-x", "59", "-y", "19")
	s.waitFor("Terminal too small: 59×19")
	s.run("resize-window", "-t", "t", "-x", "60", "-y", "20")
	scr := s.waitFor("Course map", "enter open")
	if strings.Contains(scr, "too small") {
		t.Errorf("the too-small message stayed after growing back:\n%s", scr)
	}
	s.run("resize-window", "-t", "t", "-x", "100", "-y", "30")

	s.keys("q")
	s.waitFor("accent-exited-0")
	s.keys("clear", "Enter")

	// Again, and Ctrl-C in the middle of a grade.
	s.keys(fmt.Sprintf("ACCENT_WORKSPACE=%s ACCENT_STATE_DIR=%s ACCENT_THEME=dark %s; echo accent-exited-$?", ws, state, bin), "Enter")
	s.waitFor("Course map")
	s.keys("c", "Enter")
	s.waitFor("grading " + c.Exercises[0].ID)
	s.keys("C-c")
	s.waitFor("accent-exited-0")
	s.keys("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ,; echo", "Enter")
	s.waitFor("\nicanon,echo,\n") // raw mode would print -icanon,-echo,
	s.keys("echo shell-$((20+22))", "Enter")
	s.waitFor("shell-42")
	if _, err := os.Stat(filepath.Join(ws, "go.mod")); err != nil {
		t.Errorf("no workspace created: %v", err)
	}
}
