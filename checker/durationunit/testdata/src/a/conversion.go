package a

import (
	"math"
	"time"
)

// Conversions whose unit nothing tells are reported without a fix.
func conversions(n int, d time.Duration, secs float64, counts []int) {
	time.Sleep(time.Duration(n)) // want `time\.Duration\(n\) makes n nanoseconds, and nothing says it counts them: multiply by the unit it counts, time\.Duration\(n\) \* time\.Millisecond or time\.Duration\(n\) \* time\.Second`
	time.Sleep(time.Duration(n) * time.Millisecond)

	time.Sleep(time.Duration(counts[0])) // want `time\.Duration\(counts\[0\]\) makes counts\[0\] nanoseconds, and nothing says`
	time.Sleep(time.Duration(counts[0]) * time.Second)

	backoff := time.Duration(n) + d // a sum with no unit in sight: Duration arithmetic
	backoff = (time.Duration(n)) * d
	_ = backoff

	// Not a number of unknown unit: a duration, a float computed from a
	// unit, a constant, an expression with no unit in sight.
	_ = time.Duration(d)
	_ = time.Duration(secs * float64(time.Second))
	_ = time.Duration(n * 2)
	_ = time.Duration(500)
}

func nanoseconds(n int64) time.Duration {
	return time.Duration(n) * time.Nanosecond
}

// The shapes real code uses on purpose stay silent.
func onPurpose(ival, scale int64, idle time.Duration) {
	const forever = math.MaxInt64 // nanoseconds on purpose: ~292 years
	if idle <= 0 {
		idle = forever
	}
	var total time.Duration
	total += time.Duration(ival) // accumulating nanosecond samples
	grace := 100 * time.Millisecond
	grace *= time.Duration(scale) // a dimensionless factor
	time.Sleep(total + grace + idle)
	time.Sleep(1500000000) // 1.5s written in nanoseconds
}
