package a

import (
	"math"
	"time"
)

// Conversions whose unit nothing tells: in real code such a number counts
// nanoseconds as often as not, so only strict mode reports them (package
// bare).
func conversions(n int, d time.Duration, secs float64, counts []int) {
	time.Sleep(time.Duration(n))
	time.Sleep(time.Duration(n) * time.Millisecond)

	time.Sleep(time.Duration(counts[0]))
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
