package a

import (
	"fmt"
	"time"
)

// Month arithmetic in the zero-based habit of JavaScript's Date and
// java.util.Calendar, each beside the arithmetic that stays in 1..12.

func later(t time.Time, n int) {
	// JS: (date.getMonth() + n) % 12
	m := time.Month((int(t.Month()) + n) % 12) // want `time\.Month\(\(int\(t\.Month\(\)\) \+ n\) % 12\) is not a month for every month: % 12 gives 0\.\.11, so the month that wraps becomes 0, not January; Go months run from 1 to 12, so wrap as time\.Month\(\(int\(m\)-1\+n\)%12 \+ 1\)`
	fmt.Println(m)
	fmt.Println(time.Month((int(t.Month())-1+n)%12 + 1))

	idx := (int(t.Month()) + 3) % 12
	fmt.Println(time.Month(idx)) // want `time\.Month\(idx\) is not a month for every month`
	fmt.Println(time.Month(idx + 1))
}

func next(t time.Time) {
	nm := time.Month(int(t.Month()) + 1) // want `time\.Month\(int\(t\.Month\(\)\) \+ 1\) can be month 13: a month plus one \(or a count of months\) does not wrap after December`
	fmt.Println(nm)

	n := int(t.Month()) + 1
	if n > 12 {
		n = 1
	}
	fmt.Println(time.Month(n))

	wrap := int(t.Month()) + 1
	if wrap == 13 {
		fmt.Println("next year")
	}
	fmt.Println(time.Month(wrap))

	// time.Date normalizes month 13 to January of the next year.
	fmt.Println(time.Date(t.Year(), time.Month(int(t.Month())+1), 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC))
}

func previous(t time.Time) time.Month {
	if t.Day() > 15 {
		return time.Month(int(t.Month()) - 1) // want `time\.Month\(int\(t\.Month\(\)\) - 1\) is month 0 in January: Go months start at 1`
	}
	return time.Month((int(t.Month())+10)%12 + 1)
}

// java.util.Calendar: cal.get(Calendar.MONTH) is zero-based.
func calendar(t time.Time) string {
	month := int(t.Month()) - 1
	names := [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return names[month] + time.Month(month).String() // want `time\.Month\(month\) is month 0 in January`
}

func calendarFixed(t time.Time) string {
	month := int(t.Month()) - 1
	names := [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return names[month] + time.Month(month+1).String()
}

// A Month-typed % 12.
func quarterEnd(m time.Month) time.Month {
	return (m + 2) % 12 // want `\(m \+ 2\) % 12 is not a month for every month`
}

func quarterEndFixed(m time.Month) time.Month {
	return (m+2-1)%12 + 1
}

// Numbers that are not months derived from a month.
func parsed(month, offset int) time.Month {
	fmt.Println(time.Month(month + offset))
	return time.Month(month % 12)
}

// Month-typed arithmetic, with no conversion.
func typed(t time.Time) {
	following := t.Month() + 1 // want `t\.Month\(\) \+ 1 can be month 13`
	fmt.Println("next:", following.String())
}

func typedInDate(t time.Time) time.Time {
	following := t.Month() + 1
	return time.Date(t.Year(), following, 1, 0, 0, 0, 0, time.UTC)
}

// A month minus one as an index, a number, a bound check: not a month.
func indexes(t time.Time) {
	names := [12]string{}
	fmt.Println(names[t.Month()-1], int(t.Month()-1))
	if t.Month()+1 > 12 {
		fmt.Println("wraps")
	}
}

// A month kept zero-based, as a JavaScript client sends it.
type payload struct {
	Year       int
	MonthIndex int // 0..11, from Date.getMonth()
}

func fromJS(p payload) time.Time {
	return time.Date(p.Year, time.Month(p.MonthIndex), 1, 0, 0, 0, 0, time.UTC) // want `time\.Month\(p\.MonthIndex\) converts p\.MonthIndex, a zero-based month index by its name, as if it were a month: .* write time\.Month\(p\.MonthIndex\+1\)`
}

func fromJSFixed(p payload) time.Time {
	return time.Date(p.Year, time.Month(p.MonthIndex+1), 1, 0, 0, 0, 0, time.UTC)
}

func indexVar(t time.Time, names [12]string, totals map[time.Month]int) {
	idx := t.Month() - 1
	fmt.Println(names[idx])
	prev := t.Month() - 1 // want `t\.Month\(\) - 1 is month 0 in January`
	totals[prev]++
}
