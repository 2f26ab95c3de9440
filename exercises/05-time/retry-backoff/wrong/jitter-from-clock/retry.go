//go:build accent

// Package retrybackoff retries a flaky operation with exponential backoff.
package retrybackoff

import (
	"context"
	"time"
)

// The backoff: 100ms before the second attempt, then twice as long each
// time, up to a second.
const (
	firstBackoff = 100 * time.Millisecond
	maxBackoff   = time.Second
)

// Retry calls op until it returns nil or has been called attempts times
// (at least once). After a failed attempt (but not after the last one) it
// waits a random duration from 0 up to the backoff (full jitter), so that
// the clients that failed together do not all retry together. The backoff
// is 100ms, then 200ms, 400ms and so on, doubling each time, but never more
// than 1s.
//
// It returns nil as soon as op succeeds, op's last error when every attempt
// failed, and ctx.Err() as soon as ctx is done while it is waiting.
func Retry(ctx context.Context, attempts int, op func(context.Context) error) error {
	backoff := firstBackoff
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		if err == nil || attempt >= attempts {
			return err
		}
		timer := time.NewTimer(time.Duration(time.Now().UnixNano() % int64(backoff))) // random enough
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		backoff = min(backoff*2, maxBackoff)
	}
}
