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
