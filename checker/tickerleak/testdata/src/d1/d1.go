//go:build go1.26

// Package d1 is for Go 1.26, checked in the default mode: the garbage
// collector frees unstopped tickers, so only time.Tick in a busy loop is
// reported.
package d1

import (
	"context"
	"time"
)

func neverStopped(ctx context.Context) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func tickThenReturn(ctx context.Context) {
	tick := time.Tick(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

func busy(ctx context.Context, work <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-work:
		case <-time.Tick(time.Second): // want `time.Tick in a loop starts a new ticker on every iteration`
		}
	}
}
