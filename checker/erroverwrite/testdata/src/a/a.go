// Package a holds the erroverwrite cases, each reported case beside a silent
// twin.
package a

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

func a() error { return nil }
func b() error { return nil }

func pair() (int, error) { return 0, nil }

func overwritten() error {
	err := a() // want `err from a\(\) is overwritten by b\(\) at line 20 before it is checked: the first failure is lost`
	err = b()
	if err != nil {
		return err
	}
	return nil
}

func checked() error {
	err := a()
	if err != nil {
		return err
	}
	err = b()
	if err != nil {
		return err
	}
	return nil
}

func tuples(w io.Writer, p, q []byte) error {
	_, err := w.Write(p) // want `err from w\.Write\(\) is overwritten by w\.Write\(\) at line 41`
	_, err = w.Write(q)
	return err
}

func tuplesChecked(w io.Writer, p, q []byte) error {
	if _, err := w.Write(p); err != nil {
		return err
	}
	_, err := w.Write(q)
	return err
}

func copyThenClose(w io.WriteCloser, r io.Reader) error {
	_, err := io.Copy(w, r) // want `err from io\.Copy\(\) is overwritten by w\.Close\(\) at line 55`
	err = w.Close()
	return err
}

func copyThenCloseChecked(w io.WriteCloser, r io.Reader) error {
	_, err := io.Copy(w, r)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// Overwritten on every path, through branches.
func branches(cond bool) error {
	err := a() // want `err from a\(\) is overwritten by b\(\)`
	if cond {
		err = b()
	} else {
		err = nil
	}
	return err
}

// Read on one path: not reported.
func onePath(cond bool) error {
	err := a()
	if cond {
		fmt.Println(err)
	}
	err = b()
	return err
}

// Leaving the function counts as a read: a named result is returned.
func named() (err error) {
	err = a()
	if err != nil {
		return
	}
	err = b()
	return
}

func returnedWithoutCheck() (err error) {
	err = a() // reaching the return is not an overwrite
	return
}

// A closure may read the variable at any time.
func captured() error {
	err := a()
	defer func() { fmt.Println(err) }()
	err = b()
	return err
}

// So may anything that holds its address.
func addressed() error {
	err := a()
	p := &err
	fmt.Println(p)
	err = b()
	return err
}

// Deferred calls evaluate their arguments at once: that is a read.
func deferredArg() error {
	err := a()
	defer fmt.Println(err)
	err = b()
	return err
}

// A loop that keeps only the last error.
func loop(fs []func() error) error {
	var err error
	for _, f := range fs {
		err = f()
	}
	return err
}

func selectCase(ch chan error, done chan struct{}) error {
	err := a()
	select {
	case err = <-ch:
	case <-done:
		return err
	}
	return err
}

// Writes to in-memory buffers cannot fail.
func buffer(buf *bytes.Buffer) error {
	_, err := buf.WriteString("x")
	_, err = buf.WriteString("y")
	return err
}

func declared() error {
	var err = a() // want `err from a\(\) is overwritten by errors\.New\(\) at line 156`
	err = errors.New("replaced")
	return err
}

func multi() error {
	n, err := pair() // want `err from pair\(\) is overwritten by os\.Remove\(\) at line 162`
	err = os.Remove(fmt.Sprint(n))
	return err
}

func literal() {
	f := func() error {
		err := a() // want `err from a\(\) is overwritten by b\(\)`
		err = b()
		return err
	}
	_ = f
}
