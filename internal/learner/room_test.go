package learner

import (
	"testing"

	"github.com/accent-go/accent/internal/grade"
)

// A session in its own order: other first, then third, then a. The
// facilitator opened other and third; a is not opened yet. b is outside.
func TestTheRoomsRules(t *testing.T) {
	c, a, b, third, other := theCourse(t)
	r := Room{Code: "K7QX", Exercises: []string{other.ID, third.ID, a.ID}, Opened: []string{other.ID, third.ID}}
	st := state(other.ID, nil)

	// Standing: opened session exercises are open (third is locked by the
	// course's order, opened by the facilitator); a is not opened yet.
	for _, tt := range []struct {
		ex   string
		want Standing
		word string
	}{
		{other.ID, Current, "current"},
		{third.ID, Open, "open"},
		{a.ID, NotOpened, "not opened yet"},
		{b.ID, Locked, "locked"}, // outside the session: the course's rule
	} {
		ex, _ := c.Exercise(tt.ex)
		if got := StandingIn(c, st, r, ex); got != tt.want || got.String() != tt.word {
			t.Errorf("StandingIn(%s) = %v %q, want %v %q", tt.ex, got, got.String(), tt.want, tt.word)
		}
	}
	if got := StandingOf(c, st, third); got != Locked {
		t.Fatalf("the test needs third locked by the course: %v", got)
	}

	// Next follows the session: after other comes third, not the course's next.
	if got := Next(c, r, other.ID); got == nil || got.ID != third.ID {
		t.Errorf("Next after %s = %v, want %s", other.ID, got, third.ID)
	}
	// After third, a is next in the session but not opened: nothing yet,
	// and NotOpenedNext names it.
	if got := Next(c, r, third.ID); got != nil {
		t.Errorf("Next after %s = %s, want nothing until the facilitator opens %s", third.ID, got.ID, a.ID)
	}
	if got := NotOpenedNext(c, r, third.ID); got == nil || got.ID != a.ID {
		t.Errorf("NotOpenedNext = %v, want %s", got, a.ID)
	}
	// With no room, the course's order.
	if got := Next(c, Room{}, a.ID); got == nil || got.ID != b.ID {
		t.Errorf("Next with no room = %v, want %s", got, b.ID)
	}
	// Continue starts on the session's first opened exercise.
	if got := ContinueIn(c, state("", nil), r); got.ID != other.ID {
		t.Errorf("ContinueIn = %s, want %s", got.ID, other.ID)
	}
	if got := ContinueIn(c, state(b.ID, nil), r); got.ID != other.ID {
		t.Errorf("ContinueIn on an exercise outside the session = %s, want %s", got.ID, other.ID)
	}
	// A pass moves the current exercise along the session.
	st3 := state(other.ID, nil)
	RecordAttemptIn(c, st3, r, other, grade.Verdict{Exercise: other.ID, Status: grade.Pass}, nil, day)
	if st3.Current != third.ID {
		t.Errorf("after passing %s in the room, current = %q, want %s", other.ID, st3.Current, third.ID)
	}
}
