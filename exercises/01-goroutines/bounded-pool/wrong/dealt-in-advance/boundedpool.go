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
	// limit workers, each dealt its share of the jobs up front, like
	// splitting an array into limit slices for limit threads: worker w
	// runs jobs w, w+limit, w+2*limit... A worker whose share is quick
	// then sits idle while another's slow job holds up the rest of its
	// share.
	for w := range min(limit, len(jobs)) {
		wg.Go(func() {
			for i := w; i < len(jobs); i += limit {
				results[i] = process(jobs[i])
			}
		})
	}
	wg.Wait()
	return results
}
