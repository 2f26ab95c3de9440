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
// closes, both in Layout.
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
	return t, nil // ParseInLocation knows the zone's rules
}
