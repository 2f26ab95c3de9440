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

	mu    sync.Mutex
	calls []time.Duration
}

func startPoll(ctx context.Context) *polling {
	p := &polling{start: time.Now(), done: make(chan error, 1)}
	go func() { p.done <- Poll(ctx, interval, p.check) }()
	return p
}

func (p *polling) check(context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, time.Since(p.start))
}

func (p *polling) checkedAt() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.calls)
}

// returned waits for Poll to return, giving it ten intervals of fake time.
// It fails the test if Poll is still running after that.
func (p *polling) returned(t *testing.T) error {
	t.Helper()
	select {
	case err := <-p.done:
		return err
	case <-time.After(10 * interval):
		t.Fatalf("Poll still running %v after ctx was cancelled: the loop never watches ctx.Done()", 10*interval)
		return nil
	}
}

func TestChecksOnceEveryIntervalStartingOneIntervalIn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx)

		time.Sleep(5*interval + interval/2)
		synctest.Wait()
		want := []time.Duration{1 * interval, 2 * interval, 3 * interval, 4 * interval, 5 * interval}
		if got := p.checkedAt(); !slices.Equal(got, want) {
			t.Errorf("check called at %v, want %v", got, want)
		}

		cancel()
		p.returned(t)
	})
}

func TestReturnsCanceledAsSoonAsCtxIsCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx)

		time.Sleep(2*interval + interval/2)
		cancel()
		cancelledAt := time.Now()
		synctest.Wait()
		select {
		case err := <-p.done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Poll returned %v, want context.Canceled (return ctx.Err())", err)
			}
		default:
			p.returned(t)
			t.Errorf("Poll returned %v after ctx was cancelled, want at once: wait on ctx.Done() and the ticker in one select", time.Since(cancelledAt))
		}

		time.Sleep(3 * interval)
		synctest.Wait()
		if got := p.checkedAt(); len(got) != 2 {
			t.Errorf("check called at %v, want only the 2 calls before the cancel at %v", got, 2*interval+interval/2)
		}
	})
}

func TestStopsTheTickerWhenPollReturns(t *testing.T) {
	var (
		mu      sync.Mutex
		tickers []*time.Ticker
		periods []time.Duration
	)
	newTicker = func(d time.Duration) *time.Ticker {
		tk := time.NewTicker(d)
		mu.Lock()
		defer mu.Unlock()
		tickers, periods = append(tickers, tk), append(periods, d)
		return tk
	}
	t.Cleanup(func() { newTicker = time.NewTicker })

	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := startPoll(ctx)

		time.Sleep(interval + interval/2)
		cancel()
		p.returned(t)

		mu.Lock()
		defer mu.Unlock()
		if len(tickers) != 1 {
			t.Fatalf("Poll made %d tickers with newTicker, want exactly 1", len(tickers))
		}
		if periods[0] != interval {
			t.Errorf("ticker period %v, want the interval %v", periods[0], interval)
		}
		time.Sleep(3 * interval)
		select {
		case <-tickers[0].C:
			t.Error("the ticker still ticks after Poll returned: stop it (defer ticker.Stop())")
		default:
		}
	})
}
