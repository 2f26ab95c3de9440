//go:build accent

// Package sharedcounter counts hits from many goroutines at once.
package sharedcounter

import "sync/atomic"

// Counter counts the requests a server handles. Every request handler
// calls Hit, a metrics endpoint calls Hits, and a reporter calls Take once a
// minute; all of them at the same time, from different goroutines. The
// zero Counter is ready to use.
type Counter struct {
	hits atomic.Int64
}

// Hit counts one request.
func (c *Counter) Hit() {
	c.hits.Add(1)
}

// Hits reports how many requests were counted since the last Take.
func (c *Counter) Hits() int64 {
	return c.hits.Load()
}

// Take returns how many requests were counted since the last Take and
// starts again from zero, in one step: no hit is lost or counted twice.
func (c *Counter) Take() int64 {
	// getAndSet(0) written as get() then set(0): each step is atomic, the
	// pair is not, and a hit that lands between them is lost.
	n := c.hits.Load()
	c.hits.Store(0)
	return n
}
