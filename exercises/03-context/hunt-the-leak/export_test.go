//go:build accent

package hunttheleak

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

const (
	rowTakes   = 10 * time.Millisecond // the store reads a row
	writeTakes = 50 * time.Millisecond // a slow client takes a row
)

// fakeStore serves table "orders" with rows "order-0", "order-1", ...
type fakeStore struct {
	rows   int
	failAt int // if > 0, row failAt fails with errDisk

	mu      sync.Mutex
	read    []time.Time // when each row was read
	stopped bool        // a Row call saw ctx done
}

var errDisk = errors.New("disk on fire")

func (s *fakeStore) Row(ctx context.Context, table string, i int) (string, error) {
	if table != "orders" {
		return "", fmt.Errorf("no table %q", table)
	}
	timer := time.NewTimer(rowTakes)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
		s.mu.Lock()
		s.stopped = true
		s.mu.Unlock()
		return "", ctx.Err()
	}
	switch {
	case s.failAt > 0 && i == s.failAt:
		return "", errDisk
	case i >= s.rows:
		return "", io.EOF
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.read = append(s.read, time.Now())
	return fmt.Sprintf("order-%d", i), nil
}

func (s *fakeStore) rowsRead() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.read)
}

func (s *fakeStore) readAfter(t time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, at := range s.read {
		if at.After(t) {
			n++
		}
	}
	return n
}

// slowClient is the ResponseWriter of a client on a slow link: each write
// takes writeTakes (the first one stall, if set). Once the client has left,
// writes fail, and the request's context is cancelled, as net/http does
// when a connection drops.
type slowClient struct {
	header http.Header
	gone   chan struct{}
	cancel context.CancelFunc
	stall  time.Duration

	mu     sync.Mutex
	status int
	body   strings.Builder
}

var errGone = errors.New("write: broken pipe")

func newClient(parent context.Context) (*slowClient, *http.Request) {
	ctx, cancel := context.WithCancel(parent)
	c := &slowClient{header: http.Header{}, gone: make(chan struct{}), cancel: cancel}
	return c, httptest.NewRequestWithContext(ctx, http.MethodGet, "/export?table=orders", nil)
}

func (c *slowClient) Header() http.Header { return c.header }

func (c *slowClient) WriteHeader(status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.status = status
}

func (c *slowClient) Write(b []byte) (int, error) {
	takes := writeTakes
	c.mu.Lock()
	if c.stall > 0 && c.body.Len() == 0 {
		takes = c.stall
	}
	c.mu.Unlock()
	timer := time.NewTimer(takes)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-c.gone:
		return 0, errGone
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.body.Write(b)
}

func (c *slowClient) leave() {
	close(c.gone)
	c.cancel()
}

// hangUp makes every write fail but leaves the request's context alive:
// net/http may notice a dead connection only when the handler writes to it,
// and cancels the context once ServeHTTP has returned.
func (c *slowClient) hangUp() {
	close(c.gone)
}

func (c *slowClient) received() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.body.String()
}

// serve runs the handler in its own goroutine; the channel is closed when
// it returns. Then, as net/http does, the request's context is cancelled.
func serve(s *Service, c *slowClient, r *http.Request) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer c.cancel()
		s.ServeHTTP(c, r)
	}()
	return done
}

// table returns the lines of the first n rows of the fake table.
func table(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "order-%d\n", i)
	}
	return b.String()
}

func TestExportsEveryRow(t *testing.T) {
	for _, rows := range []int{0, 1, 3, 64} {
		t.Run(fmt.Sprint(rows, " rows"), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, r := newClient(t.Context())
				start := time.Now()
				<-serve(&Service{Store: &fakeStore{rows: rows}}, c, r)

				if got, want := c.received(), table(rows); got != want {
					t.Errorf("the client received %q, want %q", got, want)
				}
				if got := c.Header().Get("Content-Type"); got != "text/csv" {
					t.Errorf("Content-Type %q, want %q", got, "text/csv")
				}
				// The first row is read, then each is written while the
				// next is read: the reads hide behind the writes.
				if want := rowTakes + time.Duration(rows)*writeTakes; time.Since(start) != want {
					t.Errorf("the export of %d rows took %v, want %v: read the next row while the last one is being written",
						rows, time.Since(start), want)
				}
			})
		})
	}
}

func TestReadsOnlyOneRowAhead(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &fakeStore{rows: 100}
		c, r := newClient(t.Context())
		c.stall = time.Second // the first write takes a second
		done := serve(&Service{Store: store}, c, r)

		time.Sleep(500 * time.Millisecond)
		if n := store.rowsRead(); n != 2 {
			t.Errorf("%d rows read while the first one is still being written, want 2: that one, and the next, read ahead (no more: a table can be larger than memory)", n)
		}
		c.leave()
		<-done
	})
}

func TestStoreErrorEndsTheExport(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &fakeStore{rows: 10, failAt: 2}
		c, r := newClient(t.Context())
		<-serve(&Service{Store: store}, c, r)

		if got, want := c.received(), "order-0\norder-1\n# export stopped: disk on fire\n"; got != want {
			t.Errorf("the client received %q, want %q", got, want)
		}
		time.Sleep(time.Second)
		if n := store.rowsRead(); n != 2 {
			t.Errorf("%d rows read from the store, want 2: the export ends at the error, and reads nothing after it", n)
		}
	})
}

func TestMissingTableIsABadRequest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &fakeStore{rows: 10}
		c, _ := newClient(t.Context())
		r := httptest.NewRequestWithContext(t.Context(), http.MethodGet, "/export", nil)
		<-serve(&Service{Store: store}, c, r)

		c.mu.Lock()
		status := c.status
		c.mu.Unlock()
		if status != http.StatusBadRequest || !strings.Contains(c.received(), "table") {
			t.Errorf("GET /export answered %d %q, want 400 and an error that names the missing table parameter", status, c.received())
		}
		if n := store.rowsRead(); n != 0 {
			t.Errorf("%d rows read for a request with no table, want 0", n)
		}
	})
}

func TestClientLeavingEndsTheExportAndEveryGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &fakeStore{rows: 1000}
		c, r := newClient(t.Context())
		done := serve(&Service{Store: store}, c, r)

		time.Sleep(165 * time.Millisecond) // three rows written, the fourth on its way, the fifth being read
		c.leave()
		left := time.Now()
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Fatal("ServeHTTP is still running after its client left")
		}
		if got, want := c.received(), "order-0\norder-1\norder-2\n"; got != want {
			t.Errorf("the client received %q before it left, want %q", got, want)
		}

		time.Sleep(time.Second)
		if n := store.readAfter(left); n > 0 {
			t.Errorf("%d rows read from the store after the client left, want 0", n)
		}
		// The bubble ends here. A goroutine of the request that is still
		// blocked is reported as a leak, with the line it is blocked on.
	})
}

func TestFailedWriteEndsTheExportBeforeNetHTTPCancels(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &fakeStore{rows: 1000}
		c, r := newClient(t.Context())
		done := serve(&Service{Store: store}, c, r)

		time.Sleep(175 * time.Millisecond) // three rows written, the fourth on its way
		c.hangUp()                         // the write fails; r.Context() is still alive
		left := time.Now()
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Fatal("ServeHTTP is still running after a write failed: a failed write means the client has gone")
		}
		if got, want := c.received(), "order-0\norder-1\norder-2\n"; got != want {
			t.Errorf("the client received %q before it left, want %q", got, want)
		}

		time.Sleep(time.Second)
		if n := store.readAfter(left); n > 0 {
			t.Errorf("%d rows read from the store after a write failed, want 0", n)
		}
	})
}
