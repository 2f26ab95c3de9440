// Package ticks holds goroutines that wait on a ticker's channel, which
// nothing ever closes: setInterval and scheduleAtFixedRate ports.
package ticks

import (
	"context"
	"time"
)

func poll() {}

// for range ticker.C: Stop does not close C, so the loop never ends.

func StartRangeTicker() *time.Ticker {
	t := time.NewTicker(time.Second)
	go func() {
		for range t.C { // want `this goroutine ranges over t.C, a ticker's channel, which is never closed \(Stop does not close it\): the loop never ends and the goroutine never exits, so it leaks when its caller is done; select on t.C and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\), return there, and defer t.Stop\(\)`
			poll()
		}
	}()
	return t
}

func StartRangeTickerCtx(ctx context.Context) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for range t.C {
			if ctx.Err() != nil {
				return
			}
			poll()
		}
	}()
}

// for range time.Tick(d).

type Metrics struct{ n int }

func NewMetrics() *Metrics {
	m := &Metrics{}
	go func() {
		for range time.Tick(time.Minute) { // want `this goroutine ranges over time.Tick\(time.Minute\), a ticker's channel, which is never closed: the loop never ends and the goroutine never exits, so it leaks when its caller is done; use time.NewTicker with defer ticker.Stop\(\), select on ticker.C and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\), and return there`
			m.n++
		}
	}()
	return m
}

// time.Tick kept in a variable, and the twin that leaves the loop.

func StartTickVar() {
	tick := time.Tick(time.Second)
	go func() {
		for range tick { // want `ranges over tick, a ticker's channel, which is never closed`
			poll()
		}
	}()
}

func StartTickVarDone(done <-chan struct{}) {
	tick := time.Tick(time.Second)
	go func() {
		for range tick {
			select {
			case <-done:
				return
			default:
			}
			poll()
		}
	}()
}

// A ticker kept in a struct field, ranged by a method.

type Reporter struct {
	tick *time.Ticker
	quit chan struct{}
}

func NewReporter() *Reporter {
	r := &Reporter{tick: time.NewTicker(time.Second)}
	go r.report()
	return r
}

func (r *Reporter) report() {
	for t := range r.tick.C { // want `ranges over r.tick.C, a ticker's channel.*defer r.tick.Stop\(\)`
		_ = t
	}
}

func NewQuittingReporter() *Reporter {
	r := &Reporter{tick: time.NewTicker(time.Second), quit: make(chan struct{})}
	go r.reportUntilQuit()
	return r
}

func (r *Reporter) reportUntilQuit() {
	for {
		select {
		case <-r.tick.C:
			poll()
		case <-r.quit:
			r.tick.Stop()
			return
		}
	}
}

func (r *Reporter) Close() { close(r.quit) }

// A tick channel passed as a parameter of an unexported function.

func tickLoop(c <-chan time.Time) {
	for range c { // want `ranges over c, a ticker's channel`
		poll()
	}
}

func StartTickLoop() { go tickLoop(time.Tick(time.Second)) }

// A parameter that may hold any channel is not known to be a ticker's: a
// range over it is unclosedrange's business.

func drain(c <-chan time.Time) {
	for range c {
		poll()
	}
}

func StartDrain(c chan time.Time) {
	go drain(time.Tick(time.Second))
	go drain(c)
}

// <-ticker.C in a plain loop.

type Heartbeat struct{ t *time.Ticker }

func (h *Heartbeat) Start() {
	h.t = time.NewTicker(time.Second)
	go func() {
		for { // want `this goroutine's loop waits on h.t.C, a ticker's channel, and has no way out \(no return, no break, no closed channel ends it\): it never exits, and leaks when its caller is done; select on h.t.C and <-ctx.Done\(\) \(or a done channel its owner closes in Stop or Close\), return there, and Stop the ticker`
			<-h.t.C
			poll()
		}
	}()
}

// A time.After channel gives one value; ranging it is a different bug,
// but not a ticker's.

func StartAfter(d time.Duration) {
	go func() {
		for range time.After(d) {
			poll()
			break
		}
	}()
}
