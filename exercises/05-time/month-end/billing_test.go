//go:build accent

package monthend

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin, even on machines without a zone database
)

// show writes t as the wall clock and zone it is displayed in.
const show = "Mon 2006-01-02 15:04 MST"

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestDueIsTheDayOrTheMonthsLastDay(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		day   int
		year  int
		month time.Month
		want  string
	}{
		{31, 2026, time.January, "Sat 2026-01-31 09:00 CET"},
		{31, 2026, time.February, "Sat 2026-02-28 09:00 CET"},
		{31, 2028, time.February, "Tue 2028-02-29 09:00 CET"},
		{31, 2026, time.April, "Thu 2026-04-30 09:00 CEST"},
		{30, 2026, time.February, "Sat 2026-02-28 09:00 CET"},
		{29, 2026, time.December, "Tue 2026-12-29 09:00 CET"},
		{1, 2026, time.March, "Sun 2026-03-01 09:00 CET"},
	}
	for _, tt := range tests {
		p := Plan{Day: tt.day, Loc: loc}
		due := p.Due(tt.year, tt.month)
		if got := due.Format(show); got != tt.want || due.Second() != 0 || due.Nanosecond() != 0 {
			t.Errorf("Plan{Day: %d}.Due(%d, %v) = %v, want %s and 0 seconds", tt.day, tt.year, tt.month, due, tt.want)
		}
	}
}

func TestNextClampsToMonthEnd(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		name string
		day  int
		last time.Time
		want string
	}{
		{"31 January to 28 February", 31, time.Date(2026, time.January, 31, 9, 0, 0, 0, loc), "Sat 2026-02-28 09:00 CET"},
		{"back to the 31st after February", 31, time.Date(2026, time.February, 28, 9, 0, 0, 0, loc), "Tue 2026-03-31 09:00 CEST"},
		{"31 March to 30 April", 31, time.Date(2026, time.March, 31, 9, 0, 0, 0, loc), "Thu 2026-04-30 09:00 CEST"},
		{"30 January to 29 February in a leap year", 30, time.Date(2028, time.January, 30, 9, 0, 0, 0, loc), "Tue 2028-02-29 09:00 CET"},
		{"December to January", 31, time.Date(2026, time.December, 31, 9, 0, 0, 0, loc), "Sun 2027-01-31 09:00 CET"},
		{"the 15th stays the 15th", 15, time.Date(2026, time.March, 15, 9, 0, 0, 0, loc), "Wed 2026-04-15 09:00 CEST"},
		{"last given in UTC, month taken in Berlin", 31, time.Date(2026, time.January, 31, 8, 0, 0, 0, time.UTC), "Sat 2026-02-28 09:00 CET"},
		{"last in UTC is already the next month in Berlin", 1, time.Date(2026, time.January, 31, 23, 30, 0, 0, time.UTC), "Sun 2026-03-01 09:00 CET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Plan{Day: tt.day, Loc: loc}
			if got := p.Next(tt.last).Format(show); got != tt.want {
				t.Errorf("Plan{Day: %d}.Next(%s) = %s, want %s", tt.day, tt.last.Format(show), got, tt.want)
			}
		})
	}
}

func TestYearRunsFromJanuaryToDecember(t *testing.T) {
	p := Plan{Day: 31, Loc: berlin(t)}
	want := []string{
		"Sat 2026-01-31 09:00 CET", "Sat 2026-02-28 09:00 CET", "Tue 2026-03-31 09:00 CEST",
		"Thu 2026-04-30 09:00 CEST", "Sun 2026-05-31 09:00 CEST", "Tue 2026-06-30 09:00 CEST",
		"Fri 2026-07-31 09:00 CEST", "Mon 2026-08-31 09:00 CEST", "Wed 2026-09-30 09:00 CEST",
		"Sat 2026-10-31 09:00 CET", "Mon 2026-11-30 09:00 CET", "Thu 2026-12-31 09:00 CET",
	}

	got := p.Year(2026)

	if len(got) != len(want) {
		t.Fatalf("Year(2026) returned %d times, want %d", len(got), len(want))
	}
	for i := range want {
		if g := got[i].Format(show); g != want[i] {
			t.Errorf("Year(2026)[%d] = %s, want %s", i, g, want[i])
		}
	}
}

func TestYearInAnotherZoneAndALeapYear(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	got := Plan{Day: 30, Loc: ny}.Year(2028)
	if len(got) != 12 {
		t.Fatalf("Year(2028) returned %d times, want 12", len(got))
	}
	for i, want := range map[int]string{0: "Sun 2028-01-30 09:00 EST", 1: "Tue 2028-02-29 09:00 EST", 2: "Thu 2028-03-30 09:00 EDT", 11: "Sat 2028-12-30 09:00 EST"} {
		if g := got[i].Format(show); g != want {
			t.Errorf("Plan{Day: 30, Loc: New York}.Year(2028)[%d] = %s, want %s", i, g, want)
		}
	}
}

func TestRetryAtKeepsTheExactWallClock(t *testing.T) {
	loc := berlin(t)
	failed := time.Date(2026, time.March, 28, 10, 0, 5, 123456789, loc)
	want := time.Date(2026, time.March, 29, 10, 0, 5, 123456789, loc)

	got := RetryAt(failed)

	if !got.Equal(want) || got.Location() != loc {
		t.Errorf("RetryAt(%v) = %v, want %v: the same wall clock to the nanosecond, in the same location", failed, got, want)
	}
}

func TestRetryAtKeepsWallClockAcrossDST(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		name   string
		failed time.Time
		want   string
	}{
		{"an ordinary day", time.Date(2026, time.January, 15, 10, 0, 0, 0, loc), "Fri 2026-01-16 10:00 CET"},
		{"the night clocks go forward: 23 hours later", time.Date(2026, time.March, 28, 10, 0, 0, 0, loc), "Sun 2026-03-29 10:00 CEST"},
		{"the night clocks go back: 25 hours later", time.Date(2026, time.October, 24, 10, 0, 0, 0, loc), "Sun 2026-10-25 10:00 CET"},
		{"over a month end", time.Date(2026, time.January, 31, 23, 30, 0, 0, loc), "Sun 2026-02-01 23:30 CET"},
		{"in UTC, which has no DST", time.Date(2026, time.March, 28, 10, 0, 0, 0, time.UTC), "Sun 2026-03-29 10:00 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RetryAt(tt.failed).Format(show); got != tt.want {
				t.Errorf("RetryAt(%s) = %s, want %s", tt.failed.Format(show), got, tt.want)
			}
		})
	}
}
