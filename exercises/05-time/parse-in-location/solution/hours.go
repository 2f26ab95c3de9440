//go:build accent

// Package parseinlocation reads a shop's opening hours, typed as wall clock
// in the shop's time zone, and compares them with the current time.
package parseinlocation

import (
	"errors"
	"fmt"
	"time"
	_ "time/tzdata" // the zone database, embedded: containers often have none
)

// Layout is how the staff type times: "2026-03-29 09:00", the wall clock in
// the shop's zone.
const Layout = "2006-01-02 15:04"

// Shop has opening hours in its own time zone.
type Shop struct {
	loc *time.Location
}

// NewShop returns a shop in the named IANA zone, such as "Europe/Berlin".
// An empty name, or "Local", is an error: neither names where a shop is.
func NewShop(zone string) (*Shop, error) {
	if zone == "" || zone == "Local" {
		// LoadLocation would give UTC, or the zone of whatever machine runs this.
		return nil, errors.New("a shop needs the IANA name of its zone, such as Europe/Berlin")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, err
	}
	return &Shop{loc: loc}, nil
}

// IsOpen reports whether the shop is open now: at or after opens and before
// closes, both in Layout. A wall-clock time the zone skips (on the night the
// clocks go forward) is an error; one it shows twice (on the night they go
// back) is the first of the two.
func (s *Shop) IsOpen(opens, closes string) (bool, error) {
	from, err := s.parse(opens)
	if err != nil {
		return false, err
	}
	to, err := s.parse(closes)
	if err != nil {
		return false, err
	}
	now := time.Now()
	return !now.Before(from) && now.Before(to), nil
}

// OpensIn returns how long it is from now until opens, in Layout; negative
// once that moment has passed.
func (s *Shop) OpensIn(opens string) (time.Duration, error) {
	t, err := s.parse(opens)
	if err != nil {
		return 0, err
	}
	return time.Until(t), nil
}

// parse reads text in Layout as the wall clock in the shop's zone. A wall
// clock the zone skips (02:30 on the night the clocks go from 02:00 to
// 03:00) is an error; one that happens twice (02:30 on the night they go
// from 03:00 back to 02:00) is the first of the two.
func (s *Shop) parse(text string) (time.Time, error) {
	t, err := time.ParseInLocation(Layout, text, s.loc)
	if err != nil {
		return time.Time{}, err
	}
	if len(text) != len(Layout) { // Parse also reads the hour "15" from one digit: 9:00
		return time.Time{}, fmt.Errorf("parsing time %q: not in the layout %q", text, Layout)
	}
	// ParseInLocation, like time.Date, moves a wall clock that does not
	// exist across the gap, forward or back depending on the zone.
	if t.Format(Layout) != text {
		return time.Time{}, fmt.Errorf("%s does not exist in %s: the clocks skip it", text, s.loc)
	}
	// A wall clock that exists twice gets either offset, depending on the
	// zone. If the same wall clock also exists under the offset in force
	// before t's period began, that is the earlier instant.
	start, _ := t.ZoneBounds()
	if !start.IsZero() {
		_, offset := t.Zone()
		_, offsetBefore := start.Add(-time.Nanosecond).Zone()
		earlier := t.Add(time.Duration(offset-offsetBefore) * time.Second)
		if earlier.Before(start) && earlier.Format(Layout) == text {
			t = earlier
		}
	}
	return t, nil
}
