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
	returned time.Duration // when Watch returned, -1 while it runs
	late     int           // rebuilds after Watch returned
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
	defer w.mu.Unlock()
	if w.returned >= 0 {
		w.late++
	}
	w.calls = append(w.calls, rebuildCall{time.Since(w.start), slices.Clone(files)})
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
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func TestBurstRebuildsOnceQuietAfterLastChange(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		w.at(ms(0), "a.go")
		w.at(ms(100), "b.go")
		w.at(ms(250), "a.go")
		w.at(ms(400), "c.go") // quiet from here: rebuild at 700ms
		w.at(ms(1050), "d.go")
		time.Sleep(ms(2000) - time.Since(w.start))
		close(w.changes)
		<-w.done

		w.check(t, []rebuildCall{
			{ms(700), []string{"a.go", "b.go", "c.go"}},
			{ms(1350), []string{"d.go"}},
		}, ms(2000))
	})
}

func TestSteadyChangesPostponeTheRebuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := startWatch(t.Context())

		for i := range 10 { // one change every 250ms, each within quiet of the last
			w.at(time.Duration(i)*250*time.Millisecond, fmt.Sprintf("gen%d.go", i%3))
		}
		time.Sleep(ms(5000) - time.Since(w.start))
		close(w.changes)
		<-w.done

		w.check(t, []rebuildCall{
			{ms(2250 + 300), []string{"gen0.go", "gen1.go", "gen2.go"}},
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
