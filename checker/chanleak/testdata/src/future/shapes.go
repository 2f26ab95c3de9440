package future

import (
	"context"
	"errors"
	"time"
)

type Outcome struct {
	Val int
	Err error
}

// 1. goroutine started by a Start method
type STask struct {
	fn  func() int
	out chan Outcome
}

func NewTask(fn func() int) *STask { return &STask{fn: fn, out: make(chan Outcome)} }

func (t *STask) Start() {
	go func() {
		t.out <- Outcome{Val: t.fn()} // want `this send on t.out blocks forever once \(\*STask\).Await gives up: only Await receives from it, and its <-ctx.Done\(\) case at line \d+ returns without receiving; make this send a select that also waits on a channel closed when Await gives up`
	}()
}

func (t *STask) Await(timeout time.Duration) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	select {
	case r := <-t.out:
		return r.Val, r.Err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// 2. generic promise with exported Resolve/Reject
type GPromise[T any] struct {
	val chan T
	err chan error
}

func NewGPromise[T any]() *GPromise[T] {
	return &GPromise[T]{val: make(chan T), err: make(chan error)}
}

func (p *GPromise[T]) Resolve(v T)    { p.val <- v } // want `this send on p.val blocks forever once \(\*GPromise\).Await gives up: only Await receives from it, and its <-ctx.Done\(\) case`
func (p *GPromise[T]) Reject(e error) { p.err <- e } // want `this send on p.err blocks forever once \(\*GPromise\).Await gives up: only Await receives from it, and its <-ctx.Done\(\) case`
func (p *GPromise[T]) Await(ctx context.Context) (T, error) {
	var zero T
	select {
	case v := <-p.val:
		return v, nil
	case e := <-p.err:
		return zero, e
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

func Async[T any](f func() (T, error)) *GPromise[T] {
	p := NewGPromise[T]()
	go func() {
		v, err := f()
		if err != nil {
			p.Reject(err)
			return
		}
		p.Resolve(v)
	}()
	return p
}

// 3. Then chaining
type Fut struct{ c chan int }

func Run(f func() int) *Fut {
	r := &Fut{c: make(chan int)}
	go func() { r.c <- f() }() // want `this send on r.c blocks forever once \(\*Fut\).GetWithin gives up: GetWithin is one of 2 functions that receive from it, and its <-t.C case`
	return r
}

func (f *Fut) Then(g func(int) int) *Fut {
	r := &Fut{c: make(chan int)}
	go func() { r.c <- g(<-f.c) }() // want `this send on r.c blocks forever once \(\*Fut\).GetWithin gives up`
	return r
}

func (f *Fut) GetWithin(d time.Duration) (int, bool) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case v := <-f.c:
		return v, true
	case <-t.C:
		return 0, false
	}
}

// 4. CompletableFuture with a Complete method and get with a deadline
type CompletableFuture struct {
	done chan int
}

func NewCompletableFuture() *CompletableFuture { return &CompletableFuture{done: make(chan int)} }

func (c *CompletableFuture) Complete(v int) { c.done <- v } // want `this send on c.done blocks forever once \(\*CompletableFuture\).Get gives up: only Get receives from it, and its <-time.After\(time.Until\(deadline\)\) case`

func (c *CompletableFuture) Get(deadline time.Time) (int, error) {
	select {
	case v := <-c.done:
		return v, nil
	case <-time.After(time.Until(deadline)):
		return 0, errors.New("deadline")
	}
}

func SupplyAsync(f func() int) *CompletableFuture {
	cf := NewCompletableFuture()
	go func() { cf.Complete(f()) }()
	return cf
}

// The same promise awaited without a context: the sender sends on one of
// the two channels, and Settle takes either. Quiet.
type GPromise2[T any] struct {
	val chan T
	err chan error
}

func (p *GPromise2[T]) Resolve(v T)    { p.val <- v }
func (p *GPromise2[T]) Reject(e error) { p.err <- e }
func (p *GPromise2[T]) Settle() (T, error) {
	var zero T
	select {
	case v := <-p.val:
		return v, nil
	case e := <-p.err:
		return zero, e
	}
}

func Async2[T any](f func() (T, error)) *GPromise2[T] {
	p := &GPromise2[T]{val: make(chan T), err: make(chan error)}
	go func() {
		v, err := f()
		if err != nil {
			p.Reject(err)
			return
		}
		p.Resolve(v)
	}()
	return p
}
