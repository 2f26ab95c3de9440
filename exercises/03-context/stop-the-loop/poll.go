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
// Ported from the asyncio worker: sleep, then check, for as long as nobody
// has cancelled us.
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	for ctx.Err() == nil {
		time.Sleep(every)
		check(ctx)
	}
	return ctx.Err()
}
