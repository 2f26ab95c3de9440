//go:build accent

// Package parseinlocation reads a shop's opening hours, typed as wall clock
// in the shop's time zone, and compares them with the current time.
package parseinlocation

import (
	"errors"
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
	from, err := time.Parse(Layout, opens) // read as UTC
	if err != nil {
		return false, err
	}
	to, err := time.Parse(Layout, closes)
	if err != nil {
		return false, err
	}
	from, to = from.In(s.loc), to.In(s.loc) // the same instants, shown in the shop's zone
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
	return time.Until(t.In(s.loc)), nil
}
