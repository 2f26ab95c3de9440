// Package dstday defines an Analyzer that reports 24 hours added to a
// zoned time to mean "the same time tomorrow".
//
// # Analyzer dstday
//
// dstday: report t.Add(24 * time.Hour) meant as "the same time tomorrow" in a zone with daylight saving
//
// t.Add(d) adds elapsed time: 24 hours later is the same clock time the
// next day on most days, but not on the two days a year a zone with
// daylight saving moves its clocks, when a day lasts 23 or 25 hours. A
// reminder set for 09:00 every day then fires at 08:00 or 10:00, and a loop
// over the days of a month that steps by 24 hours skips a date or visits
// one twice near midnight. t.AddDate(0, 0, 1) adds a calendar day: the
// same clock time tomorrow, whatever the day's length.
//
//	loc, _ := time.LoadLocation("Europe/Paris")
//	meeting := time.Date(2026, time.March, 28, 9, 0, 0, 0, loc)
//	next := meeting.Add(24 * time.Hour)  // reported: 10:00 on 29 March
//	next := meeting.AddDate(0, 0, 1)     // 09:00 on 29 March
//
//	for d := start; d.Before(end); d = d.Add(24 * time.Hour) { // reported
//
// The analyzer reports t.Add(d) where d is a whole number of days (24 *
// time.Hour, time.Hour * 24, a constant such as day or week, -24 *
// time.Hour, n * 24 * time.Hour, or a variable that only ever holds such
// a constant) and t is a time in a zone that may have daylight saving:
// made by time.Date or time.ParseInLocation with a location other than
// time.UTC or a time.FixedZone (time.Local named as the location
// included), or moved there by t.In(loc), followed through local
// variables, fields the package fills, the functions and methods of the
// package that return it (t := s.nextRun(), where nextRun returns
// time.Now().In(s.loc)), and Add, AddDate, Truncate and Round. Times in the local zone (time.Now(), time.Unix,
// t.Local(), time.Local) are reported only when the code says it means a
// calendar day: the result is named for one (tomorrow, nextDay, date,
// midnight), steps a loop, or is asked for its Day, Weekday, Date, Hour or
// Format. The suggested fix writes t.AddDate(0, 0, n) (none when the
// duration is a variable, which the fix would leave unused).
//
// A time whose zone the function cannot see, such as a parameter, is
// reported only when the code says a calendar day is meant, as above, or
// by the function's name (nextDay, daily) or doc comment, or a comment on
// the line ("the same wall-clock time on the next day", "timedelta(days=1)",
// "plusDays", "setDate").
//
// Not reported: times in UTC (time.Date(..., time.UTC), t.UTC(),
// time.Now().UTC()) or in a fixed zone, where every day has 24 hours; times
// of unknown zone with nothing that says a calendar day; and 24 hours
// meant as elapsed time, a result named or used as an expiry, a deadline,
// a TTL or a timeout (expires := time.Now().Add(24 * time.Hour),
// context.WithDeadline, SetDeadline). Generated files are skipped.
//
// Coming from Node.js: date.setDate(date.getDate() + 1) is the calendar
// day and date.getTime() + 86400000 the 24 hours, and the two differ on a
// DST change in the local zone; Go's t.AddDate(0, 0, 1) and t.Add(24 *
// time.Hour) are the same pair.
//
// Coming from Python: dt + timedelta(days=1) on an aware datetime keeps the
// wall clock (the same time tomorrow) and ignores the DST change, so a
// timedelta of a day reads like Go's t.Add(24 * time.Hour) but behaves
// like t.AddDate(0, 0, 1). In Go, Add is always elapsed time: write
// AddDate for calendar days.
//
// Coming from Java: ZonedDateTime.plusDays(1) is Go's t.AddDate(0, 0, 1)
// and plusHours(24) is t.Add(24 * time.Hour); an Instant has no zone, so
// Instant.plus(1, ChronoUnit.DAYS) is 24 hours, as in Go.
//
// Lesson: time/instants-and-zones.
package dstday
