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
	var first error // "only one callback runs at a time": not here
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			body, err := fetch(ctx, url)
			if err != nil {
				// Check-then-set on a variable every goroutine shares,
				// with no lock: a data race.
				if first == nil {
					first = fmt.Errorf("fetch %s: %w", url, err)
					cancel(first)
				}
				return
			}
			bodies[i] = body
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	return bodies, nil
}
