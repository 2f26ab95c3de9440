//go:build accent

package retryretryable

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"syscall"
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
	// A lookup that timed out: a net.Error whose Timeout is true, but no
	// *net.OpError and no os.ErrDeadlineExceeded, and no "timeout" in its text.
	dnsTimeout = fmt.Errorf("publish to orders: %w", &net.DNSError{Err: "server misbehaving", Name: "broker.example", IsTimeout: true})
	// Only reads like a timeout: nobody made it a net.Error.
	timeoutLookalike = fmt.Errorf("publish to orders: %w", errors.New("invalid timeout setting: i/o timeout"))
	// A connection reset: a net.Error, but no timeout. The message may have
	// reached the broker: not retried.
	connReset = fmt.Errorf("publish to orders: %w", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET})
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
		{"a DNS lookup that timed out", dnsTimeout, true},
		{"ErrUnavailable joined with another error", errors.Join(badTopic, unavailable), true},
		{"ErrThrottled as the second of two %w", fmt.Errorf("publish: %w (then %w)", badTopic, throttled), true},
		{"wrapped ErrRejected", rejected, false},
		{"no such host", noSuchHost, false},
		{"an error nobody classified", badTopic, false},
		{"a message that only reads like a timeout", timeoutLookalike, false},
		{"a connection reset", connReset, false},
		{"a timeout flattened with %v: only its text is left", fmt.Errorf("publish: %v", readTimeout), false},
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

// failing returns an op that always fails with err, and the times of its calls.
func failing(err error) (op func(context.Context) error, calls *[]time.Duration) {
	start := time.Now()
	calls = new([]time.Duration)
	op = func(context.Context) error {
		*calls = append(*calls, time.Since(start))
		return err
	}
	return op, calls
}

// backoff is the longest wait allowed before attempt i+2 (wait i, from 0):
// 100ms, 200ms, 400ms, 800ms, then 1s.
func backoff(i int) time.Duration {
	if i >= 4 {
		return time.Second
	}
	return 100 * time.Millisecond << i
}

// waits returns the waits between the calls.
func waits(calls []time.Duration) []time.Duration {
	var ws []time.Duration
	for i := 1; i < len(calls); i++ {
		ws = append(ws, calls[i]-calls[i-1])
	}
	return ws
}

// checkJitter fails t for every wait outside [0, backoff): full jitter waits
// a random duration from 0 up to (not including) the backoff.
func checkJitter(t *testing.T, calls []time.Duration) {
	t.Helper()
	for i, w := range waits(calls) {
		if w < 0 || w >= backoff(i) {
			t.Errorf("waited %v before attempt %d (op called at %v), want a random wait in [0, %v): full jitter never waits the whole backoff", w, i+2, calls, backoff(i))
		}
	}
}

func TestDoRetriesTransientErrorsUntilOpSucceeds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		op, calls := script(unavailable, throttled, readTimeout, dnsTimeout)

		err := Do(t.Context(), 6, op)

		if err != nil {
			t.Errorf("Do = %v, want nil: every failure was transient and the fifth call succeeded", err)
		}
		if len(*calls) != 5 {
			t.Fatalf("op called %d times (at %v), want 5: four transient failures, then success", len(*calls), *calls)
		}
		checkJitter(t, *calls)
	})
}

func TestDoGivesUpAtOnceOnAPermanentError(t *testing.T) {
	for name, cause := range map[string]error{"rejected": rejected, "no such host": noSuchHost, "unclassified": badTopic, "lookalike": timeoutLookalike} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				op, calls := script(unavailable, cause)

				err := Do(t.Context(), 5, op)

				if !errors.Is(err, cause) {
					t.Errorf("Do = %v, want an error wrapping %q", err, cause)
				}
				if len(*calls) != 2 {
					t.Fatalf("op called %d times (at %v), want 2: a permanent error fails the same way every time, stop at once", len(*calls), *calls)
				}
				checkJitter(t, *calls)
				if took := time.Since(start); took != (*calls)[1] {
					t.Errorf("Do returned %v after the start, want %v, right after the permanent failure", took, (*calls)[1])
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
		if len(*calls) != 3 {
			t.Fatalf("op called %d times (at %v), want 3", len(*calls), *calls)
		}
		checkJitter(t, *calls)
		if took := time.Since(start); took != (*calls)[2] {
			t.Errorf("Do returned %v after the start, want %v: no wait after the last attempt", took, (*calls)[2])
		}
	})
}

func TestDoStopsWaitingWhenContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
		defer cancel()
		// Attempts enough that Do is always waiting or calling op when the
		// deadline comes: it must return then, not when its wait ends.
		op, calls := failing(unavailable)

		err := Do(ctx, 1000, op)

		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Do = %v, want the context's error", err)
		}
		if took := time.Since(start); took != 2500*time.Millisecond {
			t.Errorf("Do returned %v after the start, want 2.5s, when the context was done", took)
		}
		for _, at := range *calls {
			if at > 2500*time.Millisecond {
				t.Fatalf("op called at %v, after the context was done at 2.5s", *calls)
			}
		}
		checkJitter(t, *calls)
	})
}

// Full jitter: before each retry, a fresh random wait anywhere from 0 up to
// the backoff. Every wait must be in bounds, and the waits of many runs must
// spread over the whole range: a fixed delay, a fixed fraction of the
// backoff, or "equal jitter" (half the backoff plus a random half) would
// all leave a quarter of it empty. With uniform waits, the chance that 100
// runs leave one quarter of one wait empty is (3/4)^100, about 3e-13.
func TestDoWaitsAFullJitterOfTheBackoff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const runs, attempts = 100, 7
		samples := make([][]time.Duration, attempts-1) // samples[i]: the waits before attempt i+2
		sameFraction := 0
		for range runs {
			op, calls := failing(unavailable)
			if err := Do(t.Context(), attempts, op); !errors.Is(err, ErrUnavailable) {
				t.Fatalf("Do = %v, want the last failure, %q", err, ErrUnavailable)
			}
			if len(*calls) != attempts {
				t.Fatalf("op called %d times (at %v), want %d", len(*calls), *calls, attempts)
			}
			checkJitter(t, *calls)
			if t.Failed() {
				return
			}
			lo, hi := 1.0, 0.0
			for i, w := range waits(*calls) {
				samples[i] = append(samples[i], w)
				f := float64(w) / float64(backoff(i))
				lo, hi = min(lo, f), max(hi, f)
			}
			if hi-lo < 0.01 {
				sameFraction++
			}
		}
		for i, ws := range samples {
			b := backoff(i)
			if lowest := slices.Min(ws); lowest >= b/4 {
				t.Errorf("before attempt %d, %d runs waited %v at the least, want some waits under %v: the jitter must reach down to 0", i+2, runs, lowest, b/4)
			}
			if highest := slices.Max(ws); highest < b*3/4 {
				t.Errorf("before attempt %d, %d runs waited %v at the most, want some waits over %v: the jitter must reach up to the backoff, %v", i+2, runs, highest, b*3/4, b)
			}
		}
		if sameFraction > runs/2 {
			t.Errorf("in %d of %d runs every wait was the same fraction of its backoff: draw a new random wait before each retry", sameFraction, runs)
		}

		// The first wait, many more times: it reaches the last 1% below
		// 100ms. Uniform waits stay under 99ms 3000 times in a row with a
		// chance of 0.99^3000, about 1e-13.
		highest := time.Duration(0)
		for range 3000 {
			op, calls := failing(unavailable)
			Do(t.Context(), 2, op)
			if len(*calls) == 2 {
				highest = max(highest, (*calls)[1])
			}
		}
		if highest < 99*time.Millisecond || highest >= 100*time.Millisecond {
			t.Errorf("3000 first waits went up to %v, want some in [99ms, 100ms) and none past: the first backoff is 100ms", highest)
		}
	})
}

// Many attempts: the backoff stays capped at 1s (doubling 100ms without a
// cap overflows time.Duration after 37 doublings).
func TestDoKeepsTheBackoffCappedOverManyAttempts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		op, calls := failing(throttled)

		err := Do(t.Context(), 100, op)

		if !errors.Is(err, ErrThrottled) {
			t.Errorf("Do = %v, want the last failure, %q", err, ErrThrottled)
		}
		if len(*calls) != 100 {
			t.Fatalf("op called %d times, want 100", len(*calls))
		}
		checkJitter(t, *calls)
	})
}
