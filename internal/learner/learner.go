// Package learner holds the learner's rules, in one place for both
// workbenches (the full-screen TUI and the line-based CLI): what opening an
// exercise, revealing a hint and a graded attempt record in the learner's
// progress; where the learner stands on each exercise and in what words;
// what comes next; and which events a joined workshop hears.
//
// Its functions work on a progress.State in memory and return what
// happened; reading and writing the store, and sending the events, are the
// caller's (a command, never Bubble Tea's Update). A nil *progress.State
// reads as a learner with no progress.
package learner

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

// Status is what the learner's record says of one exercise.
type Status int

const (
	New       Status = iota // never graded
	Attempted               // graded, never passed
	Passed                  // passed at least once
)

// String is the status's word, as accent list --json prints it.
func (s Status) String() string {
	switch s {
	case New:
		return "new"
	case Attempted:
		return "attempted"
	case Passed:
		return "passed"
	}
	return "unknown"
}

// StatusOf is the status of exercise id in st.
func StatusOf(st *progress.State, id string) Status {
	p, ok := Lookup(st, id)
	switch {
	case ok && p.Passed():
		return Passed
	case ok && p.Attempts > 0:
		return Attempted
	}
	return New
}

// Standing is where an exercise stands on the course map.
type Standing int

const (
	Locked  Standing = iota // the exercise before it in its topic has not passed yet
	Open                    // ready to start
	Current                 // where the learner left off
	Done                    // passed
)

// String is the standing's word, as the course map shows it.
func (s Standing) String() string {
	switch s {
	case Locked:
		return "locked"
	case Open:
		return "open"
	case Current:
		return "current"
	case Done:
		return "done"
	case NotOpened:
		return "not opened yet"
	}
	return "unknown"
}

// StandingOf says whether ex is done, current, open or locked. Within a
// topic, exercises unlock in order: each one opens when the one before it
// passes. The first exercise of every topic is open, and so is anything
// the learner has already tried or is on. A locked exercise can still be
// opened: the lock is advice.
func StandingOf(c *course.Course, st *progress.State, ex *course.Exercise) Standing {
	switch status := StatusOf(st, ex.ID); {
	case status == Passed:
		return Done
	case st != nil && st.Current == ex.ID:
		return Current
	case status == Attempted:
		return Open
	}
	if prev := Previous(c, ex); prev == nil || HasPassed(st, prev.ID) {
		return Open
	}
	return Locked
}

// Previous is the exercise before ex in its topic, or nil.
func Previous(c *course.Course, ex *course.Exercise) *course.Exercise {
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

// Lookup is the record of exercise id in st (a copy), and whether there
// is one.
func Lookup(st *progress.State, id string) (progress.Exercise, bool) {
	if st == nil {
		return progress.Exercise{}, false
	}
	return st.Lookup(id)
}

// HasPassed reports whether exercise id has ever passed.
func HasPassed(st *progress.State, id string) bool {
	p, ok := Lookup(st, id)
	return ok && p.Passed()
}

// PassedCount is how many of exs have passed: the course's exercises for
// the learner's progress, a topic's for the topic's.
func PassedCount(st *progress.State, exs []*course.Exercise) int {
	n := 0
	for _, ex := range exs {
		if HasPassed(st, ex.ID) {
			n++
		}
	}
	return n
}

// HintsShown is how many of ex's hint tiers the learner has revealed.
func HintsShown(st *progress.State, ex *course.Exercise) int {
	p, _ := Lookup(st, ex.ID)
	return max(0, min(p.HintsUsed, len(ex.Hints)))
}

// Continue is the exercise to continue with: the current one, else the
// first that has not passed, else the first; nil for a course with no
// exercises.
func Continue(c *course.Course, st *progress.State) *course.Exercise {
	if st != nil {
		if ex, ok := c.Exercise(st.Current); ok {
			return ex
		}
	}
	if ex := NextUnpassed(c, st, ""); ex != nil {
		return ex
	}
	if len(c.Exercises) > 0 {
		return c.Exercises[0]
	}
	return nil
}

// NextUnpassed is the first exercise after id in course order (wrapping
// around; from the start when id is "" or unknown) that has not passed, or
// nil when every exercise has.
func NextUnpassed(c *course.Course, st *progress.State, id string) *course.Exercise {
	n := len(c.Exercises)
	start := 0
	for i, ex := range c.Exercises {
		if ex.ID == id {
			start = i + 1
		}
	}
	for k := range n {
		ex := c.Exercises[(start+k)%n]
		if !HasPassed(st, ex.ID) {
			return ex
		}
	}
	return nil
}

// LessonExercise is the exercise a lesson leads to: its first one not
// passed, else its first; "" when it has none.
func LessonExercise(st *progress.State, l *course.Lesson) string {
	if l == nil || len(l.Exercises) == 0 {
		return ""
	}
	for _, id := range l.Exercises {
		if !HasPassed(st, id) {
			return id
		}
	}
	return l.Exercises[0]
}

// RecordOpen records ex as the exercise the learner is on.
func RecordOpen(st *progress.State, ex *course.Exercise) {
	st.Current = ex.ID
}

// RecordHint records one more revealed hint tier of ex, up to its last, and
// returns how many tiers are now revealed.
func RecordHint(st *progress.State, ex *course.Exercise) (shown int) {
	p := st.Exercise(ex.ID)
	if p.HintsUsed < len(ex.Hints) {
		p.HintsUsed++
	}
	return p.HintsUsed
}

// Touched reports whether the learner has engaged with ex: opened it (it
// is the current exercise, or it has a record: an attempt or a hint), or
// changed its code from the starting code (files, the learner's non-test
// .go files by base name, differ from ex.Starter: edited, added or
// removed). Checking every exercise at once (accent check with no id)
// records, and tells a workshop, only the exercises the learner touched:
// grading an exercise nobody opened is not an attempt at it. A nil files
// (the exercise could not be read) counts as changed.
func Touched(st *progress.State, ex *course.Exercise, files map[string][]byte) bool {
	if st != nil && st.Current == ex.ID {
		return true
	}
	if p, ok := Lookup(st, ex.ID); ok && (p.Attempts > 0 || p.HintsUsed > 0 || p.Passed()) {
		return true
	}
	return !sameFiles(files, ex.Starter)
}

// FileNotes are what the learner should know about the exercise's files
// before reading a verdict: a starting file they removed (the build then
// finds "no Go files" or an undefined name; accent reset brings it back),
// and a test file they changed or removed (accent grades the course's
// tests, so their own go test may say ok while accent fails). sources and
// tests are the exercise's non-test and _test.go files in the workspace,
// by base name; nil sources (the directory could not be read) gives one
// note for the whole exercise.
func FileNotes(ex *course.Exercise, sources, tests map[string][]byte) []string {
	if sources == nil && tests == nil {
		return []string{fmt.Sprintf("The directory of %s is missing or unreadable: `accent reset %s` restores its starting code.", ex.ID, ex.ID)}
	}
	var notes []string
	for _, name := range slices.Sorted(maps.Keys(ex.Starter)) {
		if _, ok := sources[name]; !ok {
			notes = append(notes, fmt.Sprintf("%s is missing from %s: `accent reset %s` restores the starting code (it backs up your files first).", name, ex.ID, ex.ID))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(ex.Tests)) {
		mine, ok := tests[name]
		switch {
		case !ok:
			notes = append(notes, fmt.Sprintf("%s is missing: accent grades %s with the course's tests all the same.", name, ex.ID))
		case !bytes.Equal(mine, ex.Tests[name]):
			notes = append(notes, fmt.Sprintf("You changed %s: accent grades with the course's tests, not your copy, so your own `go test .` can pass where accent does not (`accent reset %s` restores them).", name, ex.ID))
		}
	}
	return notes
}

func sameFiles(a, b map[string][]byte) bool {
	if a == nil || len(a) != len(b) {
		return false
	}
	for name, x := range a {
		y, ok := b[name]
		if !ok || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// RecordAttempt records a graded attempt at ex: one more attempt and its
// status; on the first pass, when and with which files (their hash), and,
// if the learner was on ex (or on nothing), the next exercise not passed
// becomes the current one. A verdict with status grade.Error is not an
// attempt (the grade could not run, or was canceled): nothing is recorded.
// files are the learner's source files, needed only for a pass.
func RecordAttempt(c *course.Course, st *progress.State, ex *course.Exercise, v grade.Verdict, files map[string][]byte, now time.Time) (firstPass bool) {
	return RecordAttemptIn(c, st, Room{}, ex, v, files, now)
}

// RecordAttemptIn is RecordAttempt for a learner in room: after a pass the
// current exercise follows the session (NextUnpassedIn).
func RecordAttemptIn(c *course.Course, st *progress.State, r Room, ex *course.Exercise, v grade.Verdict, files map[string][]byte, now time.Time) (firstPass bool) {
	if v.Status == grade.Error {
		return false
	}
	p := st.Exercise(ex.ID)
	p.Attempts++
	p.LastStatus = string(v.Status)
	p.LastAttempt = now
	if v.Status == grade.Pass && !p.Passed() {
		firstPass = true
		p.FirstPass = now
		p.PassHash = progress.HashFiles(files)
	}
	if v.Status == grade.Pass && (st.Current == "" || st.Current == ex.ID) {
		st.Current = ""
		if next := NextUnpassedIn(c, st, r, ex.ID); next != nil {
			st.Current = next.ID
		}
	}
	return firstPass
}

// Language is the learner's source language, Node.js until they choose.
func Language(st *progress.State) course.Language {
	if st != nil {
		for _, l := range course.Languages {
			if string(l) == st.Language {
				return l
			}
		}
	}
	return course.Node
}

// LanguageChosen reports whether the learner has picked a language.
func LanguageChosen(st *progress.State) bool {
	return st != nil && st.Language != ""
}

// RecordLanguage records the language the learner comes from.
func RecordLanguage(st *progress.State, l course.Language) {
	st.Language = string(l)
}
