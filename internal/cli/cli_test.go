package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

// harness runs accent commands in-process against a temporary workspace
// and state directory.
type harness struct {
	t         *testing.T
	workspace string
	state     string
	course    *course.Course
	stdin     string
	inTTY     bool
	env       Env    // the environment the commands see
	workDir   string // the current directory the commands see
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, workspace: filepath.Join(t.TempDir(), "ws"), state: t.TempDir(), course: c}
}

func (h *harness) globals(out, errOut *bytes.Buffer) *Globals {
	return &Globals{
		IO:       &IOStreams{In: strings.NewReader(h.stdin), Out: out, ErrOut: errOut, InTTY: h.inTTY},
		StateDir: h.state,
		Env:      h.env,
		WorkDir:  h.workDir,
		Grader:   &grade.Grader{},
		Course:   func() (*course.Course, error) { return h.course, nil },
		Now:      func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) },
	}
}

func (h *harness) run(args ...string) (code int, stdout, stderr string) {
	h.t.Helper()
	var out, errOut bytes.Buffer
	args = append([]string{"--workspace", h.workspace}, args...)
	code = Run(context.Background(), h.globals(&out, &errOut), args)
	return code, out.String(), errOut.String()
}

func (h *harness) mustRun(args ...string) string {
	h.t.Helper()
	code, out, errOut := h.run(args...)
	if code != 0 {
		h.t.Fatalf("accent %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func (h *harness) exercise(id string) *course.Exercise {
	ex, ok := h.course.Exercise(id)
	if !ok {
		h.t.Fatalf("no exercise %s", id)
	}
	return ex
}

// solve writes the reference solution into the workspace.
func (h *harness) solve(id string) {
	ex := h.exercise(id)
	for name, b := range ex.Solution {
		if err := os.WriteFile(filepath.Join(h.workspace, ex.Dir, name), b, 0o644); err != nil {
			h.t.Fatal(err)
		}
	}
}

func (h *harness) progress() *progress.State {
	h.t.Helper()
	path, err := progress.PathFor(h.state, h.workspace)
	if err != nil {
		h.t.Fatal(err)
	}
	s, err := progress.Open(path, h.workspace)
	if err != nil {
		h.t.Fatal(err)
	}
	st, err := s.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	return st
}

const firstID = "goroutines/fetch-all"

func TestWorkbenchFirstRunCreatesWorkspaceAndNeverWaitsWithoutTerminal(t *testing.T) {
	h := newHarness(t)
	h.stdin = "c\nq\n" // must not be read: stdin is not a terminal
	code, out, errOut := h.run()
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "Created your accent workspace at "+h.workspace) {
		t.Errorf("stderr = %q, want it to say where the workspace was created", errOut)
	}
	if !strings.Contains(out, "Current exercise: "+firstID) || !strings.Contains(out, "not a terminal") {
		t.Errorf("stdout = %q", out)
	}
	if _, err := os.Stat(filepath.Join(h.workspace, "go.mod")); err != nil {
		t.Errorf("workspace not created: %v", err)
	}
	if st := h.progress(); len(st.Exercises) != 0 {
		t.Errorf("the workbench graded without being asked: %+v", st.Exercises)
	}
}

func TestWorkbenchPlainAtATerminalReadsCommands(t *testing.T) {
	h := newHarness(t)
	h.inTTY = true
	h.stdin = "h\nn\nq\n"
	var out, errOut bytes.Buffer
	g := h.globals(&out, &errOut)
	g.IO.OutTTY = true
	code := Run(context.Background(), g, []string{"--workspace", h.workspace, "--plain"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	second := h.course.Exercises[1]
	for _, want := range []string{"Hint 1 of", "\n" + second.ID + " — " + second.Title, "[" + second.ID + "]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if st := h.progress(); st.Current != second.ID {
		t.Errorf("current = %q, want %q after n", st.Current, second.ID)
	}
}

// runAtTerminal runs accent as if stdin and stdout were a terminal.
func (h *harness) runAtTerminal(args ...string) (code int, stdout, stderr string) {
	h.t.Helper()
	h.inTTY = true
	var out, errOut bytes.Buffer
	g := h.globals(&out, &errOut)
	g.IO.OutTTY = true
	code = Run(context.Background(), g, append([]string{"--workspace", h.workspace}, args...))
	return code, out.String(), errOut.String()
}

func TestWorkbenchAccessibleIsPlain(t *testing.T) {
	h := newHarness(t)
	h.env.Accessible = true // ACCESSIBLE=1
	h.stdin = "q\n"
	code, out, errOut := h.runAtTerminal()
	if code != 0 || !strings.Contains(out, "c check  w watch") || strings.Contains(out, "\x1b[") {
		t.Errorf("exit %d, stderr %q, stdout %q: want the plain menu, no escape codes", code, errOut, out)
	}
}

func TestWorkbenchPlainChoosesTheLanguage(t *testing.T) {
	h := newHarness(t)
	h.stdin = "L\n2\nt\nq\n"
	code, out, errOut := h.runAtTerminal("--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ex := h.exercise(firstID)
	var py string
	for _, src := range ex.From {
		if src.Language == course.Python {
			py = src.Name
		}
	}
	for _, want := range []string{"You come from Python.", "The Python you know (from/" + py + "):"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if st := h.progress(); st.Language != "python" {
		t.Errorf("language = %q", st.Language)
	}
}

func TestWorkbenchPlainWatchStopsOnEnter(t *testing.T) {
	h := newHarness(t)
	h.stdin = "w\n\nq\n" // watch, Enter stops it, quit
	code, out, errOut := h.runAtTerminal("--plain")
	if code != 0 || !strings.Contains(out, "save a file to re-grade, Enter to stop.") {
		t.Errorf("exit %d, stderr %q\n%s", code, errOut, out)
	}
	if strings.Contains(out, "Ctrl-C") || strings.Count(out, "to stop") != 1 {
		t.Errorf("the plain watch must say one way to stop it, Enter:\n%s", out)
	}
}

// TestWorkbenchFullScreenRestoresTheTerminal: at a terminal, accent opens
// the full-screen workbench and leaves the alternate screen when it quits.
// (The tmux test in internal/tui drives it in a real terminal.)
func TestWorkbenchFullScreenRestoresTheTerminal(t *testing.T) {
	h := newHarness(t)
	h.env.Theme = "dark" // ACCENT_THEME=dark
	h.stdin = "q"
	code, out, errOut := h.runAtTerminal()
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	enter, leave := strings.Index(out, "\x1b[?1049h"), strings.LastIndex(out, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Errorf("alternate screen entered at %d, left at %d:\n%q", enter, leave, out)
	}
}

func TestAPanicBecomesAnErrorMessage(t *testing.T) {
	var out, errOut bytes.Buffer
	h := newHarness(t)
	g := h.globals(&out, &errOut)
	g.Course = func() (*course.Course, error) { panic("boom") }
	code := Run(context.Background(), g, []string{"--workspace", h.workspace, "list"})
	if code != ExitUsage || !strings.Contains(errOut.String(), "accent: internal error") || !strings.Contains(errOut.String(), "boom") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestInitIsIdempotentAndKeepsEdits(t *testing.T) {
	h := newHarness(t)
	out := h.mustRun("init")
	if !strings.Contains(out, "Created your accent workspace") {
		t.Errorf("first init: %q", out)
	}
	ex := h.exercise(firstID)
	var starter string
	for name := range ex.Starter {
		starter = filepath.Join(h.workspace, ex.Dir, name)
	}
	if err := os.WriteFile(starter, []byte("package fetchall // my work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = h.mustRun("init")
	if !strings.Contains(out, "0 new file(s), 0 refreshed, 1 edited by you and kept") {
		t.Errorf("second init: %q", out)
	}
	if b, err := os.ReadFile(starter); err != nil || string(b) != "package fetchall // my work\n" {
		t.Errorf("init overwrote an edit: %q, %v", b, err)
	}
}

func TestListJSON(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	var got struct {
		Lessons []struct {
			ID        string   `json:"id"`
			Exercises []string `json:"exercises"`
		} `json:"lessons"`
		Exercises []struct {
			ID     string   `json:"id"`
			Topic  string   `json:"topic"`
			Title  string   `json:"title"`
			Lesson string   `json:"lesson"`
			From   []string `json:"from"`
			Status string   `json:"status"`
		} `json:"exercises"`
	}
	if err := json.Unmarshal([]byte(h.mustRun("list", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Lessons) != len(h.course.Lessons) || len(got.Exercises) != len(h.course.Exercises) {
		t.Fatalf("got %d lessons, %d exercises", len(got.Lessons), len(got.Exercises))
	}
	topics := map[string]int{}
	for _, e := range got.Exercises {
		topics[e.Topic]++
		if e.ID == "" || e.Title == "" || e.Lesson == "" || e.Status != "new" {
			t.Errorf("incomplete exercise entry %+v", e)
		}
		if strings.Join(e.From, ",") != "node,python,java" {
			t.Errorf("%s: from = %v", e.ID, e.From)
		}
	}
	if len(topics) != 5 {
		t.Errorf("topics = %v, want five", topics)
	}
}

func TestCheckGradesRecordsAndUnlocksTheSolution(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")

	code, _, errOut := h.run("solution", firstID)
	if code != ExitFail || !strings.Contains(errOut, "unlocks once your code passes") {
		t.Errorf("solution before passing: exit %d, %q", code, errOut)
	}

	code, out, _ := h.run("check", firstID, "--json")
	if code != ExitFail {
		t.Fatalf("check on the starting code: exit %d, want %d\n%s", code, ExitFail, out)
	}
	var verdicts []struct {
		ID       string `json:"id"`
		Status   string `json:"status"`
		Findings []struct {
			Kind, File, Message string
			Line                int
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &verdicts); err != nil {
		t.Fatalf("check --json: %v\n%s", err, out)
	}
	if len(verdicts) != 1 || verdicts[0].ID != firstID || verdicts[0].Status != "fail" || len(verdicts[0].Findings) == 0 {
		t.Fatalf("verdicts = %+v", verdicts)
	}

	h.solve(firstID)
	out = h.mustRun("check", "fetch-all") // a unique slug is enough
	if !strings.Contains(out, "✓ "+firstID+": pass") {
		t.Errorf("check after solving: %q", out)
	}
	p, ok := h.progress().Lookup(firstID)
	if !ok || p.Attempts != 2 || !p.Passed() || p.PassHash == "" || p.LastStatus != "pass" {
		t.Errorf("progress = %+v", p)
	}
	if out := h.mustRun("solution", firstID); !strings.Contains(out, "reference solution of "+firstID) {
		t.Errorf("solution after passing: %q", out)
	}
	if st := h.progress(); st.Current != h.course.Exercises[1].ID {
		t.Errorf("current = %q, want the next exercise after a pass", st.Current)
	}
}

func TestBadInputGetsClearErrors(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing workspace", []string{"check", firstID}, ExitUsage, "run `accent init"},
		{"missing workspace for list", []string{"list"}, ExitUsage, "no accent workspace at"},
		{"unknown flag", []string{"check", "--jsn"}, ExitUsage, "unknown flag"},
		{"unknown command", []string{"chek"}, ExitUsage, "unknown command"},
	}
	for _, tt := range tests {
		code, _, errOut := h.run(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d mentioning %q", tt.name, code, errOut, tt.code, tt.want)
		}
	}
	h.mustRun("init")
	for _, args := range [][]string{{"check", "goroutines/fetch-al"}, {"hint", "nope"}, {"reset", "--yes", "nope"}, {"lesson", "nope"}} {
		code, _, errOut := h.run(args...)
		if code != ExitUsage || !strings.Contains(errOut, "accent list shows them all") {
			t.Errorf("accent %v: exit %d, %q; want a usage error naming the unknown id", args, code, errOut)
		}
	}
	_, _, errOut := h.run("check", "goroutines/fetch-al")
	if !strings.Contains(errOut, "did you mean goroutines/fetch-all") {
		t.Errorf("no suggestion for a typo: %q", errOut)
	}
}

func TestHintRevealsOneTierMoreEachTime(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	ex := h.exercise(firstID)
	for i := 1; i <= len(ex.Hints)+1; i++ {
		out := h.mustRun("hint", firstID)
		shown := min(i, len(ex.Hints))
		if n := strings.Count(out, "Hint "); n != shown {
			t.Errorf("call %d shows %d hints, want %d:\n%s", i, n, shown, out)
		}
		if shown == len(ex.Hints) && !strings.Contains(out, "last hint") {
			t.Errorf("call %d: no word that this was the last hint", i)
		}
	}
	if p, _ := h.progress().Lookup(firstID); p.HintsUsed != len(ex.Hints) {
		t.Errorf("hints used = %d, want %d", p.HintsUsed, len(ex.Hints))
	}
}

func TestResetAsksKeepsABackupAndRestores(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	ex := h.exercise(firstID)
	var name string
	for n := range ex.Starter {
		name = n
	}
	path := filepath.Join(h.workspace, ex.Dir, name)
	edit := []byte("package fetchall\n\n// an hour of work\n")
	if err := os.WriteFile(path, edit, 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, errOut := h.run("reset", firstID) // no terminal, no --yes
	if code != ExitUsage || !strings.Contains(errOut, "--yes") {
		t.Errorf("reset without confirmation: exit %d, %q", code, errOut)
	}
	h.inTTY, h.stdin = true, "n\n"
	if out := h.mustRun("reset", firstID); !strings.Contains(out, "Nothing was reset") {
		t.Errorf("answering n: %q", out)
	}
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, edit) {
		t.Fatalf("the edit was lost without confirmation (%v)", err)
	}

	h.stdin = "y\n"
	out := h.mustRun("reset", firstID)
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, ex.Starter[name]) {
		t.Errorf("reset did not restore the starting code (%v)", err)
	}
	i := strings.Index(out, "Your previous files are in ")
	if i < 0 {
		t.Fatalf("no backup named: %q", out)
	}
	backup := strings.TrimSpace(out[i+len("Your previous files are in "):])
	if b, err := os.ReadFile(filepath.Join(backup, name)); err != nil || !bytes.Equal(b, edit) {
		t.Errorf("backup holds %q, %v; want the edit", b, err)
	}
}

func TestCorruptProgressIsSetAsideWithAMessage(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	path, err := progress.PathFor(h.state, h.workspace)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := h.run("list")
	if code != 0 || !strings.Contains(out, "0 of ") {
		t.Fatalf("list with a corrupt progress file: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "was corrupt") || !strings.Contains(errOut, "moved it to") {
		t.Errorf("stderr = %q, want the corrupt file named and set aside", errOut)
	}
	matches, err := filepath.Glob(path + ".corrupt-*")
	if err != nil || len(matches) != 1 {
		t.Fatalf("set-aside copies: %v, %v", matches, err)
	}
	if b, err := os.ReadFile(matches[0]); err != nil || string(b) != "{not json" {
		t.Errorf("the corrupt bytes were not kept: %q, %v", b, err)
	}
}

func TestTwoAccentsAtOnceLoseNoProgress(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	var wg sync.WaitGroup
	codes := make([]int, 4)
	for i := range codes {
		wg.Go(func() {
			var out, errOut bytes.Buffer
			codes[i] = Run(context.Background(), h.globals(&out, &errOut), []string{"--workspace", h.workspace, "hint", firstID})
		})
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Errorf("run %d: exit %d", i, c)
		}
	}
	ex := h.exercise(firstID)
	if p, _ := h.progress().Lookup(firstID); p.HintsUsed != min(4, len(ex.Hints)) {
		t.Errorf("hints used = %d after 4 concurrent hints, want %d", p.HintsUsed, min(4, len(ex.Hints)))
	}
}

func TestLessonPrintsPlainTextWhenPiped(t *testing.T) {
	h := newHarness(t)
	l := h.course.Lessons[0]
	out := h.mustRun("lesson", l.ID)
	if !strings.Contains(out, l.Title) || strings.Contains(out, "\x1b[") {
		t.Errorf("lesson output: title present %v, escape codes present %v", strings.Contains(out, l.Title), strings.Contains(out, "\x1b["))
	}
	if n := strings.Count(out, l.Title); n != 1 {
		t.Errorf("the title %q appears %d times; a lesson that has its own # heading must not get a second one", l.Title, n)
	}
}

func TestWatchRegradesOnSaveByRename(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	var out, errOut bytes.Buffer
	g := h.globals(&out, &errOut)
	g.Workspace = h.workspace
	verdicts := make(chan grade.Verdict, 4)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- runWatch(ctx, &WatchOptions{Globals: g, ID: firstID, Debounce: 50 * time.Millisecond,
			graded: func(v grade.Verdict) { verdicts <- v }})
	}()
	if v := <-verdicts; v.Status != grade.Fail {
		t.Fatalf("first grade = %s, want fail", v.Status)
	}
	// Save the way vim does: write a new file, rename it over the old one.
	ex := h.exercise(firstID)
	for name, b := range ex.Solution {
		tmp := filepath.Join(h.workspace, ex.Dir, "."+name+".swp")
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(h.workspace, ex.Dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case v := <-verdicts:
		if v.Status != grade.Pass {
			t.Errorf("after saving the solution: %s %+v", v.Status, v.Findings)
		}
	case err := <-done:
		t.Fatalf("watch ended early: %v", err)
	}
	cancel() // Ctrl-C
	var exit *ExitError
	if err := <-done; !errors.As(err, &exit) || exit.Code != ExitInterrupted {
		t.Errorf("watch stopped by Ctrl-C: %v, want exit %d", err, ExitInterrupted)
	}
	if !strings.Contains(out.String(), "Ctrl-C to stop.") || !strings.HasSuffix(out.String(), "\nStopped watching "+firstID+".\n") {
		t.Errorf("watch said:\n%s", out.String())
	}
}

func TestDevCheckRejectsABrokenCourseOnDisk(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lessons", "01-goroutines"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "exercises"), 0o755); err != nil {
		t.Fatal(err)
	}
	topic := "---\nid: goroutines\ntitle: Goroutines\nsummary: extra\n---\nx\n"
	if err := os.WriteFile(filepath.Join(dir, "lessons", "01-goroutines", "topic.md"), []byte(topic), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := h.run("dev", "check", "--course", dir)
	if code != ExitFail || !strings.Contains(errOut, "topic.md: front matter") || !strings.Contains(errOut, "summary") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// The grading of the whole built-in course (every stub fails, every
// solution passes, every wrong variant is caught) runs through this
// command in internal/coursecheck, one test binary per topic, so that no
// binary carries the whole course within go test's time limit.

func TestDevCheckGradesOnlyTheNamedExercisesAndTopics(t *testing.T) {
	h := newHarness(t)
	c := h.course
	first := c.Exercises[0]
	got, err := selectExercises(c, []string{first.ID, first.Topic})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range got {
		if ex.Topic != first.Topic {
			t.Errorf("selected %s, outside topic %s", ex.ID, first.Topic)
		}
	}
	if len(got) == 0 || got[0] != first {
		t.Errorf("selected %d exercises, want %s first", len(got), first.ID)
	}
	code, _, errOut := h.run("dev", "check", "no-such-exercise")
	if code != ExitUsage || !strings.Contains(errOut, "no exercise") {
		t.Errorf("unknown exercise: exit %d, stderr %s", code, errOut)
	}
}

// A grade that ran is shown even when the progress cannot be saved (a
// full or read-only state directory, a lock held too long): the learner
// sees the verdict and why it was not recorded.
func TestAVerdictIsShownWhenProgressCannotBeSaved(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	h.solve("goroutines/fetch-all")
	old := progress.LockTimeout
	progress.LockTimeout = 50 * time.Millisecond
	defer func() { progress.LockTimeout = old }()
	path, err := progress.PathFor(h.state, h.workspace)
	if err != nil {
		t.Fatal(err)
	}
	// Another process holds the progress lock and never lets go.
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	lock := flock.New(path + ".lock")
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock() //accent:ignore errignored the test is over
	code, out, errOut := h.run("check", "goroutines/fetch-all")
	if !strings.Contains(out, "goroutines/fetch-all: pass") {
		t.Errorf("the verdict is not shown (exit %d):\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "progress was not saved") || !strings.Contains(errOut, "lock") {
		t.Errorf("stderr does not say the progress was not saved and why:\n%s", errOut)
	}
	if code != 0 {
		t.Errorf("exit %d; the exit code is the verdict's", code)
	}
}

// accent check prints an analyzer finding's other sites under it, named
// as the finding is (relative to the exercise), and --json carries them.
func TestCheckPrintsTheRelatedPositions(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	const id = "goroutines/safe-cache"
	ex := h.exercise(id)
	var src []byte
	for _, w := range ex.Wrong {
		if w.Name == "early-return" {
			src = w.SourceFiles(ex)["cache.go"]
		}
	}
	if src == nil {
		t.Fatal("safe-cache has no early-return variant with a cache.go")
	}
	if err := os.WriteFile(filepath.Join(h.workspace, ex.Dir, "cache.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	line := func(sub string) int {
		i := bytes.Index(src, []byte(sub))
		if i < 0 {
			t.Fatalf("%q is not in the variant", sub)
		}
		return bytes.Count(src[:i], []byte("\n")) + 1
	}
	code, out, _ := h.run("check", id)
	if code != ExitFail {
		t.Fatalf("check: exit %d, want %d\n%s", code, ExitFail, out)
	}
	finding := fmt.Sprintf("  unlockpath cache.go:%d: return with c.mu still locked", line("return v // returns"))
	locked := fmt.Sprintf("\n            related: cache.go:%d: c.mu is locked here\n", line("c.mu.Lock()"))
	unlocked := fmt.Sprintf("\n            related: cache.go:%d: the other paths Unlock it here\n", line("c.mu.Unlock()"))
	i := strings.Index(out, finding)
	if i < 0 {
		t.Fatalf("no line %q in:\n%s", finding, out)
	}
	rest := out[i:]
	if j, k := strings.Index(rest, locked), strings.Index(rest, unlocked); j < 0 || k < j {
		t.Errorf("no lines %q then %q under the finding:\n%s", locked, unlocked, out)
	}

	code, out, _ = h.run("check", id, "--json")
	if code != ExitFail {
		t.Fatalf("check --json: exit %d\n%s", code, out)
	}
	var verdicts []grade.Verdict
	if err := json.Unmarshal([]byte(out), &verdicts); err != nil {
		t.Fatalf("check --json: %v\n%s", err, out)
	}
	for _, f := range verdicts[0].Findings {
		if f.Analyzer == "unlockpath" {
			if len(f.Related) != 2 || f.Related[0] != (grade.Related{File: "cache.go", Line: line("c.mu.Lock()"), Col: 11, Message: "c.mu is locked here"}) {
				t.Errorf("related in --json = %+v", f.Related)
			}
			return
		}
	}
	t.Errorf("no unlockpath finding in --json: %s", out)
}

// firstExercises is the course cut to its first n exercises, so that
// checking "all" of them stays quick.
func firstExercises(c *course.Course, n int) *course.Course {
	sub := *c
	sub.Exercises = c.Exercises[:n]
	return &sub
}

func TestCheckAllRecordsOnlyTheExercisesTheLearnerTouched(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	h.course = firstExercises(h.course, 3)
	edited, untouched, hinted := h.course.Exercises[0], h.course.Exercises[1], h.course.Exercises[2]
	h.solve(edited.ID)
	h.mustRun("hint", hinted.ID)

	code, out, errOut := h.run("check")
	if code != ExitFail {
		t.Fatalf("check: exit %d, want %d\n%s%s", code, ExitFail, out, errOut)
	}
	for _, ex := range h.course.Exercises {
		if !strings.Contains(out, ex.ID+":") {
			t.Errorf("check shows no verdict for %s:\n%s", ex.ID, out)
		}
	}
	st := h.progress()
	if p, ok := st.Lookup(edited.ID); !ok || p.Attempts != 1 || !p.Passed() {
		t.Errorf("%s (edited) = %+v, want one attempt, passed", edited.ID, p)
	}
	if p, ok := st.Lookup(hinted.ID); !ok || p.Attempts != 1 {
		t.Errorf("%s (opened for a hint) = %+v, want one attempt", hinted.ID, p)
	}
	if p, ok := st.Lookup(untouched.ID); ok && p.Attempts != 0 {
		t.Errorf("%s (untouched) = %+v, want no attempt", untouched.ID, p)
	}

	// Named, it is an attempt, touched or not.
	h.run("check", untouched.ID)
	if p, _ := h.progress().Lookup(untouched.ID); p.Attempts != 1 {
		t.Errorf("%s checked by name = %+v, want one attempt", untouched.ID, p)
	}
}

// runHere runs accent without --workspace, from h.workDir.
func (h *harness) runHere(args ...string) (code int, stdout, stderr string) {
	h.t.Helper()
	var out, errOut bytes.Buffer
	code = Run(context.Background(), h.globals(&out, &errOut), args)
	return code, out.String(), errOut.String()
}

func TestTheCurrentDirectoryNamesTheWorkspaceAndTheExercise(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	h.env.Workspace = filepath.Join(t.TempDir(), "elsewhere") // the current directory wins
	second := h.course.Exercises[1]
	dir := filepath.Join(h.workspace, filepath.FromSlash(second.Dir))

	for _, wd := range []string{dir, filepath.Join(dir, "from")} {
		h.workDir = wd
		code, out, errOut := h.runHere("check", ".", "--json")
		if code == ExitUsage || !strings.Contains(out, `"id": "`+second.ID+`"`) {
			t.Errorf("check . in %s: exit %d\n%s%s", wd, code, out, errOut)
		}
		code, out, errOut = h.runHere("hint")
		if code != 0 || !strings.Contains(out, second.ID) || !strings.Contains(out, second.Hints[0]) {
			t.Errorf("hint in %s: exit %d\n%s%s", wd, code, out, errOut)
		}
	}
	if p, _ := h.progress().Lookup(second.ID); p.HintsUsed != 2 || p.Attempts != 2 {
		t.Errorf("progress of %s = %+v, want 2 hints and 2 attempts", second.ID, p)
	}

	// At the workspace's root, hint is for the current exercise; . names none.
	h.workDir = h.workspace
	if code, out, errOut := h.runHere("hint"); code != 0 || !strings.Contains(out, firstID) {
		t.Errorf("hint at the root: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := h.runHere("check", "."); code != ExitUsage || !strings.Contains(errOut, "not in an exercise") {
		t.Errorf("check . at the root: exit %d, %s", code, errOut)
	}
	// ../sibling names the exercise it points into.
	h.workDir = dir
	rel, err := filepath.Rel(dir, filepath.Join(h.workspace, filepath.FromSlash(h.course.Exercises[0].Dir)))
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := h.runHere("check", filepath.ToSlash(rel), "--json"); code == ExitUsage || !strings.Contains(out, `"id": "`+firstID+`"`) {
		t.Errorf("check %s: exit %d\n%s%s", rel, code, out, errOut)
	}
}

func TestNoWorkspaceSaysHowToCreateTheOneAskedFor(t *testing.T) {
	h := newHarness(t)
	h.workDir = t.TempDir()
	given := filepath.Join(t.TempDir(), "my ws")
	code, _, errOut := h.runHere("--workspace", given, "list")
	if code != ExitUsage || !strings.Contains(errOut, "accent init --workspace '"+given+"'") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	h.env.Workspace = given
	code, _, errOut = h.runHere("list")
	if code != ExitUsage || !strings.Contains(errOut, "(ACCENT_WORKSPACE): run `accent init`") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestCheckSaysAFileIsMissingOrATestWasEdited(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	ex := h.exercise(firstID)
	dir := filepath.Join(h.workspace, filepath.FromSlash(ex.Dir))
	for name := range ex.Starter {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	_, out, _ := h.run("check", firstID)
	if !strings.Contains(out, "is missing from "+firstID) || !strings.Contains(out, "`accent reset "+firstID+"`") {
		t.Errorf("check with the starting code removed:\n%s", out)
	}
	h.mustRun("reset", firstID, "--yes")
	for name, b := range ex.Tests {
		if err := os.WriteFile(filepath.Join(dir, name), append(slices.Clone(b), "\n// t.Skip the slow one\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, _ = h.run("check", firstID)
	if !strings.Contains(out, "You changed ") || !strings.Contains(out, "not your copy") {
		t.Errorf("check with an edited test:\n%s", out)
	}
}

func TestCheckStoppedSaysHowFarItGot(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	h.course = firstExercises(h.course, 3)
	for _, asJSON := range []bool{false, true} {
		var out, errOut bytes.Buffer
		g := h.globals(&out, &errOut)
		g.Workspace = h.workspace
		ctx, cancel := context.WithCancel(context.Background())
		opts := &CheckOptions{Globals: g, JSON: asJSON, graded: func(grade.Verdict) { cancel() }} // Ctrl-C after the first
		err := runCheck(ctx, opts)
		cancel()
		var exit *ExitError
		if !errors.As(err, &exit) || exit.Code != ExitInterrupted {
			t.Errorf("json=%v: err = %v, want exit %d", asJSON, err, ExitInterrupted)
		}
		if !strings.Contains(errOut.String(), "stopped after 1 of 3") {
			t.Errorf("json=%v: stderr = %q", asJSON, errOut.String())
		}
		if !asJSON {
			if !strings.Contains(out.String(), "Stopped after 1 of 3 exercises: 0 passed") || strings.Contains(out.String(), "of 1 passed") {
				t.Errorf("stdout = %q", out.String())
			}
			continue
		}
		var verdicts []struct {
			ID  string `json:"id"`
			Dir string `json:"dir"`
		}
		if err := json.Unmarshal(out.Bytes(), &verdicts); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		first := h.course.Exercises[0]
		if len(verdicts) != 1 || verdicts[0].ID != first.ID || verdicts[0].Dir != filepath.Join(h.workspace, filepath.FromSlash(first.Dir)) {
			t.Errorf("verdicts = %+v", verdicts)
		}
	}
}

func TestLessonFollowsTheLearnerAndTheTerminal(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	path, err := progress.PathFor(h.state, h.workspace)
	if err != nil {
		t.Fatal(err)
	}
	store, err := progress.Open(path, h.workspace)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Update(func(st *progress.State) error { st.Language = string(course.Python); return nil }); err != nil {
		t.Fatal(err)
	}
	const id = "goroutines/wait-for-all"
	out := h.mustRun("lesson", id)
	py, node := strings.Index(out, "\n  Python\n"), strings.Index(out, "\n  Node.js\n")
	if py < 0 || (node >= 0 && node < py) {
		t.Errorf("a Python learner's lesson must show Python first (Python at %d, Node.js at %d):\n%s", py, node, out)
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in spaces: %q", i+1, line)
		}
		if strings.HasPrefix(strings.TrimSpace(line), "## ") {
			t.Errorf("line %d shows a literal ##: %q", i+1, line)
		}
	}
	// At a wide terminal it uses the width: some line is wider than 80.
	h.env.NoColor = true // a terminal, but plain: widths are easy to count
	var wide bytes.Buffer
	g := h.globals(&wide, &bytes.Buffer{})
	g.IO.OutTTY, g.IO.Width = true, 160
	if code := Run(context.Background(), g, []string{"--workspace", h.workspace, "lesson", id}); code != 0 {
		t.Fatalf("lesson at 160 columns: exit %d", code)
	}
	longest := 0
	for _, line := range strings.Split(wide.String(), "\n") {
		longest = max(longest, len([]rune(line)))
	}
	if longest <= 80 || longest > 160 {
		t.Errorf("at 160 columns the longest line is %d", longest)
	}
}
