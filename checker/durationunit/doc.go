// Package durationunit defines an Analyzer that reports bare integers used
// where a time.Duration is meant.
//
// # Analyzer durationunit
//
// durationunit: report bare integers used as time.Duration
//
// A time.Duration is an int64 count of nanoseconds, and an untyped integer
// constant converts to it silently, so time.Sleep(1000) compiles and sleeps
// for one microsecond. The analyzer reports an untyped integer constant
// greater than zero, with no unit in it, that is passed, assigned, returned,
// sent or placed in a composite literal as a time.Duration:
//
//	time.Sleep(1000)                              // sleeps 1µs, not 1s
//	ctx, cancel := context.WithTimeout(ctx, 5000) // times out after 5µs
//
//	const pollMillis = 500
//	ticker := time.NewTicker(pollMillis) // ticks every 500ns
//
// Write the unit instead; the suggested fix multiplies by time.Millisecond:
//
//	time.Sleep(1000 * time.Millisecond)
//	time.Sleep(time.Second)
//
// It also reports a conversion time.Duration(n) of an integer variable that
// is not multiplied by a unit, since that too counts n in nanoseconds:
//
//	time.Sleep(time.Duration(ms))                    // reported
//	time.Sleep(time.Duration(ms) * time.Millisecond) // fine
//
// If n really counts nanoseconds, say so: time.Duration(n) * time.Nanosecond.
// In Duration arithmetic (total += time.Duration(n), timeout +
// time.Duration(n)) the conversion is reported only when the variable is
// named for another unit (ms, timeoutMs, millis, secs): sums of values that
// are already nanoseconds are common, and a product (grace *=
// time.Duration(scale)) is a scale factor, not a quantity.
//
// Constants of a second or more in nanoseconds (1500000000, or
// math.MaxInt64 as "forever") are taken to mean nanoseconds on purpose.
// Zero, values that already carry a unit (2 * time.Second, or a constant
// declared as 3 * time.Second), floating-point constants such as 1e9, and
// explicit constant conversions such as time.Duration(1000) are not
// reported: they say the author chose nanoseconds. Generated files are
// skipped.
//
// Coming from Node.js: setTimeout(fn, 1000) and setInterval take
// milliseconds, and a plain number is all they accept. In Go the same 1000
// is a thousand nanoseconds; write time.AfterFunc(time.Second, fn).
//
// Coming from Python: time.sleep(5) and socket timeouts take seconds, often
// as floats. In Go, time.Sleep(5) sleeps five nanoseconds; write
// 5 * time.Second, and use time.Duration(x * float64(time.Second)) for a
// fractional number of seconds.
//
// Coming from Java: Thread.sleep(1000) and most timeouts take milliseconds,
// or a long with a TimeUnit beside it. Go puts the unit in the value itself:
// time.Duration carries it, so 1000 * time.Millisecond is the whole story,
// and a function takes a time.Duration instead of a long and a unit.
//
// Lesson: time/durations-and-layouts.
package durationunit
