// Package timeequal defines an Analyzer that reports time.Time values
// compared with == or != instead of the Equal method.
//
// # Analyzer timeequal
//
// timeequal: report == and != on time.Time values
//
// A time.Time holds a wall clock reading, an optional monotonic clock
// reading and a *time.Location pointer, and == compares all three. Two
// values for the same instant compare unequal when one came from
// time.Now() (and carries a monotonic reading) and the other from
// time.Parse or a database, or when they are in different locations, even
// UTC and a *time.Location named "UTC". Equal compares instants:
//
//	if deadline == time.Now().Truncate(time.Second) { // reported
//	if deadline.Equal(time.Now().Truncate(time.Second)) {
//
//	if t != u {       // reported
//	if !t.Equal(u) {
//
// The suggested fix writes t.Equal(u) for t == u and !t.Equal(u) for
// t != u. A comparison with the zero value, t == time.Time{}, misses zero
// times that carry a location, such as time.Time{}.In(loc); the fix writes
// t.IsZero() instead. A switch whose tag is a time.Time compares each case
// with == and is reported too, without a fix.
//
// Not reported: pointers (*time.Time) compared with ==, which ask whether
// two pointers are the same; structs or arrays that contain a time.Time,
// whose == also compares their other fields; time.Time map keys (the time
// package documentation warns against them unless every key has the same
// Location and no monotonic reading, which the analyzer cannot see); and
// comparisons of numbers such as t.Unix() == u.Unix(). Generated files are
// skipped.
//
// Coming from Node.js: a === b on two Date objects compares the objects,
// not the instants, so JavaScript code compares a.getTime() === b.getTime().
// Go's == does compare values, but the value holds more than the instant;
// write a.Equal(b), and a.Before(b) or a.Compare(b) to order them.
//
// Coming from Python: datetime's == compares instants for aware datetimes
// and wall clocks for naive ones. Go's == on time.Time compares the
// representation instead, so the same instant in two locations differs;
// use t.Equal(u), which works like == on aware datetimes.
//
// Coming from Java: Instant.equals compares instants, but
// ZonedDateTime.equals also compares the zone, and isEqual is what compares
// the instant. Go's == is like the stricter equals and then some, since it
// also sees the monotonic reading; t.Equal(u) is Go's isEqual.
//
// Lesson: time/instants-and-zones.
package timeequal
