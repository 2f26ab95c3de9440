//go:build go1.26

// Package d is for Go 1.26, checked with -strict and with -anyversion.
package d

import (
	"context"
	"time"
)

func neverStopped(ctx context.Context) {
	t := time.NewTicker(time.Second) // want `ticker t is never stopped`
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// The twin: stopped.
func stopped(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
