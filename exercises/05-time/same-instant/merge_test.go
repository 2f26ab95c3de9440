//go:build accent

package sameinstant

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"
	_ "time/tzdata" // Europe/Berlin, even on machines without a zone database
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func show(events []Event) string {
	s := ""
	for _, e := range events {
		s += fmt.Sprintf("\n\t%s %s from %s", e.Sensor, e.At.UTC().Format(time.RFC3339Nano), e.Gateway)
	}
	return s
}

// sameEvents compares Sensor, Gateway and instant: Equal, not ==.
func sameEvents(a, b []Event) bool {
	return slices.EqualFunc(a, b, func(x, y Event) bool {
		return x.Sensor == y.Sensor && x.Gateway == y.Gateway && x.At.Equal(y.At)
	})
}

func TestSameComparesInstantsNotZones(t *testing.T) {
	tests := []struct {
		name string
		a, b Event
		want bool
	}{
		{"UTC and +01:00", Event{"door-3", at(t, "2026-03-09T08:00:00Z"), "a"}, Event{"door-3", at(t, "2026-03-09T09:00:00+01:00"), "b"}, true},
		{"UTC and a loaded zone", Event{"door-3", at(t, "2026-07-01T10:00:00.5Z"), "a"}, Event{"door-3", time.Date(2026, time.July, 1, 12, 0, 0, 5e8, berlin(t)), "b"}, true},
		{"time.UTC and the zone Parse gives to Z", Event{"door-3", time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC), "a"}, Event{"door-3", at(t, "2026-03-09T08:00:00+00:00"), "b"}, true},
		{"same wall clock, different instants", Event{"door-3", at(t, "2026-03-09T08:00:00Z"), "a"}, Event{"door-3", at(t, "2026-03-09T08:00:00+01:00"), "b"}, false},
		{"a nanosecond apart", Event{"door-3", at(t, "2026-03-09T08:00:00Z"), "a"}, Event{"door-3", at(t, "2026-03-09T08:00:00.000000001Z"), "b"}, false},
		{"another sensor", Event{"door-3", at(t, "2026-03-09T08:00:00Z"), "a"}, Event{"door-4", at(t, "2026-03-09T08:00:00Z"), "a"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Same(tt.a, tt.b); got != tt.want {
				t.Errorf("Same(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSameMatchesTimeNowWithItsCopyFromTheWire(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(26*365*24*time.Hour + 123456789*time.Nanosecond) // the fake clock starts in 2000
		now := time.Now()                                           // in time.Local, with a monotonic reading
		wire := at(t, now.Format(time.RFC3339Nano))                 // what the other gateway decoded

		if !Same(Event{"door-3", now, "a"}, Event{"door-3", wire, "b"}) {
			t.Errorf("Same(time.Now(), the same time parsed back) = false, want true")
		}
	})
}

func TestMergeKeepsEachEventOnceWhateverItsZone(t *testing.T) {
	fromA := []Event{ // gateway a writes UTC
		{"door-3", at(t, "2026-03-09T08:00:00.250Z"), "a"},
		{"door-3", at(t, "2026-03-09T08:00:00.750Z"), "a"},
		{"window-1", at(t, "2026-03-09T08:05:00Z"), "a"},
	}
	fromB := []Event{ // gateway b writes Berlin time, with its offset
		{"door-3", at(t, "2026-03-09T09:00:00.250+01:00"), "b"},
		{"motion-2", at(t, "2026-03-09T09:02:00+01:00"), "b"},
		{"window-1", time.Date(2026, time.March, 9, 9, 5, 0, 0, berlin(t)), "b"},
		{"door-3", at(t, "2026-03-09T09:10:00+01:00"), "b"},
	}
	want := []Event{
		{"door-3", at(t, "2026-03-09T08:00:00.250Z"), "a"},
		{"door-3", at(t, "2026-03-09T08:00:00.750Z"), "a"},
		{"motion-2", at(t, "2026-03-09T08:02:00Z"), "b"},
		{"window-1", at(t, "2026-03-09T08:05:00Z"), "a"},
		{"door-3", at(t, "2026-03-09T08:10:00Z"), "b"},
	}

	got := Merge(fromA, fromB)

	if !sameEvents(got, want) {
		t.Errorf("Merge returned:%s\nwant:%s", show(got), show(want))
	}
}

func TestMergeKeepsEarlierStreamsCopyAndStreamOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(26*365*24*time.Hour + 500*time.Millisecond)
		now := time.Now() // gateway a stamps readings with its own clock
		fromA := []Event{{"door-3", now, "a"}, {"door-4", now, "a"}}
		fromB := []Event{
			{"door-5", at(t, now.Format(time.RFC3339Nano)), "b"},
			{"door-4", at(t, now.In(berlin(t)).Format(time.RFC3339Nano)), "b"},
			{"door-3", at(t, now.Format(time.RFC3339Nano)), "b"},
		}
		want := []Event{{"door-3", now, "a"}, {"door-4", now, "a"}, {"door-5", now, "b"}}

		if got := Merge(fromA, fromB); !sameEvents(got, want) {
			t.Errorf("Merge returned:%s\nwant:%s", show(got), show(want))
		}
		if got := Merge(fromB, fromA); !sameEvents(got, []Event{{"door-5", now, "b"}, {"door-4", now, "b"}, {"door-3", now, "b"}}) {
			t.Errorf("Merge with b first returned:%s\nwant b's three events, in b's order", show(got))
		}
	})
}

func TestMergeOfNothing(t *testing.T) {
	if got := Merge(); len(got) != 0 {
		t.Errorf("Merge() = %v, want no events", got)
	}
	if got := Merge(nil, []Event{}); len(got) != 0 {
		t.Errorf("Merge(nil, []Event{}) = %v, want no events", got)
	}
}

func TestMergeKeepsStreamOrderOfManyEventsAtOneInstant(t *testing.T) {
	// Sixty sensors fire at two instants, a second apart; each gateway
	// lists them in its own order, sorted neither by time nor by name, and
	// b repeats some of a's in Berlin time.
	first, second := at(t, "2026-03-09T08:00:00Z"), at(t, "2026-03-09T08:00:01Z")
	var fromA, fromB, wantFirst, wantSecond []Event
	for i := range 40 {
		e := Event{fmt.Sprintf("sensor-%02d", (i*7)%40), second, "a"}
		if i%3 == 0 {
			e.At = first
			wantFirst = append(wantFirst, e)
		} else {
			wantSecond = append(wantSecond, e)
		}
		fromA = append(fromA, e)
	}
	for i := range 40 {
		e := fromA[39-i] // a copy
		e.Gateway = "b"
		if i%2 == 0 { // a new event
			e.Sensor = fmt.Sprintf("other-%02d", (i*11)%40)
			if e.At.Equal(first) {
				wantFirst = append(wantFirst, e)
			} else {
				wantSecond = append(wantSecond, e)
			}
		}
		e.At = e.At.In(berlin(t))
		fromB = append(fromB, e)
	}
	want := append(wantFirst, wantSecond...)

	if got := Merge(fromA, fromB); !sameEvents(got, want) {
		t.Errorf("Merge returned:%s\nwant, at each instant, a's events in a's order, then b's new ones in b's order:%s", show(got), show(want))
	}
}

func TestMergeTellsApartEventsAMicrosecondApart(t *testing.T) {
	fromA := []Event{
		{"door-3", at(t, "2026-03-09T08:00:00.000001Z"), "a"},
		{"door-3", at(t, "2026-03-09T08:00:00.000002Z"), "a"},
		{"door-3", at(t, "2026-03-09T08:00:00.000002001Z"), "a"},
	}
	fromB := []Event{
		{"door-3", at(t, "2026-03-09T09:00:00.000002+01:00"), "b"}, // a copy of a's second
	}

	if got := Merge(fromA, fromB); !sameEvents(got, fromA) {
		t.Errorf("Merge returned:%s\nwant a's three readings, a microsecond and a nanosecond apart:%s", show(got), show(fromA))
	}
}

func TestMergeLeavesItsStreamsAsTheyWere(t *testing.T) {
	// A gateway may deliver out of order; Merge sorts its own copy.
	fromA := make([]Event, 3, 10)
	copy(fromA, []Event{
		{"door-3", at(t, "2026-03-09T08:10:00Z"), "a"},
		{"door-4", at(t, "2026-03-09T08:00:00Z"), "a"},
		{"door-5", at(t, "2026-03-09T08:05:00Z"), "a"},
	})
	fromB := []Event{{"door-6", at(t, "2026-03-09T09:01:00+01:00"), "b"}}
	before := slices.Clone(fromA[:cap(fromA)])

	got := Merge(fromA, fromB)

	want := []Event{fromA[1], fromB[0], fromA[2], fromA[0]}
	if !sameEvents(got, want) {
		t.Errorf("Merge returned:%s\nwant:%s", show(got), show(want))
	}
	if after := fromA[:cap(fromA)]; !sameEvents(after, before) {
		t.Errorf("after Merge, the first stream's array holds:%s\nwant it untouched:%s", show(after), show(before))
	}
}
