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
// The render is cancelled and stops, but its last act is a send on an
// unbuffered channel that nobody reads any more.
func RenderWithin(ctx context.Context, r Renderer, doc string, limit time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

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
	case <-ctx.Done():
		return nil, fmt.Errorf("render %s: %w", doc, ctx.Err())
	}
}
