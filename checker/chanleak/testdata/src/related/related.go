// Package related holds chanleak findings whose related positions the
// test checks: the go statement, the return, the select, the make.
package related

import (
	"context"
	"errors"
)

func fetch() (int, error) { return 1, nil }

// A sender left behind by an early return.
func first(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { // related "the goroutine is started here"
		n, _ := fetch()
		ch <- n // want `goroutine started at line 15 sends on ch`
	}()
	select { // related "this select can take another case"
	case n := <-ch:
		return n, nil
	case <-ctx.Done():
		return 0, ctx.Err() // related "first returns here without receiving from ch"
	}
}

// A receiver left behind: the function returns on error without closing.
func feed(items []int) error {
	jobs := make(chan int)
	go work(jobs) // related "the goroutine is started here"
	for _, it := range items {
		if it < 0 {
			return errors.New("negative") // related "feed returns here without closing jobs"
		}
		jobs <- it
	}
	close(jobs)
	return nil
}

func work(jobs <-chan int) {
	for j := range jobs { // want `goroutine started at line 30 receives from jobs`
		_ = j
	}
}

// A channel nothing receives from.
func never(n int) {
	done := make(chan int) // related "done is made here"
	done <- n              // want `nothing in this package receives from done`
}

type source struct{ c chan int }

func (s *source) get() chan int { return s.c }

func newSource() *source {
	return &source{c: make(chan int)} // related "the channel is made here"
}

func consume(s *source) int {
	return <-s.get() // want `nothing in this package sends on or closes the channel s.get\(\) returns`
}

// A Future whose Get gives up on its context.
type future struct{ ch chan int }

func goFuture() *future {
	f := &future{ch: make(chan int)} // related "the channel is made here, without a buffer"
	go func() {
		f.ch <- 1 // want `this send on f.ch blocks forever once \(\*future\).get gives up`
	}()
	return f
}

func (f *future) get(ctx context.Context) (int, error) {
	select {
	case v := <-f.ch:
		return v, nil
	case <-ctx.Done(): // related "get can take this case instead of receiving"
		return 0, ctx.Err() // related "get returns here without receiving from f.ch"
	}
}

// A channel its starter returns, dropped by a caller.
func spawn() chan int {
	ch := make(chan int)
	go func() { ch <- 1 }() // want `this send waits for a receive from the channel that spawn returns, but the call at line \d+ drops the result`
	return ch
}

func useSpawn() {
	spawn() // related "the result of spawn is dropped here"
	<-spawn()
}
