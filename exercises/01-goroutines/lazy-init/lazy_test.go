//go:build accent

package lazyinit

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// loader is a fake load func. Reading and parsing the file takes a second
// on the bubble's fake clock, or, with busy set, some real work that never
// sleeps. It counts its calls.
type loader struct {
	calls atomic.Int32
	busy  bool
	err   error // what load returns, if not nil
}

func (ld *loader) load() (*Config, error) {
	ld.calls.Add(1)
	if ld.busy {
		// A synctest bubble's clock stands still while a goroutine waits
		// for a mutex, so a load that many goroutines wait for must not
		// sleep. It yields instead, to let the others reach Get meanwhile.
		for range 100 {
			runtime.Gosched()
		}
	} else {
		time.Sleep(time.Second)
	}
	if ld.err != nil {
		return nil, ld.err
	}
	return &Config{Addr: ":8080", Workers: 4}, nil
}

func TestNothingLoadedBeforeTheFirstGet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ld := &loader{}
		l := New(ld.load)
		synctest.Wait()
		if n := ld.calls.Load(); n != 0 {
			t.Fatalf("New called load %d time(s), want 0: load on the first Get, not before", n)
		}
		cfg, err := l.Get()
		if err != nil || cfg == nil || cfg.Addr != ":8080" {
			t.Fatalf("Get() = %+v, %v; want the loaded config and no error", cfg, err)
		}
		if n := ld.calls.Load(); n != 1 {
			t.Errorf("the first Get called load %d time(s), want 1", n)
		}
	})
}

func TestSecondGetDoesNotLoadAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ld := &loader{}
		l := New(ld.load)
		first, _ := l.Get()
		start := time.Now()
		second, err := l.Get()
		if err != nil {
			t.Fatalf("second Get: unexpected error %v", err)
		}
		if n := ld.calls.Load(); n != 1 {
			t.Errorf("two Gets, one after the other, called load %d times, want 1", n)
		}
		if first != second {
			t.Errorf("the second Get returned %p, the first %p: want the same *Config", second, first)
		}
		if took := time.Since(start); took != 0 {
			t.Errorf("the second Get took %v, want no time at all: the config is already loaded", took)
		}
	})
}

func TestConcurrentGetsShareOneLoad(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const callers = 10
		ld := &loader{busy: true}
		l := New(ld.load)
		got := make([]*Config, callers)
		start := time.Now()
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				got[i], _ = l.Get()
			})
		}
		wg.Wait()
		if took := time.Since(start); took != 0 {
			t.Errorf("a load that takes no time kept the callers waiting %v: wait for the load itself, not for a timer", took)
		}
		if n := ld.calls.Load(); n != 1 {
			t.Errorf("%d goroutines calling Get at once called load %d times, want 1", callers, n)
		}
		for i := range callers {
			if got[i] == nil || got[i] != got[0] {
				t.Errorf("caller %d got %p, caller 0 got %p: want the same, loaded *Config for everybody, even those that arrive while load runs", i, got[i], got[0])
			}
		}
	})
}

func TestLoadFailureIsRemembered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errMissing := errors.New("open /etc/app.conf: no such file or directory")
		ld := &loader{err: errMissing}
		l := New(ld.load)
		for i := range 3 {
			cfg, err := l.Get()
			if !errors.Is(err, errMissing) || cfg != nil {
				t.Errorf("Get #%d = %v, %v; want nil and the load error %q", i+1, cfg, err, errMissing)
			}
		}
		if n := ld.calls.Load(); n != 1 {
			t.Errorf("three Gets after a failed load called load %d times, want 1: remember the error as well as the config", n)
		}
	})
}

// blockedIn counts the goroutines that are blocked (on a channel, a mutex
// or the like) with fn on their stack.
func blockedIn(fn string) int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(g, fn) {
			continue
		}
		for _, state := range []string{"[chan ", "[select", "[sync.", "[semacquire"} {
			if strings.Contains(header, state) {
				n++
				break
			}
		}
	}
	return n
}

// until yields until cond holds, for at most a second of real time (which
// only a Lazy that never blocks its callers waits out), and reports
// whether it held.
func until(cond func() bool) bool {
	deadline := time.Now().Add(time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		runtime.Gosched()
	}
	return true
}

// TestCallersWaitBlockedWhileLoadRuns runs outside a synctest bubble (a
// bubble's clock stands still while a goroutine waits for a mutex, as
// sync.Once's callers do), and never sleeps: the load blocks until the
// test lets it finish, and the test reads the goroutines' stacks to see
// that the other callers are blocked, not spinning.
func TestCallersWaitBlockedWhileLoadRuns(t *testing.T) {
	const callers = 4
	gate := make(chan struct{})
	var calls atomic.Int32
	l := New(func() (*Config, error) {
		calls.Add(1)
		<-gate
		return &Config{Addr: ":9090", Workers: 2}, nil
	})
	got := make([]*Config, callers)
	var done atomic.Int32
	for i := range callers {
		go func() {
			defer done.Add(1)
			got[i], _ = l.Get()
		}()
	}
	// One goroutine is in load, blocked on the gate; the others must be
	// blocked too, waiting for it.
	blocked := until(func() bool { return blockedIn(".(*Lazy).Get(") >= callers })
	close(gate)
	if !until(func() bool { return done.Load() == callers }) {
		t.Fatalf("%d of %d Gets still running after the load returned", callers-int(done.Load()), callers)
	}
	if !blocked {
		t.Errorf("while load ran, the other callers of Get were not blocked: make them wait for it (sync.Once does), not spin")
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d goroutines calling Get at once called load %d times, want 1", callers, n)
	}
	for i := range callers {
		if got[i] == nil || got[i] != got[0] {
			t.Errorf("caller %d got %p, caller 0 got %p: want the same, loaded *Config for everybody", i, got[i], got[0])
		}
	}
}
