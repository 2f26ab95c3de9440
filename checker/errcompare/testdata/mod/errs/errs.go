// Package errs declares the module's sentinels, as bbolt's errors package
// does.
package errs

import "errors"

var (
	ErrNotFound = errors.New("not found")
	ErrTooLarge = errors.New("too large")
)
