// Package bare holds numbers converted to time.Duration with nothing that
// tells their unit: strict mode, a learner's exercise, reports them
// without a fix; the default mode does not.
package bare

import "time"

type retry struct {
	attempts int
	delay    int
}

func conversions(n int, counts []int, r retry, next func() int) {
	time.Sleep(time.Duration(n)) // want `time\.Duration\(n\) makes n nanoseconds, and nothing says it counts them: multiply by the unit it counts, time\.Duration\(n\) \* time\.Millisecond or time\.Duration\(n\) \* time\.Second`
	time.Sleep(time.Duration(n) * time.Millisecond)

	time.Sleep(time.Duration(counts[0])) // want `time\.Duration\(counts\[0\]\) makes counts\[0\] nanoseconds, and nothing says`
	time.Sleep(time.Duration(counts[0]) * time.Second)

	timer := time.NewTimer(time.Duration(r.delay)) // want `time\.Duration\(r\.delay\) makes r\.delay nanoseconds, and nothing says`
	timer.Stop()

	// Evidence of nanoseconds, a unit applied, a computed value, a count:
	// quiet in strict mode too.
	time.Sleep(time.Duration(r.delay) * time.Second)
	time.Sleep(time.Duration(next()))
	time.Sleep(time.Second / time.Duration(r.attempts))
}

func nanos(elapsedNs int64) time.Duration { return time.Duration(elapsedNs) }
