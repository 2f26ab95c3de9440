package a

import "sync"

type S struct {
	mu    sync.Mutex
	other sync.Mutex
	rw    sync.RWMutex
	ch    chan int
	next  *S
	n     int
}

// A closure captures the receiver: go/ssa spills it into a local, and the
// closure's lock is still the receiver's.
func (s *S) closure() {
	s.mu.Lock()
	func() {
		s.mu.Lock() // want `double s.mu \(must\)`
		s.mu.Unlock()
	}()
	s.mu.Unlock()
}

// A helper that unlocks and locks again restores the caller's lock.
func (s *S) wait() {
	s.mu.Unlock()
	s.n++
	s.mu.Lock()
}

func (s *S) waiter() {
	s.mu.Lock()
	s.wait()
	s.mu.Lock() // want `double s.mu \(must\)`
	s.mu.Unlock()
}

// ... and adds no lock order where the caller does not hold it.
func (s *S) waitOther() {
	s.other.Lock()
	s.wait()
	s.other.Unlock()
}

// A goroutine that unlocks takes the lock over.
func (s *S) handoff() {
	s.mu.Lock()
	go func() {
		s.mu.Unlock()
	}()
	s.mu.Lock()
	s.mu.Unlock()
}

// Storing to the variable that names the lock forgets it.
func (s *S) store() {
	s.next.mu.Lock()
	s.next = nil
	s.next.mu.Lock()
}

// Which defers run depends on the path: their unlocks are applied, so
// that no return is said to hold the lock.
func (s *S) mixedDefers(b bool) int {
	s.mu.Lock()
	if b {
		defer s.mu.Unlock()
	}
	return s.n
}

// A return with the lock held, and one with two.
func (s *S) holds() {
	s.mu.Lock()
	if s.n > 0 {
		return // want `return holds s.mu\(must\)`
	}
	s.rw.RLock() // want `edge S.mu -> S.rw`
	if s.n < 0 {
		return // want `return holds s.mu\(must\) s.rw\(must\)`
	}
	s.rw.RUnlock()
	s.mu.Unlock()
}

// Lock order, directly and through a call.
func (s *S) order() {
	s.mu.Lock()
	s.other.Lock() // want `edge S.mu -> S.other`
	s.other.Unlock()
	s.mu.Unlock()
	s.other.Lock()
	s.lockMu() // want `edge S.other -> S.mu`
	s.other.Unlock()
}

func (s *S) lockMu() {
	s.mu.Lock()
	s.mu.Unlock()
}

// Blocking with a lock held, directly and in a callee.
func (s *S) block() {
	s.mu.Lock()
	defer s.mu.Unlock()
	<-s.ch // want `blocks receive S.ch holding S.mu`
	s.send()
}

func (s *S) send() {
	s.ch <- 1 // want `blocks send S.ch holding S.mu`
}

// A lock in a loop over different elements.
func each(ss []*S) {
	for _, s := range ss {
		s.mu.Lock()
	}
}

// A lock kept around a loop that locks it again.
func (s *S) loop(xs []int) {
	for range xs {
		s.mu.Lock() // want `double s.mu \(loop\)`
		if s.n > 0 {
			continue
		}
		s.mu.Unlock()
	}
}
