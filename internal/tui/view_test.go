package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

// screens are the workbench's pages in typical states, each reached from
// a fresh workspace by keys and messages.
var screens = []struct {
	name     string
	firstRun bool
	setup    func(t *testing.T, f *fixture)
	grade    func() grade.Verdict
	msgs     []tea.Msg
}{
	{name: "language_first_run", firstRun: true},
	{name: "map"},
	{name: "map_filtered", msgs: keys("/", "c", "h", "a", "n")},
	{name: "map_after_a_pass", setup: func(t *testing.T, f *fixture) {
		err := f.store.Update(func(st *progress.State) error {
			p := st.Exercise(fetchAll)
			p.Attempts, p.HintsUsed, p.FirstPass = 3, 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
			st.Current = boundedPool
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}},
	{name: "lesson", msgs: keys("k", "enter")},
	{name: "lesson_scrolled", msgs: keys("k", "enter", "space")},
	{name: "exercise_fail", grade: failVerdict, msgs: keys("enter")},
	{name: "exercise_second_finding_and_hint", grade: failVerdict, msgs: keys("enter", "tab", "h")},
	{name: "exercise_fail_related", grade: relatedVerdict, msgs: keys("enter")},
	{name: "exercise_fail_related_second_finding", grade: relatedVerdict, msgs: keys("enter", "tab")},
	{name: "exercise_pass", grade: passVerdict, msgs: keys("enter")},
	{name: "exercise_grading", grade: failVerdict, msgs: []tea.Msg{keyPress("enter"), keyPress("r")}},
	{name: "help_exercise", grade: failVerdict, msgs: keys("enter", "?")},
	{name: "language_later", msgs: keys("L")},
}

// TestView compares each screen, escape codes stripped, with its golden
// file at 100×30 and 60×20 (go test -update rewrites them).
func TestView(t *testing.T) {
	for _, sc := range screens {
		for _, sz := range [][2]int{{100, 30}, {60, 20}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				m := screenModel(t, sc.name, sz[0], sz[1])
				out := screen(m)
				checkFrame(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// screenModel builds the screen named name at w×h.
func screenModel(t *testing.T, name string, w, h int) Model {
	t.Helper()
	for _, sc := range screens {
		if sc.name != name {
			continue
		}
		f := newFixture(t)
		if !sc.firstRun {
			f.setLanguage(course.Node)
		}
		if sc.setup != nil {
			sc.setup(t, f)
		}
		verdict := failVerdict
		if sc.grade != nil {
			verdict = sc.grade
		}
		m := settle(t, f.model(cannedGrade(verdict())), size(w, h))
		for _, msg := range sc.msgs {
			if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "r" {
				// Start a grade and leave it running: the screen while grading.
				next, _ := m.Update(msg)
				m = next.(Model)
				continue
			}
			m = settle(t, m, msg)
		}
		return m
	}
	t.Fatalf("no screen %s", name)
	return Model{}
}

// checkFrame fails unless out is exactly h lines of at most w columns:
// anything else leaves garbage on a real terminal.
func checkFrame(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("%d lines at %d×%d", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d wide at %d×%d: %q", i, lw, w, h, l)
		}
		if strings.ContainsAny(l, "\t\r") {
			t.Errorf("line %d holds a tab or a carriage return: %q", i, l)
		}
	}
}

// TestEverySizeFits resizes every screen through many sizes, down to the
// smallest supported, and checks each frame fits exactly; below the
// smallest it must say the terminal is too small.
func TestEverySizeFits(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("renders every screen at many sizes; TestView covers 100×30 and 60×20")
	}
	sizes := [][2]int{{60, 20}, {61, 21}, {73, 22}, {80, 24}, {131, 37}, {211, 60}}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			m := screenModel(t, sc.name, 100, 30)
			for _, sz := range sizes {
				m = settle(t, m, size(sz[0], sz[1]))
				checkFrame(t, screen(m), sz[0], sz[1])
			}
			for _, sz := range [][2]int{{59, 20}, {60, 19}, {20, 5}, {1, 1}} {
				m = settle(t, m, size(sz[0], sz[1]))
				out := screen(m)
				checkFrame(t, out, sz[0], sz[1])
				if sz[0] >= 30 && !strings.Contains(out, "Terminal too small") {
					t.Errorf("%d×%d: no word that the terminal is too small:\n%s", sz[0], sz[1], out)
				}
			}
		})
	}
}

func TestTooSmall(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(failVerdict())), size(50, 15))
	out := screen(m)
	checkFrame(t, out, 50, 15)
	golden.RequireEqual(t, out)
}

// TestNoColor: with NO_COLOR the screen carries no colour codes, only
// attributes (bold, faint, reverse).
func TestNoColor(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	opts := f.options(cannedGrade(failVerdict()))
	opts.NoColor = true
	m, stop, err := New(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	m.c.animate = false
	m.c.watch = func(string, int) tea.Cmd { return nil }
	for _, msgs := range [][]tea.Msg{{size(100, 30)}, keys("k", "enter"), keys("esc", "j", "enter")} {
		m = settle(t, m, msgs...)
		if out := m.View().Content; colourSGR(out) {
			t.Fatalf("%s: colour escapes in NO_COLOR output:\n%q", m.state, out)
		}
	}
}

// colourSGR reports whether s sets a foreground or background colour.
func colourSGR(s string) bool {
	for _, seq := range strings.Split(s, "\x1b[")[1:] {
		params, _, ok := strings.Cut(seq, "m")
		if !ok {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			if (len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '8') ||
				(len(p) == 3 && p[0] == '1' && p[1] == '0' && p[2] >= '0' && p[2] <= '7') {
				return true
			}
		}
	}
	return false
}

// The selected finding lists its other sites under its message, positions
// relative to the exercise as its own; moving to a finding without any
// keeps the panel's size.
func TestExerciseShowsTheRelatedSitesOfTheSelectedFinding(t *testing.T) {
	t.Parallel()
	m := screenModel(t, "exercise_fail_related", 100, 30)
	out := screen(m)
	want := []string{
		"↳ fetchall.go:19 the goroutine is started here",
		"↳ fetchall.go:25 this loop can stop receiving early",
		"↳ 2 more: fetchall.go:27, fetchall.go:31",
	}
	if missing := contains(out, want...); len(missing) > 0 {
		t.Errorf("the selected finding's sites lack %q:\n%s", missing, out)
	}
	if strings.Contains(out, "without receiving from results") {
		t.Errorf("the panel lists more than %d lines of sites:\n%s", maxRelated, out)
	}
	ruleRow := func(s string) int {
		for i, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "────") {
				return i
			}
		}
		return -1
	}
	m = settle(t, m, keyPress("tab"))
	next := screen(m)
	if strings.Contains(next, "↳") {
		t.Errorf("sites shown for a finding that has none:\n%s", next)
	}
	if a, b := ruleRow(out), ruleRow(next); a < 0 || a != b {
		t.Errorf("the panel starts at row %d, then %d after tab: it must keep its size", a, b)
	}
}

// TestTheSelectedFindingShowsWhole: a long finding (a race report runs
// to several hundred characters), once selected, is never cut with "…" on
// a screen with room for it; the exercise view says where the learner's
// files are.
func TestTheSelectedFindingShowsWhole(t *testing.T) {
	long := func(tag string) string {
		var words []string
		for i := range 40 {
			words = append(words, fmt.Sprintf("%s%d", tag, i))
		}
		return strings.Join(words, " ") + " END-" + tag
	}
	v := grade.Verdict{Status: grade.Fail, Elapsed: time.Second, Findings: []grade.Finding{
		{Kind: grade.Race, File: "fetchall.go", Line: 19, Message: long("first")},
		{Kind: grade.Test, File: "fetchall_test.go", Line: 128, Message: long("second"), Test: "TestX"},
	}}
	// whole fails unless the finding tagged tag is on screen to its end.
	whole := func(t *testing.T, out, tag string) {
		t.Helper()
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, tag) && strings.HasSuffix(strings.TrimSpace(l), "…") && strings.Contains(l, "›") {
				t.Errorf("the selected finding is cut: %q", l)
			}
		}
		if !strings.Contains(out, "END-"+tag) {
			t.Errorf("the selected finding %s is not shown to its end:\n%s", tag, out)
		}
	}
	for _, sz := range [][2]int{{100, 30}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			f.setLanguage(course.Node)
			m := settle(t, f.model(cannedGrade(v)), size(sz[0], sz[1]))
			m = settle(t, m, keyPress("enter"))
			out := screen(m)
			checkFrame(t, out, sz[0], sz[1])
			whole(t, out, "first")
			m = settle(t, m, keyPress("tab"))
			out = screen(m)
			checkFrame(t, out, sz[0], sz[1])
			whole(t, out, "second")
		})
	}
}

func TestTheExerciseViewShowsItsDirectory(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(passVerdict())), size(100, 30))
	m = settle(t, m, keyPress("enter"))
	out := screen(m)
	ex, _ := f.course.Exercise(fetchAll)
	// The fixture's home is the workspace's parent: the path shows from ~.
	if dir := "~/ws/" + ex.Dir + "/"; !strings.Contains(out, "Your files:") || !strings.Contains(out, dir) {
		t.Errorf("the exercise view does not show its directory %s:\n%s", dir, out)
	}
}

// TestTheNewestHintIsInView: each hint revealed is brought into view,
// even when the hints run longer than the space above the verdict.
func TestTheNewestHintIsInView(t *testing.T) {
	for _, sz := range [][2]int{{100, 30}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			f.setLanguage(course.Node)
			ex, _ := f.course.Exercise(fetchAll)
			m := settle(t, f.model(cannedGrade(failVerdict())), size(sz[0], sz[1]))
			m = settle(t, m, keys("enter", "h", "h", "h")...)
			out := strings.Join(strings.Fields(screen(m)), " ")
			last := strings.Fields(ex.Hints[2])
			if tail := strings.Join(last[len(last)-4:], " "); !strings.Contains(out, tail) {
				t.Errorf("the third hint's end %q is not on screen:\n%s", tail, screen(m))
			}
		})
	}
}

// TestLOpensTheLessonAtTheTop: l opens the lesson that explains the
// finding at its start, not where the learner last scrolled it to.
func TestLOpensTheLessonAtTheTop(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(failVerdict())), size(60, 20))
	m = settle(t, m, keys("enter", "l", "space", "space")...)
	if m.state != lessonState || m.lesson.vp.YOffset() == 0 {
		t.Fatalf("the lesson did not open and scroll (state %v, offset %d)", m.state, m.lesson.vp.YOffset())
	}
	m = settle(t, m, keys("esc", "l")...)
	if m.state != lessonState || m.lesson.vp.YOffset() != 0 {
		t.Errorf("l opened the lesson at line %d, want its top:\n%s", m.lesson.vp.YOffset(), screen(m))
	}
}

// TestTheExerciseViewSaysAFileIsMissingOrATestWasEdited: the notes of
// learner.FileNotes are on screen with the verdict they explain.
func TestTheExerciseViewSaysAFileIsMissingOrATestWasEdited(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	ex, _ := f.course.Exercise(fetchAll)
	dir := f.ws.ExerciseDir(ex)
	for name := range ex.Starter {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	for name, b := range ex.Tests {
		if err := os.WriteFile(filepath.Join(dir, name), append(slices.Clone(b), "\n// mine\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := settle(t, f.model(cannedGrade(failVerdict())), size(100, 30))
	m = settle(t, m, keyPress("enter"))
	flat := strings.Join(strings.Fields(screen(m)), " ")
	for _, want := range []string{"is missing from " + fetchAll, "accent reset " + fetchAll, "You changed", "not your copy"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the exercise view does not say %q:\n%s", want, screen(m))
		}
	}
}
