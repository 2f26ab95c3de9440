//go:build accent

// Package sharedcounter counts hits from many goroutines at once.
package sharedcounter

import "sync"

// Counter counts the requests a server handles. Every request handler
// calls Hit, a metrics endpoint calls Hits, and a reporter calls Take once a
// minute; all of them at the same time, from different goroutines. The
// zero Counter is ready to use.
type Counter struct {
	mu   sync.Mutex // guards hits... when it is written
	hits int64
}

// Hit counts one request.
func (c *Counter) Hit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits++
}

// Hits reports how many requests were counted since the last Take.
func (c *Counter) Hits() int64 {
	// No lock: "reading an int is atomic anyway", as under the GIL or for
	// a Java int field.
	return c.hits
}

// Take returns how many requests were counted since the last Take and
// starts again from zero, in one step: no hit is lost or counted twice.
func (c *Counter) Take() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.hits
	c.hits = 0
	return n
}
