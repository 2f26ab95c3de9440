//go:build accent

package requestvalues

import (
	"context"
	"fmt"
	"go/token"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// syncBuffer is a log that records lines from concurrent requests.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Split(strings.TrimSuffix(s.b.String(), "\n"), "\n")
}

// fakeStore takes a set time per user, and records the request ID each
// call's ctx carried, as a store that logs its queries would.
type fakeStore struct {
	takes map[string]time.Duration

	mu   sync.Mutex
	seen map[string]string // user -> RequestID(ctx) of the Orders call
}

func (f *fakeStore) Orders(ctx context.Context, userID string) ([]Order, error) {
	f.mu.Lock()
	if f.seen == nil {
		f.seen = map[string]string{}
	}
	f.seen[userID] = RequestID(ctx)
	f.mu.Unlock()
	select {
	case <-time.After(f.takes[userID]):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	orders := []Order{{ID: userID + "-o1", Cents: 1250}}
	if userID == "ada" {
		orders = append(orders, Order{ID: "ada-o2", Cents: 399})
	}
	return orders, nil
}

func get(s *Service, user, requestID string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, "/orders?user="+user, nil)
	r.Header.Set("X-Request-ID", requestID)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func TestRequestIDTravelsInTheContext(t *testing.T) {
	ctx := context.Background()
	if got := RequestID(ctx); got != "" {
		t.Errorf("RequestID(context.Background()) = %q, want \"\"", got)
	}
	a := WithRequestID(ctx, "a")
	b := WithRequestID(a, "b")
	if got := RequestID(b); got != "b" {
		t.Errorf("RequestID of the inner context = %q, want %q", got, "b")
	}
	if got := RequestID(a); got != "a" {
		t.Errorf("RequestID of the outer context = %q after deriving another from it, want %q: a context is never changed, only derived", got, "a")
	}
	if got := RequestID(ctx); got != "" {
		t.Errorf("RequestID(context.Background()) = %q after WithRequestID, want \"\"", got)
	}
}

// spyCtx records the keys its Value method is asked for.
type spyCtx struct {
	context.Context
	keys []any
}

func (s *spyCtx) Value(key any) any {
	s.keys = append(s.keys, key)
	return s.Context.Value(key)
}

func TestKeyIsAnUnexportedTypeOfThisPackage(t *testing.T) {
	spy := &spyCtx{Context: WithRequestID(context.Background(), "a")}
	if got := RequestID(spy); got != "a" {
		t.Errorf("RequestID = %q, want %q", got, "a")
	}
	if len(spy.keys) == 0 {
		t.Fatal("RequestID never asked its ctx for a value: the request ID must travel in the context")
	}
	here := reflect.TypeFor[Order]().PkgPath()
	for _, k := range spy.keys {
		typ := reflect.TypeOf(k)
		if typ == nil || typ.PkgPath() != here || typ.Name() == "" || token.IsExported(typ.Name()) {
			t.Errorf("RequestID looks up the key %#v of type %v: want a key of an unexported type declared in this package, so no other package can read or overwrite the value", k, typ)
		}
	}
}

func TestConcurrentRequestsLogTheirOwnID(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		log := &syncBuffer{}
		store := &fakeStore{takes: map[string]time.Duration{"ada": 100 * time.Millisecond, "bob": 30 * time.Millisecond}}
		s := &Service{Store: store, Log: log}

		var wg sync.WaitGroup
		wg.Go(func() { get(s, "ada", "req-a") })
		time.Sleep(10 * time.Millisecond) // bob's request arrives while ada's is at the store
		wg.Go(func() { get(s, "bob", "req-b") })
		wg.Wait()

		want := []string{
			"req=req-a GET /orders user=ada",
			"req=req-b GET /orders user=bob",
			"req=req-b loaded 1 orders for bob",
			"req=req-a loaded 2 orders for ada",
		}
		got := log.lines()
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("log line %d = %q, want %q (nothing is goroutine-local in Go: a package variable is shared by every request)", i+1, g, w)
				break
			}
		}
		if store.seen["ada"] != "req-a" || store.seen["bob"] != "req-b" {
			t.Errorf("the store saw request IDs %v, want ada: req-a, bob: req-b: pass the request's ctx down", store.seen)
		}
	})
}

// plainLog is a log that, like a bytes.Buffer or a file, is not safe for
// writes from several goroutines at once: the Service writes one line at a
// time. It notices when a write starts while another is under way.
type plainLog struct {
	b       strings.Builder
	writing atomic.Int32
	overlap atomic.Bool
}

func (p *plainLog) Write(b []byte) (int, error) {
	if p.writing.Add(1) > 1 {
		p.overlap.Store(true)
	}
	defer p.writing.Add(-1)
	for range 10 {
		runtime.Gosched() // a slow device: time for another write to start
	}
	return p.b.Write(b)
}

// quickStore answers at once, with no lock of its own: nothing but the
// Service orders the log lines of simultaneous requests.
type quickStore struct{}

func (quickStore) Orders(ctx context.Context, userID string) ([]Order, error) {
	orders := []Order{{ID: userID + "-o1", Cents: 1250}}
	if userID == "ada" {
		orders = append(orders, Order{ID: "ada-o2", Cents: 399})
	}
	return orders, ctx.Err()
}

func TestSimultaneousRequestsWriteWholeLines(t *testing.T) {
	users := []string{"ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal"}
	for range 10 {
		synctest.Test(t, func(t *testing.T) {
			log := &plainLog{}
			s := &Service{Store: quickStore{}, Log: log}

			var wg sync.WaitGroup
			for i, u := range users {
				wg.Go(func() { get(s, u, fmt.Sprint("req-", i)) }) // all at the same instant
			}
			wg.Wait()

			if log.overlap.Load() {
				t.Fatal("two log lines were written at once: hold the lock until the line is written")
			}
			want := map[string]bool{}
			for i, u := range users {
				want[fmt.Sprintf("req=req-%d GET /orders user=%s", i, u)] = true
				n := 1
				if u == "ada" {
					n = 2
				}
				want[fmt.Sprintf("req=req-%d loaded %d orders for %s", i, n, u)] = true
			}
			for _, line := range strings.Split(strings.TrimSuffix(log.b.String(), "\n"), "\n") {
				if !want[line] {
					t.Errorf("log line %q is not one of the lines the requests log", line)
				}
				delete(want, line)
			}
			for line := range want {
				t.Errorf("log line %q is missing", line)
			}
		})
		if t.Failed() {
			return
		}
	}
}

func TestStoreHearsTheRequestsCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		log := &syncBuffer{}
		store := &fakeStore{takes: map[string]time.Duration{"ada": time.Second}}
		s := &Service{Store: store, Log: log}
		ctx, hangUp := context.WithCancel(t.Context())
		r := httptest.NewRequestWithContext(ctx, http.MethodGet, "/orders?user=ada", nil)
		r.Header.Set("X-Request-ID", "req-a")
		w := httptest.NewRecorder()
		start := time.Now()
		done := make(chan struct{})
		go func() {
			defer close(done)
			s.ServeHTTP(w, r)
		}()

		time.Sleep(100 * time.Millisecond)
		hangUp() // the client goes away while the store is busy
		<-done
		if took := time.Since(start); took != 100*time.Millisecond {
			t.Errorf("ServeHTTP returned after %v, want 100ms, when the client went away: the store must get the request's ctx, its cancel included", took)
		}
		if w.Code != http.StatusInternalServerError {
			t.Errorf("status %d, want %d once the store gave up", w.Code, http.StatusInternalServerError)
		}
		lines := log.lines()
		if want := "req=req-a error: orders of ada: context canceled"; lines[len(lines)-1] != want {
			t.Errorf("last log line %q, want %q", lines[len(lines)-1], want)
		}
		if store.seen["ada"] != "req-a" {
			t.Errorf("the store saw request ID %q, want %q", store.seen["ada"], "req-a")
		}
	})
}

func TestAnswersWithTheOrdersAndTheRequestID(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &Service{Store: &fakeStore{}, Log: &syncBuffer{}}
		w := get(s, "ada", "req-a")

		if got, want := w.Body.String(), "ada-o1 1250\nada-o2 399\n"; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
		if got := w.Header().Get("X-Request-ID"); got != "req-a" {
			t.Errorf("X-Request-ID = %q, want %q", got, "req-a")
		}
	})
}
