// Package nonanos never turns a Duration into an integer: the twin of
// package nanos. Here an unmarked integer converted to a Duration is
// reported in strict mode (the default mode needs evidence of a unit).
package nonanos

import "time"

type Field struct {
	Key     string
	Integer int64
}

func (f Field) Value() time.Duration {
	return time.Duration(f.Integer) // want `nothing says it counts them`
}

type engine struct{ epoch time.Time }

func (e *engine) written(off int64) time.Time {
	return e.epoch.Add(time.Duration(off)) // want `nothing says it counts them`
}
