//go:build accent

// Package stoptheloop is a polling worker that must stop when its caller says so.
package stoptheloop

import (
	"context"
	"time"
)

// Poll calls check once every interval, the first call one interval after
// it starts, until ctx is cancelled. Then it returns ctx.Err() at once.
//
// Like setInterval, which never waits for its callback: each check runs in
// a goroutine of its own, so a check still running when ctx is cancelled
// outlives Poll.
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			go check(ctx)
		}
	}
}
