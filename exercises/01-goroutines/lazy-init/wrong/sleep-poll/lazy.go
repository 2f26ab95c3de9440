//go:build accent

// Package lazyinit loads a configuration once, the first time any goroutine
// asks for it.
package lazyinit

import (
	"sync/atomic"
	"time"
)

// Config is the parsed configuration.
type Config struct {
	Addr    string
	Workers int
}

// Lazy loads a Config the first time Get is called. Any number of
// goroutines may call Get at the same time.
type Lazy struct {
	load func() (*Config, error)

	started atomic.Bool // set by the caller that loads
	done    atomic.Bool // set once cfg and err are stored
	cfg     *Config
	err     error
}

// New returns a Lazy that will call load. It does not call load.
func New(load func() (*Config, error)) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, calling load the first time only: load runs at
// most once, and never before the first Get. Goroutines that call Get while
// load runs wait for it. Every Get returns the same *Config and error; a
// failed load is not retried.
func (l *Lazy) Get() (*Config, error) {
	if l.started.CompareAndSwap(false, true) {
		l.cfg, l.err = l.load()
		l.done.Store(true)
		return l.cfg, l.err
	}
	// The others poll, like while (!ready) await sleep(1): race-free, but
	// they wake up to a millisecond after the load is done, and burn a
	// wake-up every millisecond while it runs.
	for !l.done.Load() {
		time.Sleep(time.Millisecond)
	}
	return l.cfg, l.err
}
