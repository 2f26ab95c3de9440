//go:build accent

package afterfunc

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"
)

// idle lists the IDs of the pool's idle connections, sorted.
func idle(p *Pool) []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var ids []int
	for _, c := range p.idle {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

func acquire(t *testing.T, p *Pool, ctx context.Context) (*Conn, func()) {
	t.Helper()
	c, release, err := p.Acquire(ctx)
	if err != nil {
		t.Fatalf("Acquire: %v", err)
	}
	return c, release
}

// serverContext returns a context like a server's base context: it ends
// at shutdown, long after any request, and never during a test.
func serverContext() context.Context {
	ctx, shutdown := context.WithCancel(context.Background())
	_ = shutdown // never called: the server outlives the test
	return ctx
}

func TestReleaseReturnsTheConn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(2)
		c, release := acquire(t, p, serverContext())
		if got := idle(p); len(got) != 1 || got[0] == c.ID {
			t.Fatalf("idle after Acquire = %v, want the other connection only", got)
		}
		release()
		synctest.Wait()
		if got := idle(p); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("idle after release = %v, want [1 2]", got)
		}
		// The bubble ends here: a goroutine still waiting for ctx to end is
		// reported as a leak.
	})
}

func TestCtxEndReturnsTheConn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(2)
		ctx, cancel := context.WithCancel(t.Context())
		acquire(t, p, ctx)
		cancel() // the request ended without calling release
		synctest.Wait()
		if got := idle(p); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("idle after ctx ended = %v, want [1 2]", got)
		}
	})
}

func TestReleaseThenCtxEndReturnsItOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(2)
		ctx, cancel := context.WithCancel(t.Context())
		_, release := acquire(t, p, ctx)
		release()
		release() // twice, by mistake
		cancel()
		synctest.Wait()
		if got := idle(p); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("idle after release, release and the end of ctx = %v, want [1 2]: each connection once", got)
		}
	})
}

func TestCtxEndThenReleaseReturnsItOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(2)
		ctx, cancel := context.WithCancel(t.Context())
		_, release := acquire(t, p, ctx)
		cancel()
		synctest.Wait()
		release() // the deferred release of a handler whose ctx has ended
		if got := idle(p); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("idle after the end of ctx and then release = %v, want [1 2]: each connection once", got)
		}
	})
}

func TestAcquireFailsWhenExhaustedOrCtxDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(1)
		_, release := acquire(t, p, t.Context())
		defer release()
		if _, _, err := p.Acquire(t.Context()); !errors.Is(err, ErrExhausted) {
			t.Errorf("Acquire from an empty pool: %v, want ErrExhausted", err)
		}

		q := NewPool(1)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, _, err := q.Acquire(ctx); !errors.Is(err, context.Canceled) {
			t.Errorf("Acquire with a cancelled ctx: %v, want context.Canceled", err)
		}
		synctest.Wait()
		if got := idle(q); !slices.Equal(got, []int{1}) {
			t.Errorf("idle after a failed Acquire = %v, want [1]", got)
		}
	})
}
