//go:build accent

// Package sharedcounter counts hits from many goroutines at once.
package sharedcounter

import "sync"

// Counter counts the requests a server handles. Every request handler
// calls Hit, a metrics endpoint calls Hits, and a reporter calls Take once a
// minute; all of them at the same time, from different goroutines. The
// zero Counter is ready to use.
type Counter struct {
	mu   sync.Mutex
	hits int64
}

// Hit counts one request.
//
// A value receiver, like a method on a Java object: but c is a copy of the
// caller's Counter, with a copy of its mutex, and the copy is what counts.
func (c Counter) Hit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits++
}

// Hits reports how many requests were counted since the last Take.
func (c *Counter) Hits() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
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
