// Package future holds ports of Future, Promise and CompletableFuture:
// a goroutine sends its result on a channel kept in a struct, and another
// method receives it.
package future

import (
	"context"
	"errors"
	"log"
	"testing"
	"time"
)

// A Future whose Get can give up on its context.

type Future struct {
	ch chan int
}

func Go(f func() int) *Future {
	fut := &Future{ch: make(chan int)}
	go func() {
		fut.ch <- f() // want `this send on fut.ch blocks forever once \(\*Future\).Get gives up: only Get receives from it, and its <-ctx.Done\(\) case at line 32 returns without receiving; give fut.ch a buffer of 1, or make the sender select on a done channel that the receiver closes when it gives up`
	}()
	return fut
}

func (f *Future) Get(ctx context.Context) (int, error) {
	select {
	case v := <-f.ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A generic Future with a timeout, the Java Future.get(timeout, unit).

type Task[T any] struct {
	result chan T
}

func Submit[T any](f func() T) *Task[T] {
	t := &Task[T]{result: make(chan T)}
	go func() {
		v := f()
		t.result <- v // want `this send on t.result blocks forever once \(\*Task\).GetTimeout gives up: only GetTimeout receives from it, and its <-time.After\(d\) case at line 58 returns`
	}()
	return t
}

var ErrTimeout = errors.New("timeout")

func (t *Task[T]) GetTimeout(d time.Duration) (T, error) {
	select {
	case v := <-t.result:
		return v, nil
	case <-time.After(d):
		var zero T
		return zero, ErrTimeout
	}
}

// A Promise: resolve and reject are callbacks that send on unbuffered
// channels; Await can give up on its context.

type Promise struct {
	val chan string
	err chan error
}

func NewPromise(exec func(resolve func(string), reject func(error))) *Promise {
	p := &Promise{val: make(chan string), err: make(chan error)}
	go exec(
		func(v string) { p.val <- v }, // want `this send on p.val blocks forever once \(\*Promise\).Await gives up: only Await receives from it, and its <-ctx.Done\(\) case at line 87 returns`
		func(e error) { p.err <- e },  // want `this send on p.err blocks forever once \(\*Promise\).Await gives up: only Await receives from it, and its <-ctx.Done\(\) case at line 87 returns`
	)
	return p
}

func (p *Promise) Await(ctx context.Context) (string, error) {
	select {
	case v := <-p.val:
		return v, nil
	case err := <-p.err:
		return "", err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// A CompletableFuture run by a worker pool: the task closure sends, and
// Get gives up when its timer fires.

type Executor struct {
	tasks chan func()
}

func NewExecutor(n int) *Executor {
	e := &Executor{tasks: make(chan func())}
	for range n {
		go func() {
			for task := range e.tasks {
				task()
			}
		}()
	}
	return e
}

func (e *Executor) Shutdown() { close(e.tasks) }

type Handle struct {
	done chan error
}

func (e *Executor) Submit(task func() error) *Handle {
	h := &Handle{done: make(chan error)}
	e.tasks <- func() {
		h.done <- task() // want `this send on h.done blocks forever once \(\*Handle\).Get gives up: only Get receives from it, and its <-timer.C case at line 131 returns`
	}
	return h
}

func (h *Handle) Get(timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-h.done:
		return err
	case <-timer.C:
		return ErrTimeout
	}
}

// A job completed by a method the goroutine calls, and cancelled through
// a channel that Cancel closes.

type job struct {
	out       chan []byte
	cancelled chan struct{}
}

func startJob(fetch func() []byte) *job {
	j := &job{out: make(chan []byte), cancelled: make(chan struct{})}
	go j.run(fetch)
	return j
}

func (j *job) run(fetch func() []byte) {
	j.complete(fetch())
}

func (j *job) complete(b []byte) {
	j.out <- b // want `this send on j.out blocks forever once \(\*job\).wait gives up: only wait receives from it, and its <-j.cancelled case at line 164 returns`
}

func (j *job) Cancel() { close(j.cancelled) }

func (j *job) wait() ([]byte, error) {
	select {
	case b := <-j.out:
		return b, nil
	case <-j.cancelled:
		return nil, errors.New("cancelled")
	}
}

func useJob() {
	j := startJob(func() []byte { return nil })
	go j.Cancel()
	b, err := j.wait()
	log.Println(b, err)
}

// A test helper that checks nothing arrives: a value on the channel fails
// the test, so the timeout is the expected path, not a give-up. Quiet.
type notifier struct{ events chan string }

func newNotifier() *notifier { return &notifier{events: make(chan string)} }

func (n *notifier) notify(s string) { n.events <- s }

func expectNothing(t *testing.T, n *notifier) {
	go n.notify("unexpected")
	select {
	case e := <-n.events:
		t.Fatalf("unexpected event %s", e)
	case <-time.After(10 * time.Millisecond):
	}
}
