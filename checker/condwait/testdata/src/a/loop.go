package a

import "sync"

// --- Wait outside a loop. ---

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(x int) {
	q.mu.Lock()
	q.items = append(q.items, x)
	q.mu.Unlock()
	q.cond.Broadcast()
}

// The Java "if (items.isEmpty()) notEmpty.await();" port.
func (q *queue) take() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait() // want `q\.cond\.Wait\(\) is not in a loop`
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x
}

// Negative twin: the loop rechecks.
func (q *queue) take2() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x
}

// Negative twin: an infinite loop with the check inside.
func (q *queue) take3() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if len(q.items) > 0 {
			break
		}
		q.cond.Wait()
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x
}

// A one-shot wait in a goroutine: a Signal before it starts is lost.
func (q *queue) onFirst(f func()) {
	go func() {
		q.mu.Lock()
		q.cond.Wait() // want `q\.cond\.Wait\(\) is not in a loop`
		q.mu.Unlock()
		f()
	}()
}

// A switch is no loop either.
func (q *queue) takeOr(def int) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case len(q.items) == 0:
		q.cond.Wait() // want `q\.cond\.Wait\(\) is not in a loop`
	}
	if len(q.items) == 0 {
		return def
	}
	return q.items[0]
}

// Negative: a wrapper its callers loop around.
func (q *queue) waitLocked() {
	q.cond.Wait()
}

func (q *queue) take4() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.waitLocked()
	}
	return q.items[0]
}

// A helper that waits once, called outside a loop.
func (q *queue) waitOnce() {
	q.cond.Wait() // want `q\.cond\.Wait\(\) is not in a loop`
}

func (q *queue) take5() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.waitOnce()
	return q.items[0]
}

// Wait as a function value (kubernetes11298).
func after(f func()) <-chan struct{} {
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		f()
	}()
	return ch
}

func (q *queue) serve(abort <-chan struct{}) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		select {
		case <-abort:
			return
		case <-after(q.cond.Wait): // want `q\.cond\.Wait is passed as a function value`
		}
	}
}
