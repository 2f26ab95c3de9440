// Package store returns the module's sentinels from another package.
package store

import (
	"fmt"
	"io"

	"example.com/mod/errs"
)

// Get returns errs.ErrNotFound bare: == matches it as errors.Is does.
func Get(k string) error {
	if k == "" {
		return errs.ErrNotFound
	}
	return nil
}

// Put wraps errs.ErrTooLarge: == misses it.
func Put(v []byte) error {
	if len(v) > 10 {
		return fmt.Errorf("%d bytes: %w", len(v), errs.ErrTooLarge)
	}
	return nil
}

func missing(k string) bool {
	return Get(k) == errs.ErrNotFound
}

func large(v []byte) bool {
	return Put(v) == errs.ErrTooLarge // want `comparing Put\(v\) == errs.ErrTooLarge misses wrapped errors`
}

// A sentinel of another module is not the module's to know.
func eof(err error) bool {
	return err == io.ErrUnexpectedEOF // want `comparing err == io.ErrUnexpectedEOF misses wrapped errors`
}
