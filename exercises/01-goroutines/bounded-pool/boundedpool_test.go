//go:build accent

package boundedpool

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// workload is a fake process func on the bubble's fake clock: a job takes
// took[job] (one second if absent) and returns "done " + job. It records how
// many calls run at once, and how many times each job was processed.
type workload struct {
	took map[string]time.Duration

	mu                  sync.Mutex
	running, maxRunning int
	finished            int
	calls               map[string]int
}

func (w *workload) process(job string) string {
	w.mu.Lock()
	if w.calls == nil {
		w.calls = map[string]int{}
	}
	w.calls[job]++
	w.running++
	w.maxRunning = max(w.maxRunning, w.running)
	d, ok := w.took[job]
	w.mu.Unlock()
	if !ok {
		d = time.Second
	}
	time.Sleep(d)
	w.mu.Lock()
	w.running--
	w.finished++
	w.mu.Unlock()
	return "done " + job
}

// names are in no sorted order, so that sorting results does not give the
// order of jobs back.
var names = []string{"resize kiwi.png", "resize apple.png", "resize mango.png", "resize fig.png", "resize banana.png", "resize cherry.png", "resize date.png", "resize lemon.png"}

// makeJobs returns n distinct jobs in no sorted order.
func makeJobs(n int) []string {
	jobs := make([]string, n)
	for i := range jobs {
		jobs[i] = names[i%len(names)]
		if i >= len(names) {
			jobs[i] += fmt.Sprintf(" #%d", i/len(names)+1)
		}
	}
	return jobs
}

func resultsOf(jobs []string) []string {
	want := make([]string, len(jobs))
	for i, job := range jobs {
		want[i] = "done " + job
	}
	return want
}

// checkEachJobProcessedOnce fails the test unless every job was processed
// exactly once.
func (w *workload) checkEachJobProcessedOnce(t *testing.T, jobs []string) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, job := range jobs {
		if n := w.calls[job]; n != 1 {
			t.Errorf("job %q was processed %d times, want once", job, n)
		}
	}
	if len(w.calls) != len(jobs) {
		t.Errorf("%d distinct jobs processed, want %d", len(w.calls), len(jobs))
	}
}

var limits = []int{1, 3, 10, 25}

func TestAtMostLimitJobsRunAtOnce(t *testing.T) {
	for _, limit := range limits {
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				w := &workload{}
				ProcessAll(makeJobs(10), limit, w.process)
				if w.maxRunning > limit {
					t.Errorf("%d jobs ran at once with limit %d: take a slot before a job starts", w.maxRunning, limit)
				}
			})
		})
	}
}

func TestKeepsLimitJobsRunning(t *testing.T) {
	for _, limit := range limits {
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				const n = 10
				w := &workload{}
				jobs := makeJobs(n)
				start := time.Now()
				got := ProcessAll(jobs, limit, w.process)
				took := time.Since(start)
				if want := resultsOf(jobs); !slices.Equal(got, want) {
					t.Errorf("ProcessAll = %q\nwant         %q", got, want)
				}
				w.checkEachJobProcessedOnce(t, jobs)
				waves := (n + limit - 1) / limit
				if want := time.Duration(waves) * time.Second; took != want {
					t.Errorf("%d jobs of 1s with limit %d took %v, want %v", n, limit, took, want)
				}
				if want := min(limit, n); w.maxRunning != want {
					t.Errorf("at most %d jobs ran at once, want %d with limit %d", w.maxRunning, want, limit)
				}
			})
		})
	}
}

func TestNextJobStartsAsSoonAsASlotFrees(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// With 2 slots: the first job holds one for 3s while the other four
		// take turns in the other, one second each, so everything ends at
		// 4s. Chunks of 2 would wait for the first job and end at 5s.
		jobs := makeJobs(5)
		w := &workload{took: map[string]time.Duration{jobs[0]: 3 * time.Second}}
		start := time.Now()
		ProcessAll(jobs, 2, w.process)
		if took := time.Since(start); took != 4*time.Second {
			t.Errorf("took %v, want 4s: a slot that frees must go to the next job at once, not after the slowest job of a batch", took)
		}
	})
}

func TestAFreeSlotTakesTheNextJobWhicheverSlotItIs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// With 3 slots and jobs of 5s, 1s, 1s, 1s, 1s, 1s, 1s: while the
		// first job runs, two slots take the other six in turns, so all
		// ends at 5s. Handing job i to worker i%3 ahead of time ends at
		// 7s: worker 0 must run jobs 0, 3 and 6.
		jobs := makeJobs(7)
		w := &workload{took: map[string]time.Duration{jobs[0]: 5 * time.Second}}
		start := time.Now()
		got := ProcessAll(jobs, 3, w.process)
		if took := time.Since(start); took != 5*time.Second {
			t.Errorf("took %v, want 5s: the next job goes to whichever slot is free first, not to one decided in advance", took)
		}
		if want := resultsOf(jobs); !slices.Equal(got, want) {
			t.Errorf("ProcessAll = %q\nwant         %q", got, want)
		}
	})
}

func TestResultsKeepInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := makeJobs(6)
		// With 4 slots they finish in the order 3, 0, 1, 5, then 2 and 4
		// together: neither the input order, nor its reverse, nor sorted.
		w := &workload{took: map[string]time.Duration{}}
		for i, d := range []int{2, 4, 6, 1, 5, 3} {
			w.took[jobs[i]] = time.Duration(d) * time.Second
		}
		got := ProcessAll(jobs, 4, w.process)
		if want := resultsOf(jobs); !slices.Equal(got, want) {
			t.Errorf("ProcessAll = %q\nwant         %q (the order of jobs, not the order they finished, nor sorted)", got, want)
		}
	})
}

func TestManyJobsFewSlots(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// 100 jobs of 1s, 7 at a time: 15 waves, never more than 7 at once.
		jobs := makeJobs(100)
		w := &workload{}
		start := time.Now()
		got := ProcessAll(jobs, 7, w.process)
		if took := time.Since(start); took != 15*time.Second {
			t.Errorf("100 jobs of 1s with limit 7 took %v, want 15s", took)
		}
		if w.maxRunning != 7 {
			t.Errorf("%d jobs ran at once, want 7 with limit 7", w.maxRunning)
		}
		if want := resultsOf(jobs); !slices.Equal(got, want) {
			t.Errorf("ProcessAll returned the results out of the order of jobs")
		}
		w.checkEachJobProcessedOnce(t, jobs)
	})
}

func TestReturnsOnlyAfterEveryJobFinished(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &workload{}
		ProcessAll(makeJobs(7), 3, w.process)
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.finished != 7 {
			t.Errorf("ProcessAll returned with %d of 7 jobs finished: wait for all of them", w.finished)
		}
	})
}

func TestNoJobsReturnsNoResults(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &workload{}
		if got := ProcessAll(nil, 3, w.process); len(got) != 0 {
			t.Errorf("ProcessAll(nil) = %q, want no results", got)
		}
	})
}
