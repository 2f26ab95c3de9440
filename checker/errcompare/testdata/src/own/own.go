// Package own compares errors with its own sentinels.
package own

import (
	"errors"
	"fmt"
	"io"
	"log"
)

// ErrClosed is only ever returned bare: == matches it as errors.Is does.
var ErrClosed = errors.New("closed")

// errBusy is only ever returned bare, and formatted with %v in a log.
var errBusy = errors.New("busy")

// ErrLimit is wrapped with %w by limit: == misses it there.
var ErrLimit = errors.New("limit")

// ErrJoined is joined with another error.
var ErrJoined = errors.New("joined")

type pool struct{ closed, busy bool }

func (p *pool) get() error {
	if p.closed {
		return ErrClosed
	}
	if p.busy {
		log.Printf("pool: %v", errBusy)
		return errBusy
	}
	return nil
}

func limit(n int) error {
	if n > 10 {
		return fmt.Errorf("%d items: %w", n, ErrLimit)
	}
	return nil
}

func join(err error) error { return errors.Join(err, ErrJoined) }

func use(p *pool) bool {
	err := p.get()
	if err == ErrClosed {
		return false
	}
	switch err {
	case errBusy:
		return true
	}
	return err == io.EOF // want `comparing err == io.EOF misses wrapped errors`
}

func over(n int) bool {
	return limit(n) == ErrLimit // want `comparing limit\(n\) == ErrLimit misses wrapped errors`
}

func joined(err error) bool {
	switch join(err) {
	case ErrJoined: // want `case ErrJoined misses wrapped errors`
		return true
	}
	return false
}

// errKept goes into a slice by the builtin append, and to a func value:
// either may keep or wrap it.
var errKept = errors.New("kept")

var handler = func(err error) error { return fmt.Errorf("handled: %w", err) }

func collect(list []error) []error { return append(list, errKept) }

func handle() error { return handler(errKept) }

func kept(err error) bool {
	return err == errKept // want `comparing err == errKept misses wrapped errors`
}
