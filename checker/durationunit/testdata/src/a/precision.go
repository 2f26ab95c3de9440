package a

import (
	"math/rand"
	"sync/atomic"
	"time"
)

// Conversions real code makes on purpose: none is reported.

type MaxWait time.Duration

type Timeout int64 // a Duration kept in another type

type limits struct {
	TimeoutNs     int64
	idleNanos     int64
	DelayNs       uint64
	RatePerSecond int
	lastNano      atomic.Int64
	backoff       int64 // set from a Duration below
}

func (m MaxWait) apply(ttl Timeout) time.Duration {
	a := time.Duration(m)   // a conversion between Duration types
	b := time.Duration(ttl) // ttl is already a Duration kind
	return a + b
}

func counts(n, attempts int, l *limits, d time.Duration, secs int) {
	// A Duration divided by a count.
	interval := time.Second / time.Duration(n)
	interval = d / time.Duration(attempts)
	interval = d % time.Duration(n)
	interval = time.Second / time.Duration(l.RatePerSecond)
	_ = interval

	// Fields named for nanoseconds.
	time.Sleep(time.Duration(l.TimeoutNs))
	time.Sleep(time.Duration(l.idleNanos))
	time.Sleep(time.Duration(l.DelayNs))

	// Computed from a Duration.
	jitter := rand.Int63n(int64(d))
	time.Sleep(time.Duration(jitter))
	time.Sleep(time.Duration(rand.Int63n(int64(d))))
	l.backoff = int64(d)
	time.Sleep(time.Duration(l.backoff))
	time.Sleep(time.Duration(l.lastNano.Load()))
	time.Sleep(time.Duration(time.Now().UnixNano() - l.lastNano.Load()))

	// The unit is beyond a minus sign.
	_ = time.Now().Add(-time.Duration(secs) * time.Second)

	// Bit shifts: an exponential backoff.
	_ = d << time.Duration(attempts)
}

// Sentinels kept as Durations: -1 means "no timeout".
func sentinels(timeout int) time.Duration {
	if timeout == -1 {
		return time.Duration(timeout)
	}
	noLimit := -1
	return time.Duration(noLimit)
}

func measure() int64 { return 0 }

// A value computed by code the analyzer cannot read: its author knew its
// unit, and nothing here says it is not nanoseconds.
func computed() {
	n := measure()
	time.Sleep(time.Duration(n))
	var spent int64
	spent = measure() - n
	time.Sleep(time.Duration(spent))
}
