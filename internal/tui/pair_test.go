package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/accent-go/accent/internal/course"
	pairmode "github.com/accent-go/accent/internal/pair"
)

// fakeClock is the pair session's clock: it moves only when a test says.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// pairFixture is the workbench in pair mode, Ana Lima (with an email)
// driving and Bo (without) navigating, on a fake clock, logging to a
// temporary file.
type pairFixture struct {
	*fixture
	clock *fakeClock
	log   *pairmode.Log
}

func newPairFixture(t *testing.T) *pairFixture {
	t.Helper()
	f := newFixture(t)
	f.setLanguage(course.Node)
	return &pairFixture{
		fixture: f,
		clock:   &fakeClock{t: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)},
		log:     pairmode.OpenLog(filepath.Join(t.TempDir(), pairmode.LogName)),
	}
}

// model builds the workbench in pair mode for in-line tests: the tick is
// sent by the test, never by a timer.
func (f *pairFixture) model(g GradeFunc, rotate time.Duration) Model {
	f.t.Helper()
	s, err := pairmode.New(pairmode.Config{
		Driver: pairmode.Person{Name: "Ana Lima", Email: "ana@example.com"}, Navigator: pairmode.Person{Name: "Bo"},
		Rotate: rotate, Clock: f.clock.now, ID: "s1",
	})
	if err != nil {
		f.t.Fatal(err)
	}
	opts := f.options(g)
	opts.Pair = &PairOptions{Session: s, Log: f.log}
	m, stop, err := New(context.Background(), opts)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(stop)
	m.c.animate = false
	m.c.watch = func(string, int) tea.Cmd { return nil }
	m.c.renderer = sharedRenderer
	m.pair.every = 0
	return m
}

// records is the log, as kind:exercise:driver.
func (f *pairFixture) records() []string {
	f.t.Helper()
	recs, notices, err := f.log.Read()
	if err != nil || len(notices) > 0 {
		f.t.Fatalf("reading the pair log: %v %v", notices, err)
	}
	var out []string
	for _, r := range recs {
		s := r.Kind + ":" + r.Exercise + ":" + r.Driver.Name
		if r.Kind == pairmode.KindStint || r.Kind == pairmode.KindEnd {
			s += fmt.Sprintf(":%ds", r.Seconds)
		}
		out = append(out, s)
	}
	return out
}

// statusRow is the status line, the screen's last line but one.
func statusRow(m Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-2]
}

func TestPairCountdown(t *testing.T) {
	f := newPairFixture(t)
	m := settle(t, f.model(cannedGrade(failVerdict()), 15*time.Minute), size(100, 30))
	if row := statusRow(m); !strings.Contains(row, "Ana Lima drives · Bo navigates · swap in 15:00") {
		t.Errorf("status row %q", row)
	}
	f.clock.advance(61 * time.Second)
	m = settle(t, m, pairTickedMsg{})
	if row := statusRow(m); !strings.Contains(row, "swap in 13:59") || m.pair.asking {
		t.Errorf("after 61s: asking %v, status row %q", m.pair.asking, row)
	}
	// A status message and the roles share the row; at 60 columns the
	// roles shorten.
	m = settle(t, m, size(60, 20), keyPress("9"))
	row := statusRow(m)
	if !strings.Contains(row, "Nothing is numbered 9") || !strings.Contains(row, "Ana Lima drives · 13:59") {
		t.Errorf("at 60 columns with a message: %q", row)
	}
	checkFrame(t, screen(m), 60, 20)
}

func TestPairSwapPrompt(t *testing.T) {
	f := newPairFixture(t)
	m := settle(t, f.model(cannedGrade(failVerdict()), 15*time.Minute), size(100, 30))
	f.clock.advance(15 * time.Minute)
	m = settle(t, m, pairTickedMsg{})
	if !m.pair.asking {
		t.Fatal("no prompt when the countdown reached zero")
	}
	if miss := contains(screen(m), "Time to swap roles", "Bo drives now; Ana Lima navigates.", "Ana Lima, hand the keyboard to Bo.", "enter swap", "esc 5m more", "swap now"); miss != nil {
		t.Errorf("the prompt lacks %q:\n%s", miss, screen(m))
	}
	// The prompt is modal: keys meant for the page do nothing.
	m = settle(t, m, keyPress("j"), keyPress("q"))
	if !m.pair.asking || selected(m) != fetchAll {
		t.Fatalf("a key went through the prompt: asking %v, selected %s", m.pair.asking, selected(m))
	}
	// esc: five more minutes.
	m = settle(t, m, keyPress("esc"))
	if m.pair.asking || m.pair.session.Driver().Name != "Ana Lima" || m.pair.session.Remaining() != pairmode.Snooze {
		t.Fatalf("esc: asking %v, driver %s, remaining %s", m.pair.asking, m.pair.session.Driver(), m.pair.session.Remaining())
	}
	if !strings.Contains(m.status, "Ana Lima drives 5m more") {
		t.Errorf("status %q", m.status)
	}
	f.clock.advance(4 * time.Minute)
	if m = settle(t, m, pairTickedMsg{}); m.pair.asking {
		t.Fatal("asked again before the five minutes were up")
	}
	f.clock.advance(time.Minute)
	m = settle(t, m, pairTickedMsg{}, keyPress("enter"))
	if m.pair.asking || m.pair.session.Driver().Name != "Bo" || m.pair.session.Navigator().Name != "Ana Lima" {
		t.Fatalf("enter: asking %v, driver %s", m.pair.asking, m.pair.session.Driver())
	}
	if row := statusRow(m); !strings.Contains(row, "Bo drives now, Ana Lima navigates. Next swap in 15m.") || !strings.Contains(row, "Bo drives · 15:00") {
		t.Errorf("status row after the swap: %q", row)
	}
	want := []string{"stint::Ana Lima:1200s", "swap::Bo"}
	if got := f.records(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("log:\n got %q\nwant %q", got, want)
	}
	// S asks at once.
	if m = settle(t, m, keyPress("S")); !m.pair.asking {
		t.Error("S did not open the prompt")
	}
}

func TestPairLogsWhatThePairDrove(t *testing.T) {
	f := newPairFixture(t)
	m := f.model(cannedGrade(failVerdict()), 15*time.Minute)
	if err := f.log.Append(m.pair.session.Started()); err != nil { // as accent pair does
		t.Fatal(err)
	}
	m = settle(t, m, size(100, 30))
	f.clock.advance(10 * time.Second) // choosing on the map
	m = settle(t, m, keyPress("enter"))
	f.clock.advance(2 * time.Minute)
	m = settle(t, m, keyPress("l")) // its lesson: still in front of this exercise
	f.clock.advance(time.Minute)
	m = settle(t, m, keyPress("esc"))
	m.c.grade = cannedGrade(passVerdict())
	m = settle(t, m, keyPress("r"), keyPress("r")) // a second pass in a row is not a new pass
	f.clock.advance(time.Minute)
	m = settle(t, m, keyPress("esc")) // back to the map
	f.clock.advance(30 * time.Second)
	if err := m.shutdown(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"start::Ana Lima", "stint::Ana Lima:10s", "pass:goroutines/fetch-all:Ana Lima",
		"stint:goroutines/fetch-all:Ana Lima:240s", "stint::Ana Lima:30s", "end:::280s",
	}
	if got := f.records(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("log:\n got %q\nwant %q", got, want)
	}
}

func TestPairTrailerAfterAPass(t *testing.T) {
	f := newPairFixture(t)
	m := settle(t, f.model(cannedGrade(passVerdict()), 15*time.Minute), size(100, 30), keyPress("enter"))
	if miss := contains(screen(m), "Passed!", "Co-authored-by: Ana Lima <ana@example.com>\n", "Co-authored-by: Bo\n", "Bo has no email: GitHub credits a co-author only by email"); miss != nil {
		t.Errorf("no trailer: %q\n%s", miss, screen(m))
	}
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "Co-authored-by:") && !strings.HasPrefix(l, "Co-authored-by:") {
			t.Errorf("a trailer line does not start the line, so it does not copy as one: %q", l)
		}
	}
	m = settle(t, m, keyPress("esc"), keyPress("j"), keyPress("enter"))
	m.c.grade = cannedGrade(failVerdict())
	if m = settle(t, m, keyPress("r")); strings.Contains(screen(m), "Co-authored-by") {
		t.Errorf("a trailer without a pass:\n%s", screen(m))
	}
}

// TestPairTicksAgainAndAgain: each tick asks for the next, a new timer
// each time (a tea.Tick fires only once).
func TestPairTicksAgainAndAgain(t *testing.T) {
	f := newPairFixture(t)
	m := f.model(cannedGrade(failVerdict()), 15*time.Minute)
	m.pair.every = time.Millisecond
	cmd := m.pair.start()
	for i := range 3 {
		if cmd == nil {
			t.Fatalf("tick %d: no command", i)
		}
		msg := cmd()
		if _, ok := msg.(pairTickedMsg); !ok {
			t.Fatalf("tick %d: %T", i, msg)
		}
		var next tea.Model
		next, cmd = m.Update(msg)
		m = next.(Model)
	}
}

// TestNoPairNoTick: one learner gets no pair line and no tick.
func TestNoPairNoTick(t *testing.T) {
	f := newFixture(t)
	f.setLanguage(course.Node)
	m := settle(t, f.model(cannedGrade(passVerdict())), size(100, 30), keyPress("enter"))
	if m.pair.start() != nil || m.pair.active() {
		t.Error("a tick without a pair session")
	}
	if scr := screen(m); strings.Contains(scr, "drives") || strings.Contains(scr, "Co-authored-by") {
		t.Errorf("pair mode without a pair:\n%s", scr)
	}
	if m.pair.end() != nil {
		t.Error("ending no session failed")
	}
}

// TestPairView: the swap prompt and the trailer, against golden files
// (go test -update rewrites them).
func TestPairView(t *testing.T) {
	for _, name := range []string{"prompt", "trailer"} {
		for _, sz := range [][2]int{{100, 30}, {60, 20}} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				f := newPairFixture(t)
				v := failVerdict()
				if name == "trailer" {
					v = passVerdict()
				}
				m := settle(t, f.model(cannedGrade(v), 15*time.Minute), size(sz[0], sz[1]), keyPress("enter"))
				if name == "prompt" {
					f.clock.advance(15 * time.Minute)
					m = settle(t, m, pairTickedMsg{})
				}
				out := screen(m)
				checkFrame(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}
