// Package tickerleak defines an Analyzer that reports tickers and timers
// that are never stopped in functions that return, and time.Tick in loops.
//
// # Analyzer tickerleak
//
// tickerleak: report unstopped tickers and timers, and time.Tick in loops
//
// A time.Ticker keeps firing until it is stopped, and a time.Timer stays
// scheduled until it fires or is stopped. What an unstopped one costs
// depends on the Go version:
//
// Before Go 1.23, the runtime kept every running ticker and timer, so the
// garbage collector never freed an unstopped ticker, and freed an unstopped
// timer only after it fired. A function that made a ticker with
// time.NewTicker or time.Tick and returned without stopping it leaked the
// ticker, and it kept waking the runtime up, for the rest of the program.
// Timer channels were buffered (capacity 1), so a stale tick could be
// received after Stop or Reset.
//
// Since Go 1.23, the garbage collector frees unreferenced tickers and
// timers even if they were never stopped, and their channels are
// unbuffered, so no stale value is received after Stop or Reset returns.
// The time package now says that Stop is no longer needed to help the
// garbage collector, and that there is no longer any reason to prefer
// NewTicker to Tick when Tick will do. Which behavior a program gets is
// decided by the go line of its main module (the GODEBUG setting
// asynctimerchan=1 brings the old one back); the analyzer goes by the Go
// version of each file: its go.mod go line, or a //go:build go1.N line.
//
// So by default the analyzer goes by the file's version, and reports what
// follows only in files for Go before 1.23, where the runtime never frees
// an unstopped ticker. Strict mode (accentvet -strict, or
// -tickerleak.strict; accent's grader uses it) reports it in files of
// every Go version, as -tickerleak.anyversion does: a ticker left running
// until its function returns is a habit that leaks in every module still
// on an older go line, keeps ticking (and waking the scheduler) until the
// collector finds it, and tells the reader nothing about when the work
// ends, so a learner should stop what they start.
//
// time.Tick in a function that can return after the call (other than
// main.main), when the channel is only received from there:
//
//	func poll(ctx context.Context) {
//		tick := time.Tick(time.Second) // reported
//		for {
//			select {
//			case <-ctx.Done():
//				return
//			case <-tick:
//				refresh()
//			}
//		}
//	}
//
// Use t := time.NewTicker(d) with defer t.Stop() instead. A time.NewTicker
// or time.NewTimer that is not stopped on some path to a return, when the
// ticker does not escape the function: it is not returned, stored, sent,
// passed to another function (its channel t.C included) or captured by a
// closure other than a deferred one that stops it. If it is never stopped,
// the report is at the call, and the suggested fix adds defer t.Stop() on
// the line after t := time.NewTicker(d); otherwise it is at each return
// that skips the Stop.
//
// In every file, whatever its version, the analyzer reports time.Tick
// called inside a loop, typically in a select case. Each iteration starts a
// new ticker whose first tick comes a full period later, so the period
// restarts whenever the loop turns, and if another case fires more often
// than the period the tick never comes:
//
//	for {
//		select {
//		case m := <-msgs:
//			handle(m)
//		case <-time.Tick(time.Minute): // reported: never fires while msgs is busy
//			flush()
//		}
//	}
//
// Create the ticker once, before the loop. (for range time.Tick(d)
// evaluates time.Tick once and is fine.)
//
// Not reported: time.Tick in main.main or in a function that never returns
// after it, such as a goroutine that ticks forever; tickers and timers that
// escape; time.AfterFunc; time.After, even inside a for-select loop, and
// <-time.NewTimer(d).C, which is time.After spelled out; a timer on a path
// that returns only after it fired (a select case that receives from it
// returns, breaks out of the loop, or sets the flag that ends the loop).
// time.After in a loop starts a timer per iteration, which is often meant
// (an idle timeout); before Go 1.23 each timer stayed in memory until it
// fired, but since Go 1.23 an unreferenced timer is freed at once, so it is
// no leak. Generated files are skipped.
//
// Coming from Node.js: setInterval returns a handle that you must pass to
// clearInterval, or the callback keeps running and keeps the process alive.
// A Go ticker is a channel that receives the time, and t.Stop() is the
// clearInterval: write t := time.NewTicker(d) and defer t.Stop() on the
// next line, the way you would clear the interval in a cleanup function.
// Unlike an interval, a ticker does nothing by itself: a goroutine must
// receive from t.C, usually in a select next to ctx.Done().
//
// Coming from Python: threading.Timer(...).cancel() and
// asyncio task.cancel() stop scheduled work explicitly, and a forgotten
// timer thread keeps running. A Go ticker or timer has a Stop method for
// the same job; defer t.Stop() right after creating it is Go's try/finally.
// Time itself is a channel you select on, next to a cancellation channel,
// instead of a callback on another thread.
//
// Coming from Java: a ScheduledExecutorService must be shut down and a
// ScheduledFuture cancelled, or its thread keeps the task alive. In Go the
// ticker is the scheduled task: stop it with defer t.Stop() in the function
// that created it, and let the receiving loop return on ctx.Done() as a
// task would check Thread.interrupted().
//
// Lesson: time/timers-and-tickers.
package tickerleak
