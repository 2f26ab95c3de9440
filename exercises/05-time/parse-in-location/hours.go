//go:build accent

// Package parseinlocation reads a shop's opening hours, typed as wall clock
// in the shop's time zone, and compares them with the current time.
package parseinlocation

import (
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
	from, err := time.Parse(Layout, opens) // as datetime.strptime(opens, "%Y-%m-%d %H:%M")
	if err != nil {
		return false, err
	}
	to, err := time.Parse(Layout, closes)
	if err != nil {
		return false, err
	}
	now := time.Now()
	return !now.Before(from) && now.Before(to), nil
}

// OpensIn returns how long it is from now until opens, in Layout; negative
// once that moment has passed.
func (s *Shop) OpensIn(opens string) (time.Duration, error) {
	t, err := time.Parse(Layout, opens)
	if err != nil {
		return 0, err
	}
	return time.Until(t), nil
}
