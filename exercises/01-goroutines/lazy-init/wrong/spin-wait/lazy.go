//go:build accent

// Package lazyinit loads a configuration once, the first time any goroutine
// asks for it.
package lazyinit

import (
	"runtime"
	"sync/atomic"
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
	// A spin lock by hand: race-free and right, but every waiting caller
	// keeps a core busy for as long as the load takes.
	for !l.done.Load() {
		runtime.Gosched()
	}
	return l.cfg, l.err
}
