//go:build accent

// Package fanoutfanin checks many URLs with a fixed number of workers and
// merges their results into one channel.
package fanoutfanin

// A Result is the status code one URL answered with.
type Result struct {
	URL    string
	Status int
}

// CheckAll starts workers goroutines (workers >= 1) that take URLs from urls
// and check them, and returns the channel on which it sends each Result as
// soon as it is ready. It closes that channel once urls is closed and every
// URL taken from it has been checked. The caller reads it to the end.
func CheckAll(urls <-chan string, workers int, check func(url string) int) <-chan Result {
	results := make(chan Result)
	// Wrong: a plain counter of the workers still running, decremented by
	// each worker with no lock or atomic; the last one closes results. Two
	// workers that finish at once race on it: now and then both see 1, or
	// both see 0 and the second close panics.
	running := workers
	for range workers {
		go func() {
			for url := range urls {
				results <- Result{URL: url, Status: check(url)}
			}
			running--
			if running == 0 {
				close(results)
			}
		}()
	}
	return results
}
