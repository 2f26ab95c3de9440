//go:build accent

// Package boundedpool ports p-limit, asyncio.Semaphore and a fixed thread
// pool to Go: many jobs, at most limit of them in flight.
package boundedpool

// ProcessAll calls process for every job, with at most limit calls running
// at once, and starts the next job as soon as a running one returns. It
// returns when every call has returned, with the results in the order of
// jobs. limit is at least 1.
func ProcessAll(jobs []string, limit int, process func(job string) string) []string {
	type result struct {
		i   int
		out string
	}
	todo := make(chan int)
	done := make(chan result)
	for range limit {
		go func() {
			for i := range todo {
				done <- result{i, process(jobs[i])}
			}
		}()
	}
	go func() {
		for i := range jobs {
			todo <- i
		}
		// No close(todo): a fixed thread pool without shutdown(). The
		// workers wait for the next job forever.
	}()
	results := make([]string, len(jobs))
	for range jobs {
		r := <-done
		results[r.i] = r.out
	}
	return results
}
