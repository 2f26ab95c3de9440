//go:build accent

// Package stopflag is a worker loop that another goroutine stops.
package stopflag

import "sync/atomic"

// Worker calls step over and over, in its own goroutine, until Stop.
type Worker struct {
	stopping atomic.Bool
	done     chan struct{} // closed when the loop has exited
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{done: make(chan struct{})}
	go func() {
		defer close(w.done)
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
	// "A second Stop returns at once": true once the first has returned,
	// but a Stop called while the first still waits returns while the
	// step is running.
	if w.stopping.Swap(true) {
		return
	}
	<-w.done
}
