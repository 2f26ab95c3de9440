//go:build accent

package fetchall

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeWeb serves fetch calls on the bubble's fake clock: fetching a URL takes
// delays[url], then fails with fails[url] if there is one, or returns
// "body of " + url. It counts the calls per URL, started and finished,
// and how many ran at the same time at most.
type fakeWeb struct {
	delays map[string]time.Duration
	fails  map[string]error

	mu         sync.Mutex
	started    map[string]int
	finished   map[string]int
	running    int
	maxRunning int
}

func newFakeWeb(t *testing.T, delays map[string]time.Duration, fails map[string]error) *fakeWeb {
	t.Helper()
	// A FetchAll that returns before its fetches end leaves them sleeping.
	// Let them finish, so the test reports what it checked rather than a
	// bubble that ended with goroutines still blocked.
	t.Cleanup(func() { time.Sleep(time.Hour) })
	return &fakeWeb{delays: delays, fails: fails, started: map[string]int{}, finished: map[string]int{}}
}

func (w *fakeWeb) fetch(url string) (string, error) {
	w.mu.Lock()
	w.started[url]++
	w.running++
	w.maxRunning = max(w.maxRunning, w.running)
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.finished[url]++
		w.running--
		w.mu.Unlock()
	}()
	time.Sleep(w.delays[url])
	if err := w.fails[url]; err != nil {
		return "", err
	}
	return "body of " + url, nil
}

// counts returns how many fetches started and finished, in all.
func (w *fakeWeb) counts() (started, finished int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, n := range w.started {
		started += n
	}
	for _, n := range w.finished {
		finished += n
	}
	return started, finished
}

// checkEveryURLFetchedOnce fails the test unless every URL of urls was
// fetched exactly as often as it appears in urls, and every fetch has
// returned.
func (w *fakeWeb) checkEveryURLFetchedOnce(t *testing.T, urls []string) {
	t.Helper()
	want := map[string]int{}
	for _, url := range urls {
		want[url]++
	}
	w.mu.Lock()
	started, finished := maps.Clone(w.started), maps.Clone(w.finished)
	w.mu.Unlock()
	if !maps.Equal(started, want) {
		t.Errorf("fetches started per URL: %v, want %v: call fetch once for every URL of urls", started, want)
	}
	if !maps.Equal(finished, started) {
		t.Errorf("FetchAll returned with fetches still running (finished per URL: %v, started: %v): wait for all of them", finished, started)
	}
}

// bodiesOf returns what FetchAll must return for urls when nothing fails.
func bodiesOf(urls []string) []string {
	want := make([]string, len(urls))
	for i, url := range urls {
		want[i] = "body of " + url
	}
	return want
}

// The URLs are in neither sorted nor completion order, so neither sorting
// the bodies nor collecting them as they arrive gives the input order back.
var (
	urlNews  = "https://news.example/today"
	urlAPI   = "https://api.example/v2/users"
	urlShop  = "https://shop.example/cart"
	urlBlog  = "https://blog.example/"
	urlCDN   = "https://cdn.example/logo.svg"
	urls     = []string{urlNews, urlAPI, urlShop, urlBlog, urlCDN}
	oneEach  = map[string]time.Duration{urlNews: time.Second, urlAPI: time.Second, urlShop: time.Second, urlBlog: time.Second, urlCDN: time.Second}
	shuffled = map[string]time.Duration{ // finish order: api, cdn, news, blog, shop
		urlAPI: 1 * time.Second, urlCDN: 2 * time.Second, urlNews: 3 * time.Second, urlBlog: 4 * time.Second, urlShop: 5 * time.Second,
	}
)

func TestFetchesRunAtTheSameTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, oneEach, nil)
		start := time.Now()
		if _, err := FetchAll(urls, web.fetch); err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		took := time.Since(start)
		started, finished := web.counts()
		web.mu.Lock()
		atOnce := web.maxRunning
		web.mu.Unlock()
		switch {
		case finished < len(urls):
			t.Errorf("FetchAll returned after %v with %d of %d fetches finished (%d started, up to %d at once): wait for every fetch before returning", took, finished, len(urls), started, atOnce)
		case took != time.Second:
			t.Errorf("%d fetches of 1s each took %v in all, want 1s: at most %d ran at the same time; start every fetch before waiting for any", len(urls), took, atOnce)
		}
		web.checkEveryURLFetchedOnce(t, urls)
	})
}

func TestResultsKeepInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, shuffled, nil)
		got, err := FetchAll(urls, web.fetch)
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		if want := bodiesOf(urls); !slices.Equal(got, want) {
			t.Errorf("FetchAll = %q\nwant       %q (the order of urls: not the order the fetches finished, nor sorted)", got, want)
		}
	})
}

func TestTheSameURLTwiceIsFetchedTwice(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		twice := []string{urlShop, urlAPI, urlShop}
		web := newFakeWeb(t, shuffled, nil)
		got, err := FetchAll(twice, web.fetch)
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		if want := bodiesOf(twice); !slices.Equal(got, want) {
			t.Errorf("FetchAll(%q) = %q\nwant %q", twice, got, want)
		}
		web.checkEveryURLFetchedOnce(t, twice)
	})
}

func TestWaitsForEveryFetchBeforeReturning(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, shuffled, nil)
		start := time.Now()
		got, err := FetchAll(urls, web.fetch)
		took := time.Since(start)
		if started, finished := web.counts(); finished != len(urls) {
			t.Fatalf("FetchAll returned after %v with %d of %d fetches finished (%d started): wait for all of them before returning", took, finished, len(urls), started)
		}
		if err != nil {
			t.Fatalf("FetchAll: unexpected error %v", err)
		}
		if len(got) != len(urls) {
			t.Errorf("FetchAll returned %d bodies, want %d", len(got), len(urls))
		}
		if took != 5*time.Second {
			t.Errorf("FetchAll returned after %v, want 5s, when the slowest fetch ends", took)
		}
	})
}

func TestReturnsFirstErrorInInputOrderAfterAllFinished(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errShop := errors.New("shop: 503 service unavailable")
		errBlog := errors.New("blog: connection refused")
		errCDN := errors.New("cdn: 404 not found")
		// The cdn fails first in time (2s), the blog next (4s), the shop
		// last (5s); in urls, the shop comes first of the three.
		web := newFakeWeb(t, shuffled, map[string]error{urlShop: errShop, urlBlog: errBlog, urlCDN: errCDN})
		got, err := FetchAll(urls, web.fetch)
		if !errors.Is(err, errShop) {
			t.Fatalf("FetchAll error = %v, want one that wraps %q (the first failing URL in input order, not in time)", err, errShop)
		}
		if !strings.Contains(err.Error(), urlShop) {
			t.Errorf("FetchAll error = %q, want it to name the URL %s", err, urlShop)
		}
		if got != nil {
			t.Errorf("FetchAll bodies = %q with an error, want nil", got)
		}
		web.checkEveryURLFetchedOnce(t, urls)
	})
}

func TestAnEarlyFailureStillWaitsForTheRest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errNews := errors.New("news: 500 internal server error")
		// The first URL fails at 3s, so its error is known once it fails:
		// the blog and the shop are still fetching, until 4s and 5s.
		web := newFakeWeb(t, shuffled, map[string]error{urlNews: errNews})
		start := time.Now()
		_, err := FetchAll(urls, web.fetch)
		took := time.Since(start)
		if !errors.Is(err, errNews) {
			t.Errorf("FetchAll error = %v, want one that wraps %q", err, errNews)
		}
		if started, finished := web.counts(); finished != started || started != len(urls) {
			t.Errorf("FetchAll returned after %v with %d of %d started fetches finished (%d URLs): when one fails, still wait for every other", took, finished, started, len(urls))
		}
		if took != 5*time.Second {
			t.Errorf("FetchAll returned after %v, want 5s, when the last fetch ends", took)
		}
	})
}

func TestOneURL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := newFakeWeb(t, shuffled, nil)
		got, err := FetchAll([]string{urlBlog}, web.fetch)
		if want := bodiesOf([]string{urlBlog}); err != nil || !slices.Equal(got, want) {
			t.Errorf("FetchAll(%q) = %q, %v; want %q and no error", urlBlog, got, err, want)
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
