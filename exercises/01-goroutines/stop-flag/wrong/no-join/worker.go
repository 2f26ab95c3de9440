//go:build accent

// Package stopflag is a worker loop that another goroutine stops.
package stopflag

import "sync/atomic"

// Worker calls step over and over, in its own goroutine, until Stop.
type Worker struct {
	stopping atomic.Bool
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{}
	go func() {
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
	// running = false, and no thread.join(): Stop returns while the step
	// in progress is still running.
	w.stopping.Store(true)
}
