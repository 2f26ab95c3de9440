//go:build accent

package sharedcounter

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

const (
	handlers = 8
	requests = 1000 // per handler
	total    = handlers * requests
)

// serve runs handlers goroutines that each call c.Hit requests times, and
// returns a WaitGroup that is done when all of them are.
func serve(c *Counter) *sync.WaitGroup {
	var wg sync.WaitGroup
	for range handlers {
		wg.Go(func() {
			for range requests {
				c.Hit()
			}
		})
	}
	return &wg
}

func TestConcurrentHitsAreAllCounted(t *testing.T) {
	// A lost update needs two handlers to meet between a read and a
	// write, which on a busy machine may take many rounds; a correct Hit
	// never loses one.
	const rounds = 20
	for round := range rounds {
		lost := false
		synctest.Test(t, func(t *testing.T) {
			var c Counter
			serve(&c).Wait()
			if got := c.Hits(); got != total {
				t.Errorf("round %d: %d goroutines made %d hits each, Hits() = %d, want %d: hits++ from many goroutines loses updates", round+1, handlers, requests, got, total)
				lost = true
			}
		})
		if lost {
			return
		}
	}
}

func TestHitsCanBeReadWhileCounting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var c Counter
		var stop atomic.Bool
		var metrics sync.WaitGroup
		// A metrics endpoint scraping the count while requests come in.
		metrics.Go(func() {
			last := int64(0)
			for !stop.Load() {
				n := c.Hits()
				if n < last || n > total {
					t.Errorf("Hits() = %d after %d, want a count that only grows, up to %d", n, last, total)
					return
				}
				last = n
			}
		})
		serve(&c).Wait()
		stop.Store(true)
		metrics.Wait()
		if got := c.Hits(); got != total {
			t.Errorf("Hits() = %d after all requests, want %d", got, total)
		}
	})
}

func TestTakeReturnsTheHitsAndStartsAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var c Counter
		serve(&c).Wait()
		if got := c.Take(); got != total {
			t.Errorf("first Take() = %d, want %d", got, total)
		}
		if got := c.Hits(); got != 0 {
			t.Errorf("Hits() = %d right after Take, want 0", got)
		}
		for range 5 {
			c.Hit()
		}
		if got := c.Take(); got != 5 {
			t.Errorf("Take() = %d after 5 more hits, want 5", got)
		}
	})
}

func TestTakeWhileCountingLosesNoHit(t *testing.T) {
	// A hit lost between a read and a reset needs the two goroutines to
	// meet in that gap, which on a busy machine may take many rounds. A
	// correct Take never loses one, however many rounds run.
	const rounds = 20
	for round := range rounds {
		lost := false
		synctest.Test(t, func(t *testing.T) {
			var c Counter
			var stop atomic.Bool
			var reporter sync.WaitGroup
			var reported int64
			// A reporter taking the count again and again while requests come in.
			reporter.Go(func() {
				for !stop.Load() {
					reported += c.Take()
				}
			})
			serve(&c).Wait()
			stop.Store(true)
			reporter.Wait()
			reported += c.Take()
			if reported != total {
				t.Errorf("round %d: the Takes add up to %d, want all %d hits: read and reset in one step, or a hit landing between them is lost", round+1, reported, total)
				lost = true
			}
		})
		if lost {
			return
		}
	}
}
