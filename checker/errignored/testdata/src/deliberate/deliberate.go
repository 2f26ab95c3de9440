// Package deliberate holds errors discarded with _ on purpose, and their twins.
package deliberate

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"time"
)

type config struct{ Port int }

// Explained by a trailing comment.
func drain(r io.Reader) {
	_, _ = io.Copy(io.Discard, r) // ensure we always consume the body, so the connection is reused
}

// Explained by a comment on the line above.
func removeCache(path string) {
	// best effort: the cache is rebuilt on the next start
	_ = os.Remove(path)
}

// Unexplained, but the whole result is discarded in plain sight and
// nothing is lost with it: a decision, as errcheck reads it without
// -blank (strict mode reports it).
func removeCacheSilently(path string) {
	_ = os.Remove(path)
}

// The comment above is the previous statement's, but the discard is
// whole all the same.
func removeTwo(a, b string) {
	x := len(a) // the length
	_ = os.Remove(b)
	_ = x
}

// The twin: a result kept, the error dropped, no comment.
func removeTwoKept(a string) int {
	x := len(a)                 // the length
	n, _ := strconv.Atoi(a[1:]) // want `is ignored`
	return x + n
}

// The twin: a whole discard that loses a write.
func persist(f *os.File, data []byte) {
	_, _ = f.Write(data) // want `is ignored`
	_ = f.Sync()         // want `is ignored`
	_ = f.Close()        // want `is ignored`
}

// The twin: a whole discard whose call fills in a value used after it.
func decode(r io.Reader) config {
	var cfg config
	_ = json.NewDecoder(r).Decode(&cfg) // want `is ignored`
	return cfg
}

// The value is used, though the error that says whether it is valid was
// dropped.
func port(s string) int {
	n, _ := strconv.Atoi(s) // want `is ignored`
	return n
}

// The value is used after the call filled it in.
func load(b []byte) int {
	var cfg config
	_ = json.Unmarshal(b, &cfg) // want `is ignored`
	return cfg.Port
}

// The twin: explained, so the default mode takes the author's word.
func loadExplained(b []byte) int {
	var cfg config
	_ = json.Unmarshal(b, &cfg) // a malformed file leaves the defaults
	return cfg.Port
}

// A write whose failure is lost.
func save(f *os.File, data []byte) {
	_, _ = f.Write(data) // want `is ignored`
}

// A command object that carries its error: the receiver keeps it (Err).
type command struct{ err error }

func (c *command) Err() error { return c.err }

func (c *command) Arg(s string) error {
	if s == "" {
		c.err = io.ErrUnexpectedEOF
	}
	return c.err
}

func build(c *command) {
	_ = c.Arg("x")
}

// A result object that carries its error.
type result struct{ err error }

func (r *result) Err() error { return r.err }

func run() (*result, error) { return &result{}, nil }

func runIt() {
	_, _ = run()
}

// The error is a record of a concrete type that the API keeps.
type record struct{ msg string }

func (r *record) Error() string { return r.msg }

type context struct{ errors []*record }

func (c *context) Error(err error) *record {
	r := &record{msg: err.Error()}
	c.errors = append(c.errors, r)
	return r
}

func fail(c *context, err error) {
	_ = c.Error(err)
}

// touch marks the file as used. The error can be safely ignored: the mark
// is only a hint.
func touch(path string) error { return os.Chtimes(path, zero, zero) }

var zero = time.Time{}

func mark(path string) {
	_ = touch(path)
}

// A buffered writer, as goldmark's renderers get: a failed write sticks
// and comes back from Flush, which is checked.
type bufWriter interface {
	io.Writer
	WriteString(s string) (int, error)
	Flush() error
}

func render(w bufWriter, title string) error {
	_, _ = w.WriteString("<h1>")
	_, _ = w.WriteString(title)
	return w.Flush()
}

// The twin: a plain writer keeps no error for later.
func renderPlain(w io.Writer, title string) {
	_, _ = io.WriteString(w, title) // want `is ignored`
	_, _ = w.Write([]byte(title))   // want `is ignored`
}

// A sticky-error writer: its Flush is a write and is reported.
func flush(w *bufio.Writer) {
	_ = w.Flush() // want `is ignored`
}
