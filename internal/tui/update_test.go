package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

const (
	fetchAll    = "goroutines/fetch-all"
	boundedPool = "goroutines/bounded-pool"
	waitForAll  = "goroutines/wait-for-all"
)

// selected is the id of the course map's selected row.
func selected(m Model) string {
	if m.courseMap.sel < 0 {
		return ""
	}
	return m.courseMap.rows[m.courseMap.sel].id()
}

// TestUpdate drives the workbench with keys and messages, running every
// command it returns in line, and checks where it ends up.
func TestUpdate(t *testing.T) {
	type check func(t *testing.T, f *fixture, m Model)
	tests := []struct {
		name     string
		firstRun bool // no language chosen yet
		setup    func(f *fixture)
		grade    GradeFunc
		msgs     []tea.Msg
		check    check
	}{
		{
			name:     "the first run asks for the language and stores it",
			firstRun: true,
			msgs:     keys("j", "enter"),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != mapState || f.state().Language != "python" || m.c.language() != course.Python {
					t.Errorf("state %s, stored language %q", m.state, f.state().Language)
				}
			},
		},
		{
			name: "the map starts on the exercise to continue",
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != mapState || selected(m) != fetchAll {
					t.Errorf("state %s, selected %s", m.state, selected(m))
				}
			},
		},
		{
			name: "continue follows the current exercise",
			setup: func(f *fixture) {
				if err := f.store.Update(func(st *progress.State) error { st.Current = "channels/first-response"; return nil }); err != nil {
					t.Fatal(err)
				}
			},
			msgs: keys("g", "c"),
			check: func(t *testing.T, f *fixture, m Model) {
				if selected(m) != "channels/first-response" {
					t.Errorf("selected %s", selected(m))
				}
			},
		},
		{
			name: "arrows and vim keys move, skipping topic headers",
			msgs: keys("j", "down", "k"),
			check: func(t *testing.T, f *fixture, m Model) {
				if selected(m) != boundedPool {
					t.Errorf("selected %s, want %s", selected(m), boundedPool)
				}
			},
		},
		{
			name: "digits jump by number; a number with nothing starts again from the last digit",
			msgs: keys("5", "3"),
			check: func(t *testing.T, f *fixture, m Model) {
				if selected(m) != boundedPool {
					t.Errorf("selected %s after 5 3 (53 is nothing, 3 is %s)", selected(m), boundedPool)
				}
			},
		},
		{
			name: "a number with nothing says so",
			msgs: keys("9"),
			check: func(t *testing.T, f *fixture, m Model) {
				if selected(m) != fetchAll || !strings.Contains(m.status, "Nothing is numbered 9") {
					t.Errorf("selected %s, status %q", selected(m), m.status)
				}
			},
		},
		{
			name: "typing filters, enter keeps the filter, esc clears it",
			msgs: append(append(keys("/"), keys("c", "h", "a", "n")...), keyPress("enter"), keyPress("q")),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.courseMap.filtering || m.courseMap.filter.Value() != "chan" {
					t.Fatalf("filtering %v, filter %q", m.courseMap.filtering, m.courseMap.filter.Value())
				}
				for _, r := range m.courseMap.visible {
					if row := m.courseMap.rows[r]; row.topic.ID != "channels" && !strings.Contains(strings.ToLower(row.title()), "chan") {
						t.Errorf("row %s passes the filter chan", row.id())
					}
				}
				m = settle(t, m, keyPress("esc"))
				if m.courseMap.filter.Value() != "" || len(m.courseMap.visible) != len(m.courseMap.rows) {
					t.Errorf("esc left the filter %q", m.courseMap.filter.Value())
				}
			},
		},
		{
			name: "q is typed into the filter, not obeyed",
			msgs: keys("/", "q"),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.courseMap.filter.Value() != "q" {
					t.Errorf("filter %q", m.courseMap.filter.Value())
				}
			},
		},
		{
			name: "enter on a lesson opens it, rendered; esc goes back",
			msgs: keys("k", "enter"),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != lessonState || m.lesson.lesson.ID != waitForAll || m.lesson.shown.width != 100 {
					t.Fatalf("state %s, lesson %v, rendered at %d", m.state, m.lesson.lesson, m.lesson.shown.width)
				}
				if miss := contains(screen(m), "Start them all, wait for all", "sync.WaitGroup"); miss != nil {
					t.Errorf("the lesson lacks %q:\n%s", miss, screen(m))
				}
				if m = settle(t, m, keyPress("esc")); m.state != mapState {
					t.Errorf("esc: state %s", m.state)
				}
			},
		},
		{
			name:  "a locked exercise asks once, then opens",
			msgs:  keys("3", "enter"),
			grade: cannedGrade(failVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != mapState || !strings.Contains(m.status, "opens when") {
					t.Fatalf("state %s, status %q", m.state, m.status)
				}
				if m = settle(t, m, keyPress("enter")); m.state != exerciseState || m.exercise.ex.ID != boundedPool {
					t.Errorf("second enter: state %s", m.state)
				}
			},
		},
		{
			name:  "opening an exercise records it as current, grades and shows the verdict",
			msgs:  keys("enter"),
			grade: cannedGrade(failVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != exerciseState || m.exercise.grading || m.exercise.verdict == nil || m.exercise.verdict.Status != grade.Fail {
					t.Fatalf("state %s, grading %v, verdict %v", m.state, m.exercise.grading, m.exercise.verdict)
				}
				if f.state().Current != fetchAll {
					t.Errorf("current = %q", f.state().Current)
				}
				if miss := contains(screen(m), "Fetch all", "2 findings", "fetchall.go:14"); miss != nil {
					t.Errorf("the exercise view lacks %q:\n%s", miss, screen(m))
				}
				doc := ansi.Strip(m.exercise.vp.GetContent())
				if miss := contains(doc, "The Node.js you know · from/fetch_all.js", "Promise.all", "Your Go · fetchall.go", "func FetchAll"); miss != nil {
					t.Errorf("the document lacks %q:\n%s", miss, doc)
				}
			},
		},
		{
			name:  "tab selects the next finding; l opens its lesson and esc comes back",
			msgs:  keys("enter", "tab", "l"),
			grade: cannedGrade(failVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.exercise.finding != 1 || m.state != lessonState || m.lesson.from != exerciseState {
					t.Fatalf("finding %d, state %s, from %s", m.exercise.finding, m.state, m.lesson.from)
				}
				if m = settle(t, m, keyPress("esc")); m.state != exerciseState || m.exercise.ex.ID != fetchAll {
					t.Errorf("esc from the lesson: state %s", m.state)
				}
				if m = settle(t, m, keyPress("esc")); m.state != mapState || m.exercise.watcher != nil {
					t.Errorf("esc from the exercise: state %s", m.state)
				}
			},
		},
		{
			name:  "hints come one tier at a time, recorded, and stop at the last",
			msgs:  keys("enter", "h"),
			grade: cannedGrade(failVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				ex := f.exercise(fetchAll)
				if p, _ := f.state().Lookup(fetchAll); p.HintsUsed != 1 {
					t.Fatalf("hints used %d", p.HintsUsed)
				}
				if miss := contains(screen(m), "Hints (1 of"); miss != nil {
					t.Errorf("no hint on screen:\n%s", screen(m))
				}
				for range ex.Hints {
					m = settle(t, m, keyPress("h"))
				}
				if p, _ := f.state().Lookup(fetchAll); p.HintsUsed != len(ex.Hints) || !strings.Contains(m.status, "No more hints") {
					t.Errorf("hints used %d of %d, status %q", p.HintsUsed, len(ex.Hints), m.status)
				}
			},
		},
		{
			name:  "the solution waits for a pass",
			msgs:  keys("enter", "s"),
			grade: cannedGrade(failVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.exercise.solution || !strings.Contains(m.status, "unlocks once your code passes") {
					t.Errorf("solution %v, status %q", m.exercise.solution, m.status)
				}
			},
		},
		{
			name: "after a pass: the solution, and n for the next exercise",
			setup: func(f *fixture) {
				if err := f.store.Update(func(st *progress.State) error {
					st.Exercise(fetchAll).FirstPass = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			},
			msgs:  keys("k", "enter", "s"),
			grade: cannedGrade(passVerdict()),
			check: func(t *testing.T, f *fixture, m Model) {
				if miss := contains(screen(m), "Passed!", "n: next, “Bounded pool”"); miss != nil {
					t.Errorf("no celebration: %q\n%s", miss, screen(m))
				}
				if !m.exercise.solution || !strings.Contains(ansi.Strip(m.exercise.vp.GetContent()), "Reference solution") {
					t.Errorf("solution not shown")
				}
				if m = settle(t, m, keyPress("n")); m.exercise.ex.ID != boundedPool {
					t.Errorf("n opened %s", m.exercise.ex.ID)
				}
			},
		},
		{
			name: "? opens the help of the page; ? again closes it",
			msgs: keys("?"),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != helpState || !strings.Contains(screen(m), "jump to number") {
					t.Fatalf("state %s:\n%s", m.state, screen(m))
				}
				if m = settle(t, m, keyPress("?")); m.state != mapState {
					t.Errorf("state %s", m.state)
				}
			},
		},
		{
			name: "L changes the language later",
			msgs: keys("L", "j", "j", "enter"),
			check: func(t *testing.T, f *fixture, m Model) {
				if m.state != mapState || f.state().Language != "java" {
					t.Errorf("state %s, language %q", m.state, f.state().Language)
				}
			},
		},
		{
			name: "too small a terminal says so and ignores keys but q",
			msgs: []tea.Msg{size(59, 20), keyPress("j")},
			check: func(t *testing.T, f *fixture, m Model) {
				if selected(m) != fetchAll || !strings.Contains(screen(m), "Terminal too small: 59×20") {
					t.Errorf("selected %s:\n%s", selected(m), screen(m))
				}
			},
		},
		{
			name: "a resize renders the lesson again for the new width",
			msgs: []tea.Msg{keyPress("k"), keyPress("enter"), size(70, 24)},
			check: func(t *testing.T, f *fixture, m Model) {
				if m.lesson.shown.width != 70 {
					t.Errorf("rendered at %d after resizing to 70", m.lesson.shown.width)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			if !tt.firstRun {
				f.setLanguage(course.Node)
			}
			if tt.setup != nil {
				tt.setup(f)
			}
			g := tt.grade
			if g == nil {
				g = cannedGrade(failVerdict())
			}
			m := settle(t, f.model(g), append([]tea.Msg{size(100, 30)}, tt.msgs...)...)
			tt.check(t, f, m)
		})
	}
}

// TestStaleVerdictsAreDropped: a verdict that arrives after a newer grade
// started, or for an exercise the learner has left, changes nothing.
func TestStaleVerdictsAreDropped(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(failVerdict())), size(100, 30), keyPress("enter"))
	seq := m.exercise.seq
	for _, msg := range []exerciseGradedMsg{
		{id: fetchAll, seq: seq - 1, verdict: passVerdict()},
		{id: boundedPool, seq: seq, verdict: passVerdict()},
	} {
		next, _ := m.Update(msg)
		if got := next.(Model).exercise.verdict.Status; got != grade.Fail {
			t.Errorf("%+v replaced the verdict: %s", msg, got)
		}
	}
	next, _ := m.Update(exerciseGradedMsg{id: fetchAll, seq: seq, verdict: passVerdict()})
	if got := next.(Model).exercise.verdict.Status; got != grade.Pass {
		t.Errorf("the latest grade's verdict was dropped: %s", got)
	}
}

// TestNewGradeCancelsTheOldOne: grading again while a grade runs (a new
// save, or r) cancels the running one, whose processes the grader then
// kills, and its late verdict is dropped.
func TestNewGradeCancelsTheOldOne(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	canceled := make(chan error, 1)
	blocking := func(ctx context.Context, ex *course.Exercise) (grade.Verdict, error) {
		<-ctx.Done()
		canceled <- ctx.Err()
		return passVerdict(), nil // what the old code would have got
	}
	m := settle(t, f.model(cannedGrade(failVerdict())), size(100, 30), keyPress("enter"))
	m.c.grade = blocking
	next, first := m.Update(keyPress("r"))
	m = next.(Model)
	late := make(chan []tea.Msg, 1)
	go func() { late <- runCmd(first) }() // the first grade, running

	next, _ = m.Update(keyPress("r")) // a second grade starts: the first is canceled
	m = next.(Model)
	select {
	case err := <-canceled:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("first grade ended with %v", err)
		}
	case <-time.After(waitLimit(t)):
		t.Fatal("the first grade was not canceled")
	}
	for _, msg := range <-late {
		next, _ = m.Update(msg)
		m = next.(Model)
	}
	if !m.exercise.grading || m.exercise.verdict.Status != grade.Fail {
		t.Errorf("the canceled grade's verdict was taken: grading %v, %s", m.exercise.grading, m.exercise.verdict.Status)
	}
	if m.c.ctx.Err() != nil {
		t.Error("the workbench's own context was canceled")
	}
}

// TestKeysDuringAGradeNeverWait: Update returns at once while a grade
// runs, whatever is pressed; the grade runs in a command.
func TestKeysDuringAGradeNeverWait(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	release := make(chan struct{})
	defer close(release)
	blocking := func(ctx context.Context, ex *course.Exercise) (grade.Verdict, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return grade.Verdict{Exercise: ex.ID, Status: grade.Error}, nil
	}
	m := settle(t, f.model(blocking), size(100, 30))
	done := make(chan Model)
	go func() {
		next, _ := m.Update(exerciseOpenedMsg{id: fetchAll}) // returns the grade as a command, not run
		mm := next.(Model)
		for _, k := range keys("j", "j", "space", "tab", "G", "g", "k") {
			next, _ = mm.Update(k)
			mm = next.(Model)
			_ = mm.View()
		}
		done <- mm
	}()
	select {
	case mm := <-done:
		if !mm.exercise.grading || !strings.Contains(screen(mm), "grading "+fetchAll) {
			t.Errorf("grading %v:\n%s", mm.exercise.grading, screen(mm))
		}
	case <-time.After(waitLimit(t)):
		t.Fatal("Update blocked on the grade")
	}
}

// TestQuitCancelsTheGrade: q and ctrl+c quit, and cancel the grade in flight.
func TestQuitCancelsTheGrade(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		f := newFixture(t)
		f.setLanguage(course.Node)
		m := settle(t, f.model(cannedGrade(failVerdict())), size(100, 30), keyPress("enter"))
		next, _ := m.Update(keyPress("r")) // a grade in flight, not run
		m = next.(Model)
		var canceled bool
		ctx, cancel := context.WithCancel(context.Background())
		m.exercise.cancel = func() { canceled = true; cancel() }
		_, cmd := m.Update(keyPress(k))
		quit := false
		for _, msg := range runCmd(cmd) {
			if _, ok := msg.(tea.QuitMsg); ok {
				quit = true
			}
		}
		if !quit || !canceled || ctx.Err() == nil {
			t.Errorf("%s: quit %v, grade canceled %v", k, quit, canceled)
		}
	}
}

// TestJumpByTwoDigits: on the full course, 1 then 0 selects row 10.
func TestJumpByTwoDigits(t *testing.T) {
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	km := DefaultKeyMap()
	m := newCourseMap(&common{course: c, state: &progress.State{}, keys: &km, styles: NewStyles(true, false)})
	m.SetSize(100, 26)
	var want string
	for _, r := range m.rows {
		if r.num == 10 {
			want = r.id()
		}
	}
	if want == "" {
		t.Skip("the course has fewer than ten lessons and exercises")
	}
	for _, k := range keys("1", "0") {
		m, _ = m.Update(k)
	}
	if got := m.rows[m.sel].id(); got != want {
		t.Errorf("1 0 selected %s, want row 10, %s", got, want)
	}
}

// TestAPanicInUpdateQuitsCleanly: a bug that panics in Update does not
// crash the program with the terminal in raw mode: the model records the
// panic and quits, and Run reports it once the terminal is restored.
func TestAPanicInUpdateQuitsCleanly(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(failVerdict())), size(100, 30))
	m.courseMap.sel = len(m.courseMap.rows) + 10 // a corrupt selection: open() indexes out of range
	next, cmd := m.Update(keyPress("enter"))
	got := next.(Model)
	if got.crash == nil || !strings.Contains(fmt.Sprint(got.crash.value), "index out of range") || len(got.crash.stack) == 0 {
		t.Fatalf("crash = %+v", got.crash)
	}
	quit := false
	for _, msg := range runCmd(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
		}
	}
	if !quit {
		t.Error("no quit after the panic")
	}
}

// TestKeysTypedBeforeTheFirstFrameAreKept: a key pressed before the
// terminal has said its size (the first second at a slow start) is
// replayed once it has, not lost.
func TestKeysTypedBeforeTheFirstFrameAreKept(t *testing.T) {
	f := newFixture(t)
	m := f.model(cannedGrade(failVerdict())) // first run: the language picker
	if m.state != languageState {
		t.Fatalf("state = %v, want the language picker on a first run", m.state)
	}
	m = settle(t, m, keyPress("down"), keyPress("enter")) // Python, before any size
	m = settle(t, m, size(100, 30))
	if m.state == languageState || m.c.language() != course.Python {
		t.Errorf("after the first frame: state %v, language %s; want the keys typed ahead applied (Python chosen)", m.state, m.c.language())
	}
}
