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
	// This port still has an accent: it awaits one fetch after the other,
	// like `for (const url of urls) bodies.push(await fetchText(url))`.
	bodies := make([]string, 0, len(urls))
	for _, url := range urls {
		body, err := fetch(url)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", url, err)
		}
		bodies = append(bodies, body)
	}
	return bodies, nil
}
