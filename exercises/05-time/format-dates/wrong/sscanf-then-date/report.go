//go:build accent

// Package formatdates writes and reads the timestamps of a report in the
// report's time zone.
package formatdates

import (
	"fmt"
	"regexp"
	"time"
)

// stampLayout is the report's timestamp: the reference time
// Mon Jan 2 15:04:05 MST 2006 written the way the report wants it.
const stampLayout = "2006-01-02 15:04"

var stampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`)

// Stamp formats t as the wall clock in loc, like "2024-03-09 14:30".
func Stamp(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(stampLayout)
}

// ParseStamp reads a timestamp written by Stamp: "2024-03-09 14:30" is
// 14:30 on the wall clock in loc.
func ParseStamp(s string, loc *time.Location) (time.Time, error) {
	// As a regex and strptime's fields: four digits, then two, two, two, two.
	if !stampRE.MatchString(s) {
		return time.Time{}, fmt.Errorf("%q is not yyyy-MM-dd HH:mm", s)
	}
	var y, mo, d, h, mi int
	if _, err := fmt.Sscanf(s, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi); err != nil {
		return time.Time{}, err
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 {
		return time.Time{}, fmt.Errorf("%q is out of range", s)
	}
	return time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), nil // 30 February is 1 March
}

// ReportFile names the monthly report file that t belongs to, by the month
// in loc: "report-2024-03.csv".
func ReportFile(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("report-2006-01.csv")
}
