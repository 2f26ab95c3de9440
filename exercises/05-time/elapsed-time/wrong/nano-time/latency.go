//go:build accent

// Package elapsedtime records how long named operations take.
package elapsedtime

import (
	"sync"
	"time"
)

// Latency records how long named operations take: how many calls, their
// mean and their maximum duration, per name. The zero value is ready to
// use, and it is safe for concurrent use.
type Latency struct {
	mu    sync.Mutex
	stats map[string]*stat
}

type stat struct {
	count int
	total time.Duration
	max   time.Duration
}

// Since records under name the time elapsed since start, a time.Time that
// the caller read from time.Now() when the call began. Deferred at the top
// of a function, it measures the whole function, whichever way it returns:
//
//	defer latency.Since("db", time.Now()) // time.Now() is evaluated here
func (l *Latency) Since(name string, start time.Time) {
	l.record(name, time.Duration(time.Now().UnixNano()-start.UnixNano())) // System.nanoTime() - start
}

func (l *Latency) record(name string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stats == nil {
		l.stats = make(map[string]*stat)
	}
	s := l.stats[name]
	if s == nil {
		s = new(stat)
		l.stats[name] = s
	}
	s.count++
	s.total += d
	s.max = max(s.max, d)
}

// Mean returns the mean duration of the calls tracked under name, or 0 if
// there were none.
func (l *Latency) Mean(name string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stats[name]
	if s == nil {
		return 0
	}
	return s.total / time.Duration(s.count)
}

// Max returns the longest duration of the calls tracked under name, or 0 if
// there were none.
func (l *Latency) Max(name string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stats[name]
	if s == nil {
		return 0
	}
	return s.max
}
