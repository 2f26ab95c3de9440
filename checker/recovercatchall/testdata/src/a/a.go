// Package a holds the recovercatchall cases, each reported case beside a
// silent twin.
package a

import (
	"errors"
	"fmt"
	"log"
	"os"
)

func dropped(f func()) {
	defer func() {
		recover() // want `recover\(\) swallows the panic: a panic is a bug, not an exception; let it crash, or turn it into a returned error by assigning a named result`
	}()
	f()
}

func blank(f func()) {
	defer func() {
		_ = recover() // want `recover\(\) swallows the panic`
	}()
	f()
}

func onlyChecked(f func()) {
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) swallows the panic`
			log.Println("recovered")
		}
	}()
	f()
}

func onlyCheckedDirect(f func()) {
	defer func() {
		if recover() != nil { // want `recover\(\) swallows the panic`
			fmt.Println("something went wrong")
		}
	}()
	f()
}

// Converted into the returned error.
func toError(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f()
	return nil
}

// Converted into an error without the value: still an error for the
// caller.
func toErrorNoValue(f func()) (err error) {
	defer func() {
		if recover() != nil {
			err = errors.New("f panicked")
		}
	}()
	f()
	return nil
}

// Logged with its value.
func logged(f func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("recovered: %v", r)
		}
	}()
	f()
}

// Re-panics what it does not handle.
type errAbort struct{}

func repanic(f func()) (aborted bool) {
	defer func() {
		switch r := recover(); r {
		case nil:
		case errAbort{}:
			aborted = true
		default:
			panic(r)
		}
	}()
	f()
	return false
}

// Sent somewhere.
func sent(f func(), errc chan<- any) {
	defer func() {
		errc <- recover()
	}()
	f()
}

func sentFlag(f func(), done chan<- bool) {
	defer func() {
		if recover() != nil {
			done <- false
		}
	}()
	f()
}

// A flag the caller checks.
func flag(f func()) (panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	f()
	return false
}

// Exits: the program still stops.
func exits(f func()) {
	defer func() {
		if recover() != nil {
			fmt.Fprintln(os.Stderr, "fatal")
			os.Exit(2)
		}
	}()
	f()
}

// A named handler, deferred elsewhere.
func handler() {
	if r := recover(); r != nil { // want `recover\(\) swallows the panic`
		fmt.Println("ignored")
	}
}

func handlerLogs() {
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func useHandlers(f func()) {
	defer handler()
	defer handlerLogs()
	f()
}

// The value stored outside the function.
func stored(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}
