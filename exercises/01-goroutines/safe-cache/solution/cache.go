//go:build accent

// Package safecache memoizes a slow lookup for many goroutines at once.
package safecache

import "sync"

// Cache remembers what fetch returned for each key. Any number of
// goroutines may call Get at the same time.
type Cache struct {
	fetch func(key string) string

	mu      sync.Mutex // guards entries, not what they hold
	entries map[string]*entry
}

// entry is one key's value, the Go spelling of a cached promise: value is
// set once, before ready is closed, and read only after.
type entry struct {
	ready chan struct{}
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
		e = &entry{ready: make(chan struct{})}
		c.entries[key] = e
	}
	c.mu.Unlock()

	if ok {
		<-e.ready // another goroutine fetches it, or has
		return e.value
	}
	e.value = c.fetch(key)
	close(e.ready)
	return e.value
}
