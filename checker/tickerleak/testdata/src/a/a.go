//go:build go1.22

// Package a is for Go 1.22, where unstopped tickers leak.
package a

import (
	"context"
	"errors"
	"time"
)

func refresh() {}

// time.Tick in a function that returns.
func poll(ctx context.Context) {
	tick := time.Tick(time.Second) // want `time.Tick's ticker can never be stopped and this function returns: use t := time.NewTicker\(d\) with defer t.Stop\(\)`
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			refresh()
		}
	}
}

// The twin: NewTicker with defer Stop.
func pollStopped(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			refresh()
		}
	}
}

// The twin: a goroutine that ticks forever never returns.
func pollForever() {
	go func() {
		for range time.Tick(time.Second) {
			refresh()
		}
	}()
}

// The channel escapes: returned to the caller.
func ticks() <-chan time.Time {
	return time.Tick(time.Second)
}

// A ticker that is never stopped.
func neverStopped(ctx context.Context) {
	t := time.NewTicker(time.Second) // want `ticker t is never stopped and this function returns, and before Go 1.23 an unstopped ticker is never freed: defer t.Stop\(\) right after time.NewTicker`
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			refresh()
		}
	}
}

// A timer that is never stopped.
func waitOrCancel(ctx context.Context) error {
	timer := time.NewTimer(time.Minute) // want `timer timer is never stopped and this function returns, and before Go 1.23 an unstopped timer is not freed until it fires: defer timer.Stop\(\) right after time.NewTimer`
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// The twin: stopped by a deferred closure.
func waitOrCancelStopped(ctx context.Context) error {
	timer := time.NewTimer(time.Minute)
	defer func() { timer.Stop() }()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// Stopped on one path only.
func stoppedOnOnePath(ctx context.Context, n int) error {
	t := time.NewTicker(time.Second)
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err() // want `ticker t is not stopped on this path: defer t.Stop\(\) right after time.NewTicker`
		case <-t.C:
			refresh()
		}
	}
	t.Stop()
	return nil
}

// The twin: stopped on every path.
func stoppedOnEveryPath(ctx context.Context, n int) error {
	t := time.NewTicker(time.Second)
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
			refresh()
		}
	}
	t.Stop()
	return nil
}

type poller struct {
	ticker *time.Ticker
}

// The ticker escapes into a field: someone else stops it.
func (p *poller) start() {
	t := time.NewTicker(time.Second)
	p.ticker = t
}

// The ticker's channel escapes to a goroutine that outlives the function.
func startWorker(work func(<-chan time.Time)) {
	t := time.NewTicker(time.Second)
	go work(t.C)
}

// The ticker escapes to its caller.
func newTicker() *time.Ticker {
	t := time.NewTicker(time.Second)
	return t
}

// A failure before the loop: the ticker is not stopped on that path.
func failEarly(ctx context.Context, check func() error) error {
	t := time.NewTicker(time.Second)
	if err := check(); err != nil {
		return err // want `ticker t is not stopped on this path`
	}
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if err := check(); err != nil {
				return err
			}
		}
	}
}

var errStop = errors.New("stop")

// The twin: the check comes first.
func failFirst(ctx context.Context, check func() error) error {
	if err := check(); err != nil {
		return err
	}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	<-t.C
	return errStop
}

// A timer that fired needs no Stop: only the ctx path leaks it.
func fireOrCancel(ctx context.Context) error {
	timer := time.NewTimer(time.Minute)
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		timer.Stop()
		return ctx.Err()
	}
}

// The twin: the ctx path returns without Stop.
func fireOrCancelLeak(ctx context.Context) error {
	timer := time.NewTimer(time.Minute) // want `timer timer is never stopped and this function returns`
	if ctx.Err() != nil {
		return ctx.Err()
	}
	<-timer.C
	return nil
}

// Before Go 1.23, a fresh time.Tick per iteration leaks one ticker each.
func sleepLike(n int) {
	for i := 0; i < n; i++ {
		c := time.Tick(time.Millisecond) // want `time.Tick's ticker can never be stopped`
		<-c
		refresh()
	}
}
