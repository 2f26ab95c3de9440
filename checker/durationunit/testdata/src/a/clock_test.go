package a

import (
	"testing"
	"time"
)

// In a test, where fake clocks count nanoseconds and values are often
// arbitrary, a finding needs evidence of the unit.
func TestClock(t *testing.T) {
	cases := []struct{ bins int64 }{{1}, {2}}
	for _, c := range cases {
		_ = time.Duration(c.bins)
	}
	offsets := []int64{5, 10}
	now := time.Now()
	for _, offset := range offsets {
		_ = now.Add(time.Duration(offset))
	}
	_ = pool{Idle: 2}

	time.Sleep(1000) // want `time\.Sleep\(1000\) sleeps 1µs, not 1s`
}

func TestClockMillis(t *testing.T) {
	var timeoutMs int64 = 50
	time.Sleep(time.Duration(timeoutMs)) // want `time\.Duration\(timeoutMs\) makes timeoutMs nanoseconds, but it counts milliseconds`
}
