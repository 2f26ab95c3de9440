package tui

import (
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/workshop"
)

// A joined learner's map follows the workshop session: its exercises
// first, in the facilitator's order, the opened ones open and the others
// "not opened yet"; n after a pass follows the session; the header names
// the room; a long broadcast is read in full.
func TestTheWorkbenchFollowsTheWorkshopSession(t *testing.T) {
	f := newFixture(t)
	f.setLanguage("node")
	exs := f.course.Exercises
	if len(exs) < 3 {
		t.Fatal("the fixture course needs three exercises")
	}
	// The facilitator's order is not the course's: last, first, second.
	first, second, third := exs[len(exs)-1], exs[0], exs[1]
	w := &fakeWorkshop{notices: make(chan workshop.Notice, 4), session: workshop.Session{
		Code:      "K7QX-M2PA",
		Exercises: []string{first.ID, second.ID, third.ID},
		Opened:    []string{first.ID, second.ID},
	}}
	long := "The facilitator says: everyone please read the lesson on durations before you start time/duration-units, and ask if the units puzzle you at the end"
	w.notices <- workshop.Notice{Session: true}
	w.notices <- workshop.Notice{Message: &workshop.Message{ID: 1, Text: long}}
	close(w.notices)
	m := f.model(cannedGrade(passVerdict()))
	m.c.workshop = w
	m = settle(t, m, size(80, 30))
	m = settle(t, m, runCmd(m.c.waitNotice())...)
	m = settle(t, m, runCmd(m.c.waitNotice())...)
	s := screen(m)
	lines := strings.Split(s, "\n")
	if !strings.Contains(lines[0], "room K7QX-M2PA") {
		t.Errorf("the header does not name the room:\n%s", lines[0])
	}
	// The session comes first, in its order.
	iSession, iFirst, iSecond, iThird := strings.Index(s, "Workshop session"), strings.Index(s, first.Title), strings.Index(s, second.Title), strings.Index(s, third.Title)
	if iSession < 0 || !(iSession < iFirst && iFirst < iSecond && iSecond < iThird) {
		t.Errorf("the session's exercises are not first, in its order (%d %d %d %d):\n%s", iSession, iFirst, iSecond, iThird, s)
	}
	for _, l := range lines {
		if strings.Contains(l, third.Title) && !strings.Contains(l, "not opened yet") {
			t.Errorf("the exercise not opened yet says otherwise: %q", l)
		}
		if strings.Contains(l, first.Title) && (strings.Contains(l, "locked") || strings.Contains(l, "not opened")) {
			t.Errorf("an opened exercise is not open: %q", l)
		}
	}
	// The broadcast is there in full, wrapped.
	flat := strings.Join(strings.Fields(s), " ")
	if !strings.Contains(flat, strings.Join(strings.Fields("Facilitator: "+long), " ")) {
		t.Errorf("the broadcast is cut:\n%s", s)
	}
	if n := len(lines); n != 30 {
		t.Errorf("the screen has %d lines, want 30", n)
	}

	// The selection is on the session's first exercise; open it, pass, n.
	m = settle(t, m, keyPress("enter"))
	if m.state != exerciseState || m.exercise.ex == nil || m.exercise.ex.ID != first.ID {
		got := "nothing"
		if m.exercise.ex != nil {
			got = m.exercise.ex.ID
		}
		t.Fatalf("enter opened %s, want the session's first, %s", got, first.ID)
	}
	m = settle(t, m, keyPress("r"))
	if !strings.Contains(screen(m), "n: next, "+quote(second.Title)) {
		t.Errorf("after a pass, the next is not the session's:\n%s", screen(m))
	}
	m = settle(t, m, keyPress("n"))
	if m.exercise.ex.ID != second.ID {
		t.Errorf("n went to %s, want the session's next, %s", m.exercise.ex.ID, second.ID)
	}
	// After second, third is next but not opened: n says so and stays.
	m = settle(t, m, keyPress("r"), keyPress("n"))
	if m.exercise.ex.ID != second.ID || !strings.Contains(screen(m), "has not opened the next one") {
		t.Errorf("n past the opened ones went to %s:\n%s", m.exercise.ex.ID, screen(m))
	}
}
