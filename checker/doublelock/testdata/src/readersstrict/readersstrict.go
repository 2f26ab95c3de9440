// Package readersstrict has read locks stacked on mutexes: harmless while nothing
// write-locks them, a deadlock as soon as something does.
package readersstrict

import "sync"

// Nothing in the package write-locks mu: readers only, as in a benchmark
// that takes a read lock in nested helpers.
type table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (t *table) get(k string) int {
	t.mu.RLock() // want `read-locked`
	defer t.mu.RUnlock()
	return t.rows[k]
}

func (t *table) sum(keys []string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	n := 0
	for _, k := range keys {
		n += t.get(k)
	}
	return n
}

// An embedded RWMutex, read-locked only.
type index struct {
	sync.RWMutex
	ids []int
}

func (x *index) first() int {
	x.RLock()
	defer x.RUnlock()
	x.RLock() // want `read-locked`
	defer x.RUnlock()
	return x.ids[0]
}

// The twin: an exported mutex may be write-locked by another package.
type Shared struct {
	Mu   sync.RWMutex
	vals []int
}

func (s *Shared) Len() int {
	s.Mu.RLock()
	defer s.Mu.RUnlock()
	s.Mu.RLock() // want `read-locked`
	defer s.Mu.RUnlock()
	return len(s.vals)
}

// The twin: the mutex's address escapes to a function that may Lock it.
type guarded struct {
	mu sync.RWMutex
	n  int
}

func withLock(mu *sync.RWMutex, f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

func (g *guarded) read() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	g.mu.RLock() // want `read-locked`
	defer g.mu.RUnlock()
	return g.n
}

func (g *guarded) bump() { withLock(&g.mu, func() { g.n++ }) }
