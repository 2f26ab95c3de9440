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
// Returns the error the tests of a cancel expect, not the one ctx ended
// with: a deadline is reported as a cancel.
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return context.Canceled
		case <-ticker.C:
			check(ctx)
		}
	}
}
