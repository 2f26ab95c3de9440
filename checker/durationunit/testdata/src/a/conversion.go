package a

import (
	"math"
	"time"
)

type settings struct{ PollMillis int }

func conversions(ms int, s settings, d time.Duration, secs float64) {
	time.Sleep(time.Duration(ms)) // want `time\.Duration\(ms\) makes ms nanoseconds, not milliseconds or seconds: multiply by the unit, e\.g\. time\.Duration\(ms\) \* time\.Millisecond`
	time.Sleep(time.Duration(ms) * time.Millisecond)

	time.Sleep(time.Duration(s.PollMillis)) // want `time\.Duration\(s\.PollMillis\) makes s\.PollMillis nanoseconds`
	time.Sleep(time.Millisecond * time.Duration(s.PollMillis))

	backoff := time.Duration(ms) + d // want `time\.Duration\(ms\) makes ms nanoseconds`
	backoff = (time.Duration(ms)) * d
	_ = backoff

	// Not an integer variable: a duration, a float computed from a unit,
	// a constant.
	_ = time.Duration(d)
	_ = time.Duration(secs * float64(time.Second))
	_ = time.Duration(ms * 2) // an expression, not a bare variable
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
