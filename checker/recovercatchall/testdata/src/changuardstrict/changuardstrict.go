// Package changuardstrict has recovers that guard only a close or a send on a
// channel that may be closed, and their twins.
package changuardstrict

import (
	"log"
	"reflect"
)

type Status int

// closeListener closes ch unless it is already closed.
func closeListener(ch chan Status) {
	defer func() { _ = recover() }() // want `recover\(\) swallows the panic`
	close(ch)
}

// trySend sends unless ch is closed.
func trySend(ch chan<- Status, s Status) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) swallows the panic`
			log.Print("listener gone")
		}
	}()
	ch <- s
}

// deliver sends through reflect, as a callback that the user's channel
// may have been closed under.
func deliver(ch reflect.Value, v reflect.Value, stop func()) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) swallows the panic`
			stop()
		}
	}()
	ch.Send(v)
}

// The twins: the recover also guards code of the function's own.
func closeAll(chs []chan Status) {
	defer func() { _ = recover() }() // want `recover\(\) swallows the panic`
	for _, ch := range chs {
		close(ch)
	}
}

func sendComputed(ch chan<- Status, f func() Status) {
	defer func() { _ = recover() }() // want `recover\(\) swallows the panic`
	ch <- f()
}

func closeThenWork(ch chan Status, work func()) {
	defer func() { recover() }() // want `recover\(\) swallows the panic`
	close(ch)
	work()
}

// A guard whose function returns an error is another finding: the error
// comes back nil.
func closeErr(ch chan Status) (err error) {
	defer func() { recover() }() // want `closeErr then returns a nil error`
	close(ch)
	return
}

type conn struct{ bad bool }

type pool struct {
	ch    chan *conn
	stale int
}

func (p *pool) free(c *conn) {}

// put hands the connection back on a channel that Close may have closed;
// the bookkeeping before the send is part of the guarded block.
func (p *pool) put(c *conn) {
	defer func() {
		if recover() != nil { // want `recover\(\) swallows the panic`
			p.free(c)
		}
	}()
	if c.bad {
		p.stale++
	}
	p.ch <- c
}

// A swallow made on purpose, and said so.
func mockUpdates(updates <-chan int, apply func(int)) {
	go func() {
		defer func() {
			if r := recover(); r != nil { // want `recover\(\) swallows the panic`
				// a mock: the test may close the listener under it
			}
		}()
		for u := range updates {
			apply(u)
		}
	}()
}
