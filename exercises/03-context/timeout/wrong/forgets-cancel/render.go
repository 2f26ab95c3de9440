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
// whichever comes first.
//
// The timeout stops the render by itself, so the cancel func looks
// unnecessary: but a render that finishes early leaves the timer and the
// parent's link to the child alive until limit has passed.
func RenderWithin(ctx context.Context, r Renderer, doc string, limit time.Duration) ([]byte, error) {
	ctx, _ = context.WithTimeout(ctx, limit)

	type result struct {
		pdf []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		pdf, err := r.Render(ctx, doc)
		done <- result{pdf, err}
	}()

	select {
	case res := <-done:
		return res.pdf, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("render %s: %w", doc, ctx.Err())
	}
}
