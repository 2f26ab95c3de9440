//go:build go1.23

// Package b is for Go 1.23, where the garbage collector frees unstopped
// tickers: only time.Tick in a loop is reported.
package b

import (
	"context"
	"time"
)

func flush() {}

// time.Tick in a function that returns is fine since Go 1.23.
func poll(ctx context.Context) {
	tick := time.Tick(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			flush()
		}
	}
}

// So is an unstopped ticker.
func neverStopped(ctx context.Context) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			flush()
		}
	}
}

// time.Tick in a select in a loop restarts every iteration.
func batch(msgs <-chan string) {
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				return
			}
			_ = m
		case <-time.Tick(time.Minute): // want `time.Tick in a loop starts a new ticker on every iteration, so its period restarts each time and it may never tick: create the ticker once, before the loop`
			flush()
		}
	}
}

// The twin: the ticker is created once, before the loop.
func batchOK(msgs <-chan string) {
	tick := time.Tick(time.Minute)
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				return
			}
			_ = m
		case <-tick:
			flush()
		}
	}
}

// for range evaluates time.Tick once.
func rangeTick() {
	for range time.Tick(time.Second) {
		flush()
	}
}

// time.After in a loop is not reported.
func idle(msgs <-chan string) {
	for {
		select {
		case <-msgs:
		case <-time.After(time.Minute):
			return
		}
	}
}

// A fresh time.Tick per iteration used as a sleep is not a select that
// skips it: not reported in Go 1.23 files.
func sleepLike(n int) {
	for i := 0; i < n; i++ {
		c := time.Tick(time.Millisecond)
		<-c
		flush()
	}
}
