//go:build accent

// Package debounce rebuilds once a burst of file changes has gone quiet.
package debounce

import (
	"context"
	"maps"
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
	pending := make(map[string]bool)
	flush := func() {
		if len(pending) == 0 {
			return
		}
		rebuild(slices.Sorted(maps.Keys(pending)))
		clear(pending)
	}

	// The setTimeout/clearTimeout port, cancelled on every way out; flush
	// runs on the timer's goroutine.
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case name, ok := <-changes:
			if timer != nil {
				timer.Stop() // clearTimeout(timer)
			}
			if !ok {
				flush()
				return
			}
			pending[name] = true
			timer = time.AfterFunc(quiet, flush) // timer = setTimeout(flush, quiet)
		}
	}
}
