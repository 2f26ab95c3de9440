// Package a holds the dstday cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"time"
)

const day = 24 * time.Hour
const week = 7 * day

func paris() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}

// An explicit zone: 24 hours is not the same time tomorrow.
func zoned(loc *time.Location) {
	meeting := time.Date(2026, time.March, 28, 9, 0, 0, 0, loc)
	next := meeting.Add(24 * time.Hour) // want `meeting\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving: on the days the clocks change that is not the same time of day \(a day lasts 23 or 25 hours\); write meeting\.AddDate\(0, 0, 1\) for calendar days`
	next = meeting.AddDate(0, 0, 1)
	fmt.Println(next)

	again := meeting.Add(time.Hour * 24) // want `meeting\.Add\(time\.Hour \* 24\) adds 24 hours`
	fmt.Println(again)

	fmt.Println(meeting.Add(week)) // want `meeting\.Add\(week\) adds a multiple of 24 hours .* write meeting\.AddDate\(0, 0, 7\)`
	fmt.Println(meeting.AddDate(0, 0, 7))

	fmt.Println(meeting.Add(-day)) // want `meeting\.Add\(-day\) subtracts 24 hours from a time in a zone with daylight saving: .* write meeting\.AddDate\(0, 0, -1\)`
}

func moved(t time.Time) time.Time {
	local := t.In(paris())
	return local.Add(day) // want `local\.Add\(day\) adds 24 hours to a time in a zone with daylight saving`
}

func parsed(s string) (time.Time, error) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.ParseInLocation(time.DateTime, s, loc)
	if err != nil {
		return time.Time{}, err
	}
	return t.Add(24 * time.Hour), nil // want `t\.Add\(24 \* time\.Hour\) adds 24 hours`
}

// Stepping through the days of a range, the habit of date + 86400000.
func days(start, end time.Time, loc *time.Location) {
	from := start.In(loc)
	for d := from; d.Before(end); d = d.Add(24 * time.Hour) { // want `d\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving`
		fmt.Println(d.Format(time.DateOnly))
	}
	for d := from; d.Before(end); d = d.AddDate(0, 0, 1) {
		fmt.Println(d.Format(time.DateOnly))
	}
}

func nDays(loc *time.Location, n int) time.Time {
	t := time.Date(2026, time.October, 20, 9, 0, 0, 0, loc)
	return t.Add(time.Duration(n) * 24 * time.Hour) // want `write t\.AddDate\(0, 0, n\)`
}

// The local zone: reported when the code says it means a calendar day.
func local() {
	tomorrow := time.Now().Add(24 * time.Hour) // want `time\.Now\(\)\.Add\(24 \* time\.Hour\) adds 24 hours to a time in the local zone, which may have daylight saving`
	fmt.Println(tomorrow)

	now := time.Now()
	next := now.Add(day) // want `now\.Add\(day\) adds 24 hours to a time in the local zone`
	fmt.Println(next.Weekday())

	fmt.Println(time.Now().Add(day).Format("Mon 2 Jan")) // want `adds 24 hours to a time in the local zone`
	fmt.Println(time.Now().AddDate(0, 0, 1).Format("Mon 2 Jan"))
}

func localDate(y int, m time.Month, d int) time.Time {
	oneDay := 24 * time.Hour
	start := time.Date(y, m, d, 9, 30, 0, 0, time.Local)
	return start.Add(oneDay) // want `start\.Add\(oneDay\) adds 24 hours to a time in a zone with daylight saving`
}

func localDateFixed(y int, m time.Month, d int) time.Time {
	start := time.Date(y, m, d, 9, 30, 0, 0, time.Local)
	return start.AddDate(0, 0, 1)
}

type scheduler struct{ next time.Time }

func newScheduler(loc *time.Location) *scheduler {
	return &scheduler{next: time.Date(2026, 3, 28, 9, 0, 0, 0, loc)}
}

func (s *scheduler) advance() {
	s.next = s.next.Add(24 * time.Hour) // want `s\.next\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving`
}

// RetryAt returns when to retry: at the same wall-clock time on the next
// day, in failed's location.
func RetryAt(failed time.Time) time.Time {
	return failed.Add(24 * time.Hour) // want `failed\.Add\(24 \* time\.Hour\) adds 24 hours to a time whose zone may have daylight saving`
}

func nextDaily(t time.Time) time.Time {
	return t.Add(day) // want `t\.Add\(day\) adds 24 hours to a time whose zone may have daylight saving`
}
