package future

import "errors"

// A function that returns the channel its goroutine sends on: a caller that
// drops the result leaves the goroutine blocked (moby#4395).

func GoErr(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f() // want `GoErr returns the channel this goroutine sends on, and the call at line 32 drops it: nothing receives, so the send blocks forever; give ch a buffer of 1`
	}()
	return ch
}

type pending struct{ ch chan int }

func start(f func() int) *pending {
	p := &pending{ch: make(chan int)}
	go func() {
		p.ch <- f() // want `start returns the pending this goroutine sends on, and the call at line 33 drops it`
	}()
	return p
}

func (p *pending) wait() int { return <-p.ch }

func fire() {
	if err := <-GoErr(func() error { return errors.New("x") }); err != nil {
		return
	}
	GoErr(func() error { return nil })
	start(func() int { return 1 })
	n := start(func() int { return 2 }).wait()
	_ = n
}
