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
// Write the unit instead:
//
//	time.Sleep(1000 * time.Millisecond)
//	time.Sleep(time.Second)
//
// The unit is chosen from evidence, in this order: the name of the
// constant (defaultIntervalSeconds, pollMs, retryMillis), the name of the
// field, variable or parameter it is given to (RetryAfterSeconds: 30), a
// comment on its line, on the line before or at its declaration that names
// a unit or another language's call (time.sleep(5), setTimeout(fn, 30),
// Thread.sleep), and last its value: 1500 or 250 are milliseconds, while 5,
// 30, 300 or 3600 read as well in seconds. When the evidence decides, the
// suggested fix multiplies by that unit; when it does not, the finding
// names both readings (5ns, not 5ms or 5s) and offers no fix, since a
// wrong unit applied by -fix is worse than none. A name that says
// nanoseconds (spinNs, pauseNanos) is taken at its word.
//
// It also reports a conversion time.Duration(x) of a number that is not
// multiplied by a unit, since that too counts x in nanoseconds:
//
//	time.Sleep(time.Duration(ms))                    // reported
//	time.Sleep(time.Duration(ms) * time.Millisecond) // fine
//	time.Sleep(time.Duration(cfg.IntervalSeconds))   // a float: reported
//	time.Sleep(time.Duration(cfg.IntervalSeconds * float64(time.Second)))
//
// Its unit comes from its name, its type (a float counts seconds, the way
// Python does; type Seconds int), where its value comes from (a config
// field, a flag whose name or usage names the unit, a lookup by key such as
// GetInt("timeout_ms"), a variable assigned one of these), the comment
// where it is declared, and arithmetic that converts units (secs * 1000 is
// milliseconds). A float gets a fix that scales before converting, so the
// fraction is kept. A variable whose unit nothing tells is reported, in
// strict mode only (below), with both units and no fix; a computed value or a call result is reported
// only when the evidence names a unit. If x really counts nanoseconds, say
// so: time.Duration(n) * time.Nanosecond, or name it for them (TimeoutNs).
//
// Not reported, because they are nanoseconds or counts on purpose: a
// conversion between Duration types (type MaxWait time.Duration; a value
// of any defined type not named for a unit); a value computed from a
// Duration or a nanosecond reading (time.Duration(rand.Int63n(int64(d))),
// d.Nanoseconds(), t.UnixNano()); a conversion that is multiplied (the unit
// may sit beyond a minus sign, -time.Duration(x) * time.Second), shifted or
// used as a divisor (time.Second / time.Duration(n)); a sentinel such as -1
// kept as a Duration. In Duration arithmetic (total += time.Duration(n),
// timeout + time.Duration(n)) the conversion is reported only when the
// evidence names another unit: sums of values that are already nanoseconds
// are common, and a product (grace *= time.Duration(scale)) is a scale
// factor, not a quantity. A rate (RatePerSecond) names no unit.
//
// A number stored where the unit is applied later in the same function is
// not reported either: var wait time.Duration = 5 followed by wait *
// time.Second, or []time.Duration{500, 1000} whose elements a loop
// multiplies by time.Millisecond.
//
// In a package whose own code turns Durations into integers (int64(d),
// d.Nanoseconds()), as zap's Field keeps a Duration in its Integer, an
// int64 whose unit nothing tells, converted back with time.Duration(x), is
// taken to count nanoseconds by the package's convention, and is not
// reported; a unit in its name or sources still is.
//
// A finding needs evidence of the unit: a number whose unit nothing tells
// (time.Duration(n) of a bare int parameter) holds nanoseconds in real code
// as often as not, so it is reported only in strict mode, the grader's
// (-durationunit.strict, or accentvet -strict), and never in a _test.go
// file, where fake clocks count nanoseconds and values are often
// arbitrary.
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
