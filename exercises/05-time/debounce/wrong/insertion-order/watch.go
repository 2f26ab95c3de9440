//go:build accent

// Package debounce rebuilds once a burst of file changes has gone quiet.
package debounce

import (
	"context"
	"slices"
	"time"
)

// Watch reads the names of changed files from changes and calls rebuild with
// every name changed since its previous call, sorted and each once, as soon
// as no change has arrived for quiet.
//
// When changes is closed, Watch rebuilds what is pending at once, if
// anything, and returns. When ctx is done, it returns at once and drops what
// is pending. rebuild is never called after Watch has returned.
func Watch(ctx context.Context, changes <-chan string, quiet time.Duration, rebuild func(files []string)) {
	var pending []string // in the order they came, each once, as a JavaScript Set
	flush := func() {
		if len(pending) == 0 {
			return
		}
		rebuild(pending)
		pending = nil
	}

	// One timer for the whole loop, armed by the first change of a burst and
	// pushed back by every other one: clearTimeout plus setTimeout is Reset.
	quietTimer := time.NewTimer(quiet)
	quietTimer.Stop() // nothing is pending yet
	defer quietTimer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case name, ok := <-changes:
			if !ok {
				flush()
				return
			}
			if !slices.Contains(pending, name) {
				pending = append(pending, name)
			}
			quietTimer.Reset(quiet)
		case <-quietTimer.C:
			flush()
		}
	}
}
