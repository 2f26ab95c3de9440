//go:build accent

package elapsedtime

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
	"unsafe"
)

// call is a function measured as the README says: Since deferred at its
// top. It takes d on the bubble's fake clock.
func call(l *Latency, name string, d time.Duration) {
	defer l.Since(name, time.Now())
	time.Sleep(d)
}

func TestSinceRecordsHowLongEachCallTook(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency

		for _, d := range []time.Duration{1500 * time.Microsecond, 250 * time.Millisecond, 2 * time.Second} {
			call(&l, "db", d)
			time.Sleep(time.Second) // between calls: not part of any call
		}
		for range 2 {
			call(&l, "cache", 300*time.Microsecond+7)
		}

		if got, want := l.Max("db"), 2*time.Second; got != want {
			t.Errorf("Max(db) = %v, want %v", got, want)
		}
		if got, want := l.Mean("db"), (1500*time.Microsecond+250*time.Millisecond+2*time.Second)/3; got != want {
			t.Errorf("Mean(db) = %v, want %v (the mean of 1.5ms, 250ms and 2s)", got, want)
		}
		if got, want := l.Max("cache"), 300*time.Microsecond+7; got != want {
			t.Errorf("Max(cache) = %v, want %v", got, want)
		}
		if got, want := l.Mean("cache"), 300*time.Microsecond+7; got != want {
			t.Errorf("Mean(cache) = %v, want %v", got, want)
		}
	})
}

// wallClockMoved returns now as time.Now() would have returned it had the
// wall clock read shift later than it did: same monotonic reading, wall
// reading moved. It is how a start time looks once NTP or an administrator
// has set the system clock back by shift (or forward, for a negative
// shift) while the call ran. No function of package time moves one reading
// without the other (Add moves both, Round(0) drops the monotonic one), so
// this edits the wall seconds of the time.Time in place.
func wallClockMoved(t *testing.T, now time.Time, shift time.Duration) time.Time {
	t.Helper()
	if !strings.Contains(now.String(), " m=") || shift%time.Second != 0 {
		t.Fatalf("wallClockMoved needs a time.Now() reading with a monotonic clock and whole seconds, got %v and %v", now, shift)
	}
	// time.Time is {wall uint64; ext int64; loc *Location}. With a monotonic
	// reading, wall holds the seconds since 1885 in bits 30 to 62, and ext
	// the monotonic reading.
	type layout struct {
		wall uint64
		ext  int64
		loc  *time.Location
	}
	moved := now
	p := (*layout)(unsafe.Pointer(&moved))
	p.wall += uint64(shift/time.Second) << 30
	if moved.Sub(now) != 0 || moved.Round(0).Sub(now.Round(0)) != shift || !strings.Contains(moved.String(), " m=") {
		t.Fatalf("this Go version lays out time.Time differently: wallClockMoved(%v, %v) = %v", now, shift, moved)
	}
	return moved
}

// TestSinceMeasuresOnTheMonotonicClock runs on the real clock: inside a
// testing/synctest bubble, time.Now() carries no monotonic reading at all.
// It does not sleep and has no threshold: whatever Since records must lie
// between 0 and what the test itself measures on the monotonic clock
// around the call.
func TestSinceMeasuresOnTheMonotonicClock(t *testing.T) {
	for _, tt := range []struct {
		name  string
		shift time.Duration
	}{
		{"wall clock set back an hour during the call", time.Hour},
		{"wall clock set forward an hour during the call", -time.Hour},
		{"wall clock set back a second during the call", time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var l Latency
			start := time.Now()

			l.Since("sync", wallClockMoved(t, start, tt.shift))

			took := time.Since(start) // read after Since returned: an upper bound
			if got := l.Max("sync"); got < 0 || got > took {
				t.Errorf("Since recorded %v for a call the test measured at most %v on the monotonic clock: it measured on the wall clock", got, took)
			}
		})
	}
}

func TestDeferredSinceLetsPanicsThrough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency

		recovered := func() (r any) {
			defer func() { r = recover() }()
			defer l.Since("api", time.Now())
			time.Sleep(70 * time.Millisecond)
			panic("boom")
		}()

		if recovered != "boom" {
			t.Errorf("the panic after defer l.Since(...) = %v, want %q to reach the caller", recovered, "boom")
		}
		if got, want := l.Max("api"), 70*time.Millisecond; got != want {
			t.Errorf("Max(api) = %v, want %v (the call that panicked)", got, want)
		}
	})
}

func TestSinceMeasuresConcurrentCallsSeparately(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency
		var wg sync.WaitGroup
		for i := range 10 {
			wg.Go(func() { call(&l, "api", time.Duration(i+1)*10*time.Millisecond) })
			// Dashboards reading while the calls are recorded (each reads
			// one figure: a later Lock would order its reads before the
			// next write).
			wg.Go(func() {
				time.Sleep(time.Duration(i+1) * 10 * time.Millisecond)
				_ = l.Mean("api")
			})
			wg.Go(func() {
				time.Sleep(time.Duration(i+1) * 10 * time.Millisecond)
				_ = l.Max("api")
			})
		}
		wg.Wait()

		if got, want := l.Max("api"), 100*time.Millisecond; got != want {
			t.Errorf("Max(api) = %v, want %v", got, want)
		}
		if got, want := l.Mean("api"), 55*time.Millisecond; got != want {
			t.Errorf("Mean(api) = %v, want %v (the mean of 10ms, 20ms ... 100ms)", got, want)
		}
	})
}

func TestNameNeverTrackedIsZero(t *testing.T) {
	var l Latency
	l.Since("db", time.Now())
	if got := l.Mean("cache"); got != 0 {
		t.Errorf("Mean(cache) = %v, want 0", got)
	}
	if got := l.Max("cache"); got != 0 {
		t.Errorf("Max(cache) = %v, want 0", got)
	}
}
