package dashboard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/workshop"
)

// now is the fixed time of every test.
var now = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

// fakeRoom is the facilitator's API in memory: it serves a snapshot and
// records what the dashboard asked for.
type fakeRoom struct {
	mu         sync.Mutex
	snap       workshop.Snapshot
	err        error
	fetches    int
	opened     []string
	broadcasts []string
}

func (f *fakeRoom) Room(context.Context) (workshop.Snapshot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fetches++
	return f.snap, f.err
}

func (f *fakeRoom) Open(_ context.Context, ex string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, ex)
	f.snap.Opened = append(f.snap.Opened, ex)
	return nil
}

func (f *fakeRoom) Broadcast(_ context.Context, text string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.broadcasts = append(f.broadcasts, text)
	return nil
}

// testModel is a dashboard on api at w×h, with no poll timer (tests poll
// by sending messages) and no colour.
func testModel(t testing.TB, api room, w, h int) Model {
	t.Helper()
	m := New(Options{NoColor: true, Now: func() time.Time { return now }})
	t.Cleanup(m.Stop)
	m.api = api
	m.timer = nil
	return settle(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// The session of the hand-built snapshots.
var session = []string{"goroutines/wait-for-all", "channels/pipeline", "channels/fan-in", "select/timeout"}

// snapshot is a room of four exercises, the first two open, and the
// participants given.
func snapshot(ps ...workshop.ParticipantState) workshop.Snapshot {
	return workshop.Snapshot{
		Code: "ABCD-EFGH", At: now, Exercises: session, Opened: session[:2],
		Participants: ps, TopFindings: []workshop.FindingCount{}, Messages: []workshop.Message{},
	}
}

// participant is one row: name, stuck reason and cells by exercise.
func participant(id, name, stuck string, cells map[string]workshop.CellState) workshop.ParticipantState {
	passed := 0
	for _, c := range cells {
		if c.State == "passed" {
			passed++
		}
	}
	return workshop.ParticipantState{ID: id, Name: name, Stuck: stuck, Cells: cells, Passed: passed, Joined: now, LastSeen: now}
}

// crowd is n participants, every third stuck.
func crowd(n int) []workshop.ParticipantState {
	ps := make([]workshop.ParticipantState, n)
	for i := range ps {
		stuck := ""
		if i%3 == 0 {
			stuck = "idle for 12m0s"
		}
		ps[i] = participant(fmt.Sprintf("p%03d", i), fmt.Sprintf("learner %03d", i), stuck, map[string]workshop.CellState{
			session[0]: {State: "passed", Attempts: 2},
			session[1]: {State: "failing", Attempts: i % 7},
		})
	}
	return ps
}

// settle sends msgs in turn, running every command they return in line
// (batches flattened) until nothing is left.
func settle(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for n := 0; len(queue) > 0; n++ {
			if n > 500 {
				t.Fatalf("settle: still busy after 500 messages (a loop?): %T", queue[0])
			}
			msg := queue[0]
			queue = queue[1:]
			if _, ok := msg.(tea.QuitMsg); ok {
				break
			}
			next, cmd := m.Update(msg)
			m = next.(Model)
			queue = append(queue, runCmd(cmd)...)
		}
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

// quits reports whether cmd (or a batch in it) quits.
func quits(cmd tea.Cmd) bool {
	for _, msg := range runCmd(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// keyPress is the message of one key, by name: "j", "enter", "ctrl+c".
func keyPress(name string) tea.Msg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

func keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = keyPress(n)
	}
	return out
}

// typed is the key presses of typing s.
func typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// screen is the dashboard's screen without escape codes.
func screen(m Model) string {
	return ansi.Strip(m.View().Content)
}

// checkFrame fails unless out is exactly h lines of at most w columns.
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

// rowOf is the screen line that shows name, or "".
func rowOf(out, name string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, name) {
			return l
		}
	}
	return ""
}

// lineIndex is the index of the first screen line holding s, or -1.
func lineIndex(out, s string) int {
	for i, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

var errUnreachable = errors.New("the workshop server at 127.0.0.1:7000 is out of reach: connection refused")

func size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }
