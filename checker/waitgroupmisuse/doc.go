// Package waitgroupmisuse defines an Analyzer that reports sync.WaitGroup
// uses that make Wait block forever or make the counter go negative.
//
// # Analyzer waitgroupmisuse
//
// waitgroupmisuse: report sync.WaitGroup uses that deadlock Wait or panic
//
// A sync.WaitGroup is a counter: Add raises it before a goroutine starts,
// the goroutine lowers it with Done when it finishes, and Wait blocks until
// it is zero. Wait returns only if every counted goroutine reaches Done, so
// one path that misses Done, or a Wait that can only finish after Done has
// run, blocks the waiter, and every goroutine behind it, forever. The
// analyzer follows the control flow (in SSA form) and reports:
//
// A return in a goroutine that skips the wg.Done() the goroutine calls on
// its other paths, typically an early return on an error:
//
//	wg.Add(1)
//	go func() {
//		if err := step(); err != nil {
//			return // reported: skips wg.Done()
//		}
//		finish()
//		wg.Done()
//	}()
//
// Call defer wg.Done() first thing in the goroutine instead; when the
// goroutine calls Done once, as its last statement, the suggested fix does
// that. Goroutines started with a go statement on a function literal or on
// a function or method of the package are checked; Done calls in a loop,
// which count iterations rather than the goroutine, are left alone, and so
// are paths that pass the WaitGroup on to other code.
//
// A Wait inside a goroutine that the same WaitGroup counts, where the
// goroutine's own Done can only run after the Wait (it is deferred, or comes
// later): the goroutine waits for itself. This includes calling a method
// of the package, such as s.Close(), that waits on the WaitGroup:
//
//	wg.Add(1)
//	go func() {
//		defer wg.Done()
//		...
//		wg.Wait() // reported: waits for its own Done
//	}()
//
// A Wait inside the loop that starts the goroutines it waits for, when
// their Add comes before the loop: the first Wait waits for goroutines that
// the loop has not started yet.
//
//	wg.Add(len(items))
//	for _, it := range items {
//		go func() { defer wg.Done(); use(it) }()
//		wg.Wait() // reported: move it after the loop
//	}
//
// A Wait whose goroutines are blocked on something the waiter does only
// after the Wait. Workers that range over a channel finish only once it is
// closed, so closing it after Wait deadlocks:
//
//	for range 3 {
//		wg.Add(1)
//		go func() {
//			defer wg.Done()
//			for j := range jobs {
//				process(j)
//			}
//		}()
//	}
//	for _, it := range items {
//		jobs <- it
//	}
//	wg.Wait() // reported: close(jobs) comes after the Wait
//	close(jobs)
//
// Workers that must send on an unbuffered channel finish only once someone
// receives, so receiving only after Wait deadlocks; wait and close the
// channel in a goroutine of its own, and range over it in the caller. These
// two are reported only when the channel is made in the waiting function
// and goes nowhere but to it and to the goroutines it waits for.
//
// A Wait made while holding a mutex that a goroutine it waits for locks
// before its Done, directly or in a function it calls: the goroutine blocks
// on the mutex, the waiter on the goroutine.
//
//	mu.Lock()
//	defer mu.Unlock()
//	for _, x := range xs {
//		wg.Add(1)
//		go func() {
//			defer wg.Done()
//			mu.Lock() // waits for the caller's Unlock
//			total += x
//			mu.Unlock()
//		}()
//	}
//	wg.Wait() // reported: waits for goroutines stuck on mu
//
// The mutex must be locked on every path to the Wait, no other goroutine
// may unlock it for the waiter, and the mutex and the WaitGroup must be the
// waiter's local variables or parameters, shared with the goroutines it
// starts; when they are struct fields (s.mu, s.wg), the blockunderlock
// analyzer reports it.
//
// A Wait on a WaitGroup that is added to but never done: a local variable,
// or an unexported struct field, whose address goes nowhere but its own
// Add and Wait calls, and on which nothing calls Done or Go, nor Add with
// a negative count (wg.Add(-n) releases the count as Done does: a start
// gate that holds goroutines at Wait until Add(-1)).
//
// A Done, inside a function given to wg.Go, on the same WaitGroup: Go
// already calls Done when the function returns, so the counter goes
// negative and the program panics.
//
// A wg.Add inside the new goroutine is go vet's waitgroup check and is not
// repeated here, and a channel the workers range over that nothing closes
// is the unclosedrange analyzer's. Not reported either: paths on which the
// WaitGroup pointer is nil (if wg != nil { wg.Done() }), goroutines
// blocked on channels that other code may also use, a stop check in a
// select with a default case that leaves a blocking send outside the
// select, Add and Done counts that do not match numerically, and
// WaitGroups passed to code outside the package. Generated files are
// skipped.
//
// Coming from Node.js: Promise.all(promises) waits for promises that settle
// by themselves, and a rejected one rejects the whole. A goroutine has no
// result to settle: it must say it is finished with Done, on every path,
// errors included. Write defer wg.Done() as the goroutine's first line, the
// way a finally block would, and send errors on a channel or use
// golang.org/x/sync/errgroup if you need Promise.all's error.
//
// Coming from Python: concurrent.futures.wait and asyncio.gather track the
// futures for you; a thread that raises still counts as finished. A
// WaitGroup only counts what you tell it: an early return without Done is
// a thread that never finishes as far as Wait knows. Put defer wg.Done()
// first, like a with block or a finally clause, and never call Wait from
// one of the goroutines it waits for, just as a worker thread must not
// join itself.
//
// Coming from Java: a WaitGroup is a CountDownLatch, with Add before each
// goroutine and Done for countDown. Java's rule of calling countDown in a
// finally block is Go's defer wg.Done() at the top of the goroutine, and
// await inside a task the latch counts deadlocks the same way Wait does.
// Since Go 1.25, wg.Go(f) is the ExecutorService.submit of WaitGroups: it
// adds, starts f and calls Done for you, so f must not call Done itself.
//
// Lesson: goroutines/wait-for-all.
package waitgroupmisuse
