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

func seconds(s ...float64) []time.Duration {
	var ds []time.Duration
	for _, v := range s {
		ds = append(ds, time.Duration(v*float64(time.Second)))
	}
	return ds
}

func TestStopEndsTheRefills(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(1, time.Second)
		waits(t, l, time.Now(), 1) // the bucket is empty now

		l.Stop()

		// Stopped: no token comes, however long we wait.
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
		l := NewLimiter(3, time.Second)
		defer l.Stop()

		got := waits(t, l, start, 6)

		if want := seconds(0, 0, 0, 1, 2, 3); !slices.Equal(got, want) {
			t.Errorf("6 Waits on NewLimiter(3, time.Second) returned at %v, want %v", got, want)
		}
	})
}

func TestUnusedTokensPileUpToTheBurstOnly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(3, time.Second)
		defer l.Stop()

		// Idle: ten refills, but the bucket holds three. (Half a second
		// past a tick, so the test never races one.)
		time.Sleep(10500 * time.Millisecond)
		got := waits(t, l, start, 5)

		if want := seconds(10.5, 10.5, 10.5, 11, 12); !slices.Equal(got, want) {
			t.Errorf("after 10.5s idle, 5 Waits returned at %v, want %v", got, want)
		}
	})
}

func TestWaitersAtTheSameTimeShareTheTokens(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(2, time.Second)
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
		if want := seconds(0, 0, 1, 2, 3); !slices.Equal(got, want) {
			t.Errorf("5 goroutines waiting on NewLimiter(2, time.Second) got through at %v, want %v", got, want)
		}
	})
}

func TestWaitReturnsTheContextErrorWhenDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(1, time.Second)
		defer l.Stop()
		waits(t, l, start, 1) // the bucket is empty until 1s

		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		err := l.Wait(ctx)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Wait with a context done at 500ms returned %v, want %v", err, context.DeadlineExceeded)
		}
		if took := time.Since(start); took != 500*time.Millisecond {
			t.Errorf("Wait returned after %v, want 500ms (when ctx was done)", took)
		}
		// The waiter that gave up did not take the token of 1s.
		if got, want := waits(t, l, start, 1), seconds(1); !slices.Equal(got, want) {
			t.Errorf("the next Wait returned at %v, want %v", got, want)
		}
	})
}
