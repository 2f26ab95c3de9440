// Package a holds the durationunit cases, each reported case beside a silent
// twin.
package a

import (
	"context"
	"time"
)

const ms = 500                  // an untyped constant: no unit
const wait = 3 * time.Second    // declared with a unit
const timeout time.Duration = 7 // want `7 as a time\.Duration is 7ns, not 7ms or 7s: a bare integer is nanoseconds; write 7 \* time\.Millisecond or 7 \* time\.Second, whichever it counts`

func calls(ctx context.Context, d time.Duration) {
	time.Sleep(1000) // want `time\.Sleep\(1000\) sleeps 1µs, not 1s: a bare integer is nanoseconds; write 1000 \* time\.Millisecond`
	time.Sleep(1000 * time.Millisecond)

	time.Sleep(2 * time.Second)
	time.Sleep(d)
	time.Sleep(0)
	time.Sleep(wait)
	time.Sleep(timeout) // typed: reported where it is declared

	time.Sleep(ms) // want `time\.Sleep\(ms\) sleeps 500ns, not 500ms: a bare integer is nanoseconds; write ms \* time\.Millisecond`
	time.Sleep(ms * time.Millisecond)

	<-time.After(500) // want `time\.After\(500\) fires after 500ns, not 500ms`
	<-time.After(500 * time.Millisecond)

	t := time.NewTimer(30) // want `time\.NewTimer\(30\) fires after 30ns, not 30ms`
	t = time.NewTimer(30 * time.Millisecond)
	t.Reset(90000) // want `t\.Reset\(90000\) fires after 90µs, not 1m30s`
	t.Reset(90 * time.Second)

	tk := time.NewTicker(250) // want `time\.NewTicker\(250\) ticks every 250ns, not 250ms`
	tk = time.NewTicker(250 * time.Millisecond)
	tk.Stop()

	ctx, cancel := context.WithTimeout(ctx, 5000) // want `context\.WithTimeout\(ctx, 5000\) times out after 5µs, not 5s`
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, 5*time.Second)
	defer cancel2()

	time.Sleep(60 * 1000) // want `time\.Sleep\(60 \* 1000\) sleeps 60µs, not 1m0s: a bare integer is nanoseconds; write 60 \* 1000 \* time\.Millisecond`
	time.Sleep(60 * time.Second)

	time.Sleep(500 + 100) // want `time\.Sleep\(500 \+ 100\) sleeps 600ns, not 600ms or 10m0s: a bare integer is nanoseconds; write \(500 \+ 100\) \* time\.Millisecond or \(500 \+ 100\) \* time\.Second`
	time.Sleep(500*time.Millisecond + 100*time.Millisecond)

	retry(3, 200) // want `retry\(3, 200\) passes 200ns, not 200ms`
	retry(3, 200*time.Millisecond)
}

func retry(attempts int, backoff time.Duration) {}

func explicit() {
	// Floating-point constants and explicit conversions say the author
	// chose nanoseconds.
	time.Sleep(1e9)
	time.Sleep(time.Duration(1000))
	time.Sleep(time.Duration(ms) * time.Millisecond)

	// Scaling a duration by a bare number is fine.
	d := 2 * time.Second
	d = d * 3
	time.Sleep(d / 2)

	// iota counts, it does not measure.
	const (
		first time.Duration = iota
		second
	)
	_, _ = first, second
}

type config struct {
	Timeout time.Duration
	Retries int
}

func values() (time.Duration, config) {
	var d time.Duration = 700 // want `700 as a time\.Duration is 700ns, not 700ms`
	var e time.Duration = 700 * time.Millisecond
	d = 800 // want `800 as a time\.Duration is 800ns, not 800ms`
	e = 800 * time.Millisecond

	n := 800 // an int, not a duration
	_ = n

	_ = config{Timeout: 500, Retries: 3} // want `500 as a time\.Duration is 500ns, not 500ms`
	_ = config{Timeout: 500 * time.Millisecond, Retries: 3}

	_ = []time.Duration{100, 0} // want `100 as a time\.Duration is 100ns, not 100ms`
	_ = []time.Duration{100 * time.Millisecond, 0}

	ch := make(chan time.Duration, 2)
	ch <- 900 // want `900 as a time\.Duration is 900ns, not 900ms`
	ch <- 900 * time.Millisecond

	if d > e {
		return 42, config{} // want `42 as a time\.Duration is 42ns, not 42ms`
	}
	return 42 * time.Millisecond, config{}
}
