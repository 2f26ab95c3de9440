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
// The setInterval port: ctx is handed to check, but the loop itself never
// looks at ctx.Done(), so nothing ever ends it.
func Poll(ctx context.Context, every time.Duration, check func(context.Context)) error {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for range ticker.C {
		check(ctx)
	}
	return ctx.Err()
}
