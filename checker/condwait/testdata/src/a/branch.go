package a

import (
	"errors"
	"sync"
)

// --- A producer that signals on one branch only. ---

type jobs struct {
	mu     sync.Mutex
	cond   *sync.Cond
	queue  []string
	closed bool
}

func newJobs() *jobs {
	j := &jobs{}
	j.cond = sync.NewCond(&j.mu)
	return j
}

func (j *jobs) next() (string, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for len(j.queue) == 0 && !j.closed {
		j.cond.Wait()
	}
	if len(j.queue) == 0 {
		return "", false
	}
	s := j.queue[0]
	j.queue = j.queue[1:]
	return s, true
}

// The urgent flag decides whether to wake a worker: normal jobs wait
// for the next urgent one.
func (j *jobs) add(s string, urgent bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.queue = append(j.queue, s) // want `j\.queue changes here, but a path from here to the end of the function does not Signal or Broadcast j\.cond`
	if urgent {
		j.cond.Signal()
	}
}

// An early return after the change skips the Broadcast at the end.
func (j *jobs) addAll(ss []string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, s := range ss {
		j.queue = append(j.queue, s) // want `j\.queue changes here`
		if s == "" {
			return errors.New("empty job")
		}
	}
	j.cond.Broadcast()
	return nil
}

// Negative twin: the check comes before the change.
func (j *jobs) addAll2(ss []string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, s := range ss {
		if s == "" {
			return errors.New("empty job")
		}
	}
	j.queue = append(j.queue, ss...)
	j.cond.Broadcast()
	return nil
}

// Negative twin: every path signals.
func (j *jobs) add2(s string, urgent bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.queue = append(j.queue, s)
	if urgent {
		j.cond.Signal()
		return
	}
	j.cond.Broadcast()
}

// Negative twin: the Broadcast is deferred.
func (j *jobs) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	defer j.cond.Broadcast()
	j.closed = true
	if len(j.queue) > 0 {
		return
	}
}

// Negative: signalling only on the transition from empty, decided by the
// state the waiters check.
func (j *jobs) add3(s string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.queue = append(j.queue, s)
	if len(j.queue) == 1 {
		j.cond.Broadcast()
	}
}

// Negative: a change that is no news to waiters (a take), in a function
// that never signals.
func (j *jobs) drop() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.queue = nil
}

// Negative: signalled through a helper on every path.
func (j *jobs) wakeLocked() { j.cond.Broadcast() }

func (j *jobs) add4(s string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.queue = append(j.queue, s)
	j.wakeLocked()
}

// The Python port: notify() only when the item is not None.
type box struct {
	mu   sync.Mutex
	cond *sync.Cond
	full bool
	val  any
}

func newBox() *box {
	b := &box{}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *box) get() any {
	b.mu.Lock()
	defer b.mu.Unlock()
	for !b.full {
		b.cond.Wait()
	}
	b.full = false
	return b.val
}

func (b *box) put(v any) {
	b.mu.Lock()
	b.val, b.full = v, true // want `b\.full changes here`
	if v != nil {
		b.cond.Signal()
	}
	b.mu.Unlock()
}

// Negative: the signal depends on the value just stored into the state
// (grpc's adsFlowControl.setPending).
type flow struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending bool
}

func newFlow() *flow {
	f := &flow{}
	f.cond = sync.NewCond(&f.mu)
	return f
}

func (f *flow) setPending(pending bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending = pending
	if !pending {
		f.cond.Broadcast()
	}
}

func (f *flow) wait() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.pending {
		f.cond.Wait()
	}
}

// Negative: the signal depends on the state read before the change
// (grpc's bufconn pipe: wake a writer only if the buffer was full).
type pipe struct {
	mu    sync.Mutex
	wwait sync.Cond
	buf   []byte
	limit int
}

func (p *pipe) isFull() bool { return len(p.buf) >= p.limit }

func (p *pipe) write(b byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.isFull() {
		p.wwait.Wait()
	}
	p.buf = append(p.buf, b)
}

func (p *pipe) read() byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	wasFull := p.isFull()
	b := p.buf[0]
	p.buf = p.buf[1:]
	if wasFull {
		p.wwait.Signal()
	}
	return b
}
