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
func NewShop(zone string) (*Shop, error) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, err
	}
	return &Shop{loc: loc}, nil
}

// IsOpen reports whether the shop is open now: at or after opens and before
// closes, both in Layout.
func (s *Shop) IsOpen(opens, closes string) (bool, error) {
	// The zone's offset right now, as new Date().getTimezoneOffset() gives it.
	_, offset := time.Now().In(s.loc).Zone()
	zone := time.FixedZone(s.loc.String(), offset)
	from, err := time.ParseInLocation(Layout, opens, zone)
	if err != nil {
		return false, err
	}
	to, err := time.ParseInLocation(Layout, closes, zone)
	if err != nil {
		return false, err
	}
	now := time.Now()
	return !now.Before(from) && now.Before(to), nil
}

// OpensIn returns how long it is from now until opens, in Layout; negative
// once that moment has passed.
func (s *Shop) OpensIn(opens string) (time.Duration, error) {
	_, offset := time.Now().In(s.loc).Zone()
	t, err := time.ParseInLocation(Layout, opens, time.FixedZone(s.loc.String(), offset))
	if err != nil {
		return 0, err
	}
	return time.Until(t), nil
}
