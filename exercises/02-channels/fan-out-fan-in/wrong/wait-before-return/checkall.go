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
				results <- Result{URL: url, Status: check(url)}
			}
		})
	}
	// Wrong: await Promise.all(workers) before handing back the stream.
	// Nobody can read results until CheckAll returns, so the workers block
	// on their first send and Wait waits for them forever.
	wg.Wait()
	close(results)
	return results
}
