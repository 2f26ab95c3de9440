// Package timelayout defines an Analyzer that reports time layouts written
// in another language's notation, or with the day and month swapped.
//
// # Analyzer timelayout
//
// timelayout: report time layouts written as YYYY-MM-DD or %Y-%m-%d
//
// Go has no format letters. A layout is the reference time
// Mon Jan 2 15:04:05 MST 2006 (01/02 03:04:05PM '06 -0700) written the way
// the result should look: "2006-01-02" means year-month-day and
// "15:04" means hour and minute. Letters such as YYYY or %Y mean nothing to
// package time: Format copies them into its output and Parse expects them
// in its input, so t.Format("YYYY-MM-DD") returns "YYYY-MM-DD" and
// time.Parse("%Y-%m-%d", s) fails for every date.
//
// The analyzer reports a constant layout passed to time.Parse,
// time.ParseInLocation, or time.Time's Format or AppendFormat method that
// contains fields of another notation: moment.js, Java's DateTimeFormatter
// and date-fns (yyyy, YYYY, MM, dd, DD, HH, hh, mm, ss, SSS, EEE, ...) and
// C's strftime as Python, Ruby and PHP use it (%Y, %m, %d, %H, %M, %S, ...):
//
//	t.Format("YYYY-MM-DD")                     // write "2006-01-02"
//	time.Parse("dd/MM/yyyy HH:mm", s)          // write "02/01/2006 15:04"
//	time.Parse("%Y-%m-%dT%H:%M:%S", s)         // write "2006-01-02T15:04:05"
//	t.Format("2006-01-02 HH:mm")               // write "2006-01-02 15:04"
//
// A letter field counts only when it is repeated, such as yyyy or mm, and
// stands apart from words: single letters, and the letters of words such
// as "at" or "GMT", are ordinary text in a Go layout.
//
// When every field has one meaning, the suggested fix replaces a literal
// layout with its Go translation. Some fields have none, and then there is
// no fix: "a" is PM in Java but pm in moment.js, "Z" is -0700 in Java but
// -07:00 in moment.js, Go has no unpadded 24-hour field for "H", and
// "dd" or "DD" is the day of the month only in a format that also has a
// month (in moment.js "dd" alone is the day of the week, in Java "DD" the
// day of the year).
//
// It also reports a layout that writes the year, then the day, then the
// month, such as "2006/02/01", "2006.02.01" or "20060201": no calendar
// writes dates in that order, and in the reference time 01 is the month
// and 02 the day. The fix swaps them. go vet's timeformat analyzer reports
// "2006-02-01" in time.Parse and Format already; timelayout reports it only
// in time.ParseInLocation and AppendFormat, which vet does not check.
//
// Layouts that are not constants are not checked, and a layout given by a
// named constant is reported at its use without a fix. Generated files
// are skipped.
//
// Coming from Node.js: moment.js, Day.js and date-fns format with tokens
// such as "YYYY-MM-DD HH:mm" (moment) or "yyyy-MM-dd HH:mm" (date-fns), and
// toISOString() is the usual way to a timestamp. In Go the layout is an
// example date: "2006-01-02 15:04", and time.RFC3339 is the ISO 8601
// layout.
//
// Coming from Python: datetime.strftime and strptime take %-directives such
// as "%Y-%m-%d %H:%M:%S". Go's time.Format and time.Parse take the
// reference time instead: "2006-01-02 15:04:05", where 2006 is %Y, 01 is
// %m, 02 is %d, 15 is %H, 04 is %M and 05 is %S.
//
// Coming from Java: DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
// uses letters, case-sensitive (MM month, mm minute) and with quoted text.
// Go uses the reference date, so there is nothing to quote:
// "2006-01-02T15:04:05", with 01 for the month and 04 for the minute.
//
// Lesson: time/durations-and-layouts.
package timelayout
