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
// Like `await render(doc, { signal: AbortSignal.timeout(ms) })`: the render
// stops, but only when it next looks at ctx, so the caller waits for the
// page in progress.
func RenderWithin(ctx context.Context, r Renderer, doc string, limit time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	pdf, err := r.Render(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", doc, err)
	}
	return pdf, nil
}
