package a

import "sync"

// Send under the lock; the receiver locks after each value.
type Status struct {
	mu      sync.Mutex
	updates chan int
	last    int
}

func NewStatus() *Status {
	s := &Status{updates: make(chan int)}
	go s.run()
	return s
}

func (s *Status) Set(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updates <- v // want `sending on s\.updates blocks while s\.mu is locked, but every receive from or close of it \(as in run at line 25\) comes after locking Status\.mu: each goroutine waits for the other forever; unlock before blocking`
}

func (s *Status) run() {
	for v := range s.updates {
		s.mu.Lock()
		s.last = v
		s.mu.Unlock()
	}
}

// The same, sending after unlocking.
type Status2 struct {
	mu      sync.Mutex
	updates chan int
	last    int
}

func NewStatus2() *Status2 {
	s := &Status2{updates: make(chan int)}
	go s.run()
	return s
}

func (s *Status2) Set(v int) {
	s.mu.Lock()
	s.last = v
	s.mu.Unlock()
	s.updates <- v
}

func (s *Status2) run() {
	for v := range s.updates {
		s.mu.Lock()
		s.last = v
		s.mu.Unlock()
	}
}

// Receive under the lock; the goroutine that closes the channel locks
// first.
type Broadcaster struct {
	mu      sync.Mutex
	updates chan int
	done    chan struct{}
	n       int
}

func NewBroadcaster() *Broadcaster {
	b := &Broadcaster{updates: make(chan int, 1), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		for v := range b.updates {
			b.add(v)
		}
	}()
	return b
}

func (b *Broadcaster) add(v int) {
	b.mu.Lock()
	b.n += v
	b.mu.Unlock()
}

func (b *Broadcaster) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.updates)
	<-b.done // want `receiving from b\.done blocks while b\.mu is locked, but every send on or close of it \(as in a function literal in NewBroadcaster at line 72\) comes after locking Broadcaster\.mu`
}

func (b *Broadcaster) StopOK() {
	b.mu.Lock()
	close(b.updates)
	b.mu.Unlock()
	<-b.done
}

// A buffered channel may have room; a select with a default does not
// block.
type Queue struct {
	mu    sync.Mutex
	items chan int
	kick  chan struct{}
	n     int
}

func NewQueue() *Queue {
	q := &Queue{items: make(chan int, 16), kick: make(chan struct{})}
	go q.loop()
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items <- v
	select {
	case q.kick <- struct{}{}:
	default:
	}
}

func (q *Queue) loop() {
	for {
		select {
		case v := <-q.items:
			q.mu.Lock()
			q.n += v
			q.mu.Unlock()
		case <-q.kick:
			q.mu.Lock()
			q.n++
			q.mu.Unlock()
		}
	}
}

// One receiver needs the lock, another does not: it can unblock the
// sender.
type Mixed struct {
	mu   sync.Mutex
	ch   chan int
	seen int
}

func NewMixed() *Mixed { return &Mixed{ch: make(chan int)} }

func (m *Mixed) Send(v int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ch <- v
}

// Receiving under the lock is another matter: every sender locks first.
func (m *Mixed) Locked() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return <-m.ch // want `receiving from m\.ch blocks while m\.mu is locked, but every send on or close of it \(as in Send at line 153\)`
}

func (m *Mixed) Free() int {
	return <-m.ch
}

// A channel made out of sight may be buffered: not reported.
type Given struct {
	mu sync.Mutex
	ch chan int
}

func NewGiven(ch chan int) *Given { return &Given{ch: ch} }

func (g *Given) Send(v int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ch <- v
}

func (g *Given) Recv() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return <-g.ch
}

// An exported channel may be received from in other packages.
type Public struct {
	mu      sync.Mutex
	Updates chan int
	last    int
}

func NewPublic() *Public { return &Public{Updates: make(chan int)} }

func (p *Public) Set(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Updates <- v
}

func (p *Public) run() {
	for v := range p.Updates {
		p.mu.Lock()
		p.last = v
		p.mu.Unlock()
	}
}

// A deferred close in a function that takes no lock unblocks the receiver.
type Closer struct {
	mu   sync.Mutex
	done chan struct{}
	n    int
}

func NewCloser() *Closer {
	c := &Closer{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		work()
	}()
	return c
}

func work() {}

func (c *Closer) Wait() {
	c.mu.Lock()
	defer c.mu.Unlock()
	<-c.done
}

func (c *Closer) Shutdown() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	close(c.done)
}
