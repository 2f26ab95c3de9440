//go:build accent

package stoptheloop

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

const interval = time.Second

// polling is one Poll running in its own goroutine, with the fake time of
// every call of check since it started.
type polling struct {
	start time.Time
	done  chan error
	takes time.Duration // how long each call of check takes

	mu      sync.Mutex
	calls   []time.Duration
	running int // calls of check that have not returned yet
}

func startPoll(ctx context.Context, every, checkTakes time.Duration) *polling {
	p := &polling{start: time.Now(), done: make(chan error, 1), takes: checkTakes}
	go func() { p.done <- Poll(ctx, every, p.check) }()
	return p
}

func (p *polling) check(context.Context) {
	p.mu.Lock()
	p.calls = append(p.calls, time.Since(p.start))
	p.running++
	p.mu.Unlock()
	time.Sleep(p.takes)
	p.mu.Lock()
	p.running--
	p.mu.Unlock()
}

func (p *polling) checkedAt() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.calls)
}

func (p *polling) checksRunning() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.running
}

// returnedAtOnce reports whether Poll has returned by the time every
// goroutine of the bubble is blocked, at the current fake instant. If not,
// it waits ten intervals more for Poll to return, and fails the test if it
// never does.
func (p *polling) returnedAtOnce(t *testing.T) (err error, atOnce bool) {
	t.Helper()
	synctest.Wait()
	select {
	case err := <-p.done:
		return err, true
	default:
	}
	select {
	case err := <-p.done:
		return err, false
	case <-time.After(10 * interval):
		t.Fatalf("Poll still running %v after ctx ended: the loop never watches ctx.Done()", 10*interval)
		return nil, false
	}
}

func TestChecksOnceEveryIntervalStartingOneIntervalIn(t *testing.T) {
	for _, every := range []time.Duration{interval, 250 * time.Millisecond, 1500 * time.Millisecond} {
		t.Run(every.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				p := startPoll(ctx, every, 0)

				time.Sleep(5*every + every/2)
				synctest.Wait()
				want := []time.Duration{1 * every, 2 * every, 3 * every, 4 * every, 5 * every}
				if got := p.checkedAt(); !slices.Equal(got, want) {
					t.Errorf("Poll(ctx, %v, check): check called at %v, want %v", every, got, want)
				}

				cancel()
				p.returnedAtOnce(t)
			})
		})
	}
}

func TestKeepsItsRateWhenCheckTakesTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx, interval, interval/4)

		time.Sleep(5*interval + interval/2)
		synctest.Wait()
		want := []time.Duration{1 * interval, 2 * interval, 3 * interval, 4 * interval, 5 * interval}
		if got := p.checkedAt(); !slices.Equal(got, want) {
			t.Errorf("with a check that takes %v, check called at %v, want %v: once every interval from the start, as setInterval does, not an interval after each check ends",
				interval/4, got, want)
		}

		cancel()
		p.returnedAtOnce(t)
	})
}

func TestReturnsCanceledAsSoonAsCtxIsCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx, interval, 0)

		time.Sleep(2*interval + interval/2)
		cancel()
		cancelledAt := time.Now()
		err, atOnce := p.returnedAtOnce(t)
		if !atOnce {
			t.Errorf("Poll returned %v after ctx was cancelled, want at once: wait on ctx.Done() and the ticker in one select", time.Since(cancelledAt))
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Poll returned %v, want context.Canceled (return ctx.Err())", err)
		}

		time.Sleep(3 * interval)
		synctest.Wait()
		if got := p.checkedAt(); len(got) != 2 {
			t.Errorf("check called at %v, want only the 2 calls before the cancel at %v", got, 2*interval+interval/2)
		}
	})
}

func TestReturnsDeadlineExceededWhenCtxTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 3*interval+interval/2)
		defer cancel()
		p := startPoll(ctx, interval, 0)

		err := <-p.done
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Poll returned %v when its ctx timed out, want context.DeadlineExceeded: return ctx.Err(), whatever it is", err)
		}
		if got := time.Since(p.start); got != 3*interval+interval/2 {
			t.Errorf("Poll returned %v after it started, want %v, at the deadline", got, 3*interval+interval/2)
		}
		if got := p.checkedAt(); len(got) != 3 {
			t.Errorf("check called at %v, want the 3 calls before the deadline", got)
		}
	})
}

func TestAlreadyCancelledCtxNeverChecks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		p := startPoll(ctx, interval, 0)

		err, atOnce := p.returnedAtOnce(t)
		if !atOnce {
			t.Error("Poll with a ctx cancelled before it started did not return at once")
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Poll returned %v, want context.Canceled", err)
		}
		if got := p.checkedAt(); len(got) != 0 {
			t.Errorf("check called at %v with a ctx cancelled before Poll started, want never", got)
		}
	})
}

func TestNoCheckOutlivesPoll(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx, interval, interval/2)

		time.Sleep(interval + interval/4) // the first check is half done
		cancel()
		err := <-p.done
		if n := p.checksRunning(); n != 0 {
			t.Errorf("Poll returned %v with %d calls of check still running, want none: call check, do not start it and walk away", err, n)
		}
		if got := time.Since(p.start); got != interval+interval/2 {
			t.Errorf("Poll returned %v after it started, want %v: the check in progress finishes, then Poll returns", got, interval+interval/2)
		}
		if got := p.checkedAt(); len(got) != 1 {
			t.Errorf("check called at %v, want only the call in progress at the cancel", got)
		}
	})
}
