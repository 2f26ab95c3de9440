// Package errignored defines an Analyzer that reports errors that are
// dropped or discarded without a word.
//
// # Analyzer errignored
//
// errignored: report errors that are dropped or discarded with _
//
// In Go a failure is a value that the caller receives and must look at. A
// call whose error result is never looked at turns a failure into silence:
// the program goes on as if the file had been removed, the data written,
// the setting saved. The analyzer reports three forms of it.
//
// A call statement, or a go or defer statement, whose results include an
// error:
//
//	os.Remove(tmp)      // reported
//	f.Write(data)       // reported
//	go srv.Serve(l)     // reported
//	defer os.Chdir(old) // reported
//
//	if err := os.Remove(tmp); err != nil {
//		return fmt.Errorf("cleaning up: %w", err)
//	}
//
// An error assigned to the blank identifier, which says "I know there is
// an error and I drop it" without saying why:
//
//	_ = os.Remove(tmp)      // reported
//	n, _ := strconv.Atoi(s) // reported
//
// A deferred Close of something written to, whose error is lost: a file
// opened with os.Create, os.CreateTemp or os.OpenFile with O_WRONLY,
// O_RDWR, O_APPEND, O_CREATE or O_TRUNC (and used for more than its name),
// a file written to in the function, an io.WriteCloser, or a
// compress/gzip, zlib, flate or lzw, archive/zip or tar, or
// mime/multipart writer. Close is where buffered data is flushed and where
// a full disk or a lost network share surfaces:
//
//	f, err := os.Create(name)
//	if err != nil {
//		return err
//	}
//	defer f.Close() // reported: a failed flush is lost
//	_, err = f.Write(data)
//	return err
//
// Close explicitly and check it (a deferred Close may stay as a safety net
// for the early returns), or report it through a named result:
//
//	func save(name string, data []byte) (err error) {
//		f, err := os.Create(name)
//		if err != nil {
//			return err
//		}
//		defer func() {
//			if cerr := f.Close(); cerr != nil && err == nil {
//				err = cerr
//			}
//		}()
//		_, err = f.Write(data)
//		return err
//	}
//
// When ignoring an error is right, say why, and the finding goes away:
//
//	//accent:ignore errignored best effort: the cache is rebuilt on the next start
//	_ = os.Remove(cachePath)
//
// In the default mode, for real code, an error discarded with _ is taken
// as a decision, and not reported, when a comment says why (at the end of
// the line, or on the line above); in a test file, where a failure shows
// as a failing test; and, if no write is lost and no value the call filled
// in is used after it, when the whole result is discarded in plain sight
// (_ = f(), _, _ = g(), which errcheck leaves alone without -blank) or the
// value kept comes from an API that keeps the error elsewhere (the error
// returned is a record of a concrete type that the API also keeps, as
// gin's c.Error(err); the receiver or another result has an Err() error
// method, a command or result object that carries it; a Write to a
// buffered writer, one with a Flush() error method, where a failed write
// sticks and Flush returns it) or whose documentation, in the same
// package, says its error may be ignored:
//
//	_, _ = io.Copy(io.Discard, r) // drain the body so the connection is reused
//
// A discard whose value is used, n, _ := strconv.Atoi(s), or whose call
// fills in a value used afterwards (_ = json.Unmarshal(b, &cfg), then
// cfg), is reported unless a comment explains it; one that loses a write
// (Write, Flush, Sync, Commit, Encode, io.Copy, Close of a writer) is
// reported unless explained. Strict mode (accentvet -strict, as accent's
// grader runs it) reports every discard: in an exercise, each is a lesson.
//
// Not reported, following errcheck's defaults where it has them:
//
//   - Close of a reader, a connection or a file not known to be written
//     (os.Open, resp.Body, net.Conn): there is nothing left to lose.
//   - fmt.Print, Printf and Println, and fmt.Fprint, Fprintf and Fprintln to
//     anything but a file opened for writing in the function: formatted
//     output is a report to a person, with nowhere to report its own
//     failure. (errcheck reports Fprintf to a writer; golangci-lint's
//     default exclusions drop it, and so does this analyzer.)
//   - Writes to sinks that cannot fail or keep their error: bytes.Buffer,
//     strings.Builder, hashes, a bufio.Writer or csv.Writer (the error
//     sticks and comes back from Flush, which is reported), os.Stdout and
//     os.Stderr, a fmt.State in a Format method, an http.ResponseWriter;
//     whether by their Write methods or through io.WriteString, a WriteTo
//     method, or go/ast and go/printer's Fprint.
//   - Functions documented never to fail: crypto/rand.Read, math/rand.Read,
//     io.Pipe's CloseWithError.
//   - errors.New and fmt.Errorf as statements, which go vet's unusedresult
//     already reports.
//   - A deferred os.Remove or os.RemoveAll (best-effort cleanup of a
//     temporary file) and a deferred sql.Tx Rollback (a no-op after Commit,
//     the documented idiom).
//   - A cleanup call (Close, os.Remove, os.RemoveAll, Rollback,
//     Process.Kill) on a failure path: in the body of if err != nil, or in
//     a block that ends by returning errors.New, fmt.Errorf or a sentinel.
//     The function is already failing; its first error is the one to report.
//   - Generated files.
//
// Two flags adjust it. -errignored.exclude adds calls whose errors may be
// dropped, comma-separated, in errcheck's syntax: pkg.Func,
// (pkg.T).Method, (*pkg.T).Method, or pkg.Func(argtype) to match the type
// of the first argument (os.Stdout and os.Stderr by name), with full
// package paths: -errignored.exclude='os.Setenv,(*database/sql.DB).Close'.
// -errignored.blank=false stops reporting errors assigned to _.
//
// Coming from Node.js: a rejected promise nobody awaits crashes the process,
// so an ignored failure is at least loud; only a callback that never reads
// its err argument fails silently. In Go every ignored error is that
// callback: the failure is gone. Read it where it is returned, as you would
// check err first in a Node callback.
//
// Coming from Python: an exception propagates unless someone catches it,
// so doing nothing means "let it fail loudly". In Go doing nothing means
// "pretend it worked": the error is an ordinary return value. Return it,
// wrapped with context, which is what an uncaught exception would have
// done for you. A with block closes files for you and raises on failure;
// defer f.Close() does not report anything.
//
// Coming from Java: checked exceptions force a catch or a throws clause,
// and an empty catch block is a well-known smell; Go's _ = f() is that
// empty catch block. try-with-resources rethrows a failed close, or attaches
// it to the body's exception as a suppressed one; a deferred Close in Go
// drops it unless you assign it to a named result yourself.
//
// Lesson: errors/errors-are-values.
package errignored
