// Package monthindex defines an Analyzer that reports months counted from
// zero, as JavaScript's Date and Java's Calendar count them.
//
// # Analyzer monthindex
//
// monthindex: report months counted from zero or outside 1..12
//
// Go numbers months from 1: time.January is 1 and time.December is 12.
// time.Date does not reject other numbers; it normalizes them, so month 0
// silently becomes December of the previous year and month 13 January of
// the next. The analyzer reports a constant month outside 1..12 passed to
// time.Date:
//
//	time.Date(2024, 0, 15, 0, 0, 0, 0, time.UTC)  // 15 December 2023
//	time.Date(2024, 13, 1, 0, 0, 0, 0, time.UTC)  // 1 January 2025
//	time.Date(2024, 31, 12, 0, 0, 0, 0, time.UTC) // day and month swapped
//
// Write the month by name instead:
//
//	time.Date(2024, time.January, 15, 0, 0, 0, 0, time.UTC)
//
// It reports a comparison of t.Month() with a number outside 1..12, which
// never holds (t.Month() == 0 is the JavaScript getMonth() === 0 test for
// January), in an == or != comparison or a switch case.
//
// It also reports time.Month(i) where i is the index of a loop that counts
// twelve times from zero (for i := 0; i < 12; i++, for i := range 12, or a
// range over a [12]T array): that converts 0..11, which is December of the
// previous year through November. The suggested fix writes time.Month(i+1).
//
// It reports month arithmetic converted to time.Month that leaves 1..12,
// the habit of zero-based months: (m + n) % 12, which is 0 for the month
// that wraps (JavaScript's (date.getMonth() + n) % 12), a month plus one or
// a count with no wrap, which reaches 13 after December, and a month minus
// one, which is 0 in January (the zero-based index of getMonth() or
// Calendar.MONTH, kept in an int and converted back):
//
//	next := time.Month((int(t.Month()) + n) % 12) // December is 0
//	prev := time.Month(int(t.Month()) - 1)        // January is 0
//	next := time.Month((int(t.Month())-1+n)%12 + 1) // fine
//
// The month may be t.Month() or any time.Month value, converted to an
// integer or not, and the arithmetic may pass through local variables
// assigned once. A month plus or minus a number, converted or
// Month-typed (next := t.Month() + 1), is reported where it is used as a
// month value: printed or formatted, its String method called, returned,
// compared with ==, switched on, used as a key, or stored in a literal
// (directly or through the variable it is assigned to); not as an index
// (names[t.Month()-1]) or in a bound check. A (m + n) % 12 is reported
// wherever it is. A variable or field named as a zero-based index
// (monthIndex, month0, jsMonth) converted to time.Month is reported too:
// write time.Month(monthIndex+1).
//
// Not reported: arithmetic that ends in 1..12 (% 12 + 1); a month passed
// to time.Date, which normalizes 13 to January of the next year, or to any
// other function, which may normalize it too (p.Due(year, month+1)); and a
// value the function compares with a bound itself (if m > 12 { m = 1 }).
//
// A constant month outside 1..12 gets no suggested fix: code written with
// zero-based months in mind means January by 0, but then also means
// December by 11, which is a valid month the analyzer cannot question, so
// the other months need a look too. Day 0, as in time.Date(y, m+1, 0, ...)
// for the last day of month m, is a documented idiom and is not reported,
// nor is the all-zero date of time.Date(0, 0, 0, h, min, s, ns, loc), which
// says that only the clock matters (month 0 and day 0 of a real year,
// time.Date(2024, 0, 0, ...), are 30 November 2023 and are reported);
// neither is month arithmetic such as t.AddDate(0, 13, 0), nor time.Month(0)
// used as a "no month" value. Generated files are skipped.
//
// Coming from Node.js: new Date(2024, 0, 15) is 15 January, because
// Date's months run from 0 to 11, and getMonth() returns 0 for January. Go
// has no such offset: write time.Date(2024, time.January, 15, ...) and
// compare t.Month() with time.January.
//
// Coming from Python: datetime(2024, 1, 15) already counts months from 1,
// as Go does, but datetime rejects month 13 with a ValueError where Go's
// time.Date quietly rolls it into the next year, so check a computed month
// yourself or build the date with t.AddDate(0, n, 0).
//
// Coming from Java: java.util.Calendar.JANUARY is 0, so
// cal.set(2024, 0, 15) is 15 January and code that loops over months
// counts 0..11. java.time's LocalDate.of(2024, 1, 15) counts from 1 and
// Month.JANUARY is 1, which is Go's convention: time.January == 1.
//
// Lesson: time/durations-and-layouts.
package monthindex
