//go:build accent

// Package safecache memoizes a slow lookup for many goroutines at once.
package safecache

import "sync"

// Cache remembers what fetch returned for each key. Any number of
// goroutines may call Get at the same time.
type Cache struct {
	fetch func(key string) string

	mu      sync.Mutex // guards entries and values... when they are written
	entries map[string]*entry
	values  map[string]string
}

// entry is one key's fetch in progress: ready is closed when its value is
// in values.
type entry struct {
	ready chan struct{}
}

// New returns an empty Cache in front of fetch.
func New(fetch func(key string) string) *Cache {
	return &Cache{fetch: fetch, entries: make(map[string]*entry), values: make(map[string]string)}
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
		<-e.ready
		// The value is in the map by now, so read it without the lock, as
		// if a read could not race: but other keys' fetches write the map
		// at the same time.
		return c.values[key]
	}
	v := c.fetch(key)
	c.mu.Lock()
	c.values[key] = v
	c.mu.Unlock()
	close(e.ready)
	return v
}
