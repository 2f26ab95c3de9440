// Package related holds doublelock findings whose related positions the
// test checks: the first lock, and the call that takes the second.
package related

import "sync"

type Store struct {
	mu    sync.Mutex
	items []string
}

func (s *Store) Add(x string) {
	s.mu.Lock() // related `s\.mu is first locked here`
	s.items = append(s.items, x)
	s.mu.Lock() // want `s\.mu is already locked`
	s.mu.Unlock()
}

func (s *Store) Flush() {
	s.mu.Lock() // related `s\.mu is first locked here`
	defer s.mu.Unlock()
	s.compact() // related "this call takes the second lock"
}

func (s *Store) compact() {
	s.mu.Lock() // want `s\.mu is already locked \(by Flush at line 20\) when compact locks it again`
	s.items = s.items[:0]
	s.mu.Unlock()
}

// A Lock that meets itself round the loop has no other site.
func (s *Store) Drain() {
	for range s.items {
		s.mu.Lock() // want `s\.mu is still locked from the previous iteration`
		s.items = s.items[1:]
	}
}
