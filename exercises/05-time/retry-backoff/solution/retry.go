//go:build accent

// Package retrybackoff retries a flaky operation with exponential backoff.
package retrybackoff

import (
	"context"
	"time"
)

const (
	firstDelay = 100 * time.Millisecond
	maxDelay   = time.Second
)

// Retry calls op until it returns nil or has been called attempts times.
// After a failed attempt (but not after the last one) it waits 100ms, then
// 200ms, 400ms and so on, doubling each time, but never more than 1s.
//
// It returns nil as soon as op succeeds, op's last error when every attempt
// failed, and ctx.Err() as soon as ctx is done while it is waiting.
func Retry(ctx context.Context, attempts int, op func(context.Context) error) error {
	delay := firstDelay
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		if err == nil || attempt >= attempts {
			return err
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		delay = min(delay*2, maxDelay)
	}
}
