//go:build accent

package retrybackoff

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

var errFlaky = errors.New("flaky")

// flaky returns an op that fails its first failures calls and then succeeds,
// and the times, relative to the start of the test, at which it was called.
func flaky(failures int) (op func(context.Context) error, calls *[]time.Duration) {
	start := time.Now()
	calls = new([]time.Duration)
	op = func(context.Context) error {
		*calls = append(*calls, time.Since(start))
		if len(*calls) <= failures {
			return errFlaky
		}
		return nil
	}
	return op, calls
}

func ms(n ...int) []time.Duration {
	ds := make([]time.Duration, len(n))
	for i, v := range n {
		ds[i] = time.Duration(v) * time.Millisecond
	}
	return ds
}

func TestRetryWaitsDoublingDelaysCappedAtOneSecond(t *testing.T) {
	tests := []struct {
		name      string
		failures  int
		attempts  int
		wantErr   error
		wantCalls []time.Duration
	}{
		{"first attempt succeeds without waiting", 0, 5, nil, ms(0)},
		{"fourth attempt succeeds after 100ms, 200ms, 400ms", 3, 5, nil, ms(0, 100, 300, 700)},
		{"waits are capped at 1s", 5, 7, nil, ms(0, 100, 300, 700, 1500, 2500)},
		{"gives up after the last attempt without waiting again", 100, 4, errFlaky, ms(0, 100, 300, 700)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				op, calls := flaky(tt.failures)

				err := Retry(t.Context(), tt.attempts, op)

				if !errors.Is(err, tt.wantErr) {
					t.Errorf("Retry returned %v, want %v", err, tt.wantErr)
				}
				if !slices.Equal(*calls, tt.wantCalls) {
					t.Errorf("op called at %v after the start, want %v", *calls, tt.wantCalls)
				}
				last := tt.wantCalls[len(tt.wantCalls)-1]
				if took := time.Since(start); took != last {
					t.Errorf("Retry returned %v after the start, want %v (right after the last call)", took, last)
				}
			})
		})
	}
}

func TestRetryStopsWaitingAsSoonAsContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// Cancelled at 250ms: halfway through the 200ms wait that follows
		// the second attempt (at 100ms).
		ctx, cancel := context.WithTimeout(t.Context(), 250*time.Millisecond)
		defer cancel()
		op, calls := flaky(100)

		err := Retry(ctx, 10, op)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Retry returned %v, want the context's error %v", err, context.DeadlineExceeded)
		}
		if took, want := time.Since(start), 250*time.Millisecond; took != want {
			t.Errorf("Retry returned %v after the start, want %v (the moment the context was done)", took, want)
		}
		if want := ms(0, 100); !slices.Equal(*calls, want) {
			t.Errorf("op called at %v after the start, want %v", *calls, want)
		}
	})
}
