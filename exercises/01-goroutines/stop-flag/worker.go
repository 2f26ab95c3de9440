//go:build accent

// Package stopflag is a worker loop that another goroutine stops.
package stopflag

// Worker calls step over and over, in its own goroutine, until Stop.
type Worker struct {
	// This port still has an accent: a plain bool, like Java's stop flag
	// without its volatile, or a Python attribute under the GIL.
	stopping bool
	done     chan struct{} // closed when the loop has exited
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for !w.stopping {
			step()
		}
	}()
	return w
}

// Stop asks the worker to stop once the step in progress ends, and waits
// until it has: when Stop returns, step is not running and never runs
// again. Stop may be called more than once, from any goroutine.
func (w *Worker) Stop() {
	w.stopping = true
	<-w.done
}
