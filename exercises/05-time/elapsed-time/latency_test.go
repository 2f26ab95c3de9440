//go:build accent

package elapsedtime

import (
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// takes returns an op that takes d on the bubble's fake clock.
func takes(d time.Duration) func() error {
	return func() error {
		time.Sleep(d)
		return nil
	}
}

func TestTrackRecordsHowLongEachCallTook(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency

		for _, d := range []time.Duration{1500 * time.Microsecond, 250 * time.Millisecond, 2 * time.Second} {
			if err := l.Track("db", takes(d)); err != nil {
				t.Fatalf("Track returned %v, want nil", err)
			}
			time.Sleep(time.Second) // between calls: not part of any call
		}
		for range 2 {
			_ = l.Track("cache", takes(300*time.Microsecond))
		}

		if got, want := l.Max("db"), 2*time.Second; got != want {
			t.Errorf("Max(db) = %v, want %v", got, want)
		}
		if got, want := l.Mean("db"), (1500*time.Microsecond+250*time.Millisecond+2*time.Second)/3; got != want {
			t.Errorf("Mean(db) = %v, want %v (the mean of 1.5ms, 250ms and 2s)", got, want)
		}
		if got, want := l.Max("cache"), 300*time.Microsecond; got != want {
			t.Errorf("Max(cache) = %v, want %v", got, want)
		}
		if got, want := l.Mean("cache"), 300*time.Microsecond; got != want {
			t.Errorf("Mean(cache) = %v, want %v", got, want)
		}
	})
}

func TestTrackRecordsFailedAndPanickingCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency
		errDown := errors.New("down")

		err := l.Track("api", func() error {
			time.Sleep(40 * time.Millisecond)
			return errDown
		})
		if !errors.Is(err, errDown) {
			t.Errorf("Track returned %v, want op's error %v", err, errDown)
		}

		recovered := func() (r any) {
			defer func() { r = recover() }()
			_ = l.Track("api", func() error {
				time.Sleep(70 * time.Millisecond)
				panic("boom")
			})
			return nil
		}()
		if recovered != "boom" {
			t.Errorf("Track's panic = %v, want op's panic %q to pass through", recovered, "boom")
		}

		if got, want := l.Max("api"), 70*time.Millisecond; got != want {
			t.Errorf("Max(api) = %v, want %v (the call that panicked)", got, want)
		}
		if got, want := l.Mean("api"), 55*time.Millisecond; got != want {
			t.Errorf("Mean(api) = %v, want %v (the mean of 40ms and 70ms)", got, want)
		}
	})
}

func TestTrackMeasuresConcurrentCallsSeparately(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l Latency
		var wg sync.WaitGroup
		for i := range 10 {
			wg.Go(func() { _ = l.Track("api", takes(time.Duration(i+1)*10*time.Millisecond)) })
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
	_ = l.Track("db", func() error { return nil })
	if got := l.Mean("cache"); got != 0 {
		t.Errorf("Mean(cache) = %v, want 0", got)
	}
	if got := l.Max("cache"); got != 0 {
		t.Errorf("Max(cache) = %v, want 0", got)
	}
}
