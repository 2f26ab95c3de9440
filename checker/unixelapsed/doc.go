// Package unixelapsed defines an Analyzer that reports elapsed time
// measured on the wall clock: by subtracting Unix timestamps of
// time.Now(), or with a time whose monotonic reading was stripped.
//
// # Analyzer unixelapsed
//
// unixelapsed: report elapsed time measured on the wall clock (Unix timestamps, stripped monotonic readings)
//
// time.Now() reads two clocks: the wall clock, which says what time it is
// and which NTP, an administrator or a virtual machine resume may set
// forward or back at any moment, and a monotonic clock, which only moves
// forward. t.Unix(), t.UnixMilli(), t.UnixMicro() and t.UnixNano() keep only
// the wall clock, so a difference of two of them can be negative or hours
// off when the clock is set in between:
//
//	start := time.Now().UnixNano()
//	work()
//	elapsed := time.Now().UnixNano() - start // reported
//
// Keep the time.Time instead; Since and Sub use the monotonic readings when
// both times have them:
//
//	start := time.Now()
//	work()
//	elapsed := time.Since(start)
//
// The analyzer reports a subtraction whose two operands are Unix
// timestamps of time.Now(): called directly, held in local variables
// (also variables that closures capture, as in a deferred func), converted
// to another number type or scaled by a constant, as in
// time.Now().UnixNano() / 1e6, or kept in an untagged struct
// field that the package only ever fills with one (an age or a TTL:
// time.Now().Unix() - s.CreatedAt). The field's address must not be handed
// out (rows.Scan(&s.CreatedAt) fills it from elsewhere), and an exported
// field of an exported type counts only when the package never hands its
// struct to an interface (json.Unmarshal(b, &s), or inside another value),
// where a decoder could fill it or an encoder keep it for a later run.
//
// It also reports elapsed time measured with a time.Time whose monotonic
// reading was stripped: t.UTC(), t.In(loc), t.Local(), t.Round(0),
// t.Truncate(d) and a round trip through a Unix timestamp
// (time.Unix(0, time.Now().UnixNano()), time.UnixMilli(ms)) all keep the
// instant but drop the monotonic clock, so time.Since, time.Until and Sub
// fall back to the wall clock:
//
//	start := time.Now().UTC() // UTC() strips the monotonic reading
//	work()
//	elapsed := time.Since(start) // reported
//
// It reports time.Since(t), time.Until(t) and a.Sub(b) where the times
// come from time.Now() (through local variables, closures, Add for a
// deadline, or a field the package fills only from time.Now()) and one of
// them was stripped. Keep the time.Now() value to measure with, and
// convert a copy only to display or store it.
//
// Not reported: timestamps from anywhere else, such as a file's
// modification time, a database row or a struct field that a decoder may
// fill (tagged, or of a type the package encodes or decodes), whose difference from now is a legitimate
// wall-clock question; stripped times that are only formatted, stored or
// compared with a deadline from elsewhere; time.Since on a time.Now()
// value kept whole; and differences with times derived from now, such as
// time.Now().Add(d).Unix(). There is no suggested fix, because
// time.Since(start) is a time.Duration where the subtraction gave a count
// of seconds or nanoseconds, and start must change too. Generated files
// are skipped.
//
// Coming from Node.js: Date.now() - start measures with the wall clock;
// performance.now() and process.hrtime.bigint() are the monotonic clocks.
// In Go, time.Now() carries both, and time.Since(start) picks the monotonic
// one for you, as long as you keep the time.Time.
//
// Coming from Python: time.time() - start is the wall clock, and the
// documentation points to time.monotonic() or time.perf_counter() for
// durations. Go needs no second function: start := time.Now() and
// time.Since(start) measure on the monotonic clock.
//
// Coming from Java: System.currentTimeMillis() - start is the wall clock;
// System.nanoTime() is the monotonic one, and Duration.between(start, end)
// on Instants is wall-clock based. Go's time.Since(start) is nanoTime's
// job done with a time.Time, and returns a time.Duration.
//
// Lesson: time/instants-and-zones.
package unixelapsed
