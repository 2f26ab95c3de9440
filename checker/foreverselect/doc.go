// Package foreverselect defines an Analyzer that reports goroutines whose
// loop has no way out.
//
// # Analyzer foreverselect
//
// foreverselect: report goroutines whose loop never ends
//
// A goroutine whose loop has no return, no break out of the loop, no goto
// and no panic in it runs until the program ends. Whoever started it has
// no way to stop it, so each call that starts one leaks a goroutine, with
// its stack and everything it references. The loop may select, sleep and
// poll, receive from a queue, or wait on a ticker:
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
//	func NewPoller(d time.Duration) *Poller {
//		p := &Poller{interval: d}
//		go func() {
//			for { // reported: while True: time.sleep(d); poll()
//				time.Sleep(d)
//				p.poll()
//			}
//		}()
//		return p
//	}
//
// Give the loop a way out, usually a context or a done channel that the
// owner closes in Stop or Close:
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
// A sleep-and-poll loop becomes a ticker and a select, so that the
// goroutine also wakes up when it is told to stop:
//
//	t := time.NewTicker(d)
//	defer t.Stop()
//	for {
//		select {
//		case <-t.C:
//			p.poll()
//		case <-p.done: // closed by p.Close
//			return
//		}
//	}
//
// A ticker's channel is never closed, not even by Stop, so for range
// ticker.C and for range time.Tick(d) never end either: they are reported
// unless the loop returns or breaks. A case <-ctx.Done() that does not
// return is no way out: once the context is done that case is always
// ready, and the loop spins.
//
// The recursive setTimeout of Node.js has no loop but the same defect: a
// function that schedules itself again with time.AfterFunc each time it
// runs, and throws the returned *time.Timer away, runs until the program
// ends. It is reported unless the function can return before scheduling
// (a stop flag checked first) or keeps the timer, for Stop to stop.
//
// What counts as a way out: a return, a break or goto that leaves the loop,
// a loop condition (for !stopped.Load() { ... }, for ctx.Err() == nil {
// ... }), a panic or a call that never returns (os.Exit, log.Fatal,
// runtime.Goexit, t.FailNow). A stop flag read each time round is a way
// out when the loop returns or breaks on it. A range over any other
// channel ends when the channel is closed: whether something closes it is
// the unclosedrange analyzer's business.
//
// The analyzer looks at the function a go statement starts (a function
// literal or a function of the package) and at the package's functions it
// calls, three calls deep: a loop with no way out in a called function
// means the call never returns. Goroutines started once for the life of
// the program are not reported: those that func main starts in a main
// package, func TestMain, an init function of any package, a package-level
// variable's initializer, or the function passed to Do of a package-level
// sync.Once (a package-level janitor or heartbeat). A sync.Once kept in a
// struct starts one goroutine per object, and is reported. A goroutine that
// a test starts is reported too: it leaks once per test.
//
// Coming from Node.js: setInterval and event listeners keep running until
// you call clearInterval or removeListener, and the process exits when
// nothing is left to do. A Go goroutine needs the same off switch, but
// passed in: a context whose Done channel its loop selects on.
//
// Coming from Python: a while True: time.sleep(n) loop in a daemon thread
// dies with the interpreter, so forgetting to stop it goes unnoticed. Go
// has no daemon goroutines to reap: a library's goroutine must return, so
// give its loop a case <-ctx.Done(): return, and wait on a ticker in the
// same select instead of sleeping.
//
// Coming from Java: an ExecutorService thread, a ScheduledExecutorService
// task or a BlockingQueue consumer stops on shutdownNow() by interruption,
// and loops check Thread.interrupted(). Go has no interruption; ctx.Done()
// (or a done channel closed by Stop) is the interrupt, and the loop must
// select on it and return.
//
// Lesson: channels/channels-and-select.
package foreverselect
