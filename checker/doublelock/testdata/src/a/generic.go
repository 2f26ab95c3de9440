package a

import "sync"

// Generic types lock the same way.
type Set[T comparable] struct {
	mu sync.Mutex
	m  map[T]bool
}

func (s *Set[T]) Add(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.Has(v) {
		s.m[v] = true
	}
}

func (s *Set[T]) Has(v T) bool {
	s.mu.Lock() // want `s\.mu is already locked \(by Add at line 12\) when Has locks it again`
	defer s.mu.Unlock()
	return s.m[v]
}

func (s *Set[T]) AddOK(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.m[v] {
		s.m[v] = true
	}
}

// Instances called from ordinary code.
func useSet(s *Set[string]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Has("x") // reported in Has, once
}

// A returned unlock function counts as unlocking.
func (s *Set[T]) lock() func() {
	s.mu.Lock()
	return s.mu.Unlock
}

func (s *Set[T]) Clear() {
	unlock := s.lock()
	clear(s.m)
	unlock()
	s.mu.Lock()
	s.mu.Unlock()
}
