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
	type result struct {
		body string
		err  error
	}
	// One future per URL, awaited in input order, like
	// for (const p of promises) await p.
	futures := make([]chan result, len(urls))
	for i, url := range urls {
		futures[i] = make(chan result, 1)
		go func() {
			body, err := fetch(url)
			futures[i] <- result{body, err}
		}()
	}
	bodies := make([]string, len(urls))
	for i, f := range futures {
		r := <-f
		if r.err != nil {
			// The first failure in input order is known now, so return it;
			// the fetches of later URLs are still running.
			return nil, fmt.Errorf("fetch %s: %w", urls[i], r.err)
		}
		bodies[i] = r.body
	}
	return bodies, nil
}
