//go:build accent

package fanoutfanin

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// site is a fake web site on the bubble's fake clock: checking a URL takes
// delays[url] (one second if it is not there) and answers statusOf(url). It
// counts the checks of each URL and the most that ran at the same time.
type site struct {
	delays map[string]time.Duration

	mu         sync.Mutex
	checks     map[string]int
	running    int
	maxRunning int
}

func (s *site) check(url string) int {
	s.mu.Lock()
	if s.checks == nil {
		s.checks = map[string]int{}
	}
	s.checks[url]++
	s.running++
	s.maxRunning = max(s.maxRunning, s.running)
	s.mu.Unlock()

	d, ok := s.delays[url]
	if !ok {
		d = time.Second
	}
	time.Sleep(d)

	s.mu.Lock()
	s.running--
	s.mu.Unlock()
	return statusOf(url)
}

// statusOf is the status code a URL of names answers with: 200, 301, 404,
// 503, 200, ... in the order of their letters.
func statusOf(url string) int {
	codes := []int{200, 301, 404, 503}
	return codes[int(url[len("https://")]-'a')%len(codes)]
}

// feed sends urls on a new channel from its own goroutine, then closes it.
func feed(urls []string) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, u := range urls {
			ch <- u
		}
	}()
	return ch
}

func names(n int) []string {
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://%c.example", 'a'+i)
	}
	return urls
}

type arrival struct {
	url string
	at  time.Duration // after the start of the test
}

// collect reads results until CheckAll closes the channel, noting when each
// result arrived, and returns them with the moment of the close. If the
// channel is still open once every goroutine is blocked, the fake clock
// jumps a day ahead and collect fails the test instead of waiting forever.
// After the close it waits an hour, so that a check still running then
// finishes, and its worker tries to send, while the test is still on.
func collect(t *testing.T, results <-chan Result) (got []arrival, closedAt time.Duration) {
	t.Helper()
	start := time.Now()
	timeout := time.After(24 * time.Hour)
	for {
		select {
		case r, ok := <-results:
			if !ok {
				closedAt = time.Since(start)
				time.Sleep(time.Hour)
				return got, closedAt
			}
			if want := statusOf(r.URL); r.Status != want {
				t.Errorf("result for %s has status %d, want %d (what check returned for it)", r.URL, r.Status, want)
			}
			got = append(got, arrival{r.URL, time.Since(start)})
		case <-timeout:
			t.Fatalf("after %d results, CheckAll neither sent another nor closed the channel: the caller's range loop would wait forever", len(got))
		}
	}
}

func urlsOf(got []arrival) []string {
	var urls []string
	for _, a := range got {
		urls = append(urls, a.url)
	}
	slices.Sort(urls)
	return urls
}

func TestEveryURLIsCheckedOnceAndTheResultsEnd(t *testing.T) {
	tests := []struct {
		name    string
		urls    int
		workers int
	}{
		{"one worker", 5, 1},
		{"three workers", 10, 3},
		{"more workers than URLs", 3, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				urls := names(tt.urls)
				s := &site{}

				got, _ := collect(t, CheckAll(feed(urls), tt.workers, s.check))

				if !slices.Equal(urlsOf(got), urls) {
					t.Errorf("got results for %v, want one for each of %v", urlsOf(got), urls)
				}
				for _, u := range urls {
					if n := s.checks[u]; n != 1 {
						t.Errorf("%s was checked %d times, want once", u, n)
					}
				}
			})
		})
	}
}

func TestWorkersCheckAtTheSameTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &site{}

		got, closedAt := collect(t, CheckAll(feed(names(8)), 4, s.check))

		if len(got) != 8 {
			t.Fatalf("got %d results, want 8", len(got))
		}
		if closedAt != 2*time.Second {
			t.Errorf("8 checks of 1s with 4 workers ended after %v, want 2s", closedAt)
		}
		if s.maxRunning != 4 {
			t.Errorf("at most %d checks ran at the same time, want 4 (one per worker)", s.maxRunning)
		}
	})
}

func TestEachResultArrivesAsSoonAsItIsReady(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &site{delays: map[string]time.Duration{
			"https://a.example": 3 * time.Second,
			"https://b.example": time.Second,
			"https://c.example": 2 * time.Second,
		}}

		got, closedAt := collect(t, CheckAll(feed(names(3)), 3, s.check))

		want := []arrival{{"https://b.example", time.Second}, {"https://c.example", 2 * time.Second}, {"https://a.example", 3 * time.Second}}
		if !slices.Equal(got, want) {
			t.Errorf("results arrived as %v, want %v (each as soon as its check is done)", got, want)
		}
		if closedAt != 3*time.Second {
			t.Errorf("the results channel was closed after %v, want 3s (right after the last result)", closedAt)
		}
	})
}

func TestResultsCloseOnlyAfterTheSlowestCheck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// The first URL takes 5s; the other two workers finish the rest,
		// and run out of URLs, long before.
		urls := names(6)
		s := &site{delays: map[string]time.Duration{urls[0]: 5 * time.Second}}

		got, closedAt := collect(t, CheckAll(feed(urls), 3, s.check))

		if !slices.Equal(urlsOf(got), urls) {
			t.Errorf("got results for %v, want one for each of %v", urlsOf(got), urls)
		}
		if closedAt != 5*time.Second {
			t.Errorf("the results channel was closed after %v, want 5s (once the slowest check is done)", closedAt)
		}
	})
}

func TestNoURLsClosesTheResultsAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &site{}
		got, closedAt := collect(t, CheckAll(feed(nil), 4, s.check))
		if len(got) != 0 || closedAt != 0 {
			t.Errorf("with no URLs, got %v and the close after %v; want no results and the close at once", got, closedAt)
		}
	})
}
