// Package a holds the timelayout cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"time"
)

func foreign(t time.Time, s string, b []byte) {
	fmt.Println(t.Format("YYYY-MM-DD")) // want `"YYYY-MM-DD" is not a Go layout: Go layouts spell the reference time Mon Jan 2 15:04:05 MST 2006; write "2006-01-02"`
	fmt.Println(t.Format("2006-01-02"))

	_, _ = time.Parse("yyyy-MM-dd HH:mm:ss", s) // want `"yyyy-MM-dd HH:mm:ss" is not a Go layout: .*; write "2006-01-02 15:04:05"`
	_, _ = time.Parse("2006-01-02 15:04:05", s)

	_, _ = time.Parse("%Y-%m-%d %H:%M:%S", s) // want `"%Y-%m-%d %H:%M:%S" is not a Go layout: .*; write "2006-01-02 15:04:05"`
	_, _ = time.Parse("2006-01-02 15:04:05", s)

	_, _ = time.ParseInLocation("DD/MM/YYYY", s, time.Local) // want `write "02/01/2006"`
	_, _ = time.ParseInLocation("02/01/2006", s, time.Local)

	_, _ = time.Parse("dd.MM.yyyy", s) // want `write "02\.01\.2006"`
	_, _ = time.Parse("02.01.2006", s)

	fmt.Println(t.Format("MMM D, YYYY")) // want `write "Jan 2, 2006"`
	fmt.Println(t.Format("Jan 2, 2006"))

	fmt.Println(t.Format("EEEE, MMMM d, yyyy")) // want `write "Monday, January 2, 2006"`
	fmt.Println(t.Format("Monday, January 2, 2006"))

	_, _ = time.Parse("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", s) // want `write "2006-01-02T15:04:05\.000Z07:00"`
	_, _ = time.Parse("2006-01-02T15:04:05.000Z07:00", s)

	_, _ = time.Parse("YYYY-MM-DDTHH:mm:ss", s) // want `write "2006-01-02T15:04:05"`
	_, _ = time.Parse("2006-01-02T15:04:05", s)

	_, _ = time.Parse("YYYY-MM-DD[T]HH:mm", s) // want `write "2006-01-02T15:04"`
	_, _ = time.Parse("2006-01-02T15:04", s)

	fmt.Println(t.Format("hh:mm A")) // want `write "03:04 PM"`
	fmt.Println(t.Format("03:04 PM"))

	fmt.Println(t.Format("HH:mm")) // want `write "15:04"`
	fmt.Println(t.Format("15:04"))

	fmt.Println(t.Format("yyyyMMdd-HHmmss")) // want `write "20060102-150405"`
	fmt.Println(t.Format("20060102-150405"))

	_, _ = time.Parse("%d/%m/%Y %I:%M %p", s) // want `write "02/01/2006 03:04 PM"`
	_, _ = time.Parse("02/01/2006 03:04 PM", s)

	_, _ = time.Parse("%Y-%m-%dT%H:%M:%S.%f", s) // want `write "2006-01-02T15:04:05\.000000"`
	_, _ = time.Parse("2006-01-02T15:04:05.000000", s)

	fmt.Println(t.Format("%a, %d %b %Y %T %z")) // want `write "Mon, 02 Jan 2006 15:04:05 -0700"`
	fmt.Println(t.Format("Mon, 02 Jan 2006 15:04:05 -0700"))

	fmt.Println(t.Format(`YYYY/MM/DD`)) // want `write "2006/01/02"`
	fmt.Println(t.Format(`2006/01/02`))

	b = t.AppendFormat(b, "yyyy") // want `write "2006"`
	b = t.AppendFormat(b, "2006")

	// A layout that mixes Go elements with fields of another notation.
	fmt.Println(t.Format("2006-01-02 HH:mm:ss")) // want `"2006-01-02 HH:mm:ss" mixes Go layout elements with HH, mm and ss, which Go copies as text: Go layouts spell the reference time Mon Jan 2 15:04:05 MST 2006; write "2006-01-02 15:04:05"`
	fmt.Println(t.Format("2006-01-02 15:04:05"))

	fmt.Println(t.Format("Jan 2 2006 %H:%M")) // want `mixes Go layout elements with %H and %M, .*; write "Jan 2 2006 15:04"`
	fmt.Println(t.Format("Jan 2 2006 15:04"))
	_ = b
}
