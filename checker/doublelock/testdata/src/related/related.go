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

// A lock taken again by a callback stored in a field: the first Lock, the
// place the callback is set, and its Lock.
type Notifier struct {
	mu       sync.Mutex
	onChange func()
	n        int
}

func (s *Notifier) Count() int {
	s.mu.Lock() // related "the callback locks it again here"
	defer s.mu.Unlock()
	return s.n
}

func NewNotifier() *Notifier {
	s := &Notifier{}
	s.onChange = func() { _ = s.Count() } // related "the callback is set here"
	return s
}

func (s *Notifier) Bump() {
	s.mu.Lock() // related `s\.mu is first locked here`
	defer s.mu.Unlock()
	s.n++
	s.onChange() // want `s\.mu is locked \(at line \d+\) while the func field s\.onChange runs`
}
