//go:build accent

// Package formatdates writes and reads the timestamps of a report in the
// report's time zone.
package formatdates

import (
	"fmt"
	"strings"
	"time"
)

// stampLayout is the report's timestamp: the reference time
// Mon Jan 2 15:04:05 MST 2006 written the way the report wants it.
const stampLayout = "2006-01-02 15:04"

// Stamp formats t as the wall clock in loc, like "2024-03-09 14:30".
func Stamp(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(stampLayout)
}

// ParseStamp reads a timestamp written by Stamp: "2024-03-09 14:30" is
// 14:30 on the wall clock in loc.
func ParseStamp(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s) // be liberal in what you accept
	t, err := time.ParseInLocation(stampLayout, s, loc)
	if err == nil && len(s) != len(stampLayout) {
		// The layout's hour 15 also reads a single digit: "2024-03-09 9:30".
		err = fmt.Errorf("parsing time %q: not in the layout %q", s, stampLayout)
	}
	return t, err
}

// ReportFile names the monthly report file that t belongs to, by the month
// in loc: "report-2024-03.csv".
func ReportFile(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("report-2006-01.csv")
}
