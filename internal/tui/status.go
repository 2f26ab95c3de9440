package tui

import (
	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/progress"
)

// status is where the learner stands on one exercise.
type status int

const (
	statusLocked  status = iota // the exercise before it in its topic has not passed yet
	statusOpen                  // ready to start
	statusCurrent               // where the learner left off
	statusDone                  // passed
)

func (s status) String() string {
	switch s {
	case statusLocked:
		return "locked"
	case statusOpen:
		return "open"
	case statusCurrent:
		return "current"
	case statusDone:
		return "done"
	}
	return "unknown"
}

// exerciseStatus says whether ex is done, current, open or locked. Within a
// topic, exercises unlock in order: each one opens when the one before it
// passes. The first exercise of every topic is open, and so is anything
// the learner has already tried or is on.
func exerciseStatus(c *course.Course, st *progress.State, ex *course.Exercise) status {
	p, ok := lookup(st, ex.ID)
	switch {
	case ok && p.Passed():
		return statusDone
	case st != nil && st.Current == ex.ID:
		return statusCurrent
	case ok && p.Attempts > 0:
		return statusOpen
	}
	prev := previousInTopic(c, ex)
	if prev == nil {
		return statusOpen
	}
	if p, ok := lookup(st, prev.ID); ok && p.Passed() {
		return statusOpen
	}
	return statusLocked
}

// previousInTopic is the exercise before ex in its topic, or nil.
func previousInTopic(c *course.Course, ex *course.Exercise) *course.Exercise {
	t, ok := c.Topic(ex.Topic)
	if !ok {
		return nil
	}
	for i, e := range t.Exercises {
		if e.ID == ex.ID && i > 0 {
			return t.Exercises[i-1]
		}
	}
	return nil
}

func lookup(st *progress.State, id string) (progress.Exercise, bool) {
	if st == nil {
		return progress.Exercise{}, false
	}
	return st.Lookup(id)
}

func passed(st *progress.State, id string) bool {
	p, ok := lookup(st, id)
	return ok && p.Passed()
}

// passedCount is how many of the course's exercises have passed.
func passedCount(c *course.Course, st *progress.State) int {
	n := 0
	for _, ex := range c.Exercises {
		if passed(st, ex.ID) {
			n++
		}
	}
	return n
}

// continueID is the exercise to continue with: the current one, else the
// first that has not passed, else the first.
func continueID(c *course.Course, st *progress.State) string {
	if st != nil {
		if _, ok := c.Exercise(st.Current); ok {
			return st.Current
		}
	}
	for _, ex := range c.Exercises {
		if !passed(st, ex.ID) {
			return ex.ID
		}
	}
	if len(c.Exercises) > 0 {
		return c.Exercises[0].ID
	}
	return ""
}
