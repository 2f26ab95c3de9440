package c

import (
	"sync"
	"testing"
)

// A start gate: Add(1) holds the goroutines at Wait, and Add(-1) releases
// them all at once. Nothing calls Done, and nothing needs to.
func startTogether(n int) {
	var start sync.WaitGroup
	var done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			work(i)
		}()
	}
	start.Add(-1)
	done.Wait()
}

// A benchmark's gate, released by a computed negative count, on a field.
type bench struct {
	gate sync.WaitGroup
}

func (bb *bench) run(b *testing.B, n int) {
	bb.gate.Add(n)
	for i := 0; i < n; i++ {
		go bb.gate.Wait()
	}
	bb.gate.Add(-n)
	b.StopTimer()
}

// The twin: the gate is never released.
func neverReleased(n int) {
	var start sync.WaitGroup
	start.Add(1)
	for i := range n {
		go func() {
			start.Wait() // want `nothing calls start.Done\(\)`
			work(i)
		}()
	}
	start.Wait() // want `nothing calls start.Done\(\)`
}
