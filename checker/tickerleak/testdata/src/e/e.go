//go:build go1.22

// Package e is for Go 1.22, where unstopped timers leak until they fire:
// timers that cannot leak, because nothing can stop them before they fire
// or because the function only returns once they fired.
package e

import (
	"context"
	"errors"
	"time"
)

var errTimeout = errors.New("timeout")

// An unnamed timer received from in a select is time.After spelled out:
// nothing could stop it, and time.After is not reported either.
func waitAnon(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.NewTimer(d).C:
		return nil
	}
}

// The twin: a named timer that the ctx path leaves running.
func waitNamed(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d) // want `timer t is never stopped`
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// A loop that ends only after its timer fired, by a flag the fired case
// sets.
func drainUntilFired(events <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	expired := false
	n := 0
	for !expired {
		select {
		case <-t.C:
			expired = true
		case <-events:
			n++
		}
	}
	return n
}

// A loop that ends only after its timer fired, by a labelled break.
func drainBreak(events <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	n := 0
loop:
	for {
		select {
		case <-t.C:
			break loop
		case <-events:
			n++
		}
	}
	return n
}

// A loop that returns only from the fired case.
func deadline(events <-chan int, d time.Duration) error {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			return errTimeout
		case v := <-events:
			if v < 0 {
				continue
			}
		}
	}
}

// The twin: the loop also ends when events is closed, before the timer
// fired.
func drainOrClosed(events <-chan int, d time.Duration) int {
	t := time.NewTimer(d) // want `timer t is never stopped`
	expired := false
	n := 0
	for !expired {
		select {
		case <-t.C:
			expired = true
		case _, ok := <-events:
			if !ok {
				return n
			}
			n++
		}
	}
	return n
}

// The twin: the flag is also set by another case.
func drainOrDone(events <-chan int, done <-chan struct{}, d time.Duration) int {
	t := time.NewTimer(d) // want `timer t is never stopped`
	stop := false
	n := 0
	for !stop {
		select {
		case <-t.C:
			stop = true
		case <-done:
			stop = true
		case <-events:
			n++
		}
	}
	return n
}
