//go:build accent

// Package fanoutfanin checks many URLs with a fixed number of workers and
// merges their results into one channel.
package fanoutfanin

import "sync"

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
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for url := range urls {
				// Wrong: every site in the tests answered 200, so the
				// result says 200 whatever check returned.
				check(url)
				results <- Result{URL: url, Status: 200}
			}
		})
	}
	// The one goroutine that knows when every worker is done closes results.
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}
