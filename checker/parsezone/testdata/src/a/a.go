// Package a holds the parsezone cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"time"
)

const layout = "2006-01-02 15:04"

func expired(s string) bool {
	t, err := time.Parse("2006-01-02 15:04", s) // want `time\.Parse reads "2006-01-02 15:04" as UTC, since the layout has no zone, but the result is compared with time\.Now\(\): if the text is local time, use time\.ParseInLocation with time\.Local or the \*time\.Location it was written in`
	if err != nil {
		return false
	}
	return t.Before(time.Now())
}

func expiredLocal(s string) bool {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		return false
	}
	return t.Before(time.Now())
}

func age(s string) time.Duration {
	t, _ := time.Parse(time.DateTime, s) // want `time\.Parse reads "2006-01-02 15:04:05" as UTC`
	return time.Since(t)
}

func ageWithZone(s string) time.Duration {
	t, _ := time.Parse(time.RFC3339, s)
	return time.Since(t)
}

func validFor(s string, ttl time.Duration) bool {
	t, _ := time.Parse(layout, s) // want `time\.Parse reads "2006-01-02 15:04" as UTC`
	now := time.Now()
	return t.Add(ttl).After(now)
}

func validUntil(s string, ttl time.Duration, at time.Time) bool {
	t, _ := time.Parse(layout, s) // compared with a time from elsewhere
	return t.Add(ttl).After(at)
}

func remaining(s string) time.Duration {
	deadline, _ := time.Parse(layout, s) // want `time\.Parse reads`
	return deadline.Local().Sub(time.Now().Truncate(time.Minute))
}

func remainingUTC(s string) time.Duration {
	deadline, _ := time.Parse(layout, s) // the program works in UTC
	return deadline.Sub(time.Now().UTC())
}

func loop(lines []string) {
	now := time.Now()
	for _, s := range lines {
		t, err := time.Parse("02/01/2006", s) // want `time\.Parse reads "02/01/2006" as UTC`
		if err != nil {
			continue
		}
		if now.After(t) {
			fmt.Println("past:", s)
		}
	}
}

func captured(s string) func() bool {
	t, _ := time.Parse(layout, s) // want `time\.Parse reads`
	return func() bool { return time.Now().After(t) }
}

func capturedOther(s string, other time.Time) func() bool {
	t, _ := time.Parse(layout, s)
	return func() bool { return other.After(t) }
}

// Rebuilding the parsed fields in a location is the fix; the trace stops
// at the parsed time.
func rebuilt(s string) bool {
	t, _ := time.Parse(layout, s)
	t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.Local)
	return t.Before(time.Now())
}

// Layouts without a year, and parsed times that never meet the clock.
func others(s, u string) (time.Time, error) {
	clock, _ := time.Parse("15:04", s)
	_ = time.Since(clock)

	a, _ := time.Parse(layout, s)
	b, _ := time.Parse(layout, u)
	fmt.Println(a.Before(b), a.Format(time.Kitchen))
	return time.Parse(layout, s)
}
