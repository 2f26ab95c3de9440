// Package related holds blockunderlock findings whose related positions
// the test checks: the Lock, the operation that would unblock, and the
// Lock it waits for.
package related

import "sync"

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
	s.mu.Lock() // related `s\.mu is locked here`
	defer s.mu.Unlock()
	s.updates <- v // want `sending on s\.updates blocks while s\.mu is locked`
}

func (s *Status) run() {
	for v := range s.updates { // related "the receive from or close of it that would unblock it comes here"
		s.mu.Lock() // related `the other goroutine locks Status\.mu here first`
		s.last = v
		s.mu.Unlock()
	}
}

type Pool struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

func (p *Pool) Start(n int) {
	for i := range n {
		p.wg.Add(1)
		go p.work(i)
	}
}

func (p *Pool) work(i int) {
	defer p.wg.Done() // related "the Done call that would unblock it comes here"
	p.mu.Lock()       // related `the other goroutine locks Pool\.mu here first`
	p.results = append(p.results, i)
	p.mu.Unlock()
}

func (p *Pool) Results() []int {
	p.mu.Lock() // related `p\.mu is locked here`
	defer p.mu.Unlock()
	p.wg.Wait() // want `p\.wg\.Wait\(\) blocks while p\.mu is locked`
	return p.results
}
