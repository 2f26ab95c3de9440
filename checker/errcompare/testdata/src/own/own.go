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

// ErrShutdown reaches the caller through a future: respond sends it on a
// channel, and Error returns what came. Passed only to the package's own
// functions that keep it bare, it is never wrapped.
var ErrShutdown = errors.New("shutdown")

// ErrStale is stored in a record that has no Unwrap method, then returned.
var ErrStale = errors.New("stale")

type future struct {
	errCh chan error
	err   error
}

func (f *future) respond(err error) {
	if f.errCh == nil {
		return
	}
	f.errCh <- err
	close(f.errCh)
}

func (f *future) Error() error {
	if f.err == nil {
		f.err = <-f.errCh
	}
	return f.err
}

type result struct {
	value int
	err   error
}

func shutdown(f *future) { f.respond(ErrShutdown) }

func stale() result { return result{err: ErrStale} }

func waitShutdown(f *future) bool {
	return f.Error() == ErrShutdown
}

func isStale() bool {
	return stale().err == ErrStale
}

// The twins: a function of the package that wraps its parameter with %w,
// and an error type with an Unwrap method that keeps it.
var (
	ErrFull  = errors.New("full")
	ErrTimed = errors.New("timed out")
)

func annotate(op string, err error) error { return fmt.Errorf("%s: %w", op, err) }

type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }
func (e *opError) Unwrap() error { return e.err }

func push() error { return annotate("push", ErrFull) }

func wait() error { return &opError{op: "wait", err: ErrTimed} }

func full() bool {
	return push() == ErrFull // want `comparing push\(\) == ErrFull misses wrapped errors`
}

func timed() bool {
	return wait() == ErrTimed // want `comparing wait\(\) == ErrTimed misses wrapped errors`
}

// A parameter passed on through two of the package's functions, the last
// of which wraps it.
var ErrDeep = errors.New("deep")

func relay(err error) error { return annotate("relay", err) }

func deep() error { return relay(ErrDeep) }

func isDeep() bool {
	return deep() == ErrDeep // want `comparing deep\(\) == ErrDeep misses wrapped errors`
}

// compError is the package's own error type, only ever made bare and
// returned: a type assertion matches it as errors.As does.
type compError struct{ flag string }

func (e *compError) Error() string { return "bad flag " + e.flag }

func parseFlag(f string) error {
	if f == "" {
		return &compError{flag: f}
	}
	return nil
}

func isComp(f string) bool {
	_, ok := parseFlag(f).(*compError)
	return ok
}

func kind(f string) string {
	switch parseFlag(f).(type) {
	case *compError:
		return "comp"
	}
	return ""
}

// The twins: a type wrapped with %w where it is made, and one made by new.
type wrapError struct{ op string }

func (e *wrapError) Error() string { return e.op }

func wrapped(op string) error { return fmt.Errorf("wrapped: %w", &wrapError{op: op}) }

func isWrap(op string) bool {
	_, ok := wrapped(op).(*wrapError) // want `type assertion wrapped\(op\).\(\*wrapError\) misses wrapped errors`
	return ok
}

type newError struct{}

func (e *newError) Error() string { return "new" }

func made() error { return new(newError) }

func isNew() bool {
	_, ok := made().(*newError) // want `type assertion made\(\).\(\*newError\) misses wrapped errors`
	return ok
}

// ErrMoving is logged by its text and returned bare.
var ErrMoving = errors.New("moving")

func move(f *future) {
	log.Print(ErrMoving.Error())
	f.respond(ErrMoving)
}

func isMoving(f *future) bool { return f.Error() == ErrMoving }

// A gRPC stream: RecvMsg returns io.EOF bare when the stream completes,
// and the generated Recv returns its error.
type Msg struct{}

type ClientStream interface {
	RecvMsg(m any) error
}

type WatchClient interface {
	Recv() (*Msg, error)
	ClientStream
}

func drainStream(s WatchClient) error {
	for {
		_, err := s.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// The twin: a Recv on a type that is not a stream.
type mailbox interface{ Recv() (*Msg, error) }

func drainBox(b mailbox) error {
	_, err := b.Recv()
	if err == io.EOF { // want `comparing err == io.EOF misses wrapped errors`
		return nil
	}
	return err
}

// ErrGone is handed to an assertion in a test: that wraps nothing.
var ErrGone = errors.New("gone")

func fetch(n int) error {
	if n == 0 {
		return ErrGone
	}
	return nil
}

func gone(n int) bool { return fetch(n) == ErrGone }
