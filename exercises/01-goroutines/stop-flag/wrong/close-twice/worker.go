//go:build accent

// Package stopflag is a worker loop that another goroutine stops.
package stopflag

// Worker calls step over and over, in its own goroutine, until Stop.
type Worker struct {
	quit chan struct{} // closed by Stop
	done chan struct{} // closed when the loop has exited
}

// Start starts a goroutine that calls step, again and again, until Stop.
func Start(step func()) *Worker {
	w := &Worker{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for {
			select {
			case <-w.quit:
				return
			default:
				step()
			}
		}
	}()
	return w
}

// Stop asks the worker to stop once the step in progress ends, and waits
// until it has: when Stop returns, step is not running and never runs
// again. Stop may be called more than once, from any goroutine.
func (w *Worker) Stop() {
	// event.set() and volatile writes can be repeated; closing a closed
	// channel panics.
	close(w.quit)
	<-w.done
}
