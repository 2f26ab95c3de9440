// Package loops holds goroutines whose plain for loop (no select) has no
// way out: Python daemon threads (while True: time.sleep), Java
// BlockingQueue consumers (while (true) queue.take()) and setInterval
// ports, each with a twin that can stop.
package loops

import (
	"context"
	"errors"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

type Item struct{ ID int }

func poll() error { return nil }
func handle(Item) {}

// while True: time.sleep(interval); poll(), in a thread the constructor starts.

type Poller struct {
	interval time.Duration
	stopped  atomic.Bool
}

func NewPoller(d time.Duration) *Poller {
	p := &Poller{interval: d}
	go p.run()
	return p
}

func (p *Poller) run() {
	for { // want `this goroutine's sleep-and-poll loop has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; replace time.Sleep with a select on a time.Ticker's C and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\), and return there`
		time.Sleep(p.interval)
		_ = poll()
	}
}

// The twin reads a stop flag each time round.

func NewStoppablePoller(d time.Duration) *Poller {
	p := &Poller{interval: d}
	go p.runUntilStopped()
	return p
}

func (p *Poller) runUntilStopped() {
	for {
		if p.stopped.Load() {
			return
		}
		time.Sleep(p.interval)
		_ = poll()
	}
}

func (p *Poller) Stop() { p.stopped.Store(true) }

// The flag as the loop's condition.

func (p *Poller) StartCond() {
	go func() {
		for !p.stopped.Load() {
			time.Sleep(p.interval)
			_ = poll()
		}
	}()
}

// for true is no condition at all.

func (p *Poller) StartTrue() {
	go func() {
		for true { // want `sleep-and-poll loop has no way out`
			time.Sleep(p.interval)
			_ = poll()
		}
	}()
}

// A flag kept under a lock.

type Locked struct {
	mu      sync.Mutex
	stopped bool
}

func (l *Locked) Start() {
	go func() {
		for {
			l.mu.Lock()
			stop := l.stopped
			l.mu.Unlock()
			if stop {
				break
			}
			time.Sleep(time.Second)
		}
	}()
}

func (l *Locked) StartForgetful() {
	go func() {
		for { // want `sleep-and-poll loop has no way out`
			l.mu.Lock()
			if l.stopped {
				l.mu.Unlock()
				continue // continue is no way out
			}
			l.mu.Unlock()
			time.Sleep(time.Second)
		}
	}()
}

// queue.take() in a consumer thread: a receive with no way out.

type Service struct{ queue chan Item }

func NewService() *Service {
	s := &Service{queue: make(chan Item, 100)}
	go s.consume()
	return s
}

func (s *Service) consume() {
	for { // want `this goroutine's loop receives from s.queue and has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; select on s.queue and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\) and return there, or range over s.queue and have its sender close it`
		v := <-s.queue
		handle(v)
	}
}

// The twin stops when the queue is closed.

func NewClosingService() *Service {
	s := &Service{queue: make(chan Item, 100)}
	go s.consumeUntilClosed()
	return s
}

func (s *Service) consumeUntilClosed() {
	for {
		v, ok := <-s.queue
		if !ok {
			return
		}
		handle(v)
	}
}

func (s *Service) Close() { close(s.queue) }

// Checking ok and going on is no way out.

func (s *Service) StartIgnoringClose() {
	go func() {
		for { // want `loop receives from s.queue and has no way out`
			v, ok := <-s.queue
			if !ok {
				continue
			}
			handle(v)
		}
	}()
}

// A reconnect loop that retries forever, and its twin that stops once
// connected.

func StartReconnect(connect func() error) {
	go func() {
		for { // want `sleep-and-poll loop has no way out`
			if err := connect(); err != nil {
				log.Printf("connect: %v", err)
			}
			time.Sleep(5 * time.Second)
		}
	}()
}

func StartConnect(connect func() error) {
	go func() {
		for {
			if err := connect(); err == nil {
				return
			}
			time.Sleep(5 * time.Second)
		}
	}()
}

// A busy loop with nothing to wait for.

type Counter struct{ n atomic.Int64 }

func (c *Counter) Spin() {
	go func() {
		for { // want `this goroutine's for loop has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; check <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\) each time round and return when it is done`
			c.n.Add(1)
		}
	}()
}

func (c *Counter) SpinUntil(ctx context.Context) {
	go func() {
		for ctx.Err() == nil {
			c.n.Add(1)
		}
	}()
}

// The loop in a function the goroutine calls: the call never returns.

type Watcher struct{ last int }

func (w *Watcher) Watch() {
	go func() {
		defer log.Print("watcher done")
		w.watchLoop()
	}()
}

func (w *Watcher) watchLoop() {
	for { // want `sleep-and-poll loop has no way out`
		time.Sleep(time.Second)
		_ = poll()
	}
}

func (w *Watcher) WatchCtx(ctx context.Context) {
	go func() {
		defer log.Print("watcher done")
		w.watchLoopCtx(ctx)
	}()
}

func (w *Watcher) watchLoopCtx(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = poll()
		case <-ctx.Done():
			return
		}
	}
}

// Ways out: goto, panic, log.Fatal, an error that ends the loop.

func StartGoto(ch chan Item) {
	go func() {
		for {
			it := <-ch
			if it.ID < 0 {
				goto out
			}
			handle(it)
		}
	out:
		log.Print("out")
	}()
}

func StartPanic() {
	go func() {
		for {
			if err := poll(); err != nil {
				panic(err)
			}
			time.Sleep(time.Second)
		}
	}()
	go func() {
		for {
			if err := poll(); err != nil {
				log.Fatal(err)
			}
			time.Sleep(time.Second)
		}
	}()
}

func StartUntilCanceled(work func() error) {
	go func() {
		for {
			if err := work(); errors.Is(err, context.Canceled) {
				break
			}
		}
	}()
}

// A loop with a condition that becomes false.

func StartCount(n int) {
	go func() {
		for i := 0; i < n; i++ {
			time.Sleep(time.Millisecond)
			_ = poll()
		}
	}()
}

// A loop in a function that is not a goroutine is its caller's business.

func Serve(ch chan Item) {
	for {
		handle(<-ch)
	}
}

// A loop in a function literal the goroutine only defines is not its loop.

func StartDeferred(ch chan Item) func() {
	done := make(chan func())
	go func() {
		f := func() {
			for {
				handle(<-ch)
			}
		}
		done <- f
	}()
	return <-done
}

// setTimeout in a loop: <-time.After(d), and a timer Reset each time round.

func StartAfterLoop() {
	go func() {
		for { // want `this goroutine's loop waits on time.After\(time.Second\), a timer's channel, and has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; select on time.After\(time.Second\) and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\), and return there`
			<-time.After(time.Second)
			_ = poll()
		}
	}()
}

func StartTimerLoop(d time.Duration) {
	go func() {
		t := time.NewTimer(d)
		for { // want `loop waits on t.C, a timer's channel`
			<-t.C
			_ = poll()
			t.Reset(d)
		}
	}()
}

func StartTimerLoopCtx(ctx context.Context, d time.Duration) {
	go func() {
		t := time.NewTimer(d)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = poll()
				t.Reset(d)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// An accept loop that goes on after every error spins once the listener
// is closed.

type listener interface{ Accept() (int, error) }

func Serve2(l listener) {
	go func() {
		for { // want `this goroutine's for loop has no way out`
			c, err := l.Accept()
			if err != nil {
				continue
			}
			_ = c
		}
	}()
}

func Serve3(l listener) {
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			_ = c
		}
	}()
}
