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
	// This port still has an accent: it cuts the jobs into chunks of limit
	// and waits for each chunk, like
	// `for (const chunk of chunks) await Promise.all(chunk.map(process))`.
	results := make([]string, len(jobs))
	for start := 0; start < len(jobs); start += limit {
		chunk := jobs[start:min(start+limit, len(jobs))]
		var wg sync.WaitGroup
		for i, job := range chunk {
			wg.Go(func() {
				results[start+i] = process(job)
			})
		}
		wg.Wait()
	}
	return results
}
