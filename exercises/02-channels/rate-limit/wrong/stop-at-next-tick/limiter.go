//go:build accent

// Package ratelimit lets callers through at a steady rate, with bursts.
package ratelimit

import (
	"context"
	"time"
)

// A Limiter is a token bucket: it holds up to burst tokens, starts full,
// and gains one token every interval while it is not full. Each Wait takes
// one token.
type Limiter struct {
	tokens chan struct{} // the bucket: its buffer holds the tokens
	stop   chan struct{}
	done   chan struct{}
}

// NewLimiter returns a full Limiter (burst >= 1, every > 0). Call Stop once
// when you are done with it.
func NewLimiter(burst int, every time.Duration) *Limiter {
	l := &Limiter{
		tokens: make(chan struct{}, burst),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	for range burst {
		l.tokens <- struct{}{}
	}
	go l.refill(every)
	return l
}

func (l *Limiter) refill(every time.Duration) {
	defer close(l.done)
	t := time.NewTicker(every)
	defer t.Stop() // clearInterval, on the way out
	// Wrong: like a setInterval callback that checks a stopped flag, the
	// loop looks at stop only when a tick comes. No token is added after
	// Stop, and the goroutine ends, but Stop waits up to a whole interval.
	for range t.C {
		select {
		case <-l.stop:
			return
		default:
		}
		select {
		case l.tokens <- struct{}{}:
		default: // the bucket is full: this token is lost
		}
	}
}

// Wait takes a token, waiting for one if the bucket is empty. It returns
// nil once it has one, or ctx.Err() if ctx is done first.
func (l *Limiter) Wait(ctx context.Context) error {
	select {
	case <-l.tokens:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stop stops the refills and returns once the goroutine that did them has
// ended.
func (l *Limiter) Stop() {
	close(l.stop)
	<-l.done
}
