// Package recovercatchall defines an Analyzer that reports recover() used
// as a catch-all that swallows panics.
//
// # Analyzer recovercatchall
//
// recovercatchall: report recover() used as a catch-all that swallows the panic
//
// A panic in Go means a bug or a broken invariant: a nil map written to, an
// index out of range, an impossible state. recover() stops it, and a
// deferred function that recovers and then does nothing turns the bug into
// a silent wrong answer that runs on:
//
//	defer func() {
//		recover() // reported
//	}()
//
//	defer func() {
//		if r := recover(); r != nil { // reported
//			log.Println("something went wrong")
//		}
//	}()
//
// The analyzer reports a call to recover whose value is dropped, assigned
// to _, or only compared with nil, in a function that does nothing else
// about the panic. Let the program crash, with its stack trace; or, at an
// API boundary where one bad input must not bring the server down, turn the
// panic into an error the caller sees, by assigning a named result:
//
//	func parse(src string) (n *Node, err error) {
//		defer func() {
//			if r := recover(); r != nil {
//				err = fmt.Errorf("parse: internal error: %v", r)
//			}
//		}()
//		return parseExpr(src), nil
//	}
//
// A recover that stops the panic of a function returning an error, and
// only logs or counts it, is reported even though it uses the value: the
// function then returns a nil error (its zero value, or whatever its named
// error result held), and its caller carries on as if the work succeeded.
// That holds whether the error is the only result or the last of several,
// whether the recover is deferred by the function itself or by a small
// wrapper that runs a callback, and for a named handler deferred by such a
// function:
//
//	func safe(f func() error) (err error) {
//		defer func() {
//			if r := recover(); r != nil { // reported: safe returns nil
//				log.Print(r)
//			}
//		}()
//		return f()
//	}
//
// It is quiet there when the deferred function sets the error result
// (err = fmt.Errorf("panic: %v", r)), hands its address on
// (defer recoverInto(&err)), stores an error outside itself, panics again,
// exits, or sends on a channel.
//
// Not reported, as the panic does not vanish there:
//
//   - the value is used, in a function that returns no error: logged,
//     wrapped in an error, re-panicked (the
//     pattern that handles one sentinel and re-panics the rest), sent on
//     a channel, or stored outside the function;
//   - the function panics again, calls os.Exit or log.Fatal, sends on a
//     channel, sets a variable or field outside itself (a named result, a
//     panicked flag the caller checks), fails a test, or answers an HTTP
//     request with an error (http.Error, w.WriteHeader);
//   - a deferred recover in a test that expects a panic, followed in the
//     deferring function by t.Fatal or t.Error for when there is none:
//     defer func() { recover() }(); mustPanic(); t.Fatal("no panic");
//   - generated files.
//
// A deferred recover that gives the panic, as an error, to a command or
// result object from outside (cmd.SetErr(fmt.Errorf("...: %v", r))) hands
// it on, and is not reported.
//
// In the default mode, for real code, a recover is not reported when the
// statements it guards end with a close of a channel or a send on one
// (ch <- v, close(ch), reflect's v.Send or v.Close, before at most a bare
// return): the "close unless already closed" and "send unless closed"
// idioms, whose point is the runtime's panic for a closed channel; nor
// when the handler, if r := recover(); r != nil { ... }, is empty but for
// a comment that says why: a swallow made on purpose, and said so. Strict mode
// (accentvet -strict, as accent's grader runs it) reports it: the channel's
// owner should be the only one to close it, once, and a learner should
// learn that first.
//
// Coming from Node.js: try { ... } catch {} around everything, or
// process.on('uncaughtException', () => {}), keeps a process alive in an
// unknown state. Go's panics are for the bugs, not for expected failures,
// which are errors returned as values; a blanket recover is that empty
// catch.
//
// Coming from Python: except Exception: pass is the habit; except: pass is
// worse. Go's expected failures (file not found, bad input) are error
// values, not panics, so there is nothing to catch for them; what panics is
// a bug, and the stack trace is what you want to see.
//
// Coming from Java: catching Throwable or RuntimeException to keep going
// swallows NullPointerException and friends. Go's panic is closer to a
// RuntimeException or an Error than to a checked exception: do not catch
// it as control flow; return errors instead, and recover only at a
// boundary, converting the panic into an error.
//
// Lesson: errors/panic-is-not-throw.
package recovercatchall
