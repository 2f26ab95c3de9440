//go:build accent

// Package monthend computes the billing dates of a monthly subscription.
package monthend

import "time"

// Plan bills once a month at 09:00 in Loc: on Day (1 to 31), or on the last
// day of a month that is shorter.
type Plan struct {
	Day int
	Loc *time.Location
}

// Due returns the plan's billing time in the given month.
func (p Plan) Due(year int, month time.Month) time.Time {
	// As new Date(year, month + 1, 0): day 0 is the last day of the month before.
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, p.Loc).Day()
	return time.Date(year, month, min(p.Day, last), 9, 0, 0, 0, p.Loc)
}

// Next returns the plan's billing time in the month after the one that last
// falls in, in p.Loc.
func (p Plan) Next(last time.Time) time.Time {
	year, month, _ := last.Date() // the month on last's own clock
	return p.Due(year, month+1)   // Due normalizes month 13 to January
}

// Year returns the plan's twelve billing times in year, January first.
func (p Plan) Year(year int) []time.Time {
	out := make([]time.Time, 0, 12)
	for m := time.January; m <= time.December; m++ {
		out = append(out, p.Due(year, m))
	}
	return out
}

// RetryAt returns when to retry a charge that failed: at the same wall-clock
// time on the next day, in failed's location.
func RetryAt(failed time.Time) time.Time {
	return failed.AddDate(0, 0, 1)
}
