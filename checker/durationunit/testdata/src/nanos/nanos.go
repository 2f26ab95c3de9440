// Package nanos keeps Durations as integers, as zap's Field keeps one in
// its Integer: an integer with no unit in sight, converted back, counts
// nanoseconds by the package's own convention.
package nanos

import (
	"sync/atomic"
	"time"
)

type Field struct {
	Key     string
	Integer int64
}

func Duration(key string, d time.Duration) Field { return Field{Key: key, Integer: int64(d)} }

func (f Field) Value() time.Duration { return time.Duration(f.Integer) }

type engine struct {
	epoch time.Time
	first atomic.Int64
}

func (e *engine) mark(now time.Time) { e.first.Store(int64(now.Sub(e.epoch))) }

func (e *engine) written(off int64) time.Time { return e.epoch.Add(time.Duration(off)) }

// A unit in the name still counts, whatever the package does elsewhere.
type config struct{ TimeoutSeconds int64 }

func (c config) timeout() time.Duration {
	return time.Duration(c.TimeoutSeconds) // want `TimeoutSeconds`
}
