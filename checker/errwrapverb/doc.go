// Package errwrapverb defines an Analyzer that reports fmt.Errorf calls
// that format an error with %v or %s instead of wrapping it with %w.
//
// # Analyzer errwrapverb
//
// errwrapverb: report fmt.Errorf formatting an error with %v or %s instead of wrapping it with %w
//
// fmt.Errorf("open config: %v", err) keeps the text of err but not err
// itself: the new error has no cause, so errors.Is(err, fs.ErrNotExist)
// and errors.As(err, &pathErr) no longer find what happened. %w formats
// the same text and also wraps err:
//
//	return fmt.Errorf("open config: %v", err) // reported
//	return fmt.Errorf("open config: %w", err)
//
// An argument is reported when its type is an error (error itself or a
// type with an Error method) and its verb is %v or %s. The suggested fix
// replaces the verb with %w when the verb has no flags or width and the
// format is a string literal whose escapes do not hide a %. Since Go 1.20
// a call may wrap several errors, and every flattened one gets a fix; in
// a file for an older Go, only the first does.
//
// Not reported:
//
//   - a call that already wraps an error with %w: the author chose what to
//     wrap, and fmt.Errorf("%w: %v", ErrInvalid, err), which exposes a
//     sentinel and keeps the cause as text, is a deliberate API choice;
//   - the error's text, err.Error(), which is a string;
//   - %q and %#v, which ask for quoting or a Go-syntax dump;
//   - files for a Go version before 1.13, which has no %w, and generated
//     files.
//
// In the default mode, for real code, it only reports what a caller could
// inspect, and leaves alone:
//
//   - an error made only to be shown: passed straight to panic, to fmt's
//     or log's print functions, to slog, or to a method such as t.Error,
//     logger.Warnf or log.Printf, or kept in a local variable used only so;
//   - an error that may be nil there: a variable or field that no
//     enclosing if x != nil (or case x != nil), and no earlier
//     if x == nil { return }, rules out; %w of nil prints %!w(<nil>),
//     so %v is the verb for "last error: %v".
//
// Strict mode (accentvet -strict, as accent's grader runs it) reports
// them too: a learner should reach for %w first.
//
// If keeping a cause out of your API is the point, say so:
// //accent:ignore errwrapverb the driver's errors are not part of our API.
//
// In the default mode nothing is reported in test files: a test's errors
// go to t.Error and t.Fatal to be read, not inspected with errors.Is.
//
// Coming from Node.js: new Error("open config", { cause: err }) keeps the
// original error; new Error(`open config: ${err}`) keeps only its message.
// %w is the cause option, %v the template string.
//
// Coming from Python: raise ConfigError("open config") from err records the
// cause; raise ConfigError(f"open config: {err}") keeps only the text. %w
// is from err, and errors.Unwrap gives back __cause__.
//
// Coming from Java: new ConfigException("open config", e) chains the
// cause, and e.getCause() returns it; new ConfigException("open config: " +
// e) drops it. %w is the constructor that takes the cause.
//
// Lesson: errors/wrapping-and-inspecting.
package errwrapverb
