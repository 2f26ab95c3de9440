// Package a holds the monthindex cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"time"
)

const firstMonth = 0

func dates(y int, m time.Month) {
	_ = time.Date(2024, 0, 15, 0, 0, 0, 0, time.UTC) // want `month 0 is not January: Go months start at 1 \(time\.January\); time\.Date normalizes 0 to December of the previous year`
	_ = time.Date(2024, time.January, 15, 0, 0, 0, 0, time.UTC)

	_ = time.Date(2024, 13, 1, 0, 0, 0, 0, time.UTC) // want `month 13 is not a month: Go months run from 1 \(time\.January\) to 12 \(time\.December\); time\.Date normalizes 13 to January of the next year`
	_ = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)

	_ = time.Date(2024, -1, 1, 0, 0, 0, 0, time.UTC) // want `month -1 is not a month: .*normalizes -1 to November of the previous year`
	_ = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)

	_ = time.Date(2024, 25, 1, 0, 0, 0, 0, time.UTC)  // want `normalizes 25 to January, 2 years later`
	_ = time.Date(2024, -12, 1, 0, 0, 0, 0, time.UTC) // want `normalizes -12 to December, 2 years earlier`

	_ = time.Date(2024, 31, 12, 0, 0, 0, 0, time.UTC) // want `month 31 is not a month: .*; time\.Date takes the month before the day`
	_ = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

	_ = time.Date(y, time.Month(0), 1, 0, 0, 0, 0, time.Local) // want `month 0 is not January`
	_ = time.Date(y, time.Month(1), 1, 0, 0, 0, 0, time.Local)

	_ = time.Date(y, firstMonth, 1, 0, 0, 0, 0, time.Local) // want `month 0 is not January`
	_ = time.Date(y, firstMonth+1, 1, 0, 0, 0, 0, time.Local)

	// time.Date(0, 0, 0, ...) zeroes the whole date: only the clock
	// matters. Month 0 with a real day is the JavaScript habit.
	_ = time.Date(0, 0, 0, 12, 15, 30, 0, time.UTC)
	_ = time.Date(0, 0, 1, 12, 15, 30, 0, time.UTC) // want `month 0 is not January`
	// Month 0 and day 0 of a real year is not the first of January.
	_ = time.Date(2024, 0, 0, 0, 0, 0, 0, time.UTC) // want `month 0 is not January and day 0 is not the first: Go months and days start at 1; time\.Date normalizes month 0, day 0 to 30 November of the previous year`
	_ = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)

	// Computed months and day 0 (the last day of the previous month) are
	// fine.
	_ = time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	_ = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 13, 0)

	// time.Month(0) as a "no month" value, outside time.Date.
	var none time.Month = 0
	if m == time.Month(0) || m == none {
		fmt.Println("no month")
	}
}

func comparisons(t time.Time) {
	if t.Month() == 0 { // want `t\.Month\(\) is never 0: Go months start at 1 \(time\.January\), unlike JavaScript's getMonth\(\)`
		fmt.Println("January")
	}
	if t.Month() == time.January {
		fmt.Println("January")
	}
	if 12 != t.Month() {
		fmt.Println("not December")
	}
	if t.Month() != 13 { // want `t\.Month\(\) is never 13: Go months run from 1 \(time\.January\) to 12 \(time\.December\)`
		fmt.Println("always")
	}
	switch t.Month() {
	case 0, 1: // want `t\.Month\(\) is never 0`
		fmt.Println("winter")
	case time.February, time.March:
		fmt.Println("spring")
	}
}
