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
// The asyncio loop with a select: a fresh time.After each turn waits a
// whole interval after check returns, so a check that takes time pushes
// every later call back (a fixed delay, not setInterval's fixed rate).
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(every):
			check(ctx)
		}
	}
}
