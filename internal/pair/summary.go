package pair

import (
	"slices"
	"time"
)

// Summary is one session as the log tells it.
type Summary struct {
	ID            string    `json:"id"`
	Start         time.Time `json:"start"`
	End           time.Time `json:"end,omitzero"` // zero if the log has no end (accent was stopped)
	Driver        Person    `json:"driver"`       // at the start
	Navigator     Person    `json:"navigator"`    // at the start
	RotateSeconds int64     `json:"rotate_seconds"`
	Stints        []Stint   `json:"stints"`
	Passes        []Pass    `json:"passes"`
	Totals        []Total   `json:"totals"`
}

// Stint is someone driving one exercise ("" for the course map and
// lessons) for a while.
type Stint struct {
	Driver    Person    `json:"driver"`
	Navigator Person    `json:"navigator"`
	Exercise  string    `json:"exercise"`
	Start     time.Time `json:"start"`
	Seconds   int64     `json:"seconds"`
}

// Pass is an exercise passed, and who was driving.
type Pass struct {
	Exercise  string    `json:"exercise"`
	At        time.Time `json:"at"`
	Driver    Person    `json:"driver"`
	Navigator Person    `json:"navigator"`
}

// Total is one person's time at the keyboard and beside it.
type Total struct {
	Person           Person `json:"person"`
	DroveSeconds     int64  `json:"drove_seconds"`
	NavigatedSeconds int64  `json:"navigated_seconds"`
}

// Summarize groups recs by session, in the order sessions started, with
// stints and passes in time order and each session's totals per person.
// Totals adds every session up.
func Summarize(recs []Record) (sessions []Summary, totals []Total) {
	byID := map[string]*Summary{}
	var order []string
	get := func(r Record) *Summary {
		s, ok := byID[r.Session]
		if !ok {
			s = &Summary{ID: r.Session, Start: r.At, Stints: []Stint{}, Passes: []Pass{}}
			byID[r.Session] = s
			order = append(order, r.Session)
		}
		return s
	}
	for _, r := range recs {
		s := get(r)
		switch r.Kind {
		case KindStart:
			s.Start, s.Driver, s.Navigator = r.At, r.Driver, r.Navigator
			s.RotateSeconds = r.RotateSeconds
		case KindStint:
			s.Stints = append(s.Stints, Stint{Driver: r.Driver, Navigator: r.Navigator, Exercise: r.Exercise, Start: r.Start, Seconds: r.Seconds})
			if r.Start.Before(s.Start) {
				s.Start = r.Start
			}
		case KindPass:
			s.Passes = append(s.Passes, Pass{Exercise: r.Exercise, At: r.At, Driver: r.Driver, Navigator: r.Navigator})
		case KindEnd:
			s.End = r.At
		}
	}
	all := newTally()
	for _, id := range order {
		s := byID[id]
		slices.SortStableFunc(s.Stints, func(a, b Stint) int { return a.Start.Compare(b.Start) })
		slices.SortStableFunc(s.Passes, func(a, b Pass) int { return a.At.Compare(b.At) })
		t := newTally()
		for _, st := range s.Stints {
			t.add(st)
			all.add(st)
		}
		s.Totals = t.totals()
		sessions = append(sessions, *s)
	}
	slices.SortStableFunc(sessions, func(a, b Summary) int { return a.Start.Compare(b.Start) })
	return sessions, all.totals()
}

// tally adds up time per person, keeping the order people first appear.
type tally struct {
	index map[string]int
	list  []Total
}

func newTally() *tally { return &tally{index: map[string]int{}, list: []Total{}} }

func (t *tally) person(p Person) *Total {
	k := p.String()
	i, ok := t.index[k]
	if !ok {
		i = len(t.list)
		t.index[k] = i
		t.list = append(t.list, Total{Person: p})
	}
	return &t.list[i]
}

func (t *tally) add(s Stint) {
	t.person(s.Driver).DroveSeconds += s.Seconds
	t.person(s.Navigator).NavigatedSeconds += s.Seconds
}

func (t *tally) totals() []Total { return t.list }
