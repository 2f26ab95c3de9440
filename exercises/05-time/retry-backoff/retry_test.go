//go:build accent

package retrybackoff

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

var errFlaky = errors.New("flaky")

// flaky returns an op that fails its first failures calls, each with an
// error of its own that wraps errFlaky, and then succeeds; and the times,
// relative to now, at which it was called, and the errors it returned.
func flaky(failures int) (op func(context.Context) error, calls *[]time.Duration, errs *[]error) {
	start := time.Now()
	calls, errs = new([]time.Duration), new([]error)
	op = func(context.Context) error {
		*calls = append(*calls, time.Since(start))
		if len(*calls) <= failures {
			err := fmt.Errorf("attempt %d: %w", len(*calls), errFlaky)
			*errs = append(*errs, err)
			return err
		}
		return nil
	}
	return op, calls, errs
}

// backoff is the bound of the wait before attempt i+2 (after failure i+1):
// 100ms, 200ms, 400ms, 800ms, then 1s.
func backoff(i int) time.Duration {
	return min(100*time.Millisecond<<i, time.Second)
}

func TestRetryCallsUntilSuccessAtMostAttemptsTimes(t *testing.T) {
	tests := []struct {
		name      string
		failures  int
		attempts  int
		wantCalls int
		wantLast  bool // Retry returns op's last error
	}{
		{"first attempt succeeds", 0, 5, 1, false},
		{"fourth attempt succeeds", 3, 5, 4, false},
		{"last attempt succeeds", 6, 7, 7, false},
		{"gives up after the last attempt", 100, 4, 4, true},
		{"a single attempt", 100, 1, 1, true},
		{"zero attempts still calls op once", 100, 0, 1, true},
		{"negative attempts still call op once", 100, -3, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				op, calls, errs := flaky(tt.failures)

				err := Retry(t.Context(), tt.attempts, op)

				took := time.Since(start)
				if len(*calls) != tt.wantCalls {
					t.Fatalf("op called %d times (at %v), want %d", len(*calls), *calls, tt.wantCalls)
				}
				switch {
				case !tt.wantLast && err != nil:
					t.Errorf("Retry returned %v, want nil (the last attempt succeeded)", err)
				case tt.wantLast && !errors.Is(err, (*errs)[len(*errs)-1]):
					t.Errorf("Retry returned %v, want op's last error %v", err, (*errs)[len(*errs)-1])
				case tt.wantLast && len(*errs) > 1 && errors.Is(err, (*errs)[0]):
					t.Errorf("Retry returned %v, which holds op's first error: want the last one only", err)
				}
				if last := (*calls)[len(*calls)-1]; took != last {
					t.Errorf("Retry returned %v after the start, want %v: right after the last call, without waiting again", took, last)
				}
				if (*calls)[0] != 0 {
					t.Errorf("first call at %v, want at once", (*calls)[0])
				}
				for i := 1; i < len(*calls); i++ {
					if wait := (*calls)[i] - (*calls)[i-1]; wait < 0 || wait >= backoff(i-1) {
						t.Errorf("waited %v before attempt %d, want a duration in [0, %v)", wait, i+1, backoff(i-1))
					}
				}
			})
		})
	}
}

// TestRetryWaitsARandomDurationBelowTheBackoff runs Retry many times and
// looks at every wait: each must lie in [0, backoff), and across the runs
// the waits before each attempt must reach every hundredth of that range.
// The bounds hold for any correct Retry, every time; a correct Retry leaves
// a hundredth of a range empty with a probability below 1e-14, so the test
// does not flake. A fixed wait, a backoff 1% short, one that does not
// double or is capped too low, a jitter over part of the range only, or the
// same "random" sequence on every call all leave some hundredth empty.
func TestRetryWaitsARandomDurationBelowTheBackoff(t *testing.T) {
	const runs, failures, parts = 4000, 6, 100
	synctest.Test(t, func(t *testing.T) {
		var hit [failures][parts]int
		for range runs {
			op, calls, _ := flaky(failures)
			if err := Retry(t.Context(), failures+1, op); err != nil {
				t.Fatalf("Retry returned %v, want nil (attempt %d succeeds)", err, failures+1)
			}
			for i := range failures {
				wait, bound := (*calls)[i+1]-(*calls)[i], backoff(i)
				if wait < 0 || wait >= bound {
					t.Fatalf("waited %v before attempt %d, want a random duration in [0, %v): 100ms, 200ms, 400ms ... capped at 1s, jittered", wait, i+2, bound)
				}
				hit[i][int(wait*parts/bound)]++
			}
		}
		for i := range failures {
			for part, n := range hit[i] {
				if n == 0 {
					lo, hi := backoff(i)*time.Duration(part)/parts, backoff(i)*time.Duration(part+1)/parts
					t.Errorf("in %d runs, no wait before attempt %d fell in [%v, %v): the waits are not spread over [0, %v)", runs, i+2, lo, hi, backoff(i))
					break
				}
			}
		}
	})
}

// TestClientsThatFailTogetherWaitDifferently runs ten Retry calls at once
// against ops that fail at the same moments, the hundred clients of a
// server that restarts: no two of them may wait the same durations. (Two
// correct Retry calls draw the same six waits, to the nanosecond, with a
// probability below 1e-40.)
func TestClientsThatFailTogetherWaitDifferently(t *testing.T) {
	const clients, failures = 10, 6
	synctest.Test(t, func(t *testing.T) {
		var calls [clients]*[]time.Duration
		var wg sync.WaitGroup
		for c := range clients {
			var op func(context.Context) error
			op, calls[c], _ = flaky(failures)
			wg.Go(func() { _ = Retry(t.Context(), failures+1, op) })
		}
		wg.Wait()

		seen := map[string]int{}
		for c, cs := range calls {
			key := fmt.Sprint(*cs)
			if other, ok := seen[key]; ok {
				t.Errorf("clients %d and %d, which failed at the same moments, retried at the same moments %v: the waits must be drawn at random for every call", other, c, *cs)
			}
			seen[key] = c
		}
	})
}

func TestRetryStopsWaitingAsSoonAsContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 250*time.Millisecond)
		defer cancel()
		op, calls, _ := flaky(1000)

		// With 1000 attempts, Retry is always waiting at 250ms.
		err := Retry(ctx, 1000, op)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Retry returned %v, want the context's error %v", err, context.DeadlineExceeded)
		}
		if took, want := time.Since(start), 250*time.Millisecond; took != want {
			t.Errorf("Retry returned %v after the start, want %v (the moment the context was done)", took, want)
		}
		if last := (*calls)[len(*calls)-1]; last > 250*time.Millisecond {
			t.Errorf("op called at %v, after the context was done at 250ms", last)
		}
	})
}

func TestRetryReturnsTheCancellationItself(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		op, _, _ := flaky(1000)
		stop := time.AfterFunc(3*time.Second, cancel)
		defer stop.Stop()

		err := Retry(ctx, 1000, op)

		if !errors.Is(err, context.Canceled) {
			t.Errorf("Retry returned %v, want the context's error %v", err, context.Canceled)
		}
	})
}
