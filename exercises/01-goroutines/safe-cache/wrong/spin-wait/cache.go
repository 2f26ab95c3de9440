//go:build accent

// Package safecache memoizes a slow lookup for many goroutines at once.
package safecache

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Cache remembers what fetch returned for each key. Any number of
// goroutines may call Get at the same time.
type Cache struct {
	fetch func(key string) string

	mu      sync.Mutex // guards entries, not what they hold
	entries map[string]*entry
}

// entry is one key's value: value is set once, before done is set.
type entry struct {
	done  atomic.Bool
	value string
}

// New returns an empty Cache in front of fetch.
func New(fetch func(key string) string) *Cache {
	return &Cache{fetch: fetch, entries: make(map[string]*entry)}
}

// Get returns fetch(key), calling fetch once per key: later calls, and
// calls made while that fetch runs, wait for it and get its value. A slow
// fetch holds up only the callers of its own key.
func (c *Cache) Get(key string) string {
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &entry{}
		c.entries[key] = e
	}
	c.mu.Unlock()

	if ok {
		// Spin until the fetch is done, like while (!entry.done) {}:
		// race-free, since done is atomic, but every waiting caller keeps
		// a core busy for as long as the fetch takes.
		for !e.done.Load() {
			runtime.Gosched()
		}
		return e.value
	}
	e.value = c.fetch(key)
	e.done.Store(true)
	return e.value
}
