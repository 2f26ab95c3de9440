// Package e has Waits made while holding a mutex that the goroutines being
// waited for lock before their Done.
package e

import "sync"

type stopper struct {
	mu      sync.Mutex
	stop    sync.WaitGroup
	tasks   int
	stopped chan struct{}
}

func (s *stopper) startTask() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tasks++
}

func (s *stopper) setStopped() { s.stop.Done() }

func (s *stopper) runWorker() {
	s.stop.Add(1)
	go func() {
		s.startTask()
		<-s.stopped
		s.setStopped()
	}()
}

// Stop holds s.mu while waiting for workers that need s.mu. With struct
// fields, this is the blockunderlock analyzer's report, not this one's.
func (s *stopper) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.stopped)
	s.stop.Wait()
}

type stopper2 struct {
	mu      sync.Mutex
	stop    sync.WaitGroup
	tasks   int
	stopped chan struct{}
}

func (s *stopper2) runWorker() {
	s.stop.Add(1)
	go func() {
		defer s.stop.Done()
		s.mu.Lock()
		s.tasks++
		s.mu.Unlock()
		<-s.stopped
	}()
}

// The twin: the lock is released before the Wait.
func (s *stopper2) Stop() {
	s.mu.Lock()
	close(s.stopped)
	s.mu.Unlock()
	s.stop.Wait()
}

// Local mutex and WaitGroup: the goroutine locks mu before Done.
func localLocked(n int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	mu.Lock()
	defer mu.Unlock()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait() // want `wg.Wait\(\) runs with mu locked, but a goroutine it waits for locks mu before it calls Done: they deadlock; unlock mu before wg.Wait\(\)`
	return total
}

func addLocked(mu *sync.Mutex, total *int, i int) {
	mu.Lock()
	defer mu.Unlock()
	*total += i
}

func worker(mu *sync.Mutex, wg *sync.WaitGroup, total *int, i int) {
	defer wg.Done()
	addLocked(mu, total, i)
}

// The same through a named worker and a helper.
func namedLocked(n int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	mu.Lock()
	defer mu.Unlock()
	for i := range n {
		wg.Add(1)
		go worker(&mu, &wg, &total, i)
	}
	wg.Wait() // want `wg.Wait\(\) runs with mu locked, but a goroutine it waits for locks mu \(in addLocked\(\)\) before it calls Done`
	return total
}

// The twin: the lock is taken after the Wait.
func localAfter(n int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return total
}

// The goroutine locks only after its Done.
func lockAfterDone(n int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	defer mu.Unlock()
	wg.Add(1)
	go func() {
		wg.Done()
		mu.Lock()
		n++
		mu.Unlock()
	}()
	wg.Wait()
}

// Two readers do not block each other.
func readers(n int) {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	mu.RLock()
	defer mu.RUnlock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.RLock()
		_ = n
		mu.RUnlock()
	}()
	wg.Wait()
}

// A writer blocks on the waiter's read lock.
func readerWaitsForWriter(n *int) {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	mu.RLock()
	defer mu.RUnlock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		*n++
		mu.Unlock()
	}()
	wg.Wait() // want `wg.Wait\(\) runs with mu locked`
}

type node struct {
	mu sync.Mutex
	wg sync.WaitGroup
}

// Another struct's mutex: child goroutines lock their own node.
func (n *node) closeChildren(children []*node) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, c := range children {
		n.wg.Add(1)
		go func() {
			defer n.wg.Done()
			c.mu.Lock()
			c.mu.Unlock()
		}()
	}
	n.wg.Wait()
}

// Another goroutine unlocks the mutex for the waiter.
func unlockedByOther(n int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Unlock()
	}()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			mu.Unlock()
		}()
	}
	wg.Wait()
}

// The mutex goes to a sync.Cond, whose Wait unlocks it.
func condWait(n int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	mu.Lock()
	defer mu.Unlock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		cond.Signal()
		mu.Unlock()
	}()
	cond.Wait()
	wg.Wait()
}
