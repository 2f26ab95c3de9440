// Package pair is accent's pair mode: two people at one workbench, a
// driver at the keyboard and a navigator beside them, who swap roles at
// an interval. A Session keeps the roles, the countdown to the next swap
// and what the pair has in front of them, and turns each change into
// Records; a Log appends them to an append-only JSONL file and reads them
// back, and Summarize says who drove which exercise and for how long.
//
// A Session does no I/O: its caller (the workbench) writes the records it
// returns, so that the workbench's event loop never waits on the disk.
package pair

import (
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The interval between swaps: a Session with Rotate 0 never asks to swap.
const (
	MinRotate     = time.Minute
	MaxRotate     = 2 * time.Hour
	DefaultRotate = 15 * time.Minute
	// Snooze is how much later a pair that is not ready to swap is asked
	// again.
	Snooze = 5 * time.Minute
)

// CheckRotate says whether d is an interval a session can rotate at:
// 0 (never), or between MinRotate and MaxRotate.
func CheckRotate(d time.Duration) error {
	if d == 0 || (d >= MinRotate && d <= MaxRotate) {
		return nil
	}
	return fmt.Errorf("--rotate %s: swap every %s to %s (or 0 to never ask)", d, FormatDuration(MinRotate), FormatDuration(MaxRotate))
}

// Config is what a session starts with.
type Config struct {
	Driver, Navigator Person
	Rotate            time.Duration    // 0: never ask to swap
	Clock             func() time.Time // default time.Now
	ID                string           // default: the start time and a random suffix
}

// Session is one pairing session. It is not safe for concurrent use: the
// workbench changes it only in its Update.
type Session struct {
	id                string
	driver, navigator Person
	rotate            time.Duration
	clock             func() time.Time

	started  time.Time
	exercise string    // the exercise in front of the pair, "" for none
	since    time.Time // when the current stint began: this driver, this exercise
	nextSwap time.Time // zero when the session does not rotate
	ended    bool
}

// New starts a session now. The two people must be different, and the
// interval valid (see CheckRotate).
func New(cfg Config) (*Session, error) {
	if cfg.Driver.Name == "" || cfg.Navigator.Name == "" {
		return nil, errors.New("a pair needs a driver and a navigator")
	}
	if cfg.Driver.Same(cfg.Navigator) {
		return nil, fmt.Errorf("the driver and the navigator are both %s: a pair is two people", cfg.Driver)
	}
	if err := CheckRotate(cfg.Rotate); err != nil {
		return nil, err
	}
	clock := cfg.Clock
	if clock == nil {
		clock = time.Now
	}
	now := clock()
	id := cfg.ID
	if id == "" {
		id = now.UTC().Format("20060102T150405Z") + "-" + strings.ToLower(rand.Text()[:6])
	}
	s := &Session{id: id, driver: cfg.Driver, navigator: cfg.Navigator, rotate: cfg.Rotate, clock: clock, started: now, since: now}
	if s.rotate > 0 {
		s.nextSwap = now.Add(s.rotate)
	}
	return s, nil
}

func (s *Session) ID() string            { return s.id }
func (s *Session) Driver() Person        { return s.driver }
func (s *Session) Navigator() Person     { return s.navigator }
func (s *Session) Rotate() time.Duration { return s.rotate }
func (s *Session) Exercise() string      { return s.exercise }
func (s *Session) Trailer() Trailer      { return TrailerFor(s.driver, s.navigator) }
func (s *Session) Now() time.Time        { return s.clock() }
func (s *Session) record(kind string) Record {
	return Record{V: Version, Session: s.id, Kind: kind, At: s.clock()}
}

// Started is the record that opens the session in the log.
func (s *Session) Started() Record {
	r := s.record(KindStart)
	r.At = s.started
	r.Driver, r.Navigator = s.driver, s.navigator
	r.RotateSeconds = int64(s.rotate / time.Second)
	return r
}

// Remaining is the time left before the pair is asked to swap: never
// below zero, and zero when it is time. It is 0 for a session that does
// not rotate; see Rotates.
func (s *Session) Remaining() time.Duration {
	if s.nextSwap.IsZero() {
		return 0
	}
	return max(0, s.nextSwap.Sub(s.clock()))
}

// Rotates reports whether the session asks the pair to swap.
func (s *Session) Rotates() bool { return s.rotate > 0 }

// Due reports whether it is time to swap.
func (s *Session) Due() bool {
	return s.Rotates() && !s.ended && !s.clock().Before(s.nextSwap)
}

// SetExercise says which exercise is in front of the pair now ("" for
// none: the course map, a lesson on its own). When it changes, the
// stint on the previous one ends and is returned as a record.
func (s *Session) SetExercise(id string) []Record {
	if id == s.exercise || s.ended {
		return nil
	}
	recs := s.closeStint(WhyExercise)
	s.exercise = id
	return recs
}

// Swap swaps the roles: the navigator drives. The driver's stint ends,
// the countdown starts again, and both are returned as records.
func (s *Session) Swap() []Record {
	if s.ended {
		return nil
	}
	recs := s.closeStint(WhySwap)
	s.driver, s.navigator = s.navigator, s.driver
	if s.rotate > 0 {
		s.nextSwap = s.clock().Add(s.rotate)
	}
	r := s.record(KindSwap)
	r.Driver, r.Navigator, r.Exercise = s.driver, s.navigator, s.exercise
	return append(recs, r)
}

// Later asks again in d instead of now: the pair is in the middle of
// something.
func (s *Session) Later(d time.Duration) {
	if s.rotate > 0 {
		s.nextSwap = s.clock().Add(d)
	}
}

// Passed records that exercise id passed, with the roles at the time.
func (s *Session) Passed(id string) []Record {
	if s.ended {
		return nil
	}
	r := s.record(KindPass)
	r.Driver, r.Navigator, r.Exercise = s.driver, s.navigator, id
	return []Record{r}
}

// End ends the session: the last stint and the end, as records. A
// session ends once; later calls return nothing.
func (s *Session) End() []Record {
	if s.ended {
		return nil
	}
	recs := s.closeStint(WhyEnd)
	s.ended = true
	r := s.record(KindEnd)
	r.Start = s.started
	r.Seconds = int64(r.At.Sub(s.started) / time.Second)
	return append(recs, r)
}

// closeStint ends the current stint and starts the next one now. A stint
// shorter than a second (passing through a page) is not recorded.
func (s *Session) closeStint(why string) []Record {
	now := s.clock()
	start := s.since
	s.since = now
	secs := int64(now.Sub(start) / time.Second)
	if secs < 1 {
		return nil
	}
	r := s.record(KindStint)
	r.At = now
	r.Why = why
	r.Driver, r.Navigator, r.Exercise = s.driver, s.navigator, s.exercise
	r.Start, r.Seconds = start, secs
	return []Record{r}
}

// FormatDuration writes d to the second, with its non-zero parts only:
// 12m30s, 15m, 1h5m, 45s, 0s.
func FormatDuration(d time.Duration) string {
	d = d.Truncate(time.Second)
	if d <= 0 {
		return "0s"
	}
	var b strings.Builder
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.unit; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.unit
		}
	}
	return b.String()
}
