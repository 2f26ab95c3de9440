//go:build accent

package gracefulshutdown

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"
)

// grace is the README's promise: 20s, less than the 30s Kubernetes waits.
const grace = 20 * time.Second

// story is what the tests see of one job.
type story struct {
	started  time.Time
	finished time.Time
	ctxErr   error // ctx.Err() when the job returned
	cause    error // context.Cause(ctx) when the job returned
	value    any   // ctx.Value(traceKey{})
}

type record struct {
	mu sync.Mutex
	s  story
}

type traceKey struct{}

// job returns a Job that works for d, or less if its ctx ends first.
func job(d time.Duration, r *record) Job {
	return jobWithCleanup(d, 0, r)
}

// jobWithCleanup returns a Job that works for d, or less if its ctx ends
// first, and then takes cleanup more if it was cancelled: a job returns
// soon after its ctx is done, not at once.
func jobWithCleanup(d, cleanup time.Duration, r *record) Job {
	return func(ctx context.Context) {
		r.mu.Lock()
		r.s.started, r.s.value = time.Now(), ctx.Value(traceKey{})
		r.mu.Unlock()
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-ctx.Done():
			time.Sleep(cleanup)
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		r.s.finished, r.s.ctxErr, r.s.cause = time.Now(), ctx.Err(), context.Cause(ctx)
	}
}

func (r *record) get() story {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.s
}

type result struct {
	err error
	at  time.Time
}

// worker is one Run in its own goroutine, and the SIGTERM that ends it.
type worker struct {
	queue   chan Job
	sigterm context.CancelFunc
	done    chan result
}

func startWorker(ctx context.Context) *worker {
	ctx, cancel := context.WithCancel(ctx)
	w := &worker{queue: make(chan Job), sigterm: cancel, done: make(chan result, 1)}
	go func() {
		err := Run(ctx, w.queue)
		w.done <- result{err, time.Now()}
	}()
	return w
}

func TestRunsJobsAsTheyArrive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		defer w.sigterm()
		start := time.Now()
		var a, b record
		w.queue <- job(3*time.Second, &a)
		time.Sleep(time.Second)
		w.queue <- job(3*time.Second, &b)
		time.Sleep(5 * time.Second)

		for name, r := range map[string]story{"first": a.get(), "second": b.get()} {
			if r.finished.IsZero() {
				t.Errorf("the %s job has not finished 6s after the start, want each job to run on its own", name)
			}
		}
		if got := b.get().started.Sub(start); got != time.Second {
			t.Errorf("the second job started at %v, want 1s, when it was queued: jobs run at the same time", got)
		}
		w.sigterm()
		<-w.done
	})
}

func TestStopsTakingJobsOnSIGTERM(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		var r record
		w.queue <- job(5*time.Second, &r)
		time.Sleep(time.Second)
		w.sigterm()
		synctest.Wait()

		select {
		case w.queue <- job(time.Second, new(record)):
			t.Error("Run took a job after SIGTERM, want no more jobs once ctx is done")
		default:
		}
		<-w.done
	})
}

func TestInFlightJobsFinishBeforeRunReturns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		start := time.Now()
		var r record
		w.queue <- job(5*time.Second, &r)
		time.Sleep(time.Second)
		w.sigterm()
		res := <-w.done

		if res.err != nil {
			t.Errorf("Run = %v, want nil: the job finished within Grace", res.err)
		}
		if got := res.at.Sub(start); got != 5*time.Second {
			t.Errorf("Run returned %v after the start, want 5s, when its last job finished: returning earlier lets main exit mid-job", got)
		}
	})
}

func TestSIGTERMDoesNotCancelInFlightJobs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		var r record
		w.queue <- job(5*time.Second, &r)
		time.Sleep(time.Second)
		w.sigterm()
		<-w.done
		time.Sleep(10 * time.Second) // however Run behaves, the job has ended by now

		if got := r.get(); got.ctxErr != nil || got.finished.Sub(got.started) != 5*time.Second {
			t.Errorf("the job ran %v and its ctx ended with %v; want the whole 5s with its ctx alive: SIGTERM stops the worker taking jobs, not the jobs",
				got.finished.Sub(got.started), got.ctxErr)
		}
	})
}

func TestJobsKeepTheValuesOfRunsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(context.WithValue(t.Context(), traceKey{}, "trace-7"))
		var r record
		w.queue <- job(time.Second, &r)
		synctest.Wait()
		w.sigterm()
		<-w.done

		if got := r.get().value; got != "trace-7" {
			t.Errorf("the job's ctx has value %v, want %q, from the ctx Run was given", got, "trace-7")
		}
	})
}

func TestStragglersAreCancelledWhenGraceExpires(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		start := time.Now()
		var quick, slow record
		w.queue <- job(2*time.Second, &quick)
		w.queue <- job(time.Hour, &slow)
		time.Sleep(time.Second)
		w.sigterm()
		res := <-w.done

		if !errors.Is(res.err, ErrGraceExpired) {
			t.Errorf("Run = %v, want an error wrapping ErrGraceExpired", res.err)
		}
		wantEnd := time.Second + grace
		if got := res.at.Sub(start); got != wantEnd {
			t.Errorf("Run returned %v after the start, want %v: the SIGTERM at 1s plus Grace", got, wantEnd)
		}
		if got := quick.get(); got.ctxErr != nil {
			t.Errorf("the quick job's ctx ended with %v, want it to finish untouched", got.ctxErr)
		}
		got := slow.get()
		if got.finished.Sub(start) != wantEnd || !errors.Is(got.cause, ErrGraceExpired) {
			t.Errorf("the slow job ended at %v with cause %v, want %v with cause ErrGraceExpired", got.finished.Sub(start), got.cause, wantEnd)
		}
	})
}

func TestRunWaitsForStragglersToReturn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWorker(t.Context())
		start := time.Now()
		var slow record
		w.queue <- jobWithCleanup(time.Hour, 2*time.Second, &slow)
		time.Sleep(time.Second)
		w.sigterm()
		res := <-w.done

		if !errors.Is(res.err, ErrGraceExpired) {
			t.Errorf("Run = %v, want an error wrapping ErrGraceExpired", res.err)
		}
		wantEnd := time.Second + grace + 2*time.Second
		if got := res.at.Sub(start); got != wantEnd {
			t.Errorf("Run returned %v after the start, want %v: the job, cancelled at 1s+Grace, takes 2s to return, and Run returns only once every job has", got, wantEnd)
		}
		if got := slow.get(); got.finished.Sub(start) != wantEnd {
			t.Errorf("the job returned at %v, want %v", got.finished.Sub(start), wantEnd)
		}
	})
}

// TestMainDrainsOnSIGTERM sends the test process a real SIGTERM, in real
// time (signals cannot reach a synctest bubble).
func TestMainDrainsOnSIGTERM(t *testing.T) {
	mainDrainsOn(t, syscall.SIGTERM)
}

// TestMainDrainsOnSIGINT does the same with SIGINT, a Ctrl-C.
func TestMainDrainsOnSIGINT(t *testing.T) {
	mainDrainsOn(t, syscall.SIGINT)
}

func mainDrainsOn(t *testing.T, sig syscall.Signal) {
	queue := make(chan Job)
	code := make(chan int, 1)
	go func() { code <- Main(queue) }()

	release := make(chan struct{})
	var finished atomic.Int32
	// Two jobs, both taken before any signal: Main is running Run, so its
	// signal handling is in place, and Run is still taking jobs.
	for i := range 2 {
		started := make(chan struct{})
		select {
		case queue <- func(ctx context.Context) {
			close(started)
			<-release
			finished.Add(1)
		}:
		case c := <-code:
			t.Fatalf("Main returned %d before any signal, with job %d still to take", c, i+1)
		case <-time.After(5 * time.Second):
			close(release)
			t.Fatalf("Main has not taken job %d in 5s, before any signal: Run stopped taking jobs", i+1)
		}
		<-started
	}

	// Keep the test process alive even if Main does not handle the signal.
	caught := make(chan os.Signal, 1)
	signal.Notify(caught, sig)
	defer signal.Stop(caught)
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatalf("sending %v: %v", sig, err)
	}
	// A Main that does not wait returns within moments of the signal; one
	// that waits never returns before the job is released, however long
	// this takes.
	select {
	case c := <-code:
		close(release)
		t.Fatalf("Main returned %d right after %v, with jobs still running; want it to wait for them", c, sig)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	select {
	case c := <-code:
		if n := finished.Load(); c != 0 || n != 2 {
			t.Errorf("Main returned %d with %d of its 2 jobs finished, want 0 once both have", c, n)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("Main still running 5s after %v, though its jobs have finished: SIGINT and SIGTERM must cancel the ctx Main gives Run (signal.NotifyContext)", sig)
	}
}
