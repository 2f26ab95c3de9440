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

	mu  sync.Mutex // guards cfg and err
	cfg *Config
	err error
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
	l.mu.Lock()
	defer l.mu.Unlock()
	// Caches the value, not the outcome, like configPromise ??= load()
	// written as config ??= await load(): after a failure cfg is still
	// nil, so every Get loads again.
	if l.cfg == nil {
		l.cfg, l.err = l.load()
	}
	return l.cfg, l.err
}
