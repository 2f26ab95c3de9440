// Package afterfunc holds the recursive setTimeout of Node.js ported to
// time.AfterFunc: a function that schedules itself again each time it
// runs.
package afterfunc

import (
	"sync"
	"sync/atomic"
	"time"
)

func refresh() {}

// function poll() { refresh(); setTimeout(poll, 1000) }

type Poller struct {
	interval time.Duration
	stopped  atomic.Bool
	mu       sync.Mutex
	timer    *time.Timer
}

func NewPoller(d time.Duration) *Poller {
	p := &Poller{interval: d}
	p.poll()
	return p
}

func (p *Poller) poll() {
	refresh()
	time.AfterFunc(p.interval, p.poll) // want `poll schedules itself again with time.AfterFunc each time it runs and drops the \*time.Timer: nothing can stop the chain, so it runs until the program ends and leaks when its caller is done; keep the timer and Stop it in Stop or Close, or run a goroutine that selects on a ticker and <-ctx.Done\(\)`
}

func Start(d time.Duration) { schedule(d) }

func schedule(d time.Duration) {
	refresh()
	time.AfterFunc(d, func() { schedule(d) }) // want `schedule schedules itself again`
}

// The twins: a stop flag checked first, or the timer kept for Stop.

func NewStoppablePoller(d time.Duration) *Poller {
	p := &Poller{interval: d}
	p.pollUntilStopped()
	return p
}

func (p *Poller) pollUntilStopped() {
	if p.stopped.Load() {
		return
	}
	refresh()
	time.AfterFunc(p.interval, p.pollUntilStopped)
}

func (p *Poller) Stop() {
	p.stopped.Store(true)
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Unlock()
}

func NewTimedPoller(d time.Duration) *Poller {
	p := &Poller{interval: d}
	p.pollKeepingTimer()
	return p
}

func (p *Poller) pollKeepingTimer() {
	refresh()
	p.mu.Lock()
	p.timer = time.AfterFunc(p.interval, p.pollKeepingTimer)
	p.mu.Unlock()
}

// A one-shot timer is no chain.

func Later(d time.Duration) { time.AfterFunc(d, refresh) }

// A chain that init starts once lives as long as the program.

func init() { janitor() }

func janitor() {
	refresh()
	time.AfterFunc(time.Minute, janitor)
}
