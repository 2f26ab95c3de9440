//go:build accent

package afterfunc

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
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
		expired, stop := context.WithTimeout(t.Context(), time.Second)
		defer stop()
		<-expired.Done()
		if _, _, err := q.Acquire(expired); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Acquire with a ctx past its deadline: %v, want context.DeadlineExceeded (ctx.Err())", err)
		}
		synctest.Wait()
		if got := idle(q); !slices.Equal(got, []int{1}) {
			t.Errorf("idle after a failed Acquire = %v, want [1]", got)
		}
	})
}

func TestReleasedConnLentAgainIsNotTakenBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewPool(1)
		first, endFirst := context.WithCancel(t.Context())
		c1, release := acquire(t, p, first)
		release()
		c2, release2 := acquire(t, p, serverContext())
		if c2.ID != c1.ID {
			t.Fatalf("the second Acquire got connection %d, want %d, the only one", c2.ID, c1.ID)
		}
		endFirst() // the first request ends after it released the connection
		synctest.Wait()
		if got := idle(p); len(got) != 0 {
			t.Errorf("idle = %v after the first request's ctx ended, want []: the connection is lent to the second request, and the first one's end must not take it back", got)
		}
		release2()
		synctest.Wait()
		if got := idle(p); !slices.Equal(got, []int{1}) {
			t.Errorf("idle after the second release = %v, want [1]", got)
		}
	})
}

func TestConnsReturnedAtOnceAreAllBack(t *testing.T) {
	for range 100 { // each round can show a return that is not under the lock
		synctest.Test(t, func(t *testing.T) {
			const n = 8
			p := NewPool(n)
			var wg sync.WaitGroup
			for i := range n {
				ctx, cancel := context.WithCancel(t.Context())
				_, release := acquire(t, p, ctx)
				if i%2 == 0 {
					wg.Go(release) // half the handlers return theirs
				} else {
					wg.Go(cancel) // as the other half's clients hang up
				}
				defer cancel()
			}
			wg.Wait()
			synctest.Wait()
			if got := idle(p); !slices.Equal(got, []int{1, 2, 3, 4, 5, 6, 7, 8}) {
				t.Fatalf("idle after every connection came back at once = %v, want [1 2 3 4 5 6 7 8]", got)
			}
		})
		if t.Failed() {
			return
		}
	}
}

func TestReleaseRacingCtxEndReturnsItOnce(t *testing.T) {
	for range 20 {
		synctest.Test(t, func(t *testing.T) {
			p := NewPool(2)
			ctx, cancel := context.WithCancel(t.Context())
			_, release := acquire(t, p, ctx)
			var wg sync.WaitGroup
			for range 3 {
				wg.Go(release) // the handler's defer, and a timeout handler, at once
			}
			wg.Go(cancel) // while the client hangs up
			wg.Wait()
			synctest.Wait()
			if got := idle(p); !slices.Equal(got, []int{1, 2}) {
				t.Fatalf("idle after concurrent releases and the end of ctx = %v, want [1 2]: each connection once", got)
			}
		})
	}
}
