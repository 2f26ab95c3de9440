//go:build accent

package retryretryable

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// How the failures reach Do: wrapped by the client, as real ones are.
var (
	unavailable = fmt.Errorf("publish to orders: %w", ErrUnavailable)
	throttled   = fmt.Errorf("publish to orders: %w", fmt.Errorf("broker: 429: %w", ErrThrottled))
	rejected    = fmt.Errorf("publish to orders: %w", ErrRejected)
	// A read on a net.Conn whose deadline passed: os.ErrDeadlineExceeded
	// inside a *net.OpError, both of them net.Errors whose Timeout is true.
	readTimeout = fmt.Errorf("publish to orders: %w", &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded})
	// A broker host that does not exist: a net.Error too, but no timeout.
	noSuchHost = fmt.Errorf("publish to orders: %w", &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "broker.invalid", IsNotFound: true}})
	badTopic = errors.New("invalid topic name \"orders!\"")
)

func TestRetryableFindsTransientErrorsThroughWrapping(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"bare ErrUnavailable", ErrUnavailable, true},
		{"wrapped ErrUnavailable", unavailable, true},
		{"ErrThrottled two layers down", throttled, true},
		{"a read timeout", readTimeout, true},
		{"wrapped ErrRejected", rejected, false},
		{"no such host", noSuchHost, false},
		{"an error nobody classified", badTopic, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Retryable(tt.err); got != tt.want {
				t.Errorf("Retryable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// script returns an op that fails with errs[i] on call i (and succeeds once
// they are used up), and the times of its calls since it was made.
func script(errs ...error) (op func(context.Context) error, calls *[]time.Duration) {
	start := time.Now()
	calls = new([]time.Duration)
	op = func(context.Context) error {
		n := len(*calls)
		*calls = append(*calls, time.Since(start))
		if n < len(errs) {
			return errs[n]
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

func TestDoRetriesTransientErrorsUntilOpSucceeds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		op, calls := script(unavailable, throttled, readTimeout)

		err := Do(t.Context(), 5, op)

		if err != nil {
			t.Errorf("Do = %v, want nil: every failure was transient and the fourth call succeeded", err)
		}
		if want := ms(0, 100, 300, 700); !slices.Equal(*calls, want) {
			t.Errorf("op called at %v, want %v", *calls, want)
		}
	})
}

func TestDoGivesUpAtOnceOnAPermanentError(t *testing.T) {
	for name, cause := range map[string]error{"rejected": rejected, "no such host": noSuchHost, "unclassified": badTopic} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				op, calls := script(unavailable, cause)

				err := Do(t.Context(), 5, op)

				if !errors.Is(err, cause) {
					t.Errorf("Do = %v, want an error wrapping %q", err, cause)
				}
				if want := ms(0, 100); !slices.Equal(*calls, want) {
					t.Errorf("op called at %v, want %v: a permanent error fails the same way every time, stop at once", *calls, want)
				}
				if took := time.Since(start); took != 100*time.Millisecond {
					t.Errorf("Do returned %v after the start, want 100ms, right after the permanent failure", took)
				}
			})
		})
	}
}

func TestDoReturnsTheLastErrorWhenAttemptsRunOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		op, calls := script(unavailable, unavailable, throttled, unavailable)

		err := Do(t.Context(), 3, op)

		if !errors.Is(err, ErrThrottled) {
			t.Errorf("Do = %v, want an error wrapping the last failure, %q", err, ErrThrottled)
		}
		if want := ms(0, 100, 300); !slices.Equal(*calls, want) {
			t.Errorf("op called at %v, want %v", *calls, want)
		}
		if took := time.Since(start); took != 300*time.Millisecond {
			t.Errorf("Do returned %v after the start, want 300ms: no wait after the last attempt", took)
		}
	})
}

func TestDoStopsWaitingWhenContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 250*time.Millisecond)
		defer cancel()
		op, calls := script(unavailable, unavailable, unavailable, unavailable)

		err := Do(ctx, 5, op)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Do = %v, want the context's error", err)
		}
		if want := ms(0, 100); !slices.Equal(*calls, want) {
			t.Errorf("op called at %v, want %v", *calls, want)
		}
		if took := time.Since(start); took != 250*time.Millisecond {
			t.Errorf("Do returned %v after the start, want 250ms, when the context was done", took)
		}
	})
}
