// Package erroverwrite defines an Analyzer that reports an error stored in
// a variable and overwritten before anything reads it.
//
// # Analyzer erroverwrite
//
// erroverwrite: report errors overwritten before they are checked
//
// Reusing one err variable for a sequence of calls is idiomatic, as long
// as each error is checked before the next call replaces it. When it is
// not, the first failure is lost and the check that follows only sees the
// last call:
//
//	_, err = io.Copy(dst, src) // reported: a failed copy is lost
//	err = dst.Close()
//	if err != nil {
//		return err
//	}
//
// Check each error before the variable is reused:
//
//	if _, err := io.Copy(dst, src); err != nil {
//		return err
//	}
//	return dst.Close()
//
// or keep both, for instance with errors.Join(copyErr, closeErr).
//
// The analyzer follows the control flow of each function: an error that a
// call stores into a local variable is reported when, on every path from
// the store, the variable is assigned again before anything reads it. It is
// silent when some path reads the variable first (a check, a log, a
// deferred call's argument), when a path leaves the function (a named
// result is returned then), and for variables that a function literal
// captures or whose address is taken, since they may be read at any time.
// Writes to a bytes.Buffer or strings.Builder, which never fail, are not
// reported. A loop that keeps only the last error, as in
// for _, f := range fs { err = f() }, reads err after the loop and is not
// reported either.
//
// Coming from Node.js: with try/catch, the first throw stops the block, so
// a later statement can never hide an earlier failure. Go's errors are
// plain values: the second assignment replaces the first one silently, as
// overwriting a variable holding a rejected promise would.
//
// Coming from Python: an exception raised by the first call ends the
// sequence; Go keeps going, and err = b() replaces the error from a(). When
// both failures matter, as with raise ... from or an ExceptionGroup,
// combine them with fmt.Errorf("...: %w", err) or errors.Join.
//
// Coming from Java: the compiler's "definite assignment" checks never flag
// a variable written twice, and exceptions make it rare to need to. With
// errors as values, an unchecked store is the equivalent of an empty catch
// block placed between two statements.
//
// Lesson: errors/errors-are-values.
package erroverwrite
