// Package related holds unlockpath findings whose related positions the
// test checks: the Lock, and the Unlock the other paths reach.
package related

import (
	"errors"
	"sync"
)

type Store struct {
	mu sync.RWMutex
	n  int
}

func (s *Store) Set(n int) error {
	s.mu.Lock() // related `s\.mu is locked here`
	if n < 0 {
		return errors.New("negative") // want `return with s\.mu still locked`
	}
	s.n = n
	s.mu.Unlock() // related "the other paths Unlock it here"
	return nil
}

func (s *Store) Get() (int, error) {
	s.mu.RLock() // related `s\.mu is read-locked here`
	if s.n < 0 {
		return 0, errors.New("negative") // want `return with s\.mu still read-locked`
	}
	n := s.n
	s.mu.RUnlock() // related "the other paths RUnlock it here"
	return n, nil
}

func (s *Store) lock() { s.mu.Lock() }

func (s *Store) Bump() error {
	s.lock() // related `s\.mu is locked by this call of lock`
	if s.n < 0 {
		return errors.New("negative") // want `return with s\.mu still locked`
	}
	s.n++
	s.mu.Unlock() // related "the other paths Unlock it here"
	return nil
}

// A break that keeps the lock past the loop: the Lock, the Unlock the
// loop's other paths reach, and the end of the function that returns
// holding it.
func (s *Store) Drain(items []int) {
	for _, it := range items {
		s.mu.Lock() // related `s\.mu is locked here`
		if it < 0 {
			break // want `break leaves the loop with s\.mu still locked`
		}
		s.n += it
		s.mu.Unlock() // related "the loop's other paths Unlock it here"
	}
} // related "the function returns here still holding it"

// The same with an explicit return after the loop.
func (s *Store) Sum(items []int) int {
	total := 0
	for _, it := range items {
		s.mu.RLock() // related `s\.mu is read-locked here`
		if it == s.n {
			break // want `break leaves the loop with s\.mu still read-locked`
		}
		total += it
		s.mu.RUnlock() // related "the loop's other paths RUnlock it here"
	}
	return total // related "the function returns here still holding it"
}
