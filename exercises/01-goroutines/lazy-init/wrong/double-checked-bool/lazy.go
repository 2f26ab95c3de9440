//go:build accent

// Package lazyinit loads a configuration once, the first time any goroutine
// asks for it.
package lazyinit

import "sync"

// Config is the parsed configuration.
type Config struct {
	Addr    string
	Workers int
}

// Lazy loads a Config the first time Get is called. Any number of
// goroutines may call Get at the same time.
type Lazy struct {
	load func() (*Config, error)

	mu     sync.Mutex // guards loaded, cfg and err... except on the fast path
	loaded bool
	cfg    *Config
	err    error
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
	// Double-checked locking with a done flag, so a failure is remembered
	// too: the Java pattern, but the first check reads a plain bool, not a
	// volatile (or atomic) one, while another goroutine writes it.
	if !l.loaded {
		l.mu.Lock()
		defer l.mu.Unlock()
		if !l.loaded {
			l.cfg, l.err = l.load()
			l.loaded = true
		}
	}
	return l.cfg, l.err
}
