// Package parsezone defines an Analyzer that reports times parsed without
// a zone, which time.Parse reads as UTC, and then compared with the
// current time.
//
// # Analyzer parsezone
//
// parsezone: report zoneless time.Parse results compared with time.Now()
//
// time.Parse reads a time whose layout has no zone (no MST, Z07:00, -0700
// or the like) as UTC. Text such as "2024-03-01 09:00" that a person typed,
// or a program wrote in local time, then lands hours away from the instant
// it meant, and the error shows up where the parsed time meets the clock:
//
//	t, err := time.Parse("2006-01-02 15:04", s) // reported: s is read as UTC
//	...
//	if t.Before(time.Now()) { // off by the local UTC offset
//
// The analyzer reports time.Parse with a constant layout that has a year but
// no zone when the parsed time, in the same function, is compared with the
// current time: by Before, After, Equal, Compare or Sub with a value of
// time.Now() (directly, through local variables, or after Add, AddDate,
// Truncate, Round or Local), or by time.Since or time.Until. It also
// follows the parsed time through those methods and through In, Local and
// UTC, which change how a time prints but not the instant it names.
//
// Say which zone the text is in:
//
//	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
//	loc, err := time.LoadLocation("Europe/Paris")
//	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
//
// If the text really is UTC, say that too, with
// time.ParseInLocation(layout, s, time.UTC). There is no suggested fix,
// since only the author knows which zone the text was written in.
//
// Not reported: layouts with a zone (time.RFC3339 and friends); layouts
// without a year, such as "15:04", which need a date from elsewhere; parsed
// times that are only formatted, stored, returned or compared with other
// parsed times; and comparisons with time.Now().UTC(), which say that the
// program works in UTC. Generated files are skipped.
//
// Coming from Node.js: new Date("2024-03-01T09:00") reads a date-time
// without an offset as local time (and a date alone as UTC), so the habit
// is that the machine's zone applies. Go's time.Parse never uses the local
// zone on its own; ask for it with time.ParseInLocation(layout, s,
// time.Local).
//
// Coming from Python: datetime.strptime returns a naive datetime, and
// comparing it with the naive datetime.now() compares wall clocks, which
// works until daylight saving time changes. Go has no naive times: a
// time.Time is always an instant, and time.Parse without a zone makes it an
// instant in UTC. Use ParseInLocation where you would attach tzinfo.
//
// Coming from Java: LocalDateTime.parse gives a time with no zone, and you
// must choose one with atZone(ZoneId.systemDefault()) before comparing with
// Instant.now(). Go's time.Parse skips that step by picking UTC; choose the
// zone explicitly with time.ParseInLocation, the atZone of Go.
//
// Lesson: time/instants-and-zones.
package parsezone
