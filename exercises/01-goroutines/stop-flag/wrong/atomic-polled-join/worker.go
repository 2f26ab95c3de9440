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
	finished atomic.Bool // set when the loop has exited
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{}
	go func() {
		defer w.finished.Store(true)
		for !w.stopping.Load() {
			step()
		}
	}()
	return w
}

// Stop asks the worker to stop once the step in progress ends, and waits
// until it has: when Stop returns, step is not running and never runs
// again. Stop may be called more than once, from any goroutine.
func (w *Worker) Stop() {
	w.stopping.Store(true)
	// while t.is_alive(): time.sleep(0.001), race-free this time: but Stop
	// returns up to a millisecond after the loop has exited.
	for !w.finished.Load() {
		time.Sleep(time.Millisecond)
	}
}
