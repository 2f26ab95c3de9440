package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/render"
	"github.com/accent-go/accent/internal/workspace"
)

var (
	courseOnce sync.Once
	theCourse  *course.Course
	courseErr  error

	templateOnce sync.Once
	templateDir  string // a workspace made by workspace.Init, copied for each test
	templateErr  error
)

func TestMain(m *testing.M) {
	if os.Getenv("ACCENT_TUI_TEST_CHILD") == "panic" {
		panicChild()
		return
	}
	code := m.Run()
	if templateDir != "" {
		if err := os.RemoveAll(filepath.Dir(templateDir)); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	os.Exit(code)
}

// panicChild is the workbench on this process's terminal, with a grade
// that panics (run by TestAPanicRestoresTheTerminal in a pseudo-terminal).
func panicChild() {
	fail := func(err error) {
		fmt.Println("CHILD-FAILED:", err)
		os.Exit(1)
	}
	c, err := course.Load(os.DirFS("testdata/course/lessons"), os.DirFS("testdata/course/exercises"))
	if err != nil {
		fail(err)
	}
	dir := os.Getenv("ACCENT_TUI_TEST_DIR")
	ws, _, err := workspace.Init(filepath.Join(dir, "ws"), c)
	if err != nil {
		fail(err)
	}
	store, err := progress.Open(filepath.Join(dir, "progress.json"), ws.Dir)
	if err != nil {
		fail(err)
	}
	st := &progress.State{Language: string(course.Node)}
	err = Run(context.Background(), Options{
		Course: c, Workspace: ws, Store: store, State: st, Theme: "dark",
		Grade: func(context.Context, *course.Exercise) (grade.Verdict, error) { panic("the grader broke") },
	})
	fmt.Println("\r\nRUN-RETURNED:", err)
	os.Exit(0)
}

// template is a fresh workspace, made once: workspace.Init syncs every
// file it writes, and a test only needs a copy.
func template(t testing.TB) string {
	t.Helper()
	c := testCourse(t)
	templateOnce.Do(func() {
		var dir string
		if dir, templateErr = os.MkdirTemp("", "accent-tui-test-"); templateErr != nil {
			return
		}
		templateDir = filepath.Join(dir, "ws")
		_, _, templateErr = workspace.Init(templateDir, c)
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	return templateDir
}

// embedded is the test course: two topics of the built-in course, frozen
// in testdata/course so that the views' golden files do not change each
// time the course grows. It is loaded once for the whole package.
func testCourse(t testing.TB) *course.Course {
	t.Helper()
	courseOnce.Do(func() {
		theCourse, courseErr = course.Load(os.DirFS("testdata/course/lessons"), os.DirFS("testdata/course/exercises"))
	})
	if courseErr != nil {
		t.Fatal(courseErr)
	}
	return theCourse
}

// fixture is a fresh workspace and progress store in temporary
// directories, as a learner has them after `accent init`.
type fixture struct {
	t      testing.TB
	course *course.Course
	ws     *workspace.Workspace
	store  *progress.Store
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	c := testCourse(t)
	dir := filepath.Join(t.TempDir(), "ws")
	if err := os.CopyFS(dir, os.DirFS(template(t))); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	path, err := progress.PathFor(t.TempDir(), ws.Dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := progress.Open(path, ws.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, course: c, ws: ws, store: store}
}

func (f *fixture) exercise(id string) *course.Exercise {
	f.t.Helper()
	ex, ok := f.course.Exercise(id)
	if !ok {
		f.t.Fatalf("no exercise %s", id)
	}
	return ex
}

func (f *fixture) state() *progress.State {
	f.t.Helper()
	st, err := f.store.Load()
	if err != nil {
		f.t.Fatal(err)
	}
	return st
}

// setLanguage records the learner's language, so the picker does not open.
func (f *fixture) setLanguage(l course.Language) {
	f.t.Helper()
	if err := f.store.Update(func(st *progress.State) error { st.Language = string(l); return nil }); err != nil {
		f.t.Fatal(err)
	}
}

// solve writes the reference solution of id over the learner's files, by
// writing a temporary file and renaming it over the original, as vim does.
func (f *fixture) solve(id string) {
	f.t.Helper()
	ex := f.exercise(id)
	for name, b := range ex.Solution {
		dst := filepath.Join(f.ws.ExerciseDir(ex), name)
		tmp := filepath.Join(f.ws.ExerciseDir(ex), "."+name+".swp")
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			f.t.Fatal(err)
		}
		if err := os.Rename(tmp, dst); err != nil {
			f.t.Fatal(err)
		}
	}
}

// realGrade grades with the real Grader and records the attempt the way
// the command line does (the CLI passes its own, tested in internal/cli).
func (f *fixture) realGrade() GradeFunc {
	g := &grade.Grader{}
	return func(ctx context.Context, ex *course.Exercise) (grade.Verdict, error) {
		v := g.Grade(ctx, ex, f.ws.ExerciseDir(ex))
		if v.Status == grade.Error {
			return v, nil
		}
		_, err := updateProgress(f.store, func(st *progress.State) {
			p := st.Exercise(ex.ID)
			p.Attempts++
			p.LastStatus = string(v.Status)
			if v.Status == grade.Pass && !p.Passed() {
				p.FirstPass = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
			}
		})
		return v, err
	}
}

// cannedGrade returns v for every grade, at once.
func cannedGrade(v grade.Verdict) GradeFunc {
	return func(_ context.Context, ex *course.Exercise) (grade.Verdict, error) {
		v.Exercise = ex.ID
		return v, nil
	}
}

// options are the workbench's options on the fixture, with a fixed theme.
func (f *fixture) options(g GradeFunc) Options {
	return Options{
		Course: f.course, Workspace: f.ws, Store: f.store, State: f.state(), Grade: g,
		Theme: "dark", Watch: WatchOptions{Debounce: 20 * time.Millisecond},
		Home: filepath.Dir(f.ws.Dir), // paths show as ~/ws/..., the same on every run
	}
}

// model builds the workbench for in-line tests: no animation and no
// watching, so that every command it returns runs to completion at once.
func (f *fixture) model(g GradeFunc) Model {
	f.t.Helper()
	m, stop, err := New(context.Background(), f.options(g))
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(stop)
	m.c.animate = false
	m.c.watch = func(string, int) tea.Cmd { return nil }
	m.c.renderer = sharedRenderer
	return m
}

// sharedRenderer caches renderings across tests: the same lesson at the
// same width renders once for the whole package.
var sharedRenderer = &render.Renderer{}

// settle feeds msgs to m, runs every command Update returns and feeds
// their messages back, until nothing is left: a synchronous event loop for
// models whose commands all return at once (see fixture.model).
func settle(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		m = settleOne(t, m, msg)
	}
	return m
}

// settleOne feeds msg to m and everything its commands produce, before the
// next key: the learner waits to see what a key did.
func settleOne(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0; n++ {
		if n > 500 {
			t.Fatalf("settle: still busy after 500 messages (a loop?): %T", queue[0])
		}
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			return m
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		queue = append(queue, runCmd(cmd)...)
	}
	return m
}

// runCmd runs cmd and returns its messages, batches flattened.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// keyPress is the message of one key, by name: "j", "enter", "ctrl+c".
func keyPress(name string) tea.Msg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// keys is the messages of several keys.
func keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = keyPress(n)
	}
	return out
}

func size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// screen is what the model draws, without escape codes.
func screen(m Model) string {
	return ansi.Strip(m.View().Content)
}

// failVerdict is a typical failing verdict, with a finding in the
// learner's file and one in the tests.
func failVerdict() grade.Verdict {
	return grade.Verdict{Status: grade.Fail, Elapsed: 1200 * time.Millisecond, Findings: []grade.Finding{
		{Kind: grade.Analyzer, File: "fetchall.go", Line: 14, Message: "call to wg.Add inside the goroutine it counts: Wait can return before it runs", Analyzer: "waitgroup", Lesson: "goroutines/wait-for-all"},
		{Kind: grade.Test, File: "fetchall_test.go", Line: 54, Message: "TestFetchesRunAtTheSameTime failed: three fetches of 1s each took 3s in all, want 1s: start every fetch before waiting for any", Test: "TestFetchesRunAtTheSameTime", Lesson: "goroutines/wait-for-all"},
	}}
}

// relatedVerdict has a leak finding with four other sites (one more than
// the panel lists) and a test finding with none.
func relatedVerdict() grade.Verdict {
	return grade.Verdict{Status: grade.Fail, Elapsed: 1200 * time.Millisecond, Findings: []grade.Finding{
		{Kind: grade.Analyzer, File: "fetchall.go", Line: 21, Col: 4, Analyzer: "chanleak", Lesson: "goroutines/wait-for-all",
			Message: "goroutine started at line 19 sends on results, but FetchAll can return at line 27 without receiving from it: the send blocks forever",
			Related: []grade.Related{
				{File: "fetchall.go", Line: 19, Col: 3, Message: "the goroutine is started here"},
				{File: "fetchall.go", Line: 25, Col: 3, Message: "this loop can stop receiving early"},
				{File: "fetchall.go", Line: 27, Col: 4, Message: "FetchAll returns here without receiving from results"},
				{File: "fetchall.go", Line: 31, Col: 2, Message: "FetchAll returns here without receiving from results"},
			}},
		{Kind: grade.Test, File: "fetchall_test.go", Line: 54, Message: "TestFetchesRunAtTheSameTime failed: three fetches of 1s each took 3s in all, want 1s", Test: "TestFetchesRunAtTheSameTime", Lesson: "goroutines/wait-for-all"},
	}}
}

func passVerdict() grade.Verdict {
	return grade.Verdict{Status: grade.Pass, Elapsed: 900 * time.Millisecond, Findings: []grade.Finding{}}
}

// lines is s split into lines, for messages about what is missing.
func contains(s string, parts ...string) (missing []string) {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			missing = append(missing, p)
		}
	}
	return missing
}
