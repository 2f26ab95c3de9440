package dashboard

import (
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/workshop"
)

// The facilitator selects a participant and sees them in full: why they
// are stuck (never cut), and on every exercise its state and the findings
// of their last verdict, wrapped to the width. esc goes back to the room.
func TestAParticipantsDetails(t *testing.T) {
	reason := "the same failure 4 times in a row on channels/pipeline (analyzer:chanleak, test:TestPipelineOrder)"
	snap := snapshot(
		participant("1", "Ana Lima", "", map[string]workshop.CellState{session[0]: {State: "passed", Attempts: 1}}),
		participant("2", "Bo <b>Chen", reason, map[string]workshop.CellState{
			session[0]: {State: "passed", Attempts: 2, Hints: 1},
			session[1]: {State: "failing", Attempts: 4, Hints: 2, Findings: []string{"analyzer:chanleak", "test:TestPipelineOrder"}},
		}),
	)
	for _, w := range []int{60, 80, 140} {
		m := testModel(t, &fakeRoom{}, w, 30)
		m = settle(t, m, roomFetchedMsg{snap: snap})
		// Stuck first: Bo is the first row and selected; down selects Ana, up Bo again.
		m = settle(t, m, keyPress("down"), keyPress("up"), keyPress("enter"))
		if m.state != detailState {
			t.Fatalf("at %d: enter: state %s", w, m.state)
		}
		out := screen(m)
		checkFrame(t, out, w, 30)
		flat := strings.Join(strings.Fields(out), " ")
		for _, want := range []string{
			"Bo <b>Chen",
			"Stuck: " + reason,
			"channels/pipeline: failing · 4 attempts · 2 hints",
			"last verdict: analyzer:chanleak, test:TestPipelineOrder",
			"goroutines/wait-for-all: passed · 2 attempts · 1 hint",
			"channels/fan-in: not started (not opened yet)",
		} {
			if !strings.Contains(flat, want) {
				t.Errorf("at %d the details lack %q:\n%s", w, want, out)
			}
		}
		m = settle(t, m, keyPress("down"))
		if out := screen(m); !strings.Contains(out, "Ana Lima") || strings.Contains(out, "Bo <b>Chen") {
			t.Errorf("at %d, down in the details does not show the next participant:\n%s", w, out)
		}
		m = settle(t, m, keyPress("esc"))
		if m.state != boardState {
			t.Errorf("at %d, esc: state %s", w, m.state)
		}
	}
}

// Exercise names are not cut when the width has room for them (they were
// at most 13 columns: "duration-uni…").
func TestExerciseNamesFitTheWidth(t *testing.T) {
	snap := snapshot(participant("1", "Ana", "", nil))
	snap.Exercises = []string{"time/duration-units", "time/timer-reset"}
	snap.Opened = snap.Exercises[:1]
	m := testModel(t, &fakeRoom{}, 100, 24)
	m = settle(t, m, roomFetchedMsg{snap: snap})
	if out := screen(m); !strings.Contains(out, "duration-units ") || !strings.Contains(out, "timer-reset") {
		t.Errorf("the exercises' names are cut at 100 columns:\n%s", out)
	}
}
