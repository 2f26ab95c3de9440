package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/workshop"
)

// fakeWorkshop records reported events and hands out canned notices.
type fakeWorkshop struct {
	mu      sync.Mutex
	events  []workshop.Event
	notices chan workshop.Notice
	session workshop.Session
}

func (w *fakeWorkshop) Session() workshop.Session {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.session
}

func (w *fakeWorkshop) Report(e workshop.Event) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.events = append(w.events, e)
	return nil
}

func (w *fakeWorkshop) Notices() <-chan workshop.Notice { return w.notices }

func TestTheWorkbenchReportsToTheWorkshopAndShowsWhatItSays(t *testing.T) {
	f := newFixture(t)
	f.setLanguage("node")
	w := &fakeWorkshop{notices: make(chan workshop.Notice, 2)}
	w.notices <- workshop.Notice{Message: &workshop.Message{ID: 1, Text: "Break in five minutes"}}
	w.notices <- workshop.Notice{Opened: boundedPool}
	close(w.notices)
	m := f.model(cannedGrade(passVerdict()))
	m.c.workshop = w
	m = settle(t, m, size(100, 30))
	m = settle(t, m, runCmd(m.c.waitNotice())...)
	if !strings.Contains(screen(m), "Facilitator: Break in five minutes · The facilitator opened "+boundedPool) {
		t.Errorf("the broadcast is not on screen:\n%s", screen(m))
	}
	m = settle(t, m, exerciseOpenedMsg{id: fetchAll})
	m = settle(t, m, keys("h")...)
	w.mu.Lock()
	defer w.mu.Unlock()
	var got []string
	for _, e := range w.events {
		got = append(got, string(e.Kind)+" "+e.Exercise)
	}
	if len(got) != 2 || got[0] != "opened "+fetchAll || got[1] != "hint "+fetchAll || w.events[1].Tier != 1 {
		t.Errorf("reported %v (%+v)", got, w.events)
	}
}

func TestJoinAWorkshopFromTheWorkbench(t *testing.T) {
	f := newFixture(t)
	f.setLanguage("node")
	w := &fakeWorkshop{notices: make(chan workshop.Notice)}
	close(w.notices) // nothing to say: the in-line test loop must not wait
	var got []string
	m := f.model(cannedGrade(passVerdict()))
	m.c.join = func(server, code, name string) (Workshop, string, error) {
		got = []string{server, code, name}
		if code == "WRONG" {
			return nil, "", errors.New("no such room")
		}
		return w, server + " as " + name, nil
	}
	m = settle(t, m, size(100, 30), keyPress("W"))
	if m.state != joinState || !strings.Contains(screen(m), "Join a workshop") {
		t.Fatalf("W: state %s\n%s", m.state, screen(m))
	}
	// Enter with an empty field says what is missing; q and ? are typed, not obeyed.
	m = settle(t, m, keyPress("enter"))
	if !strings.Contains(screen(m), "Server (HOST:PORT) is needed") {
		t.Errorf("empty form:\n%s", screen(m))
	}
	m = settle(t, m, typed("10.0.0.5:7777")...)
	m = settle(t, m, keyPress("tab"))
	m = settle(t, m, typed("WRONG")...)
	m = settle(t, m, keyPress("tab"))
	m = settle(t, m, typed("Ana q?")...)
	m = settle(t, m, keyPress("enter"))
	if m.state != joinState || !strings.Contains(screen(m), "no such room") || strings.Join(got, "|") != "10.0.0.5:7777|WRONG|Ana q?" {
		t.Fatalf("a refused join: state %s, got %q\n%s", m.state, got, screen(m))
	}
	m = settle(t, m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	for range 5 {
		m = settle(t, m, keyPress("backspace"))
	}
	m = settle(t, m, typed("RIGHT")...)
	m = settle(t, m, keyPress("enter"))
	if m.state != mapState || m.c.workshop == nil || !strings.Contains(screen(m), "Joined the workshop at 10.0.0.5:7777 as Ana q?") {
		t.Fatalf("after joining: state %s\n%s", m.state, screen(m))
	}
	m = settle(t, m, exerciseOpenedMsg{id: fetchAll})
	if len(w.events) != 1 || w.events[0].Kind != workshop.Opened {
		t.Errorf("reported %+v after joining", w.events)
	}
	m = settle(t, m, keyPress("W"))
	if m.state == joinState || !strings.Contains(screen(m), "You are in a workshop at 10.0.0.5:7777") {
		t.Errorf("W when joined:\n%s", screen(m))
	}
}

// typed is the key presses of s, one rune at a time.
func typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}
