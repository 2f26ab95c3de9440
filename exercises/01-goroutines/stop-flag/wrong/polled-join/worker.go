//go:build accent

// Package stopflag is a worker loop that another goroutine stops.
package stopflag

import (
	"sync/atomic"
	"time"
)

// Worker calls step over and over, in its own goroutine, until Stop.
type Worker struct {
	stopping atomic.Bool
	finished bool // set by the loop when it exits
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{}
	go func() {
		for !w.stopping.Load() {
			step()
		}
		w.finished = true
	}()
	return w
}

// Stop asks the worker to stop once the step in progress ends, and waits
// until it has: when Stop returns, step is not running and never runs
// again. Stop may be called more than once, from any goroutine.
func (w *Worker) Stop() {
	w.stopping.Store(true)
	// while t.is_alive(): time.sleep(0.001), with a plain bool for is_alive.
	for !w.finished {
		time.Sleep(time.Millisecond)
	}
}
