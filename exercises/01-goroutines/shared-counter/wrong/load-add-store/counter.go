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
	// hits++ spelled with atomics: an atomic load, then an atomic store of
	// one more. Two handlers that load the same count store the same count,
	// and a hit is lost.
	c.hits.Store(c.hits.Load() + 1)
}

// Hits reports how many requests were counted since the last Take.
func (c *Counter) Hits() int64 {
	return c.hits.Load()
}

// Take returns how many requests were counted since the last Take and
// starts again from zero, in one step: no hit is lost or counted twice.
func (c *Counter) Take() int64 {
	return c.hits.Swap(0)
}
