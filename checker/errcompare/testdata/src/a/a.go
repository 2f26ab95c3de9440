// Package a holds the errcompare cases, each reported case beside a silent
// twin.
package a

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

var ErrNotFound = errors.New("not found")

func find(key string) error { return ErrNotFound }

func compare(key string) bool {
	err := find(key)
	if err == ErrNotFound { // want `comparing err == ErrNotFound misses wrapped errors: use errors\.Is\(err, ErrNotFound\)`
		return false
	}
	if errors.Is(err, ErrNotFound) {
		return false
	}
	if err != ErrNotFound && err != nil { // want `comparing err != ErrNotFound misses wrapped errors: use !errors\.Is\(err, ErrNotFound\)`
		return true
	}
	return !errors.Is(err, ErrNotFound) && err != nil
}

func reversed(err error) bool {
	return fs.ErrNotExist == err // want `comparing err == fs\.ErrNotExist misses wrapped errors: use errors\.Is\(err, fs\.ErrNotExist\)`
}

// Comparisons with nil, and of two local values, are fine.
func identity(err, last error) bool {
	return err != nil && err == last
}

// Read returns io.EOF itself: callers test it with ==.
func readAll(r io.Reader, br *bufio.Reader) error {
	buf := make([]byte, 512)
	for {
		_, err := r.Read(buf)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			break
		}
		// err is reused below; that does not change what reaches the test.
		_, err = strings.NewReader(line).ReadByte()
		if err != nil {
			return err
		}
	}
	return nil
}

// An error from anything else may be wrapped.
func readHelper(r io.Reader) error {
	err := helper(r)
	if err == io.EOF { // want `comparing err == io\.EOF misses wrapped errors`
		return nil
	}
	return err
}

func helper(r io.Reader) error {
	_, err := io.ReadAll(r)
	return err
}

func param(err error) bool {
	return err == io.EOF // want `comparing err == io\.EOF misses wrapped errors`
}

func ctxErr(ctx context.Context) bool {
	return ctx.Err() == context.Canceled
}

func ctxCause(ctx context.Context) bool {
	return context.Cause(ctx) == context.Canceled // want `comparing context\.Cause\(ctx\) == context\.Canceled misses wrapped errors`
}

func errno() bool {
	_, _, e := syscall.Syscall(0, 0, 0, 0)
	return e == syscall.EINTR
}

func errnoWrapped(name string) bool {
	_, err := os.Open(name)
	return err == syscall.ENOENT // want `comparing err == syscall\.ENOENT misses wrapped errors`
}

func switches(err error) string {
	switch err {
	case nil:
		return "ok"
	case ErrNotFound: // want `switch err compares with ==, so case ErrNotFound misses wrapped errors: use a switch with no tag and case errors\.Is\(err, ErrNotFound\)`
		return "missing"
	}
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrNotFound):
		return "missing"
	}
	return "other"
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "my error" }

func assertions(err error) int {
	if me, ok := err.(*MyErr); ok { // want `type assertion err\.\(\*MyErr\) misses wrapped errors: use errors\.As\(err, &target\) with a target of type \*MyErr`
		return me.Code
	}
	if me, ok := errors.AsType[*MyErr](err); ok {
		return me.Code
	}
	var me *MyErr
	if errors.As(err, &me) {
		return me.Code
	}
	// Asserting a behaviour, not an error type, is not reported.
	if t, ok := err.(interface{ Timeout() bool }); ok && t.Timeout() {
		return 1
	}
	switch e := err.(type) { // want `type switch on err misses wrapped errors: use errors\.As for each error type, as in errors\.As\(err, &target\) for case \*MyErr`
	case *MyErr:
		return e.Code
	}
	switch err.(type) {
	case nil:
		return 0
	}
	return -1
}

// cmd.Run returns a bare *exec.ExitError.
func run(cmd *exec.Cmd) int {
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return 0
}

func runHelper(cmd *exec.Cmd) int {
	err := runIt(cmd)
	if ee, ok := err.(*exec.ExitError); ok { // want `type assertion err\.\(\*exec\.ExitError\) misses wrapped errors`
		return ee.ExitCode()
	}
	return 0
}

func runIt(cmd *exec.Cmd) error { return cmd.Run() }

// Inside an Is method, comparing the target is the job.
type codeErr struct{ code int }

func (e codeErr) Error() string { return "code" }

func (e codeErr) Is(target error) bool {
	if t, ok := target.(codeErr); ok {
		return t.code == e.code
	}
	return target == ErrNotFound
}

// A recovered value is not an error until asserted.
func recovered() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			}
		}
	}()
	return nil
}
