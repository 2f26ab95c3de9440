// Package foreverselect defines an Analyzer that reports goroutines whose
// for-select loop has no way out.
//
// # Analyzer foreverselect
//
// foreverselect: report goroutines whose for-select loop never ends
//
// A goroutine that runs for { select { ... } } with no return, no break
// out of the loop, no goto and no panic in it runs until the program ends.
// Whoever started it has no way to stop it, so each call that starts one
// leaks a goroutine, with its stack and everything it references:
//
//	func (w *Watcher) start() {
//		go func() {
//			for { // reported
//				select {
//				case ev := <-w.events:
//					w.handle(ev)
//				case <-w.ticker.C:
//					w.flush()
//				}
//			}
//		}()
//	}
//
// Give the loop a way out, usually a context or a done channel that the
// owner closes:
//
//	for {
//		select {
//		case ev := <-w.events:
//			w.handle(ev)
//		case <-w.ticker.C:
//			w.flush()
//		case <-ctx.Done():
//			return
//		}
//	}
//
// A case <-ctx.Done() that does not return is no way out either: once the
// context is done that case is always ready, and the loop spins.
//
// The analyzer looks at the function a go statement starts, a function
// literal or a function of the package, and at the for loops without a
// condition whose body has a select. Calls that never return (os.Exit,
// log.Fatal, runtime.Goexit, t.FailNow) count as ways out. Goroutines that
// func main or init of a main package starts are not reported: they may
// live as long as the program.
//
// Coming from Node.js: setInterval and event listeners keep running until
// you call clearInterval or removeListener, and the process exits when
// nothing is left to do. A Go goroutine needs the same off switch, but
// passed in: a context whose Done channel its loop selects on.
//
// Coming from Python: a while True loop in a daemon thread dies with the
// interpreter, so forgetting to stop it goes unnoticed. Go has no daemon
// goroutines to reap: a library's goroutine must return, so give its loop a
// case <-ctx.Done(): return.
//
// Coming from Java: an ExecutorService thread stops on shutdownNow() by
// interruption, and loops check Thread.interrupted(). Go has no
// interruption; ctx.Done() is the interrupt, and the loop must select on it
// and return.
//
// Lesson: channels/channels-and-select.
package foreverselect
