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
// many calls run at once.
type workload struct {
	took map[string]time.Duration

	mu                  sync.Mutex
	running, maxRunning int
	finished            int
}

func (w *workload) process(job string) string {
	w.mu.Lock()
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

func makeJobs(n int) []string {
	jobs := make([]string, n)
	for i := range jobs {
		jobs[i] = fmt.Sprintf("job-%d", i)
	}
	return jobs
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
				start := time.Now()
				ProcessAll(makeJobs(n), limit, w.process)
				took := time.Since(start)
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
		// With 2 slots: job-0 holds one for 3s while job-1..job-4 take turns
		// in the other, one second each, so everything ends at 4s.
		// Chunks of 2 would wait for job-0 first and end at 5s.
		w := &workload{took: map[string]time.Duration{"job-0": 3 * time.Second}}
		start := time.Now()
		ProcessAll(makeJobs(5), 2, w.process)
		if took := time.Since(start); took != 4*time.Second {
			t.Errorf("took %v, want 4s: a slot that frees must go to the next job at once, not after the slowest job of a batch", took)
		}
	})
}

func TestResultsKeepInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := makeJobs(6)
		// Earlier jobs take longer, so they finish last.
		w := &workload{took: map[string]time.Duration{}}
		for i, job := range jobs {
			w.took[job] = time.Duration(len(jobs)-i) * time.Second
		}
		got := ProcessAll(jobs, 4, w.process)
		want := make([]string, len(jobs))
		for i, job := range jobs {
			want[i] = "done " + job
		}
		if !slices.Equal(got, want) {
			t.Errorf("ProcessAll = %q\nwant         %q (the order of jobs, not the order they finished)", got, want)
		}
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
