package a

import "sync"

type T struct {
	mu sync.Mutex
	rw sync.RWMutex
	c  *sync.Cond
	n  int
}

// TryLock on a held mutex fails instead of blocking.
func (t *T) try() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.mu.TryLock() {
		t.mu.Unlock()
	}
}

// A sync.Locker is an interface: not followed.
func (t *T) locker() {
	var l sync.Locker = &t.mu
	l.Lock()
	l.Lock()
}

// A deferred closure unlocks at return.
func (t *T) deferredClosure() {
	t.mu.Lock()
	defer func() {
		t.mu.Unlock()
	}()
	t.n++
}

func (t *T) afterDeferredClosure() {
	t.deferredClosure()
	t.mu.Lock()
	t.mu.Unlock()
}

// Cond.Wait unlocks and relocks.
func (t *T) wait() {
	t.mu.Lock()
	for t.n == 0 {
		t.c.Wait()
	}
	t.mu.Unlock()
}

// Two read locks of the same RWMutex on different paths.
func (t *T) branches(b bool) {
	if b {
		t.rw.RLock()
		defer t.rw.RUnlock()
	} else {
		t.rw.Lock()
		defer t.rw.Unlock()
	}
	t.n++
}

// A panic ends the path.
func (t *T) panics() {
	t.mu.Lock()
	if t.n < 0 {
		panic("negative")
	}
	t.mu.Unlock()
	t.mu.Lock()
	t.mu.Unlock()
}

// Unlock through a method value.
func (t *T) methodValue() {
	t.mu.Lock()
	unlock := t.mu.Unlock
	unlock()
	t.mu.Lock()
	t.mu.Unlock()
}

// The same field of two values of a type.
func swap(a, b *T) {
	a.mu.Lock()
	b.mu.Lock()
	a.n, b.n = b.n, a.n
	b.mu.Unlock()
	a.mu.Unlock()
}
