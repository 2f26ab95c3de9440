package learner

import (
	"slices"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/workshop"
)

// Room is the workshop session a joined learner follows: the facilitator's
// exercises in their order (accent workshop serve --exercises) and the ones
// the facilitator has opened. The zero Room (not joined, or the session not
// known yet) changes nothing: the course's own rules apply.
type Room struct {
	Code      string   // the join code, as the header names the room
	Exercises []string // the session's exercises, in order
	Opened    []string // the ones the facilitator opened
}

// RoomOf is the room a workshop session describes.
func RoomOf(s workshop.Session) Room {
	return Room{Code: s.Code, Exercises: slices.Clone(s.Exercises), Opened: slices.Clone(s.Opened)}
}

// Active reports whether there is a session to follow.
func (r Room) Active() bool { return len(r.Exercises) > 0 }

// Has reports whether exercise id is one of the session's.
func (r Room) Has(id string) bool { return slices.Contains(r.Exercises, id) }

// IsOpen reports whether the facilitator opened exercise id.
func (r Room) IsOpen(id string) bool { return slices.Contains(r.Opened, id) }

// SessionExercises are the session's exercises the course knows, in the
// session's order.
func SessionExercises(c *course.Course, r Room) []*course.Exercise {
	var out []*course.Exercise
	for _, id := range r.Exercises {
		if ex, ok := c.Exercise(id); ok {
			out = append(out, ex)
		}
	}
	return out
}

// NotOpened is the standing of a session exercise the facilitator has not
// opened yet (see StandingIn).
const NotOpened Standing = 100

// StandingIn is where ex stands for a learner in room: a session exercise
// is done once passed, else current or open once the facilitator opened it
// (whatever the course's order says), else not opened yet; an exercise
// outside the session, or with no room, stands as StandingOf says.
func StandingIn(c *course.Course, st *progress.State, r Room, ex *course.Exercise) Standing {
	if !r.Active() || !r.Has(ex.ID) {
		return StandingOf(c, st, ex)
	}
	switch {
	case HasPassed(st, ex.ID):
		return Done
	case !r.IsOpen(ex.ID):
		return NotOpened
	case st != nil && st.Current == ex.ID:
		return Current
	}
	return Open
}

// Next is the exercise after id for the learner's "next" (n after a pass):
// in a room, the next session exercise in the session's order that the
// facilitator opened (the first one when id is outside the session), nil
// when there is none yet; with no room, the next exercise in course order.
func Next(c *course.Course, r Room, id string) *course.Exercise {
	if !r.Active() {
		return c.Next(id)
	}
	exs := SessionExercises(c, r)
	start := 0
	for i, ex := range exs {
		if ex.ID == id {
			start = i + 1
		}
	}
	for _, ex := range exs[start:] {
		if r.IsOpen(ex.ID) {
			return ex
		}
	}
	return nil
}

// NextUnpassedIn is the exercise to go on with after id: in a room, as
// Next; with no room, NextUnpassed.
func NextUnpassedIn(c *course.Course, st *progress.State, r Room, id string) *course.Exercise {
	if !r.Active() {
		return NextUnpassed(c, st, id)
	}
	return nextInRoom(c, st, r, id)
}

// nextInRoom is the first opened, unpassed session exercise after id in
// the session's order (from the start when id is not one of them),
// wrapping around; nil when none is.
func nextInRoom(c *course.Course, st *progress.State, r Room, id string) *course.Exercise {
	exs := SessionExercises(c, r)
	start := 0
	for i, ex := range exs {
		if ex.ID == id {
			start = i + 1
		}
	}
	for k := range exs {
		ex := exs[(start+k)%len(exs)]
		if ex.ID != id && r.IsOpen(ex.ID) && !HasPassed(st, ex.ID) {
			return ex
		}
	}
	return nil
}

// NotOpenedNext is the session exercise right after id that the
// facilitator has not opened yet, for saying why Next has nothing; nil if
// there is none.
func NotOpenedNext(c *course.Course, r Room, id string) *course.Exercise {
	exs := SessionExercises(c, r)
	for i, ex := range exs {
		if ex.ID == id {
			for _, after := range exs[i+1:] {
				if !r.IsOpen(after.ID) {
					return after
				}
			}
		}
	}
	return nil
}

// ContinueIn is the exercise to continue with: in a room, the current one
// if it is an opened session exercise, else the first opened session
// exercise not passed, else Continue.
func ContinueIn(c *course.Course, st *progress.State, r Room) *course.Exercise {
	if r.Active() {
		if st != nil && r.Has(st.Current) && r.IsOpen(st.Current) {
			if ex, ok := c.Exercise(st.Current); ok {
				return ex
			}
		}
		if ex := nextInRoom(c, st, r, ""); ex != nil {
			return ex
		}
	}
	return Continue(c, st)
}
