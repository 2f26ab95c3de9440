//go:build accent

// Package safecache memoizes a slow lookup for many goroutines at once.
package safecache

import "sync"

// Cache remembers what fetch returned for each key. Any number of
// goroutines may call Get at the same time.
type Cache struct {
	fetch func(key string) string

	mu     sync.Mutex // guards values
	values map[string]string
}

// New returns an empty Cache in front of fetch.
func New(fetch func(key string) string) *Cache {
	return &Cache{fetch: fetch, values: make(map[string]string)}
}

// Get returns fetch(key), calling fetch once per key: later calls, and
// calls made while that fetch runs, wait for it and get its value. A slow
// fetch holds up only the callers of its own key.
func (c *Cache) Get(key string) string {
	// lock.acquire() ... lock.release(), without try/finally.
	c.mu.Lock()
	if v, ok := c.values[key]; ok {
		return v // returns with c.mu still locked
	}
	c.mu.Unlock()
	v := c.fetch(key) // without the lock, so other keys are not held up
	c.mu.Lock()
	c.values[key] = v
	c.mu.Unlock()
	return v
}
