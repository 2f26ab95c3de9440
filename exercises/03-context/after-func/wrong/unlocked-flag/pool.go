//go:build accent

// Package afterfunc lends pooled connections for as long as a request lives.
package afterfunc

import (
	"context"
	"errors"
	"sync"
)

// ErrExhausted is returned by Acquire when every connection is in use.
var ErrExhausted = errors.New("pool exhausted")

// Conn is a pooled connection.
type Conn struct {
	ID int
}

// Pool is a fixed set of connections.
type Pool struct {
	mu   sync.Mutex
	idle []*Conn
}

// NewPool returns a pool of n connections, all idle.
func NewPool(n int) *Pool {
	p := &Pool{}
	for i := range n {
		p.idle = append(p.idle, &Conn{ID: i + 1})
	}
	return p
}

// Acquire lends an idle connection to the work of ctx, or returns
// ErrExhausted if there is none, or ctx.Err() if ctx is already done. The
// connection goes back to the pool when release is called or when ctx is
// done, whichever comes first, and only once: calling release again, or
// after ctx is done, does nothing.
func (p *Pool) Acquire(ctx context.Context) (c *Conn, release func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	p.mu.Lock()
	if len(p.idle) == 0 {
		p.mu.Unlock()
		return nil, nil, ErrExhausted
	}
	c = p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	p.mu.Unlock()

	// A flag says whether c is back: but the AfterFunc runs in its own
	// goroutine, and nothing orders its read and write with release's.
	returned := false
	stop := context.AfterFunc(ctx, func() {
		if !returned {
			returned = true
			p.put(c)
		}
	})
	release = func() {
		stop()
		if !returned {
			returned = true
			p.put(c)
		}
	}
	return c, release, nil
}

func (p *Pool) put(c *Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, c)
}
