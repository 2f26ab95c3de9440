package future

import (
	"context"
	"log"
	"time"
)

// Negative twins: each of these is correct and must stay quiet.

// The fix: a buffer of 1 is the Future's slot.
type buffered struct{ ch chan int }

func goBuffered(f func() int) *buffered {
	b := &buffered{ch: make(chan int, 1)}
	go func() { b.ch <- f() }()
	return b
}

func (b *buffered) Get(ctx context.Context) (int, error) {
	select {
	case v := <-b.ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The other fix: the sender gives up too, on the future's done channel.
type cancellable struct {
	ch   chan int
	done chan struct{}
}

func goCancellable(f func() int) *cancellable {
	c := &cancellable{ch: make(chan int), done: make(chan struct{})}
	go func() {
		select {
		case c.ch <- f():
		case <-c.done:
		}
	}()
	return c
}

func (c *cancellable) Get(ctx context.Context) (int, error) {
	select {
	case v := <-c.ch:
		return v, nil
	case <-ctx.Done():
		close(c.done)
		return 0, ctx.Err()
	}
}

// The sender selects on the context it was given.
type ctxFuture struct{ ch chan string }

func goCtx(ctx context.Context, f func() string) *ctxFuture {
	fut := &ctxFuture{ch: make(chan string)}
	go func() {
		select {
		case fut.ch <- f():
		case <-ctx.Done():
		}
	}()
	return fut
}

func (f *ctxFuture) Get(ctx context.Context) (string, error) {
	select {
	case v := <-f.ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// The receiver never gives up: Get always receives.
type plain struct{ ch chan int }

func goPlain(f func() int) *plain {
	p := &plain{ch: make(chan int)}
	go func() { p.ch <- f() }()
	return p
}

func (p *plain) Get() int { return <-p.ch }

// A timer that only logs and waits again is not a give-up.
type patient struct{ ch chan int }

func goPatient(f func() int) *patient {
	p := &patient{ch: make(chan int)}
	go func() { p.ch <- f() }()
	return p
}

func (p *patient) Get() int {
	for {
		select {
		case v := <-p.ch:
			return v
		case <-time.After(time.Second):
			log.Print("still waiting")
		}
	}
}

// A poll with default, and a Get that blocks: the caller polls or waits.
type polled struct{ ch chan int }

func goPolled(f func() int) *polled {
	p := &polled{ch: make(chan int)}
	go func() { p.ch <- f() }()
	return p
}

func (p *polled) TryGet() (int, bool) {
	select {
	case v := <-p.ch:
		return v, true
	default:
		return 0, false
	}
}

func (p *polled) Get() int { return <-p.ch }

// A result and an error channel: the goroutine sends on exactly one, and
// Await takes whichever comes.
type settled struct {
	val chan string
	err chan error
}

func settle(f func() (string, error)) *settled {
	s := &settled{val: make(chan string), err: make(chan error)}
	go func() {
		v, err := f()
		if err != nil {
			s.err <- err
			return
		}
		s.val <- v
	}()
	return s
}

func (s *settled) Await() (string, error) {
	select {
	case v := <-s.val:
		return v, nil
	case err := <-s.err:
		return "", err
	}
}

// Giving up, the receiver leaves a goroutine to drain the result.
type drained struct{ ch chan int }

func goDrained(f func() int) *drained {
	d := &drained{ch: make(chan int)}
	go func() { d.ch <- f() }()
	return d
}

func (d *drained) Get(ctx context.Context) (int, error) {
	select {
	case v := <-d.ch:
		return v, nil
	case <-ctx.Done():
		go func() { <-d.ch }()
		return 0, ctx.Err()
	}
}

// In a library, an exported function's channel may be received by code in
// other packages, which this pass does not see: quiet.
func FetchAsync(url string) <-chan string {
	ch := make(chan string)
	go func() { ch <- url }()
	return ch
}

func raceFetch() string {
	select {
	case page := <-FetchAsync("x"):
		return page
	case <-time.After(time.Second):
		return ""
	}
}

// A loop that gives up on a timer, but whose deferred function drains
// what is still coming. Quiet.
type acceptor struct{ conns chan int }

func newAcceptor() *acceptor { return &acceptor{conns: make(chan int)} }

func (a *acceptor) accept(n int) { a.conns <- n }

func (a *acceptor) serve(idle time.Duration) error {
	active := 0
	defer func() {
		for active > 0 {
			<-a.conns
			active--
		}
	}()
	for {
		select {
		case <-a.conns:
			active++
		case <-time.After(idle):
			return nil
		}
	}
}
