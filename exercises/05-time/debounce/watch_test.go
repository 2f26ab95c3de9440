//go:build accent

package debounce

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

const quiet = 300 * time.Millisecond

type rebuildCall struct {
	at    time.Duration // since the start of the test
	files []string
}

func (c rebuildCall) String() string { return fmt.Sprintf("%v %v", c.at, c.files) }

// watcher runs Watch in its own goroutine and records what it does.
type watcher struct {
	start   time.Time
	changes chan string
	done    chan struct{}

	mu       sync.Mutex
	calls    []rebuildCall
	kept     [][]string    // the slices rebuild was given, as given
	returned time.Duration // when Watch returned, -1 while it runs
	late     int           // rebuilds after Watch returned
	running  int           // rebuilds running now
	overlap  int           // rebuilds that started while another ran
	hold     chan struct{} // if not nil, each rebuild waits until it is closed
}

func startWatch(ctx context.Context) *watcher {
	w := &watcher{start: time.Now(), changes: make(chan string), done: make(chan struct{}), returned: -1}
	go func() {
		defer close(w.done)
		Watch(ctx, w.changes, quiet, w.rebuild)
		w.mu.Lock()
		w.returned = time.Since(w.start)
		w.mu.Unlock()
	}()
	return w
}

func (w *watcher) rebuild(files []string) {
	w.mu.Lock()
	if w.returned >= 0 {
		w.late++
	}
	if w.running > 0 {
		w.overlap++
	}
	w.running++
	w.calls = append(w.calls, rebuildCall{time.Since(w.start), slices.Clone(files)})
	w.kept = append(w.kept, files)
	w.mu.Unlock()

	if w.hold != nil {
		<-w.hold
	}
	w.mu.Lock()
	w.running--
	w.mu.Unlock()
}

// at sleeps until d after the start of the test, then sends the change.
func (w *watcher) at(d time.Duration, name string) {
	time.Sleep(d - time.Since(w.start))
	w.changes <- name
}

// check waits until nothing is left to happen in the bubble, then compares.
func (w *watcher) check(t *testing.T, wantCalls []rebuildCall, wantReturned time.Duration) {
	t.Helper()
	time.Sleep(10 * time.Second) // long after any timer Watch might have left behind
	synctest.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	if !slices.EqualFunc(w.calls, wantCalls, func(a, b rebuildCall) bool {
		return a.at == b.at && slices.Equal(a.files, b.files)
	}) {
		t.Errorf("rebuild calls (time, files) = %v, want %v", w.calls, wantCalls)
	}
	if w.returned != wantReturned {
		t.Errorf("Watch returned at %v, want %v", w.returned, wantReturned)
	}
	if w.late > 0 {
		t.Errorf("rebuild was called %d times after Watch returned", w.late)
	}
	if w.overlap > 0 {
		t.Errorf("rebuild was called %d times while another rebuild was still running", w.overlap)
	}
	for i, files := range w.kept {
		if i < len(w.calls) && !slices.Equal(files, w.calls[i].files) {
			t.Errorf("rebuild call %d was given %v, and that slice now holds %v: Watch reused it after the call", i+1, w.calls[i].files, files)
		}
	}
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func TestBurstRebuildsOnceQuietAfterLastChange(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		// Not on whole milliseconds, not in sorted order.
		w.at(ms(0), "c.go")
		w.at(ms(100)+3*time.Microsecond, "a.go")
		w.at(ms(250)+500*time.Microsecond, "c.go")
		w.at(ms(400)+7, "b.go") // quiet from here: rebuild at 700ms and 7ns
		w.at(ms(1050), "e.go")
		w.at(ms(1060), "d.go")
		time.Sleep(ms(2000) - time.Since(w.start))
		close(w.changes)
		<-w.done

		w.check(t, []rebuildCall{
			{ms(700) + 7, []string{"a.go", "b.go", "c.go"}},
			{ms(1360), []string{"d.go", "e.go"}},
		}, ms(2000))
	})
}

func TestSteadyChangesPostponeTheRebuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		for i := range 10 { // one change every 299.9ms, each within quiet of the last
			w.at(time.Duration(i)*(quiet-100*time.Microsecond), fmt.Sprintf("gen%d.go", 2-i%3))
		}
		time.Sleep(ms(5000) - time.Since(w.start))
		close(w.changes)
		<-w.done

		w.check(t, []rebuildCall{
			{9*(quiet-100*time.Microsecond) + quiet, []string{"gen0.go", "gen1.go", "gen2.go"}},
		}, ms(5000))
	})
}

func TestCloseRebuildsPendingChangesAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		w.at(ms(0), "x.go")
		w.at(ms(100), "y.go")
		time.Sleep(ms(150) - time.Since(w.start))
		close(w.changes)
		<-w.done

		w.check(t, []rebuildCall{{ms(150), []string{"x.go", "y.go"}}}, ms(150))
	})
}

func TestCancelDropsPendingChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		w := startWatch(ctx)

		w.at(ms(0), "x.go")
		w.at(ms(500), "y.go") // x.go was rebuilt at 300ms
		time.Sleep(ms(600) - time.Since(w.start))
		cancel()
		<-w.done

		w.check(t, []rebuildCall{{ms(300), []string{"x.go"}}}, ms(600))
	})
}

func TestNoRebuildWithoutChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		time.Sleep(5 * time.Second)
		close(w.changes)
		<-w.done

		w.check(t, nil, 5*time.Second)
	})
}

func TestWatchReturnsOnlyAfterTheLastRebuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())
		w.hold = make(chan struct{}) // every rebuild takes until the test says so
		w.at(ms(0), "x.go")
		w.at(ms(100), "y.go")
		close(w.changes) // x.go and y.go are rebuilt at once, and rebuild blocks

		synctest.Wait()
		w.mu.Lock()
		returned, running := w.returned, w.running
		w.mu.Unlock()
		if returned >= 0 || running != 1 {
			t.Errorf("while the last rebuild runs: Watch returned at %v (-1: not yet), %d rebuilds running; want Watch still waiting for its one rebuild", returned, running)
		}

		close(w.hold)
		<-w.done
		w.check(t, []rebuildCall{{ms(100), []string{"x.go", "y.go"}}}, ms(100))
	})
}

func TestRebuildsDoNotOverlapOrShareTheirSlice(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())
		for burst := range 5 {
			at := time.Duration(burst) * time.Second
			w.at(at, fmt.Sprintf("z%d.go", burst))
			w.at(at+ms(10), fmt.Sprintf("a%d.go", burst))
		}
		time.Sleep(ms(6000) - time.Since(w.start))
		close(w.changes)
		<-w.done

		var want []rebuildCall
		for burst := range 5 {
			at := time.Duration(burst)*time.Second + ms(10) + quiet
			want = append(want, rebuildCall{at, []string{fmt.Sprintf("a%d.go", burst), fmt.Sprintf("z%d.go", burst)}})
		}
		w.check(t, want, ms(6000))
	})
}
