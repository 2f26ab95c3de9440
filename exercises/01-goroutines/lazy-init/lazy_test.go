//go:build accent

package lazyinit

import (
	"errors"
	"runtime"
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
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				got[i], _ = l.Get()
			})
		}
		wg.Wait()
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
