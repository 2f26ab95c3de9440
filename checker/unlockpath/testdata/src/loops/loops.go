// Package loops holds locks taken inside a loop and kept past its end by a
// break (or into the next iteration by a continue) that skips the Unlock
// the loop's other paths reach, with correct twins that must stay quiet.
package loops

import (
	"errors"
	"sync"
)

type Gossip struct {
	mu     sync.RWMutex
	closed bool
	n      int
}

// The GoBench cockroach584 shape: the break skips the Unlock.
func (g *Gossip) manage() {
	for {
		g.mu.Lock()
		if g.closed {
			break // want `break leaves the loop with g\.mu still locked`
		}
		g.mu.Unlock()
		break
	}
}

// A break from a loop over items, the Python "with lock:" port.
func (g *Gossip) drain(items []int) int {
	total := 0
	for _, it := range items {
		g.mu.Lock()
		if it < 0 {
			break // want `break leaves the loop with g\.mu still locked`
		}
		total += it
		g.mu.Unlock()
	}
	return total
}

// A labeled break out of an outer loop from inside a switch.
func (g *Gossip) labeled(rows [][]int) {
outer:
	for _, row := range rows {
		for _, v := range row {
			g.mu.Lock()
			switch {
			case v == 0:
				break outer // want `break leaves the loop with g\.mu still locked`
			case v < 0:
				g.n--
			}
			g.mu.Unlock()
		}
	}
}

// A break inside a select in the loop: break ends the select, and the
// Unlock runs.
func (g *Gossip) selectBreak(ch chan int, done chan struct{}) {
	for {
		g.mu.RLock()
		select {
		case v := <-ch:
			if v == 0 {
				break
			}
			g.n += v
		default:
		}
		g.mu.RUnlock()
		select {
		case <-done:
			return
		default:
		}
	}
}

// A read lock kept by a break.
func (g *Gossip) find(keys []int) bool {
	found := false
	for _, k := range keys {
		g.mu.RLock()
		if k == g.n {
			found = true
			break // want `break leaves the loop with g\.mu still read-locked`
		}
		g.mu.RUnlock()
	}
	return found
}

// A continue that skips the Unlock: the next iteration's Lock blocks,
// which doublelock reports at that Lock; unlockpath leaves it to it.
func (g *Gossip) retry(items []int) {
	for _, it := range items {
		g.mu.Lock()
		if it == 0 {
			continue
		}
		g.n += it
		g.mu.Unlock()
	}
}

// Negative twins.

// Unlock before break.
func (g *Gossip) manageFixed() {
	for {
		g.mu.Lock()
		if g.closed {
			g.mu.Unlock()
			break
		}
		g.mu.Unlock()
		break
	}
}

// A break inside a switch ends the switch, not the loop.
func (g *Gossip) switchBreak(items []int) {
	for _, it := range items {
		g.mu.Lock()
		switch it {
		case 0:
			break
		default:
			g.n += it
		}
		g.mu.Unlock()
	}
}

// The lock is deliberately kept past the loop and released after it.
func (g *Gossip) waitFor(n int) {
	for {
		g.mu.Lock()
		if g.n >= n {
			break
		}
		g.mu.Unlock()
	}
	g.n -= n
	g.mu.Unlock()
}

// One closure per iteration with defer Unlock: every exit unlocks.
func (g *Gossip) perIteration(items []int) error {
	for _, it := range items {
		stop := false
		err := func() error {
			g.mu.Lock()
			defer g.mu.Unlock()
			if it == 0 {
				stop = true
				return nil
			}
			if it < 0 {
				return errors.New("negative")
			}
			g.n += it
			return nil
		}()
		if err != nil {
			return err
		}
		if stop {
			break
		}
	}
	return nil
}

// Unlock before continue.
func (g *Gossip) retryFixed(items []int) {
	for _, it := range items {
		g.mu.Lock()
		if it == 0 {
			g.mu.Unlock()
			continue
		}
		g.n += it
		g.mu.Unlock()
	}
}

// A break in a nested loop ends the nested loop only; the Unlock runs.
func (g *Gossip) nested(rows [][]int) {
	for _, row := range rows {
		g.mu.Lock()
		for _, v := range row {
			if v == 0 {
				break
			}
			g.n += v
		}
		g.mu.Unlock()
	}
}

// The loop waits until the state is ready and hands the lock to the
// caller on purpose: every return holds it.
func (g *Gossip) lockWhenReady(wait func()) {
	for {
		g.mu.Lock()
		if g.closed {
			break
		}
		g.mu.Unlock()
		wait()
	}
}

// A worker loop whose only way out is the break, and nothing says the
// function hands the mutex to its caller.
func (g *Gossip) Run(work []int) error {
	for {
		g.mu.Lock()
		if g.closed {
			break // want `break leaves the loop with g\.mu still locked`
		}
		if len(work) == 0 {
			g.mu.Unlock()
			continue
		}
		g.n += work[0]
		work = work[1:]
		g.mu.Unlock()
	}
	return errors.New("closed")
}

// next waits for work and returns with g.mu held; the caller unlocks.
func (g *Gossip) next(poll func()) {
	for {
		g.mu.Lock()
		if g.n > 0 {
			break
		}
		g.mu.Unlock()
		poll()
	}
}
