//go:build accent

package timeout

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

const page = 300 * time.Millisecond

// fakeRenderer takes one page time per page and checks ctx between pages,
// as the Renderer contract says. It counts the pages it starts.
type fakeRenderer struct {
	pages int

	mu      sync.Mutex
	started int
	gaveUp  bool
}

func (f *fakeRenderer) Render(ctx context.Context, doc string) ([]byte, error) {
	for range f.pages {
		if err := ctx.Err(); err != nil {
			f.mu.Lock()
			f.gaveUp = true
			f.mu.Unlock()
			return nil, err
		}
		f.mu.Lock()
		f.started++
		f.mu.Unlock()
		time.Sleep(page) // one page: nothing interrupts it
	}
	return fmt.Appendf(nil, "%s: %d pages", doc, f.pages), nil
}

func (f *fakeRenderer) seen() (started int, gaveUp bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.started, f.gaveUp
}

type result struct {
	pdf  []byte
	err  error
	took time.Duration
}

// render runs RenderWithin in its own goroutine and delivers its result.
func render(ctx context.Context, r Renderer, limit time.Duration) <-chan result {
	out := make(chan result, 1)
	start := time.Now()
	go func() {
		pdf, err := RenderWithin(ctx, r, "invoice.pdf", limit)
		out <- result{pdf, err, time.Since(start)}
	}()
	return out
}

func TestReturnsTheResultWhenRenderIsFastEnough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 3}
		res := <-render(t.Context(), r, time.Second)

		if res.err != nil || string(res.pdf) != "invoice.pdf: 3 pages" {
			t.Errorf("RenderWithin = %q, %v; want %q, nil", res.pdf, res.err, "invoice.pdf: 3 pages")
		}
		if res.took != 3*page {
			t.Errorf("RenderWithin took %v, want %v (the render's own time)", res.took, 3*page)
		}
	})
}

func TestReturnsAtTheDeadlineEvenMidPage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 10}
		res := <-render(t.Context(), r, time.Second)

		if !errors.Is(res.err, context.DeadlineExceeded) {
			t.Errorf("RenderWithin error = %v, want one wrapping context.DeadlineExceeded (the ctx.Err() of a WithTimeout context)", res.err)
		}
		if res.pdf != nil {
			t.Errorf("RenderWithin returned %q with the timeout, want nil", res.pdf)
		}
		if res.took != time.Second {
			t.Errorf("RenderWithin returned after %v, want exactly the limit %v: the caller must not wait for the page in progress", res.took, time.Second)
		}
		time.Sleep(10 * page) // the abandoned render must be able to end
	})
}

func TestAbandonedRenderStopsAtTheNextPage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 10}
		<-render(t.Context(), r, time.Second)

		time.Sleep(10 * page) // long enough for all ten pages, if nobody stops it
		started, gaveUp := r.seen()
		if !gaveUp || started != 4 {
			t.Errorf("the render started %d pages and gave up: %v; want 4 pages (the one in progress at the limit finishes) and then it gives up: cancel the ctx Render was given", started, gaveUp)
		}
		// The bubble ends here: a goroutine still blocked (on a send nobody
		// will receive) is reported as a leak.
	})
}

func TestCallerCancelReturnsAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 10}
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		done := render(ctx, r, time.Second)

		time.Sleep(page + page/2)
		cancel()
		synctest.Wait()
		var res result
		select {
		case res = <-done:
		default:
			res = <-done
			t.Errorf("RenderWithin returned %v after its caller cancelled, want at once", res.took-(page+page/2))
		}
		if !errors.Is(res.err, context.Canceled) {
			t.Errorf("RenderWithin error = %v, want one wrapping context.Canceled", res.err)
		}
		time.Sleep(10 * page)
		if started, gaveUp := r.seen(); !gaveUp || started != 2 {
			t.Errorf("the render started %d pages and gave up: %v; want 2, then it gives up", started, gaveUp)
		}
	})
}
