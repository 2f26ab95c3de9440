// Package a holds the errignored cases, each reported case beside a silent
// twin.
package a

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
)

func statements(name string, b []byte, f *os.File) error {
	os.Remove(name) // want `the error from os\.Remove is ignored: handle it or return it \(if ignoring is right, say why with //accent:ignore errignored <reason>\)`
	if err := os.Remove(name); err != nil {
		return err
	}

	f.Write(b) // want `the error from f\.Write is ignored`
	if _, err := f.Write(b); err != nil {
		return err
	}

	remove := os.Remove
	remove(name) // want `the error from remove is ignored`
	return remove(name)
}

func serve(l io.Closer) error { return nil }

func goAndDefer(dir string) error {
	go serve(nil) // want `the error from serve is ignored`
	go func() {
		if err := serve(nil); err != nil {
			fmt.Println(err)
		}
	}()

	defer os.Chdir(dir) // want `the error from os\.Chdir is ignored`
	defer func() {
		if err := os.Chdir(dir); err != nil {
			fmt.Println(err)
		}
	}()

	// Best-effort removal of a temporary file, and the documented
	// rollback idiom, are not reported.
	defer os.Remove(dir)
	defer os.RemoveAll(dir)
	return nil
}

func rollback(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	tx.Rollback()       // want `the error from tx\.Rollback is ignored`
	return tx.Commit()
}

func blanks(s string) (int, error) {
	_ = os.Remove(s) // the whole result discarded in plain sight: strict mode only
	if err := os.Remove(s); err != nil {
		return 0, err
	}

	n, _ := strconv.Atoi(s) // want `the error from strconv\.Atoi is ignored`
	m, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}

	var k, _ = strconv.Atoi(s) // want `the error from strconv\.Atoi is ignored`
	var j, err2 = strconv.Atoi(s)
	if err2 != nil {
		return 0, err2
	}

	a, _ := strconv.Quote(s), os.Remove(s) // a is Quote's: Remove's result is discarded whole
	_ = a

	x, ok := strconv.Atoi(s) // not blank: the error is in ok, and checked
	if ok != nil {
		return x, ok
	}
	return n + m + k + j, nil
}

// Calls that cannot fail, or whose failure has nowhere to go, are silent.
func sinks(w io.Writer, bw *bufio.Writer, s string) error {
	fmt.Println(s)
	fmt.Printf("%s\n", s)
	fmt.Fprintln(os.Stderr, s)
	fmt.Fprintf(os.Stdout, "%s\n", s)
	os.Stdout.WriteString(s)
	io.WriteString(os.Stderr, s)

	var buf bytes.Buffer
	buf.WriteString(s)
	buf.WriteByte('\n')
	fmt.Fprintf(&buf, "%s", s)
	var sb strings.Builder
	sb.WriteString(s)
	sb.WriteRune('x')
	fmt.Fprint(&sb, s)

	var fset token.FileSet
	ast.Fprint(&buf, &fset, nil, nil)
	printer.Fprint(&buf, &fset, &ast.Ident{Name: s})
	printer.Fprint(w, &fset, &ast.Ident{Name: s}) // want `the error from printer\.Fprint is ignored`

	h := sha256.New()
	h.Write([]byte(s))
	fmt.Fprint(h, s)

	bw.WriteString(s) // the error sticks: Flush reports it
	fmt.Fprintf(bw, "%s", s)

	errors.New(s) // reported by go vet's unusedresult
	fmt.Errorf(s) // reported by go vet's unusedresult

	fmt.Fprintf(w, "%s\n", s) // formatted output: a report to a person
	io.WriteString(w, s)      // want `the error from io\.WriteString is ignored`
	w.Write([]byte(s))        // want `the error from w\.Write is ignored`
	if _, err := fmt.Fprintf(w, "%s\n", s); err != nil {
		return err
	}
	return bw.Flush()
}

func handler(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
	fmt.Fprintf(w, "%s", r.URL)
}

type point struct{ x, y int }

func (p point) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "(%d, %d)", p.x, p.y)
	f.Write([]byte("!"))
}
