package a

import "sync"

type Store struct {
	mu    sync.Mutex
	items []string
	child *Store
}

// The lock is taken two calls down.
func (s *Store) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flushItems()
}

func (s *Store) flushItems() {
	for range s.items {
		s.compact()
	}
}

func (s *Store) compact() {
	s.mu.Lock() // want `s\.mu is already locked \(by Flush at line 13\) when compact locks it again`
	s.items = s.items[:0]
	s.mu.Unlock()
}

func (s *Store) FlushOK() {
	s.mu.Lock()
	items := s.items
	s.mu.Unlock()
	for range items {
		s.compact()
	}
}

// Another instance of the same type is another lock.
func (s *Store) FlushChild() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.child != nil {
		s.child.compact()
	}
}

// Two parameters are two locks.
func merge(dst, src *Store) {
	dst.mu.Lock()
	defer dst.mu.Unlock()
	src.mu.Lock()
	defer src.mu.Unlock()
	dst.items = append(dst.items, src.items...)
}

// A helper that returns with the lock held.
func (s *Store) lock() *Store {
	s.mu.Lock()
	return s
}

func (s *Store) unlock() { s.mu.Unlock() }

func (s *Store) Reset() {
	s.lock()
	s.items = nil
	s.mu.Lock() // want `s\.mu is already locked \(by lock at line 59\) when Reset locks it again`
	s.mu.Unlock()
}

func (s *Store) ResetOK() {
	s.lock()
	s.items = nil
	s.unlock()
	s.mu.Lock()
	s.mu.Unlock()
}

// A helper that unlocks, waits and locks again is called with the lock held.
func (s *Store) unlockAndRelock() {
	s.mu.Unlock()
	s.mu.Lock()
}

func (s *Store) Wait() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unlockAndRelock()
}

// Whether get locks depends on its bool parameter: not reported.
func (s *Store) get(i int, locked bool) string {
	if !locked {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	return s.items[i]
}

func (s *Store) First() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.get(0, true)
}

// Closures called in place.
func (s *Store) Closure() {
	s.mu.Lock()
	defer s.mu.Unlock()
	add := func(x string) {
		s.mu.Lock() // want `s\.mu is already locked \(by Closure at line 109\) when a function literal in Closure locks it again`
		s.items = append(s.items, x)
		s.mu.Unlock()
	}
	add("x")
}

func (s *Store) ClosureOK() {
	add := func(x string) {
		s.mu.Lock()
		s.items = append(s.items, x)
		s.mu.Unlock()
	}
	s.mu.Lock()
	n := len(s.items)
	s.mu.Unlock()
	if n == 0 {
		add("x")
	}
}

// A goroutine started with the lock held is another goroutine.
func (s *Store) Spawn() {
	s.mu.Lock()
	defer s.mu.Unlock()
	go s.compact()
	go func() {
		s.mu.Lock()
		s.mu.Unlock()
	}()
}

// once.Do runs its function on the calling goroutine.
type Lazy struct {
	mu   sync.Mutex
	once sync.Once
	v    int
}

func (l *Lazy) Get() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.once.Do(func() {
		l.mu.Lock() // want `l\.mu is already locked \(by Get at line 152\)`
		l.v = 1
		l.mu.Unlock()
	})
	return l.v
}

func (l *Lazy) GetOK() int {
	l.once.Do(func() {
		l.mu.Lock()
		l.v = 1
		l.mu.Unlock()
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.v
}

// A deferred call that locks runs while the deferred Unlock has not run yet
// (defers run last in, first out).
func (s *Store) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.clear()
	s.child = nil
}

func (s *Store) CloseOK() {
	defer s.clear()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.child = nil
}

func (s *Store) clear() {
	s.mu.Lock() // want `s\.mu is already locked \(by Close at line 176\) when clear locks it again`
	s.items = nil
	s.mu.Unlock()
}
