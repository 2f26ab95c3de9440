package future

import "errors"

// A function that returns the channel its goroutine sends on: a caller that
// drops the result leaves the goroutine blocked (moby#4395).

func GoErr(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f() // want `this send waits for a receive from the channel that GoErr returns, but the call at line 32 drops the result: nothing will receive, so the send blocks forever; give ch a buffer of 1, or use the result on every path`
	}()
	return ch
}

type pending struct{ ch chan int }

func start(f func() int) *pending {
	p := &pending{ch: make(chan int)}
	go func() {
		p.ch <- f() // want `this send waits for a receive from the channel in the \*pending that start returns, but the call at line 33 drops the result`
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

// A task handed to a worker pool whose handle the caller drops.
func fireAndForget(e *Executor) {
	e.Submit(func() error { return nil })
}

// A result and an error channel, and a Result that reads only the value:
// when the work fails, its goroutine waits on errs forever.
type outcome struct {
	vals chan int
	errs chan error
}

func compute(f func() (int, error)) *outcome {
	o := &outcome{vals: make(chan int), errs: make(chan error)}
	go func() {
		v, err := f()
		if err != nil {
			o.errs <- err // want `nothing in this package receives from o.errs`
			return
		}
		o.vals <- v
	}()
	return o
}

func (o *outcome) Result() int { return <-o.vals }

// A handle abandoned on an early return: the Java habit of a Future that
// is garbage once nobody holds it.
type lookup struct{ ch chan string }

func lookupAsync(key string) *lookup {
	l := &lookup{ch: make(chan string)}
	go func() {
		l.ch <- key // want `this send waits for a receive from the channel in the \*lookup that lookupAsync returns, but the function that calls it at line 80 can return at line 82 without using the result`
	}()
	return l
}

func (l *lookup) get() string { return <-l.ch }

func resolve(key string, valid func(string) bool) (string, error) {
	l := lookupAsync(key)
	if !valid(key) {
		return "", errors.New("invalid key")
	}
	return l.get(), nil
}

// Every path uses the handle: quiet.
type lookup2 struct{ ch chan string }

func lookupAsync2(key string) *lookup2 {
	l := &lookup2{ch: make(chan string)}
	go func() { l.ch <- key }()
	return l
}

func (l *lookup2) get() string { return <-l.ch }

func resolve2(key string, valid func(string) bool) (string, error) {
	l := lookupAsync2(key)
	v := l.get()
	if !valid(key) {
		return "", errors.New("invalid key")
	}
	return v, nil
}
