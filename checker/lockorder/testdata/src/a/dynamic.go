package a

import "sync"

// Lock order through calls whose targets the package knows (the GoBench
// kubernetes13135 shape): an interface method implemented in the package,
// and a method value stored in a func field.

type Store interface {
	Replace(v int)
}

type Reflector struct{ store Store }

func (r *Reflector) sync() { r.store.Replace(0) }

type Cacher struct {
	mu        sync.Mutex
	reflector *Reflector
	n         int
}

func (c *Cacher) processEvent() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *Cacher) startCaching() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reflector.sync() // want `lock order inversion: Cacher\.mu then WatchCache\.mu here \(locked by Replace`
}

type WatchCache struct {
	mu      sync.RWMutex
	onEvent func()
	v       int
}

func (w *WatchCache) Replace(v int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.v = v
}

func (w *WatchCache) Add() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.onEvent != nil {
		w.onEvent()
	}
}

func NewCacher() *Cacher {
	w := &WatchCache{}
	c := &Cacher{reflector: &Reflector{store: w}}
	w.onEvent = c.processEvent
	return c
}

// Negative twin: the callback that takes the Bus lock runs after the
// Topic lock is released.

type Topic struct {
	mu     sync.Mutex
	notify func()
	items  []int
}

type Bus struct {
	mu     sync.Mutex
	topics []*Topic
	count  int
}

func (h *Bus) bump() {
	h.mu.Lock()
	h.count++
	h.mu.Unlock()
}

func (h *Bus) Attach(f *Topic) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f.mu.Lock()
	f.notify = h.bump
	f.mu.Unlock()
	h.topics = append(h.topics, f)
}

func (f *Topic) Push(v int) {
	f.mu.Lock()
	f.items = append(f.items, v)
	notify := f.notify
	f.mu.Unlock()
	if notify != nil {
		notify()
	}
}
