// Package lifetime holds goroutines started once for the life of the
// program (init, a package-level sync.Once, a package-level variable), which
// are not reported, and their twins started per call, which are.
package lifetime

import (
	"sync"
	"time"
)

func sweep() {}

// A package-level janitor started by init lives as long as the program.
func init() {
	go func() {
		for {
			time.Sleep(time.Minute)
			sweep()
		}
	}()
}

// The same janitor started lazily, once per program, by a package-level
// sync.Once.

var janitorOnce sync.Once

func Get() {
	janitorOnce.Do(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				sweep()
			}
		}()
	})
}

var state struct {
	once sync.Once
}

func GetState() {
	state.once.Do(startJanitor)
	state.once.Do(func() { go janitor() })
}

func janitor() {
	for {
		time.Sleep(time.Minute)
		sweep()
	}
}

func startJanitor() {
	go func() { // a function the Once runs, but it can be called again
		for { // want `sleep-and-poll loop has no way out`
			time.Sleep(time.Minute)
			sweep()
		}
	}()
}

var startOnce = sync.OnceFunc(func() {
	go func() {
		for {
			time.Sleep(time.Minute)
			sweep()
		}
	}()
})

// A sync.Once in each object starts one goroutine per object: each
// object leaks one.

type Cache struct {
	once sync.Once
}

func (c *Cache) Get() {
	c.once.Do(func() {
		go func() {
			for { // want `sleep-and-poll loop has no way out`
				time.Sleep(time.Minute)
				sweep()
			}
		}()
	})
}
