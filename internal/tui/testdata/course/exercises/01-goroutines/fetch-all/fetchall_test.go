//go:build accent

package fetchall

import (
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// fakeWeb serves fetch calls on the bubble's fake clock: fetching a URL takes
// delays[url], then fails with fails[url] if there is one, or returns
// "body of " + url. It counts the calls that started and finished.
type fakeWeb struct {
	delays   map[string]time.Duration
	fails    map[string]error
	started  atomic.Int32
	finished atomic.Int32
}

func newFakeWeb(t *testing.T, delays map[string]time.Duration, fails map[string]error) *fakeWeb {
	t.Helper()
	// A FetchAll that returns before its fetches end leaves them sleeping.
	// Let them finish, so the test reports what it checked rather than a
	// bubble that ended with goroutines still blocked.
	t.Cleanup(func() { time.Sleep(time.Hour) })
	return &fakeWeb{delays: delays, fails: fails}
}

func (w *fakeWeb) fetch(url string) (string, error) {
	w.started.Add(1)
	defer w.finished.Add(1)
	time.Sleep(w.delays[url])
	if err := w.fails[url]; err != nil {
		return "", err
	}
	return "body of " + url, nil
}

var urls = []string{"https://a.example", "https://b.example", "https://c.example"}

func TestFetchesRunAtTheSameTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, map[string]time.Duration{
			urls[0]: time.Second, urls[1]: time.Second, urls[2]: time.Second,
		}, nil)
		start := time.Now()
		if _, err := FetchAll(urls, web.fetch); err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		if took := time.Since(start); took != time.Second {
			t.Errorf("three fetches of 1s each took %v in all, want 1s: start every fetch before waiting for any", took)
		}
	})
}

func TestResultsKeepInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// The first URL finishes last.
		web := newFakeWeb(t, map[string]time.Duration{
			urls[0]: 3 * time.Second, urls[1]: 2 * time.Second, urls[2]: time.Second,
		}, nil)
		got, err := FetchAll(urls, web.fetch)
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		want := []string{"body of " + urls[0], "body of " + urls[1], "body of " + urls[2]}
		if !slices.Equal(got, want) {
			t.Errorf("FetchAll = %q\nwant       %q (the order of urls, not the order the fetches finished)", got, want)
		}
	})
}

func TestWaitsForEveryFetchBeforeReturning(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, map[string]time.Duration{
			urls[0]: time.Second, urls[1]: 2 * time.Second, urls[2]: 3 * time.Second,
		}, nil)
		start := time.Now()
		got, err := FetchAll(urls, web.fetch)
		took := time.Since(start)
		if n := web.finished.Load(); n != int32(len(urls)) {
			t.Fatalf("FetchAll returned after %v with %d of %d fetches finished: wait for all of them before returning", took, n, len(urls))
		}
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		if len(got) != len(urls) {
			t.Errorf("FetchAll returned %d bodies, want %d", len(got), len(urls))
		}
	})
}

func TestReturnsFirstErrorInInputOrderAfterAllFinished(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errB := errors.New("b: 503 service unavailable")
		errC := errors.New("c: connection refused")
		// c fails first in time, but b comes first in urls.
		web := newFakeWeb(t, map[string]time.Duration{
			urls[0]: time.Second, urls[1]: 3 * time.Second, urls[2]: 2 * time.Second,
		}, map[string]error{urls[1]: errB, urls[2]: errC})
		got, err := FetchAll(urls, web.fetch)
		if !errors.Is(err, errB) {
			t.Fatalf("FetchAll error = %v, want one that wraps %q (the first failing URL in input order)", err, errB)
		}
		if !strings.Contains(err.Error(), urls[1]) {
			t.Errorf("FetchAll error = %q, want it to name the URL %s", err, urls[1])
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		if n := web.started.Load(); n != int32(len(urls)) {
			t.Errorf("%d of %d fetches started, want all of them started even when one fails", n, len(urls))
		}
		if n := web.finished.Load(); n != web.started.Load() {
			t.Errorf("FetchAll returned with %d of %d started fetches finished, want none left running", n, web.started.Load())
		}
	})
}

func TestNoURLsReturnsNoBodies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, nil, nil)
		got, err := FetchAll(nil, web.fetch)
		if err != nil || len(got) != 0 {
			t.Errorf("FetchAll(nil) = %q, %v; want no bodies and no error", got, err)
		}
	})
}
