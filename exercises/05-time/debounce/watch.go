//go:build accent

// Package debounce rebuilds once a burst of file changes has gone quiet.
package debounce

import (
	"context"
	"maps"
	"slices"
	"sync"
	"time"
)

// Watch reads the names of changed files from changes and calls rebuild with
// every name changed since its previous call, sorted and each once, as soon
// as no change has arrived for quiet.
//
// When changes is closed, Watch rebuilds what is pending at once, if
// anything, and returns once that rebuild has returned. When ctx is done, it
// returns at once and drops what is pending. rebuild is never called after
// Watch has returned, never twice at the same time, and may keep the slice
// it is given.
func Watch(ctx context.Context, changes <-chan string, quiet time.Duration, rebuild func(files []string)) {
	var mu sync.Mutex
	pending := make(map[string]bool)
	flush := func() {
		mu.Lock()
		defer mu.Unlock()
		if len(pending) == 0 {
			return
		}
		rebuild(slices.Sorted(maps.Keys(pending)))
		clear(pending)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case name, ok := <-changes:
			if !ok {
				flush()
				return
			}
			mu.Lock()
			pending[name] = true
			mu.Unlock()
			time.AfterFunc(quiet, flush) // setTimeout(flush, quiet)
		}
	}
}
