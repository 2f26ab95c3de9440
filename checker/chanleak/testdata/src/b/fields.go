package b

import "errors"

// A channel in an unexported field: every method of the package is seen.

type watcher struct {
	result chan int
	input  chan int
}

func newWatcher(size int) *watcher {
	w := &watcher{
		result: make(chan int, size),
		input:  make(chan int, size),
	}
	go w.process()
	return w
}

func (w *watcher) process() {
	for _, v := range []int{1, 2} {
		w.result <- v // want `nothing in this package receives from w.result: this send blocks forever once the buffer is full; receive from it, or drop the send`
	}
	for {
		if _, ok := <-w.input; !ok {
			return
		}
	}
}

func (w *watcher) stop() { close(w.input) }

func useWatcher() {
	w := newWatcher(0)
	w.stop()
}

type conn struct {
	replies chan int
}

func newConn() *conn {
	c := &conn{replies: make(chan int)}
	go c.serve()
	return c
}

func (c *conn) serve() {
	c.replies <- 1
}

// Replies returns the channel: other packages may receive from it.
func (c *conn) Replies() <-chan int { return c.replies }

// A stopper whose stop channel nobody closes, reached through an accessor.

type stopper struct {
	quiesce chan struct{}
}

func (s *stopper) shouldQuiesce() <-chan struct{} {
	if s == nil {
		return nil
	}
	return s.quiesce
}

func newStopper() *stopper { return &stopper{quiesce: make(chan struct{})} }

func (s *stopper) process() {
	<-s.shouldQuiesce() // want `nothing in this package sends on or closes the channel s.shouldQuiesce\(\) returns: this receive blocks forever; close it where the work it waits for ends`
}

type closer struct {
	done chan struct{}
}

func newCloser() *closer { return &closer{done: make(chan struct{})} }

func (c *closer) doneCh() <-chan struct{} { return c.done }

func (c *closer) wait() { <-c.doneCh() }

func (c *closer) close() { close(c.done) }

func useStoppers() {
	s := newStopper()
	s.process()
	c := newCloser()
	go c.wait()
	c.close()
}

// Exported fields may be served by other packages.
type Pipe struct {
	Out chan error
}

func (p *Pipe) Fail() {
	p.Out <- errors.New("failed")
}
