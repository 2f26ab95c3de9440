//go:build accent

package safecache

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// These tests do not run in a synctest bubble: a bubble's clock stands still
// while any goroutine waits for a mutex, and a Cache may well use one. They
// never sleep either. A fetch that must take long blocks on a gate the test
// opens, and the test looks at the goroutines' stacks to see who is blocked.

// fetcher is a fake fetch func. A key with a gate blocks until the test
// opens it; any other key returns at once. It counts the calls per key.
type fetcher struct {
	mu    sync.Mutex
	calls map[string]int
	gates map[string]chan struct{}
}

func newFetcher(t *testing.T, gated ...string) *fetcher {
	f := &fetcher{calls: map[string]int{}, gates: map[string]chan struct{}{}}
	for _, key := range gated {
		f.gates[key] = make(chan struct{})
	}
	t.Cleanup(func() {
		for key := range f.gates {
			f.open(key) // let blocked fetches end, whatever the test saw
		}
	})
	return f
}

func (f *fetcher) fetch(key string) string {
	f.mu.Lock()
	f.calls[key]++
	gate := f.gates[key]
	f.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return "value of " + key
}

func (f *fetcher) open(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if gate := f.gates[key]; gate != nil {
		close(gate)
		delete(f.gates, key)
	}
}

func (f *fetcher) callsOf(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[key]
}

// blockedInGet counts the goroutines that are blocked (on a channel, a
// mutex or the like) with Cache.Get on their stack.
func blockedInGet() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(g, ".(*Cache).Get(") {
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
// only a broken Cache ever waits out), and reports whether it held.
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

// get calls c.Get(key) in a goroutine and fails the test if it blocks, as
// nothing else is using c.
func get(t *testing.T, c *Cache, key string) string {
	t.Helper()
	var v string
	var done atomic.Bool
	go func() {
		v = c.Get(key)
		done.Store(true)
	}()
	until(func() bool { return done.Load() || blockedInGet() > 0 })
	if !done.Load() {
		t.Fatalf("Get(%q) blocked with no other goroutine using the Cache: is its mutex still locked from an earlier call, or locked twice?", key)
	}
	return v
}

func TestHitDoesNotFetchAgain(t *testing.T) {
	f := newFetcher(t)
	c := New(f.fetch)
	for _, key := range []string{"ada", "ada", "grace", "ada"} {
		if got, want := get(t, c, key), "value of "+key; got != want {
			t.Errorf("Get(%q) = %q, want %q", key, got, want)
		}
	}
	if n := f.callsOf("ada"); n != 1 {
		t.Errorf("three Gets of ada fetched it %d times, want 1", n)
	}
}

func TestSameKeyIsFetchedOnce(t *testing.T) {
	const callers = 5
	f := newFetcher(t, "ada")
	c := New(f.fetch)
	got := make([]string, callers)
	var done atomic.Int32
	for i := range callers {
		go func() {
			got[i] = c.Get("ada")
			done.Add(1)
		}()
	}
	// Every caller is in Get, blocked: one in the fetch of ada, which has
	// not returned, the others waiting for it.
	blocked := until(func() bool { return blockedInGet() >= callers })
	f.open("ada")
	if !until(func() bool { return done.Load() == callers }) {
		t.Fatalf("%d of %d Gets of ada still blocked after its fetch returned", callers-int(done.Load()), callers)
	}
	if !blocked {
		t.Errorf("while ada was being fetched, the other callers of Get(\"ada\") were not blocked: make them wait for the fetch in progress, not spin or poll")
	}
	if n := f.callsOf("ada"); n != 1 {
		t.Errorf("%d goroutines asking for ada at the same time fetched it %d times, want 1: the others must wait for the fetch in progress", callers, n)
	}
	for i, v := range got {
		if v != "value of ada" {
			t.Errorf("caller %d got %q, want %q", i, v, "value of ada")
		}
	}
}

func TestDifferentKeysDoNotWaitForEachOther(t *testing.T) {
	f := newFetcher(t, "slow")
	c := New(f.fetch)
	var slowDone, fastDone atomic.Bool
	go func() {
		c.Get("slow")
		slowDone.Store(true)
	}()
	until(func() bool { return blockedInGet() >= 1 }) // in the fetch of slow
	go func() {
		c.Get("fast")
		fastDone.Store(true)
	}()
	until(func() bool { return fastDone.Load() || blockedInGet() >= 2 })
	if !fastDone.Load() {
		t.Errorf("Get(\"fast\") is blocked while slow is being fetched: do not hold the lock while fetch runs")
	}
	f.open("slow")
	if !until(func() bool { return slowDone.Load() && fastDone.Load() }) {
		t.Fatalf("Gets still blocked after every fetch returned (slow done: %v, fast done: %v)", slowDone.Load(), fastDone.Load())
	}
}

func TestTwoKeysInFlightWithWaitersOnEach(t *testing.T) {
	const perKey = 3
	f := newFetcher(t, "ada", "grace")
	c := New(f.fetch)
	keys := []string{"ada", "grace"}
	got := make([]string, 2*perKey)
	var done [2]atomic.Int32
	for i := range got {
		k := i % 2
		go func() {
			got[i] = c.Get(keys[k])
			done[k].Add(1)
		}()
	}
	// Both fetches are in progress, each with callers waiting for it.
	until(func() bool { return blockedInGet() >= 2*perKey })
	// Both fetches end at once: ada's callers read its value while grace's
	// fetch stores its own, and the test looks at neither in between.
	f.open("ada")
	f.open("grace")
	if !until(func() bool { return done[0].Load()+done[1].Load() == 2*perKey }) {
		t.Fatalf("%d of %d Gets still blocked after every fetch returned", 2*perKey-int(done[0].Load()+done[1].Load()), 2*perKey)
	}
	for i, v := range got {
		if want := "value of " + keys[i%2]; v != want {
			t.Errorf("caller %d of %s got %q, want %q", i, keys[i%2], v, want)
		}
	}
	for _, key := range keys {
		if n := f.callsOf(key); n != 1 {
			t.Errorf("%s fetched %d times, want 1", key, n)
		}
	}
}

func TestManyGoroutinesManyKeys(t *testing.T) {
	const goroutines, keys = 8, 10
	f := newFetcher(t)
	c := New(f.fetch)
	var wrong atomic.Int32
	var done atomic.Int32
	for g := range goroutines {
		go func() {
			defer done.Add(1)
			for k := range keys {
				key := fmt.Sprintf("user-%d", (g+k)%keys)
				if c.Get(key) != "value of "+key {
					wrong.Add(1)
				}
			}
		}()
	}
	if !until(func() bool { return done.Load() == goroutines }) {
		t.Fatalf("%d of %d goroutines still blocked in Get", goroutines-int(done.Load()), goroutines)
	}
	if n := wrong.Load(); n != 0 {
		t.Errorf("%d Gets returned another key's value", n)
	}
	for k := range keys {
		key := fmt.Sprintf("user-%d", k)
		if n := f.callsOf(key); n != 1 {
			t.Errorf("%s fetched %d times, want 1", key, n)
		}
	}
}
