package a

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) IncTwice() {
	c.mu.Lock()
	c.n++
	c.mu.Lock() // want `c\.mu is already locked \(at line 11\) when it is locked again: Go mutexes are not reentrant`
	c.n++
	c.mu.Unlock()
}

func (c *Counter) IncTwiceOK() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// A deferred Unlock runs at return, not before the second Lock.
func (c *Counter) DeferThenLock() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.mu.Lock() // want `c\.mu is already locked`
	c.n++
}

func (c *Counter) DeferOnce() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Embedded mutex.
type Registry struct {
	sync.Mutex
	names map[string]bool
}

func (r *Registry) Add(name string) {
	r.Lock()
	defer r.Unlock()
	if !r.has(name) {
		r.names[name] = true
	}
}

func (r *Registry) has(name string) bool {
	r.Lock() // want `r is already locked \(by Add at line 49\) when has locks it again: Go mutexes are not reentrant, this blocks forever; call a helper that expects the lock held`
	defer r.Unlock()
	return r.names[name]
}

func (r *Registry) AddOK(name string) {
	r.Lock()
	defer r.Unlock()
	if !r.hasLocked(name) {
		r.names[name] = true
	}
}

// hasLocked expects r's lock held.
func (r *Registry) hasLocked(name string) bool {
	return r.names[name]
}

// A package-level mutex.
var (
	cacheMu sync.Mutex
	cache   = map[string]string{}
)

func Put(k, v string) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	cache[k] = v
	logPut(k)
}

func logPut(k string) {
	cacheMu.Lock() // want `cacheMu is already locked \(by Put at line 82\) when logPut locks it again`
	defer cacheMu.Unlock()
	_ = cache[k]
}

func PutOK(k, v string) {
	cacheMu.Lock()
	cache[k] = v
	cacheMu.Unlock()
	logPut(k)
}

// A local mutex.
func local() {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock() // want `mu is already locked`
}

func localOK() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Lock()
	mu.Unlock()
}
