//go:build accent

// Package timeout gives a slow call a deadline.
package timeout

import (
	"context"
	"fmt"
	"time"
)

// Renderer renders a document page by page. A page takes as long as it
// takes and cannot be interrupted; between pages Render checks ctx and, once
// it is done, gives up with ctx.Err().
type Renderer interface {
	Render(ctx context.Context, doc string) ([]byte, error)
}

// RenderWithin renders doc, giving up after limit or when ctx is done,
// whichever comes first. It returns the moment it gives up, even mid-page,
// with an error wrapping ctx.Err(); the abandoned render is told to stop and
// its goroutine ends at the next page.
//
// Ported from `await asyncio.wait_for(render(doc), timeout)`: race the call
// against a timer.
func RenderWithin(ctx context.Context, r Renderer, doc string, limit time.Duration) ([]byte, error) {
	type result struct {
		pdf []byte
		err error
	}
	done := make(chan result)
	go func() {
		pdf, err := r.Render(ctx, doc)
		done <- result{pdf, err}
	}()

	select {
	case res := <-done:
		return res.pdf, res.err
	case <-time.After(limit):
		return nil, fmt.Errorf("render %s: timed out after %v", doc, limit)
	}
}
