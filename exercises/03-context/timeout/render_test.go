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
	pages  int
	failAt int // if > 0, the render fails with errCorrupt before page failAt

	mu      sync.Mutex
	started int
	gaveUp  bool
}

func (f *fakeRenderer) Render(ctx context.Context, doc string) ([]byte, error) {
	for i := range f.pages {
		if f.failAt > 0 && i == f.failAt {
			return nil, errCorrupt
		}
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

var errCorrupt = errors.New("corrupt image on page 3")

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
	return renderDoc(ctx, r, "invoice.pdf", limit)
}

func renderDoc(ctx context.Context, r Renderer, doc string, limit time.Duration) <-chan result {
	out := make(chan result, 1)
	start := time.Now()
	go func() {
		pdf, err := RenderWithin(ctx, r, doc, limit)
		out <- result{pdf, err, time.Since(start)}
	}()
	return out
}

func TestReturnsTheResultWhenRenderIsFastEnough(t *testing.T) {
	for _, tc := range []struct {
		doc   string
		pages int
		limit time.Duration
	}{
		{"invoice.pdf", 3, time.Second},
		{"report.pdf", 6, 2 * time.Second},
		{"memo.pdf", 1, 400 * time.Millisecond},
	} {
		t.Run(tc.doc, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := &fakeRenderer{pages: tc.pages}
				res := <-renderDoc(t.Context(), r, tc.doc, tc.limit)

				want := fmt.Sprintf("%s: %d pages", tc.doc, tc.pages)
				if res.err != nil || string(res.pdf) != want {
					t.Errorf("RenderWithin(%s, limit %v) = %q, %v; want %q, nil", tc.doc, tc.limit, res.pdf, res.err, want)
				}
				if took := time.Duration(tc.pages) * page; res.took != took {
					t.Errorf("RenderWithin took %v, want %v (the render's own time)", res.took, took)
				}
			})
		})
	}
}

func TestRenderErrorsPassThrough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 10, failAt: 2}
		res := <-render(t.Context(), r, time.Second)

		if !errors.Is(res.err, errCorrupt) {
			t.Errorf("RenderWithin error = %v, want one wrapping the render's own error %q", res.err, errCorrupt)
		}
		if res.pdf != nil {
			t.Errorf("RenderWithin returned %q with the error, want nil", res.pdf)
		}
		if res.took != 2*page {
			t.Errorf("RenderWithin returned after %v, want %v, when the render failed", res.took, 2*page)
		}
	})
}

// limits are time limits that fall mid-page, and the pages a render has
// started by then: the one in progress at the limit is the last.
var limits = []struct {
	limit   time.Duration
	started int
}{
	{time.Second, 4},
	{700 * time.Millisecond, 3},
	{2 * time.Second, 7},
}

func TestReturnsAtTheDeadlineEvenMidPage(t *testing.T) {
	for _, tc := range limits {
		t.Run(tc.limit.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := &fakeRenderer{pages: 10}
				res := <-render(t.Context(), r, tc.limit)

				if !errors.Is(res.err, context.DeadlineExceeded) {
					t.Errorf("RenderWithin error = %v, want one wrapping context.DeadlineExceeded (the ctx.Err() of a WithTimeout context)", res.err)
				}
				if res.pdf != nil {
					t.Errorf("RenderWithin returned %q with the timeout, want nil", res.pdf)
				}
				if res.took != tc.limit {
					t.Errorf("RenderWithin returned after %v, want exactly the limit %v: the caller must not wait for the page in progress", res.took, tc.limit)
				}
				time.Sleep(10 * page) // the abandoned render must be able to end
			})
		})
	}
}

func TestAbandonedRenderStopsAtTheNextPage(t *testing.T) {
	for _, tc := range limits {
		t.Run(tc.limit.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := &fakeRenderer{pages: 10}
				<-render(t.Context(), r, tc.limit)

				time.Sleep(10 * page) // long enough for all ten pages, if nobody stops it
				started, gaveUp := r.seen()
				if !gaveUp || started != tc.started {
					t.Errorf("with a limit of %v the render started %d pages and gave up: %v; want %d pages (the one in progress at the limit finishes) and then it gives up: cancel the ctx Render was given",
						tc.limit, started, gaveUp, tc.started)
				}
				// The bubble ends here: a goroutine still blocked (on a send nobody
				// will receive) is reported as a leak.
			})
		})
	}
}

func TestAlreadyCancelledCtxRendersNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &fakeRenderer{pages: 10}
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		res := <-render(ctx, r, time.Second)

		if !errors.Is(res.err, context.Canceled) || res.took != 0 {
			t.Errorf("RenderWithin with a cancelled ctx = %v after %v, want an error wrapping context.Canceled at once", res.err, res.took)
		}
		synctest.Wait()
		if started, _ := r.seen(); started != 0 {
			t.Errorf("the render started %d pages with a ctx cancelled before the call, want 0", started)
		}
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
