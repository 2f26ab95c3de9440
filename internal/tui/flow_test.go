package tui

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

// syncBuffer is a bytes.Buffer safe for the program's renderer to write
// while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Read(p)
}

// frames keeps the latest frame the program drew, escape codes stripped.
type frames struct {
	mu      sync.Mutex
	latest  string
	read    string // the frame last handed to a reader
	pending string // what is left of it to read
}

func (f *frames) set(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latest = s
}

// Read hands out each new frame once, after a NUL that separates it from
// the frames before it; teatest.WaitFor collects what it reads.
func (f *frames) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pending == "" && f.read != f.latest {
		f.read = f.latest
		f.pending = "\x00" + f.latest
	}
	if f.pending == "" {
		return 0, io.EOF
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}

// recorder is the workbench with its frames recorded, so that tests wait
// for what a learner would see rather than for terminal escape codes.
type recorder struct {
	Model
	frames *frames
}

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.Model.Update(msg)
	return recorder{m.(Model), r.frames}, cmd
}

func (r recorder) View() tea.View {
	v := r.Model.View()
	r.frames.set(ansi.Strip(v.Content))
	return v
}

// flow runs the workbench as a program, at 100×30.
type flow struct {
	t      *testing.T
	tm     *teatest.TestModel
	frames *frames
	stop   func()
}

func startFlow(t *testing.T, opts Options) *flow {
	t.Helper()
	m, stop, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	m.c.renderer = sharedRenderer
	fr := &frames{}
	tm := teatest.NewTestModel(t, recorder{m, fr}, teatest.WithInitialTermSize(100, 30))
	return &flow{t: t, tm: tm, frames: fr, stop: stop}
}

// waitFor waits until the screen shows every part (giving up shortly
// before the test binary's deadline; it returns as soon as they are there).
func (fl *flow) waitFor(parts ...string) {
	fl.t.Helper()
	teatest.WaitFor(fl.t, fl.frames, func(b []byte) bool {
		s := string(b)
		if i := strings.LastIndexByte(s, 0); i >= 0 {
			s = s[i+1:]
		}
		return len(contains(s, parts...)) == 0
	}, teatest.WithDuration(waitLimit(fl.t)), teatest.WithCheckInterval(10*time.Millisecond))
}

func (fl *flow) press(names ...string) {
	for _, n := range names {
		fl.tm.Send(keyPress(n))
	}
}

// quit presses q and returns the final model, its watcher and grades
// stopped as Run stops them.
func (fl *flow) quit(key string) Model {
	fl.t.Helper()
	fl.press(key)
	final := fl.tm.FinalModel(fl.t, teatest.WithFinalTimeout(waitLimit(fl.t))).(recorder).Model
	if err := final.shutdown(); err != nil {
		fl.t.Error(err)
	}
	fl.stop()
	return final
}

// TestFlowLessonExerciseSaveHintQuit is a learner's first minutes, with
// the real grader and real watching: read the lesson, open the exercise,
// see it fail, take a hint, save a fix (as vim does), see it pass, quit.
func TestFlowLessonExerciseSaveHintQuit(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("grades twice with the real grader")
	}
	f := newFixture(t)
	f.setLanguage(course.Python)
	fl := startFlow(t, f.options(f.realGrade()))

	fl.waitFor("Course map", "› 2 ○ Fetch all")
	fl.press("k", "enter")
	fl.waitFor("Start them all, wait for all", "Python", "x: exercise “Fetch all”")
	fl.press("x")
	fl.waitFor("Goroutines › Fetch all", "✗ 2 findings", "fetchall_test.go:", "watching")

	fl.press("h")
	fl.waitFor("Hints (1 of 3)")
	if p, _ := f.state().Lookup(fetchAll); p.HintsUsed != 1 {
		t.Errorf("hints used %d after h, want 1", p.HintsUsed)
	}

	f.solve(fetchAll)
	fl.waitFor("✓ Passed!", "n: next, “Bounded pool”")

	final := fl.quit("q")
	if final.state != exerciseState {
		t.Errorf("final state %s", final.state)
	}
	p, _ := f.state().Lookup(fetchAll)
	if !p.Passed() || p.Attempts < 2 {
		t.Errorf("progress after the flow: %+v", p)
	}
	if final.exercise.watcher == nil {
		t.Error("the exercise was not being watched")
	} else if _, open := <-final.exercise.watcher.Changes; open {
		t.Error("the watcher still runs after quitting")
	}
}

// TestFlowCtrlCDuringAGradeCancelsIt: ctrl+c while a grade runs quits at
// once and cancels the grade's context, which kills its processes.
func TestFlowCtrlCDuringAGradeCancelsIt(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	var started, canceled atomic.Bool
	blocking := func(ctx context.Context, ex *course.Exercise) (grade.Verdict, error) {
		started.Store(true)
		<-ctx.Done()
		canceled.Store(true)
		return grade.Verdict{Exercise: ex.ID, Status: grade.Error}, nil
	}
	fl := startFlow(t, f.options(blocking))
	fl.waitFor("Course map")
	fl.press("enter")
	fl.waitFor("grading " + fetchAll)
	fl.press("j", "?") // keys work while grading
	fl.waitFor("Help", "lesson that explains it")
	fl.quit("ctrl+c") // stop() waits for the grade to return
	if !started.Load() || !canceled.Load() {
		t.Errorf("grade started %v, canceled %v", started.Load(), canceled.Load())
	}
}

// TestFlowEditorOpensAtTheFinding: e hands the terminal to the editor at
// the selected finding's line and takes it back; the save it made is
// graded.
func TestFlowEditorOpensAtTheFinding(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	ex := f.exercise(fetchAll)
	solution := filepath.Join(t.TempDir(), "fetchall.go")
	if err := os.WriteFile(solution, ex.Solution["fetchall.go"], 0o644); err != nil {
		t.Fatal(err)
	}
	argsFile := filepath.Join(t.TempDir(), "args")
	verdicts := make(chan grade.Verdict, 4)
	var calls atomic.Int32
	opts := f.options(func(_ context.Context, ex *course.Exercise) (grade.Verdict, error) {
		if calls.Add(1) == 1 {
			return failVerdict(), nil
		}
		return passVerdict(), nil
	})
	opts.Editor = func(path string, line int) (*exec.Cmd, error) {
		// An "editor" that notes where it was opened and saves the solution.
		return exec.Command("sh", "-c", `printf '%s:%s' "$1" "$2" > "$3" && cp "$4" "$1"`,
			"sh", path, strconv.Itoa(line), argsFile, solution), nil
	}
	fl := startFlow(t, opts)
	fl.waitFor("Course map")
	fl.press("enter")
	fl.waitFor("✗ 2 findings", "watching")
	fl.press("e")
	fl.waitFor("✓ Passed!")
	close(verdicts)
	b, err := os.ReadFile(argsFile)
	if err != nil {
		t.Fatalf("the editor did not run: %v", err)
	}
	want := filepath.Join(f.ws.ExerciseDir(ex), "fetchall.go") + ":14"
	if string(b) != want {
		t.Errorf("editor opened at %q, want %q (the first finding's file and line)", b, want)
	}
	fl.quit("q")
}

// TestAPanicBecomesAnError: a panic anywhere (here in a grade, off the
// event loop) ends the program, and Run turns it into an error that says
// the learner's work is saved. (TestAPanicRestoresTheTerminal checks the
// terminal, in a pseudo-terminal.)
func TestAPanicBecomesAnError(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	opts := f.options(func(context.Context, *course.Exercise) (grade.Verdict, error) { panic("the grader broke") })
	in, typing := io.Pipe()
	out := &syncBuffer{}
	m, stop, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- run(context.Background(), m, stop, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(100, 30))
	}()
	// Type only once the map is drawn: a key before the size is known
	// would meet a terminal "too small" to act on it.
	teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte("Course map")) },
		teatest.WithDuration(waitLimit(t)), teatest.WithCheckInterval(10*time.Millisecond))
	if _, err := typing.Write([]byte("\r")); err != nil { // enter: open the exercise, which grades it
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "progress are saved") {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(waitLimit(t)):
		t.Fatal("Run did not return after a panic")
	}
	if err := typing.Close(); err != nil {
		t.Error(err)
	}
}
