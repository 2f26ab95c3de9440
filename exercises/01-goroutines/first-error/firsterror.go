//go:build accent

// Package firsterror ports Promise.all with an AbortController,
// asyncio.TaskGroup and a fail-fast ExecutorService to Go.
package firsterror

import (
	"context"
	"fmt"
	"sync"
)

// FetchAll calls fetch for every URL, all at the same time, and returns the
// bodies in the order of urls. The first fetch to fail cancels the context
// the others were given, with its error as the cause, and FetchAll returns
// that error wrapped with its URL. Either way, FetchAll returns only when
// every fetch has returned.
func FetchAll(ctx context.Context, urls []string, fetch func(ctx context.Context, url string) (string, error)) ([]string, error) {
	// This port still has an accent: it is asyncio.gather without a
	// TaskGroup. Every fetch runs to the end, however early another fails.
	bodies := make([]string, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			bodies[i], errs[i] = fetch(ctx, url)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", urls[i], err)
		}
	}
	return bodies, nil
}
