package tui

import (
	"strings"
	"sync"
	"testing"

	"github.com/accent-go/accent/internal/workshop"
)

// fakeWorkshop records reported events and hands out canned notices.
type fakeWorkshop struct {
	mu      sync.Mutex
	events  []workshop.Event
	notices chan workshop.Notice
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
