package a

import (
	"fmt"
	"time"
)

func swapped(t time.Time, s string) {
	fmt.Println(t.Format("2006/02/01")) // want `"2006/02/01" puts the day \(02\) before the month \(01\) after the year: in Go's reference time 01 is the month and 02 the day; write "2006/01/02"`
	fmt.Println(t.Format("2006/01/02"))

	_, _ = time.Parse("2006.02.01 15:04", s) // want `write "2006\.01\.02 15:04"`
	_, _ = time.Parse("2006.01.02 15:04", s)

	fmt.Println(t.Format("20060201")) // want `"20060201" puts the day \(02\) before the month \(01\)`
	fmt.Println(t.Format("20060102"))

	fmt.Println(t.Format("2006/2/1")) // want `write "2006/1/2"`
	fmt.Println(t.Format("2006/1/2"))

	// go vet's timeformat reports 2006-02-01 in Format and Parse, but not
	// in ParseInLocation.
	fmt.Println(t.Format("2006-02-01"))
	_, _ = time.ParseInLocation("2006-02-01", s, time.UTC) // want `"2006-02-01" puts the day \(02\) before the month \(01\)`
	_, _ = time.ParseInLocation("2006-01-02", s, time.UTC)

	// Day before month is fine when the year does not come first.
	fmt.Println(t.Format("02/01/2006"))
	fmt.Println(t.Format("02.01.06"))
	// Different separators: not a date written year-day-month.
	fmt.Println(t.Format("2006-02 01:04"))
}
