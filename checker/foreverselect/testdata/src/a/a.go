// Package a holds goroutines with for-select loops, ported from
// setInterval handlers and daemon threads.
package a

import (
	"context"
	"log"
	"os"
	"time"
)

type Event struct{ Name string }

type Watcher struct {
	events chan Event
	ticker *time.Ticker
	done   chan struct{}
}

func (w *Watcher) handle(Event) {}
func (w *Watcher) flush()       {}

// setInterval(flush, 1000) and an event listener, with no clearInterval.
func (w *Watcher) Start() {
	go func() {
		for { // want `this goroutine's for-select loop has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; add a case <-ctx.Done\(\): return \(or a done channel its owner closes in Stop or Close\)`
			select {
			case ev := <-w.events:
				w.handle(ev)
			case <-w.ticker.C:
				w.flush()
			}
		}
	}()
}

func (w *Watcher) StartCtx(ctx context.Context) {
	go func() {
		for {
			select {
			case ev := <-w.events:
				w.handle(ev)
			case <-w.ticker.C:
				w.flush()
			case <-ctx.Done():
				return
			}
		}
	}()
}

// A method started as a goroutine.

func (w *Watcher) loop() {
	for { // want `for-select loop has no way out`
		select {
		case ev := <-w.events:
			w.handle(ev)
		}
	}
}

func (w *Watcher) Run() { go w.loop() }

func (w *Watcher) loopDone() {
	for {
		select {
		case ev := <-w.events:
			w.handle(ev)
		case <-w.done:
			return
		}
	}
}

func (w *Watcher) RunDone() { go w.loopDone() }

// A ctx.Done() case that does not return spins forever.

func (w *Watcher) loopSpin(ctx context.Context) {
	for { // want `this goroutine's for-select loop has no way out: its case <-ctx.Done\(\) does not return, so it spins once the context is done and never exits; return in that case`
		select {
		case ev := <-w.events:
			w.handle(ev)
		case <-ctx.Done():
			w.flush()
		}
	}
}

func (w *Watcher) RunSpin(ctx context.Context) { go w.loopSpin(ctx) }

// break out of the loop by label, and the closed-channel check.

func (w *Watcher) loopLabel() {
loop:
	for {
		select {
		case ev, ok := <-w.events:
			if !ok {
				break loop
			}
			w.handle(ev)
		}
	}
	w.flush()
}

func (w *Watcher) RunLabel() { go w.loopLabel() }

// break inside a select leaves the select, not the loop.

func (w *Watcher) loopBreakSelect() {
	for { // want `for-select loop has no way out`
		select {
		case ev := <-w.events:
			if ev.Name == "" {
				break
			}
			w.handle(ev)
		}
	}
}

func (w *Watcher) RunBreakSelect() { go w.loopBreakSelect() }

// A loop with a condition can end.

func (w *Watcher) loopCond() {
	for w.ticker != nil {
		select {
		case ev := <-w.events:
			w.handle(ev)
		}
	}
}

func (w *Watcher) RunCond() { go w.loopCond() }

// Exiting the process or panicking is a way out.

func (w *Watcher) loopFatal() {
	for {
		select {
		case ev := <-w.events:
			if ev.Name == "fatal" {
				log.Fatal("fatal event")
			}
			w.handle(ev)
		}
	}
}

func (w *Watcher) loopExit() {
	for {
		select {
		case <-w.events:
			os.Exit(1)
		}
	}
}

func (w *Watcher) RunFatal() {
	go w.loopFatal()
	go w.loopExit()
}

// A return inside a function literal in the loop does not leave it.

func (w *Watcher) loopLit() {
	for { // want `for-select loop has no way out`
		select {
		case ev := <-w.events:
			func() {
				if ev.Name == "" {
					return
				}
				w.handle(ev)
			}()
		}
	}
}

func (w *Watcher) RunLit() { go w.loopLit() }

// A for-select loop in a function that does not run as a goroutine is the
// caller's business.

func (w *Watcher) Serve() {
	for {
		select {
		case ev := <-w.events:
			w.handle(ev)
		}
	}
}
