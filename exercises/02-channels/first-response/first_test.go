//go:build accent

package firstresponse

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"testing/synctest"
	"time"
)

// delays maps a replica's name to how long it takes to answer.
type delays map[string]time.Duration

// replicas returns one Replica per entry, answering "<name>: <query>" after
// its delay, and the longest delay.
func replicas(d delays) (rs []Replica, slowest time.Duration) {
	for name, delay := range d {
		rs = append(rs, func(query string) string {
			time.Sleep(delay)
			return name + ": " + query
		})
		slowest = max(slowest, delay)
	}
	return rs, slowest
}

// goroutines counts the goroutines of the calling test's synctest bubble
// (every goroutine of the program when it is called outside a bubble). The
// test framework's own goroutines, which come and go as they please on a
// busy machine, are left out, so a difference of two counts is exactly the
// goroutines the code under test started or ended.
func goroutines() int {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	// The first goroutine in the dump is the caller.
	headers := bytes.Split(buf, []byte("\n\n"))
	mine := bubble(headers[0])
	n := 0
	for _, g := range headers {
		if mine == "" || bubble(g) == mine {
			n++
		}
	}
	return n
}

// bubble returns the synctest bubble named in a goroutine's header
// ("goroutine 7 [chan send, synctest bubble 3]:"), or "" for a goroutine
// outside any bubble.
func bubble(g []byte) string {
	header, _, _ := bytes.Cut(g, []byte("\n"))
	_, id, ok := bytes.Cut(header, []byte(", synctest bubble "))
	if !ok {
		return ""
	}
	end := bytes.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(id)
	}
	return string(id[:end])
}

// losersExit sleeps until the slowest replica has answered, lets every
// goroutine settle, and fails the test if First left one behind: a loser
// still waiting to send, even one that would give up on a timer later, is
// a goroutine the process keeps after the work is over.
func losersExit(t *testing.T, before int, slowest time.Duration) {
	t.Helper()
	time.Sleep(slowest)
	synctest.Wait()
	if n := goroutines() - before; n > 0 {
		t.Errorf("%d goroutine(s) that First started are still alive once every replica has answered, want none: a loser must be able to send its answer and exit at once", n)
	}
}

// Every test runs in a synctest bubble, where time.Sleep and time.After use a
// fake clock. After checking First's result, each test sleeps until the
// slowest replica has answered and counts the goroutines still alive: a
// losing replica still blocked on a send nobody will receive fails the test
// (and if it is blocked for good, the bubble reports "blocked goroutines
// remain", which accent reports as a leak).

func TestFirstReturnsTheFastestAnswerTheMomentItArrivesAndLosersExit(t *testing.T) {
	tests := []struct {
		name    string
		delays  delays
		timeout time.Duration
		want    string
		wantAt  time.Duration
	}{
		{
			name:    "fastest of three",
			delays:  delays{"eu": 300 * time.Millisecond, "us": 10 * time.Millisecond, "ap": 2 * time.Second},
			timeout: time.Second,
			want:    "us: users/42",
			wantAt:  10 * time.Millisecond,
		},
		{
			name:    "one answer just inside the timeout",
			delays:  delays{"eu": 3 * time.Second, "us": 900 * time.Millisecond},
			timeout: time.Second,
			want:    "us: users/42",
			wantAt:  900 * time.Millisecond,
		},
		{
			name:    "every replica answers before the timeout",
			delays:  delays{"eu": 20 * time.Millisecond, "us": 5 * time.Millisecond, "ap": 10 * time.Millisecond},
			timeout: time.Minute,
			want:    "us: users/42",
			wantAt:  5 * time.Millisecond,
		},
		{
			name:    "a replica with the answer in its cache",
			delays:  delays{"eu": 300 * time.Millisecond, "cache": 0, "ap": 2 * time.Second},
			timeout: time.Second,
			want:    "cache: users/42",
			wantAt:  0,
		},
		{
			name:    "a single replica",
			delays:  delays{"eu": 50 * time.Millisecond},
			timeout: time.Second,
			want:    "eu: users/42",
			wantAt:  50 * time.Millisecond,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				before := goroutines()
				start := time.Now()
				rs, slowest := replicas(tt.delays)

				got, err := First("users/42", rs, tt.timeout)

				if err != nil || got != tt.want {
					t.Errorf("First = %q, %v; want %q, nil", got, err, tt.want)
				}
				if took := time.Since(start); took != tt.wantAt {
					t.Errorf("First returned %v after the start, want %v (when the fastest replica answered)", took, tt.wantAt)
				}
				losersExit(t, before, slowest)
			})
		})
	}
}

func TestFirstReturnsErrTimeoutWhenNoReplicaAnswersInTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		before := goroutines()
		start := time.Now()
		rs, slowest := replicas(delays{"eu": 5 * time.Second, "us": 3 * time.Second})

		got, err := First("users/42", rs, time.Second)

		if !errors.Is(err, ErrTimeout) {
			t.Errorf("First returned error %v, want ErrTimeout", err)
		}
		if got != "" {
			t.Errorf("First returned the answer %q with the timeout, want \"\"", got)
		}
		if took, want := time.Since(start), time.Second; took != want {
			t.Errorf("First returned %v after the start, want %v (the timeout)", took, want)
		}
		losersExit(t, before, slowest) // every replica answers late; they must be able to exit
	})
}

// With no replica at all, none answers in time either.
func TestFirstWithNoReplicasTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()

		got, err := First("users/42", nil, time.Second)

		if !errors.Is(err, ErrTimeout) || got != "" {
			t.Errorf("First with no replicas = %q, %v; want \"\", ErrTimeout", got, err)
		}
		if took := time.Since(start); took != time.Second {
			t.Errorf("First with no replicas returned after %v, want 1s (the timeout)", took)
		}
	})
}

// A replica that has the answer in its cache replies at once, perhaps
// before First is ready to receive: its goroutine may run while First is
// still starting the others. A send that gives up when nobody is receiving
// yet (select with a default case on an unbuffered channel) loses that
// answer, and First times out although the fastest replica answered at 0.
//
// Whether the cache hit's goroutine runs before First gets to its receive
// is up to the scheduler, so the test makes it likely: the cache hit is the
// first replica First starts, two hundred slow ones follow, the race is run
// a hundred times, and the test runs on at least four threads. A correct
// First returns the cached answer every time, whatever the scheduler does.
func TestACacheHitIsNotDropped(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	for run := range 100 {
		synctest.Test(t, func(t *testing.T) {
			rs := []Replica{func(query string) string { return "cache: " + query }}
			for i := range 200 {
				rs = append(rs, func(query string) string {
					time.Sleep(time.Second)
					return fmt.Sprintf("replica %d: %s", i, query)
				})
			}
			start := time.Now()

			got, err := First("users/42", rs, 500*time.Millisecond)

			if err != nil || got != "cache: users/42" || time.Since(start) != 0 {
				t.Errorf("run %d: First = %q, %v after %v; want %q, nil at once: the cached answer came first, and was lost", run+1, got, err, time.Since(start), "cache: users/42")
			}
			time.Sleep(time.Second)
		})
		if t.Failed() {
			return
		}
	}
}
