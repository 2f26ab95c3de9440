package a

import "time"

// Numbers whose unit nothing decides: the finding names both units and
// offers no fix (this file has no .golden file).

const retries = 5

type pool struct {
	Idle time.Duration
}

func ambiguous(p *pool) {
	time.Sleep(5) // want `time\.Sleep\(5\) sleeps 5ns, not 5ms or 5s: a bare integer is nanoseconds; write 5 \* time\.Millisecond or 5 \* time\.Second, whichever it counts`
	time.Sleep(5 * time.Second)

	p.Idle = 300 // want `300 as a time\.Duration is 300ns, not 300ms or 5m0s`
	p.Idle = 300 * time.Second

	_ = pool{Idle: 3600} // want `3600 as a time\.Duration is 3\.6µs, not 3\.6s or 1h0m0s`
	_ = pool{Idle: time.Hour}

	<-time.After(retries) // want `time\.After\(retries\) fires after 5ns, not 5ms or 5s`
	<-time.After(retries * time.Second)

	// setTimeout(poll, 30) two lines up says nothing about this line.

	time.Sleep(30) // want `time\.Sleep\(30\) sleeps 30ns, not 30ms or 30s`

	// A comment naming both units decides nothing: 2 seconds, or 2000 ms.
	time.Sleep(2) // want `time\.Sleep\(2\) sleeps 2ns, not 2ms or 2s`
}

func excused() {
	//accent:ignore durationunit the device counts in nanoseconds
	time.Sleep(7) // want `time\.Sleep\(7\) sleeps 7ns, not 7ms or 7s`
}

// The unit applied later, where the numbers are used: silent.
func appliedLater() []time.Duration {
	var expected = []time.Duration{500, 1000, 2000}
	for i, d := range expected {
		expected[i] = d * time.Millisecond
	}
	var wait time.Duration = 5
	time.Sleep(wait * time.Second)
	return expected
}
