package a

import "sync"

// --- A Wait loop whose condition nothing can change (moby27782). ---

type watcher struct {
	mu      sync.Mutex
	cv      *sync.Cond
	removed bool
}

func newWatcher() *watcher {
	w := &watcher{}
	w.cv = sync.NewCond(&w.mu)
	return w
}

func (w *watcher) notify() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cv.Broadcast()
}

func (w *watcher) remove() {
	w.mu.Lock()
	defer w.mu.Unlock()
	exists := true
	for exists {
		w.cv.Wait() // want `the loop around w\.cv\.Wait\(\) checks exists, which only local variables decide`
	}
}

// The Python port of "while not done: cond.wait()" with done copied into
// a local first.
func (w *watcher) waitRemoved() {
	w.mu.Lock()
	defer w.mu.Unlock()
	removed := w.removed
	for !removed {
		w.cv.Wait() // want `checks !removed, which only local variables decide`
	}
}

// Negative twin: the loop reads the field again each time round.
func (w *watcher) waitRemoved2() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !w.removed {
		w.cv.Wait()
	}
}

// Negative twin: the local is refreshed in the loop.
func (w *watcher) waitRemoved3() {
	w.mu.Lock()
	defer w.mu.Unlock()
	removed := w.removed
	for !removed {
		w.cv.Wait()
		removed = w.removed
	}
}

// Negative twin: the body breaks out.
func (w *watcher) waitOnce() {
	w.mu.Lock()
	defer w.mu.Unlock()
	exists := true
	for exists {
		w.cv.Wait()
		if w.removed {
			break
		}
	}
}

// Negative twin: a closure the signaller runs changes the local.
func (w *watcher) waitFlag(register func(func())) {
	w.mu.Lock()
	defer w.mu.Unlock()
	done := false
	register(func() {
		w.mu.Lock()
		done = true
		w.mu.Unlock()
		w.cv.Broadcast()
	})
	for !done {
		w.cv.Wait()
	}
}
