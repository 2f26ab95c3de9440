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
	var once sync.Once
	for range workers {
		go func() {
			// Wrong: no more "close of closed channel", but the first worker
			// to run out of URLs closes results while the others may still
			// be checking theirs.
			defer once.Do(func() { close(results) })
			for url := range urls {
				results <- Result{URL: url, Status: check(url)}
			}
		}()
	}
	return results
}
