//go:build accent

package ratelimit

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// Every test runs in a synctest bubble: time.Now, tickers and timers use a
// fake clock that jumps ahead whenever every goroutine is blocked, so the
// tests check exact moments without sleeping for real. A goroutine still
// running when a test ends (a refill loop that Stop did not end) fails it
// with "blocked goroutines remain", which accent reports as a leak.

// waits calls Wait n times, one after the other, and returns when each
// returned, after the start of the test.
func waits(t *testing.T, l *Limiter, start time.Time, n int) []time.Duration {
	t.Helper()
	var at []time.Duration
	for range n {
		if err := l.Wait(context.Background()); err != nil {
			t.Fatalf("Wait: unexpected error %v", err)
		}
		at = append(at, time.Since(start))
	}
	return at
}

// every is the interval of most tests: an odd length, so a Wait that polls
// on a timer of its own (instead of waiting on the bucket) wakes up after a
// token came in, never at the moment it does.
const every = 1234567891 * time.Nanosecond

// ticks returns the moments k × every, for each k.
func ticks(ks ...float64) []time.Duration {
	var ds []time.Duration
	for _, k := range ks {
		ds = append(ds, time.Duration(k*float64(every)))
	}
	return ds
}

func TestStopEndsTheRefills(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(1, time.Second)
		waits(t, l, time.Now(), 1) // the bucket is empty now
		// Refilled at 1s; the ticks of 2s and 3s find the bucket full.
		time.Sleep(3500 * time.Millisecond)

		before := time.Now()
		l.Stop()
		if took := time.Since(before); took != 0 {
			t.Errorf("Stop returned %v after it was called, want at once: the refill goroutine must end without waiting for its next tick", took)
		}

		// The token of 1s is still in the bucket.
		waits(t, l, before, 1)
		// Stopped: no other token comes, however long we wait.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := l.Wait(ctx); err == nil {
			t.Errorf("Wait got a token after Stop, want no more refills")
		}
	})
}

func TestBurstThenOneTokenEveryInterval(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(3, every)
		defer l.Stop()

		got := waits(t, l, start, 6)

		if want := ticks(0, 0, 0, 1, 2, 3); !slices.Equal(got, want) {
			t.Errorf("6 Waits on NewLimiter(3, %v) returned at %v, want %v", every, got, want)
		}
	})
}

func TestUnusedTokensPileUpToTheBurstOnly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(3, every)
		defer l.Stop()

		// Idle: ten refills, but the bucket holds three. (Half an interval
		// past a tick, so the test never races one.)
		time.Sleep(10*every + every/2)
		got := waits(t, l, start, 5)

		if want := ticks(10.5, 10.5, 10.5, 11, 12); !slices.Equal(got, want) {
			t.Errorf("after 10.5 intervals idle, 5 Waits returned at %v, want %v", got, want)
		}
	})
}

func TestWaitersAtTheSameTimeShareTheTokens(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(2, every)
		defer l.Stop()

		var (
			mu  sync.Mutex
			got []time.Duration
			wg  sync.WaitGroup
		)
		for range 5 {
			wg.Go(func() {
				if err := l.Wait(context.Background()); err != nil {
					t.Errorf("Wait: unexpected error %v", err)
				}
				mu.Lock()
				got = append(got, time.Since(start))
				mu.Unlock()
			})
		}
		wg.Wait()

		slices.Sort(got)
		if want := ticks(0, 0, 1, 2, 3); !slices.Equal(got, want) {
			t.Errorf("5 goroutines waiting on NewLimiter(2, %v) got through at %v, want %v", every, got, want)
		}
	})
}

func TestWaitReturnsTheContextErrorWhenDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(1, every)
		defer l.Stop()
		waits(t, l, start, 1) // the bucket is empty until the first tick

		const giveUp = 500000001 * time.Nanosecond
		ctx, cancel := context.WithTimeout(context.Background(), giveUp)
		defer cancel()
		err := l.Wait(ctx)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Wait with a context done at %v returned %v, want %v", giveUp, err, context.DeadlineExceeded)
		}
		if took := time.Since(start); took != giveUp {
			t.Errorf("Wait returned after %v, want %v (when ctx was done)", took, giveUp)
		}
		// The waiter that gave up did not take the token of the first tick.
		if got, want := waits(t, l, start, 1), ticks(1); !slices.Equal(got, want) {
			t.Errorf("the next Wait returned at %v, want %v", got, want)
		}
	})
}
