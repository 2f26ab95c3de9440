//go:build accent

// Package retrybackoff retries a flaky operation with exponential backoff.
package retrybackoff

import (
	"context"
	"math/rand/v2"
	"time"
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
	delayMs := 100 // as in setTimeout(resolve, Math.random() * delayMs)
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		if err == nil || attempt >= attempts {
			return err
		}
		time.Sleep(time.Duration(rand.Float64() * float64(delayMs)))
		delayMs = min(delayMs*2, 1000)
	}
}
