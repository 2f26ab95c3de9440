//go:build accent

package firsterror

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// fakeWeb serves fetch calls on the bubble's fake clock. Fetching a URL
// takes delays[url], then fails with fails[url] if there is one, or returns
// "body of " + url. A fetch whose context is cancelled first records the
// cause it saw, takes windDown more to close its connection, and returns
// ctx.Err(), unless its URL is stubborn: such a fetch, like a call that
// takes no context, ignores the cancellation and runs to its end. It
// counts the calls that started and finished, per URL: separate counters,
// so that counting creates no order between the fetches of different URLs
// that the race detector would take for the code's own synchronization.
type fakeWeb struct {
	delays   map[string]time.Duration
	fails    map[string]error
	windDown time.Duration
	stubborn map[string]bool

	started  map[string]*atomic.Int32
	finished map[string]*atomic.Int32

	mu     sync.Mutex
	causes map[string]error // url -> context.Cause seen when cancelled
}

func newFakeWeb(t *testing.T, delays map[string]time.Duration, fails map[string]error, windDown time.Duration) *fakeWeb {
	t.Helper()
	// A FetchAll that returns before its fetches end leaves them running.
	// Let them finish, so the test reports what it checked rather than a
	// bubble that ended with goroutines still blocked.
	t.Cleanup(func() { time.Sleep(time.Hour) })
	w := &fakeWeb{delays: delays, fails: fails, windDown: windDown, causes: map[string]error{},
		started: map[string]*atomic.Int32{}, finished: map[string]*atomic.Int32{}}
	for url := range delays { // every URL a test fetches has a delay, 0 included
		w.started[url] = new(atomic.Int32)
		w.finished[url] = new(atomic.Int32)
	}
	return w
}

// counts returns how many fetches started and finished, in all.
func (w *fakeWeb) counts() (started, finished int32) {
	for _, n := range w.started {
		started += n.Load()
	}
	for _, n := range w.finished {
		finished += n.Load()
	}
	return started, finished
}

func (w *fakeWeb) fetch(ctx context.Context, url string) (string, error) {
	w.started[url].Add(1)
	defer w.finished[url].Add(1)
	timer := time.NewTimer(w.delays[url])
	defer timer.Stop()
	var done <-chan struct{} // nil for a stubborn fetch: it never looks at ctx
	if !w.stubborn[url] {
		done = ctx.Done()
	}
	select {
	case <-timer.C:
	case <-done:
		w.mu.Lock()
		w.causes[url] = context.Cause(ctx)
		w.mu.Unlock()
		time.Sleep(w.windDown)
		return "", ctx.Err()
	}
	if err := w.fails[url]; err != nil {
		return "", err
	}
	return "body of " + url, nil
}

func (w *fakeWeb) cancelled() map[string]error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.causes)
}

// checkAllReturned fails the test if FetchAll did not start every fetch or
// returned before every fetch it started had returned. It reports whether
// all is well.
func (w *fakeWeb) checkAllReturned(t *testing.T, urls []string) bool {
	t.Helper()
	started, finished := w.counts()
	if started != int32(len(urls)) {
		t.Errorf("%d of %d fetches started, want every one started", started, len(urls))
		return false
	}
	if finished != started {
		t.Errorf("FetchAll returned with %d of %d fetches still running: cancelling them is not waiting for them", started-finished, started)
		return false
	}
	return true
}

var (
	urlA = "https://a.example"
	urlB = "https://b.example"
	urlC = "https://c.example"
	urls = []string{urlA, urlB, urlC}
)

func TestAllSucceedBodiesInInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// In neither sorted nor completion order (c, a, b).
		order := []string{urlB, urlC, urlA}
		web := newFakeWeb(t, map[string]time.Duration{urlA: 2 * time.Second, urlB: 3 * time.Second, urlC: time.Second}, nil, 0)
		start := time.Now()
		got, err := FetchAll(t.Context(), order, web.fetch)
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		want := []string{"body of " + urlB, "body of " + urlC, "body of " + urlA}
		if !slices.Equal(got, want) {
			t.Errorf("FetchAll = %q\nwant       %q (the order of urls, not sorted, nor the order they finished)", got, want)
		}
		if took := time.Since(start); took != 3*time.Second {
			t.Errorf("fetches of 3s, 2s and 1s took %v in all, want 3s: run them at the same time", took)
		}
		web.checkAllReturned(t, order)
	})
}

func TestFirstErrorCancelsTheRest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errB := errors.New("503 service unavailable")
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: time.Minute, urlB: time.Second, urlC: time.Minute},
			map[string]error{urlB: errB}, 0)
		start := time.Now()
		got, err := FetchAll(t.Context(), urls, web.fetch)
		took := time.Since(start)
		if !errors.Is(err, errB) {
			t.Fatalf("FetchAll error = %v, want one that wraps %q", err, errB)
		}
		if !strings.Contains(err.Error(), urlB) {
			t.Errorf("FetchAll error = %q, want it to name the URL %s", err, urlB)
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		if took != time.Second {
			t.Errorf("b failed after 1s but FetchAll returned after %v: the failure must cancel the context the other fetches were given", took)
		}
		if !web.checkAllReturned(t, urls) {
			return
		}
		if c := web.cancelled(); len(c) != 2 {
			t.Errorf("the fetches of %d URLs saw their context cancelled, want 2 (a and c)", len(c))
		}
	})
}

func TestTheOthersSeeTheFirstErrorAsTheCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errB := errors.New("503 service unavailable")
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: time.Minute, urlB: time.Second, urlC: time.Minute},
			map[string]error{urlB: errB}, 0)
		FetchAll(t.Context(), urls, web.fetch)
		if !web.checkAllReturned(t, urls) {
			return
		}
		for _, url := range []string{urlA, urlC} {
			cause, ok := web.cancelled()[url]
			if !ok {
				t.Errorf("the fetch of %s was never cancelled", url)
				continue
			}
			if !errors.Is(cause, errB) {
				t.Errorf("the fetch of %s saw context.Cause(ctx) = %v, want the error that stopped it (%q): cancel with a cause", url, cause, errB)
			}
		}
	})
}

func TestReturnsTheFirstErrorInTimeNotTheCancellations(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errA := errors.New("a: 500 internal server error")
		errB := errors.New("b: connection refused")
		// a would fail at 2s, but b fails first, at 1s, and cancels a.
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: 2 * time.Second, urlB: time.Second, urlC: time.Minute},
			map[string]error{urlA: errA, urlB: errB}, 0)
		_, err := FetchAll(t.Context(), urls, web.fetch)
		switch {
		case errors.Is(err, context.Canceled):
			t.Fatalf("FetchAll error = %v, want b's error (%q): the cancelled fetches' context.Canceled is a consequence, not the cause", err, errB)
		case !errors.Is(err, errB):
			t.Fatalf("FetchAll error = %v, want b's error (%q), the first to happen", err, errB)
		}
		web.checkAllReturned(t, urls)
	})
}

func TestWaitsForTheCancelledFetchesToReturn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errB := errors.New("503 service unavailable")
		// A cancelled fetch takes half a second to close its connection.
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: time.Minute, urlB: time.Second, urlC: time.Minute},
			map[string]error{urlB: errB}, 500*time.Millisecond)
		start := time.Now()
		_, err := FetchAll(t.Context(), urls, web.fetch)
		took := time.Since(start)
		if !errors.Is(err, errB) {
			t.Errorf("FetchAll error = %v, want one that wraps %q", err, errB)
		}
		web.checkAllReturned(t, urls)
		if took != 1500*time.Millisecond {
			t.Errorf("FetchAll returned after %v, want 1.5s: b fails at 1s, and the cancelled fetches need 0.5s more to return", took)
		}
	})
}

func TestALaterFailureDoesNotReplaceTheFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errA := errors.New("a: 500 internal server error")
		errB := errors.New("b: connection refused")
		// b fails at 1s and cancels the others, but a takes no notice of
		// the cancellation and fails on its own at 2s. a comes first in
		// urls, and its failure is the last in time: b's is the one.
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: 2 * time.Second, urlB: time.Second, urlC: time.Minute},
			map[string]error{urlA: errA, urlB: errB}, 0)
		web.stubborn = map[string]bool{urlA: true}
		start := time.Now()
		_, err := FetchAll(t.Context(), urls, web.fetch)
		took := time.Since(start)
		if !errors.Is(err, errB) {
			t.Errorf("FetchAll error = %v, want b's error (%q), the first to happen, even though a fails later with an error of its own", err, errB)
		}
		if !web.checkAllReturned(t, urls) {
			return
		}
		if took != 2*time.Second {
			t.Errorf("FetchAll returned after %v, want 2s, once a, which ignores cancellation, has returned", took)
		}
		if cause, ok := web.cancelled()[urlC]; !ok || !errors.Is(cause, errB) {
			t.Errorf("the fetch of c saw context.Cause(ctx) = %v, want b's error: the first cause sticks", cause)
		}
	})
}

func TestTwoFailuresAtOnceReturnOneOfThem(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errA := errors.New("a: 502 bad gateway")
		errC := errors.New("c: 502 bad gateway")
		// a and c fail at once, without waiting for anything, each in its
		// own goroutine: either is the first failure, but only one of them,
		// and b must see that one as the cause.
		web := newFakeWeb(t,
			map[string]time.Duration{urlA: 0, urlB: time.Minute, urlC: 0},
			map[string]error{urlA: errA, urlC: errC}, 0)
		web.stubborn = map[string]bool{urlA: true, urlC: true}
		start := time.Now()
		got, err := FetchAll(t.Context(), urls, web.fetch)
		if !errors.Is(err, errA) && !errors.Is(err, errC) {
			t.Fatalf("FetchAll error = %v, want a's or c's failure", err)
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		if took := time.Since(start); took != 0 {
			t.Errorf("a and c failed at once, FetchAll returned after %v", took)
		}
		if !web.checkAllReturned(t, urls) {
			return
		}
		if cause := web.cancelled()[urlB]; !errors.Is(err, cause) {
			t.Errorf("b was cancelled with cause %v, FetchAll returned %v: want the same failure", cause, err)
		}
	})
}

func TestCallerCancelStopsEveryFetch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, map[string]time.Duration{urlA: time.Minute, urlB: time.Minute, urlC: time.Minute}, nil, 0)
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		time.AfterFunc(time.Second, cancel)
		start := time.Now()
		got, err := FetchAll(ctx, urls, web.fetch)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("FetchAll error = %v after the caller cancelled, want one that wraps context.Canceled", err)
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		if took := time.Since(start); took != time.Second {
			t.Errorf("the caller cancelled after 1s, FetchAll returned after %v: give every fetch a context derived from ctx", took)
		}
		web.checkAllReturned(t, urls)
	})
}

func TestCallerDeadlineStopsEveryFetch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, map[string]time.Duration{urlA: time.Minute, urlB: time.Minute, urlC: 2 * time.Second}, nil, 0)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		got, err := FetchAll(ctx, urls, web.fetch)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("FetchAll error = %v after the caller's deadline passed, want one that wraps context.DeadlineExceeded, what ctx.Err() says", err)
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		if took := time.Since(start); took != time.Second {
			t.Errorf("the caller's deadline was 1s, FetchAll returned after %v", took)
		}
		web.checkAllReturned(t, urls)
	})
}

func TestOneURL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, map[string]time.Duration{urlC: time.Second}, nil, 0)
		got, err := FetchAll(t.Context(), []string{urlC}, web.fetch)
		if want := []string{"body of " + urlC}; err != nil || !slices.Equal(got, want) {
			t.Errorf("FetchAll(%q) = %q, %v; want %q and no error", urlC, got, err, want)
		}
	})
}

func TestNoURLsReturnsNoBodies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, nil, nil, 0)
		got, err := FetchAll(t.Context(), nil, web.fetch)
		if err != nil || len(got) != 0 {
			t.Errorf("FetchAll(nil) = %q, %v; want no bodies and no error", got, err)
		}
	})
}
