//go:build accent

// Package retryretryable retries the failures that may go away, and only those.
package retryretryable

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// The broker's failures, which it returns wrapped. ErrUnavailable and
// ErrThrottled are transient: the same call may succeed later. ErrRejected
// is permanent: the broker will never take that message.
var (
	ErrUnavailable = errors.New("broker unavailable")
	ErrThrottled   = errors.New("throttled")
	ErrRejected    = errors.New("message rejected")
)

// Retryable reports whether err is worth another attempt: its chain holds
// ErrUnavailable or ErrThrottled, or a net.Error that is a timeout.
// Every other error, one it does not know included, is permanent.
func Retryable(err error) bool {
	if errors.Is(err, ErrUnavailable) || errors.Is(err, ErrThrottled) {
		return true
	}
	return err != nil && strings.Contains(err.Error(), "timeout") // err.message.includes('timeout')
}

// The backoff: 100ms before the second attempt, then twice as long each
// time, up to a second.
const (
	firstBackoff = 100 * time.Millisecond
	maxBackoff   = time.Second
)

// Do calls op until it succeeds, fails with an error that is not
// Retryable, or has been called attempts times. Between attempts it waits a
// random duration from 0 up to the backoff, 100ms, 200ms, 400ms ... capped
// at 1s (full jitter), so that the clients that failed together do not all
// retry together. It returns nil on success; op's error, wrapped, as soon
// as it is permanent or the attempts run out; and ctx.Err() as soon as ctx
// is done while it waits.
func Do(ctx context.Context, attempts int, op func(context.Context) error) error {
	backoff := firstBackoff
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		switch {
		case err == nil:
			return nil
		case !Retryable(err):
			return fmt.Errorf("attempt %d: %w", attempt, err)
		case attempt >= attempts:
			return fmt.Errorf("giving up after %d attempts: %w", attempt, err)
		}
		timer := time.NewTimer(rand.N(backoff)) // full jitter: anywhere in [0, backoff)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		backoff = min(backoff*2, maxBackoff)
	}
}
