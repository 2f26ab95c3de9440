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
// Returns on cancel, but the ticker keeps firing into a channel nobody reads:
// the clearInterval was left out.
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	ticker := time.NewTicker(every)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			check(ctx)
		}
	}
}
