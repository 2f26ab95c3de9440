package a

import (
	"errors"
	"sync"
)

type Item struct{ name string }

type Registry struct {
	mu    sync.Mutex
	items []*Item
	n     int
}

// Python: "with self.lock:" releases on return; a bare Lock does not.
//
//	def find(self, name):
//	    with self.lock:
//	        for it in self.items:
//	            if it.name == name:
//	                return it
func (r *Registry) Find(name string) *Item {
	r.mu.Lock()
	for _, it := range r.items {
		if it.name == name {
			return it // want `return with r\.mu still locked \(locked at line 24\)`
		}
	}
	r.mu.Unlock()
	return nil
}

func (r *Registry) FindOK(name string) *Item {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, it := range r.items {
		if it.name == name {
			return it
		}
	}
	return nil
}

// Java: lock.lock(); try { ... } finally { lock.unlock(); } without the
// finally.
func (r *Registry) Remove(name string) error {
	r.mu.Lock()
	for i, it := range r.items {
		if it.name == name {
			r.items = append(r.items[:i], r.items[i+1:]...)
			r.mu.Unlock()
			return nil
		}
	}
	if r.n == 0 {
		err := errors.New("empty")
		return err // want `return with r\.mu still locked`
	}
	r.mu.Unlock()
	return errors.New("not found")
}

// A conditional acquire: unlocks on its error path, returns holding the
// lock otherwise, for the caller to unlock.
func (r *Registry) acquire() error {
	r.mu.Lock()
	if r.n < 0 {
		r.mu.Unlock()
		return errors.New("closed")
	}
	return nil
}

// A lock taken for the caller: no unlock at all.
func (r *Registry) lock() *Registry {
	r.mu.Lock()
	return r
}

// Named ...Locked: runs with the lock held and returns with it held.
func (r *Registry) growLocked(n int) error {
	r.mu.Unlock()
	items := make([]*Item, 0, n)
	r.mu.Lock()
	if n == 0 {
		return nil
	}
	r.items = append(items, r.items...)
	r.mu.Unlock()
	r.mu.Lock()
	return nil
}

// The unlock is handed to a goroutine.
func (r *Registry) Async(done func()) {
	r.mu.Lock()
	if r.n == 0 {
		r.mu.Unlock()
		return
	}
	go func() {
		defer r.mu.Unlock()
		done()
	}()
}

// The unlock is handed back to the caller.
func (r *Registry) Acquire(ok bool) (func(), error) {
	r.mu.Lock()
	if !ok {
		r.mu.Unlock()
		return nil, errors.New("no")
	}
	return r.mu.Unlock, nil
}

// A panic is not a return.
func (r *Registry) Must(i int) *Item {
	r.mu.Lock()
	if i >= len(r.items) {
		panic("index out of range")
	}
	it := r.items[i]
	r.mu.Unlock()
	return it
}

// A helper that unlocks counts as an unlock.
func (r *Registry) finish() error {
	r.mu.Unlock()
	return nil
}

func (r *Registry) Update(i int) error {
	r.mu.Lock()
	if i < 0 {
		return r.finish()
	}
	r.n = i
	r.mu.Unlock()
	return nil
}

// A helper that locks for the caller: a return between it and the unlock.
func (r *Registry) Bump() error {
	r.lock()
	if r.n < 0 {
		return errors.New("negative") // want `return with r\.mu still locked \(locked by lock at line 147\): every later Lock of it blocks forever; Unlock before this return`
	}
	r.n++
	r.mu.Unlock()
	return nil
}

// TryLock is not tracked.
func (r *Registry) Try() bool {
	if !r.mu.TryLock() {
		return false
	}
	defer r.mu.Unlock()
	return true
}

// Hand-over-hand locking along a list reassigns the variable naming the
// lock.
type node struct {
	mu   sync.Mutex
	next *node
	v    int
}

func find(head *node, v int) *node {
	n := head
	n.mu.Lock()
	for n.v != v {
		next := n.next
		if next == nil {
			n.mu.Unlock()
			return nil
		}
		next.mu.Lock()
		n.mu.Unlock()
		n = next
	}
	n.mu.Unlock()
	return n
}
