package a

import (
	"errors"
	"sync"
)

type Proxy struct {
	mu    sync.Mutex
	conns map[string]int
}

func dial(string) error { return errors.New("no") }

// continue with the lock still held: the next iteration locks again.
func (p *Proxy) Run(addrs []string) {
	for _, a := range addrs {
		p.mu.Lock() // want `p\.mu is still locked from the previous iteration \(locked at line 18\) when the loop locks it again`
		if err := dial(a); err != nil {
			continue
		}
		p.conns[a]++
		p.mu.Unlock()
	}
}

func (p *Proxy) RunOK(addrs []string) {
	for _, a := range addrs {
		p.mu.Lock()
		if err := dial(a); err != nil {
			p.mu.Unlock()
			continue
		}
		p.conns[a]++
		p.mu.Unlock()
	}
}

// Unlock and lock again inside a loop that holds the lock throughout.
func (p *Proxy) Drain() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.conns) > 0 {
		p.mu.Unlock()
		_ = dial("x")
		p.mu.Lock()
		clear(p.conns)
	}
}

// Locking every element of a slice in a loop locks different mutexes.
type shard struct {
	mu sync.Mutex
	m  map[string]int
}

func lockAll(shards []*shard) {
	for _, s := range shards {
		s.mu.Lock()
	}
}

func lockAllIndexed(shards []shard) {
	for i := range shards {
		shards[i].mu.Lock()
	}
	for i := range shards {
		shards[i].mu.Unlock()
	}
}

// Walking a list locks each node once.
type node struct {
	mu   sync.Mutex
	next *node
}

func walk(n *node) {
	for ; n != nil; n = n.next {
		n.mu.Lock()
	}
}

// Lock on the first iteration only, tracked in a variable.
func (p *Proxy) lazy(addrs []string) {
	locked := false
	for _, a := range addrs {
		if !locked && a != "" {
			p.mu.Lock()
			locked = true
		}
	}
	if locked {
		p.mu.Unlock()
	}
}

// Locks held depending on the same condition twice.
func (p *Proxy) correlated(need bool) {
	if need {
		p.mu.Lock()
	}
	p.conns["x"]++
	if need {
		p.mu.Unlock()
	}
	p.mu.Lock()
	p.mu.Unlock()
}

type RCache struct {
	mu   sync.RWMutex
	data map[string]int
}

// Put write-locks mu: a read lock kept from the previous iteration can
// deadlock.
func (c *RCache) Put(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

// continue with the read lock still held: the message says read-locked,
// whole words (it once read "is already read-lockedrom the previous...").
func (c *RCache) Total(keys []string) int {
	n := 0
	for _, k := range keys {
		c.mu.RLock() // want `c\.mu is still read-locked from the previous iteration \(locked at line \d+\) when the loop locks it again: a recursive RLock deadlocks`
		v, ok := c.data[k]
		if !ok {
			continue
		}
		n += v
		c.mu.RUnlock()
	}
	return n
}
