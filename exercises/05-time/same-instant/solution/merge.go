//go:build accent

// Package sameinstant merges event streams whose times are written in
// different zones.
package sameinstant

import (
	"slices"
	"time"
)

// Event is one reading of a sensor, as a gateway reports it.
type Event struct {
	Sensor  string    // "door-3"
	At      time.Time // when it happened, in whatever zone the gateway writes
	Gateway string    // the gateway that reported it
}

// Same reports whether a and b report the same event: the same sensor at the
// same instant, whatever zone each time is written in.
func Same(a, b Event) bool {
	return a.Sensor == b.Sensor && a.At.Equal(b.At)
}

// Merge returns the events of all streams in time order, each event once.
// Of the copies of one event, it keeps the one from the earliest stream;
// different events at the same instant keep their stream order. The streams
// are left as they were.
func Merge(streams ...[]Event) []Event {
	all := slices.Concat(streams...)
	slices.SortStableFunc(all, func(a, b Event) int { return a.At.Compare(b.At) })

	// UTC gives every time the same location and drops the monotonic
	// reading, so == on the key compares instants.
	type key struct {
		sensor string
		at     time.Time
	}
	seen := make(map[key]bool)
	var out []Event
	for _, e := range all {
		k := key{e.Sensor, e.At.UTC()}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}
