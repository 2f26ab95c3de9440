// Package unlockpath defines an Analyzer that reports a return that leaves
// a mutex locked when the function's other paths unlock it.
//
// # Analyzer unlockpath
//
// unlockpath: report a return that skips the Unlock the other paths do
//
// A function that locks a mutex and unlocks it before it returns must do
// so on every path. An early return between Lock and Unlock, typically
// on an error, leaves the mutex locked: the next Lock of it, in any
// goroutine, blocks forever. The analyzer reports such a return when the
// function unlocks the same mutex further down, so it clearly means to
// release it:
//
//	func (c *Cache) Refresh() error {
//		c.mu.Lock()
//		data, err := c.load()
//		if err != nil {
//			return err // reported: c.mu is still locked
//		}
//		c.data = data
//		c.mu.Unlock()
//		return nil
//	}
//
// The robust fix is defer, right after Lock, so that every return (and a
// panic) unlocks:
//
//	c.mu.Lock()
//	defer c.mu.Unlock()
//
// When the function unlocks early on purpose (to do slow work without the
// lock), unlock on the error path too. Where the return hands back only
// local values and constants, a suggested fix inserts the Unlock before
// it.
//
// The same slip inside a loop: a Lock at the top of the body, an Unlock
// at the bottom, and a break in between that skips the Unlock keeps the
// mutex locked after the loop, so the function returns holding it:
//
//	for {
//		g.mu.Lock()
//		if g.closed {
//			break // reported: g.mu is still locked after the loop
//		}
//		g.mu.Unlock()
//	}
//
// Unlock before the break, or move the locked part of the body into a
// function (or a function literal called on each iteration) that does
// defer g.mu.Unlock(). A break that ends a switch or select inside the
// loop is not a way out of the loop; a labeled break out of an outer
// loop is. A break is not reported when the code after the loop unlocks
// the mutex, or when every return of the function holds it and its name
// or doc says so (lockWhenReady, "returns with s.mu held"): a loop that
// waits until it may keep the lock for its caller. A continue that
// skips the Unlock goes round to the Lock again: doublelock reports it
// there.
//
// A function that returns with the lock held on purpose is not reported:
// one that never unlocks it (it acquires the lock for its caller), one
// whose name ends in Locked, one that unlocks only on an early error
// path and keeps the lock on its normal return (a conditional acquire),
// and one that hands the unlock to a closure it makes (a returned unlock
// function, a goroutine that unlocks). Paths that end in a panic are not
// returns. Locks taken with TryLock are not tracked, and calls through
// interfaces and function values are assumed not to lock or unlock.
// Generated files are skipped.
//
// Coming from Node.js: in JavaScript a function that returns early leaves
// nothing behind except what it allocated, and the garbage collector
// takes care of that. A Go mutex is not released when the function that
// locked it returns; it stays locked until something calls Unlock. Pair
// every Lock with a defer Unlock, as you would pair a resource with
// try/finally.
//
// Coming from Python: "with self._lock:" releases the lock whichever way
// the block exits, return and exception included. The Go equivalent is
// mu.Lock() followed at once by defer mu.Unlock(); a bare Lock with an
// Unlock further down is lock.acquire() without try/finally.
//
// Coming from Java: a synchronized block releases its monitor on every
// exit, and a ReentrantLock is released in finally { lock.unlock(); }.
// Go's defer plays the part of finally: write defer mu.Unlock() right
// after mu.Lock(), and only unlock by hand when you release the lock
// before the function ends, then on every path.
//
// Lesson: goroutines/sharing-memory.
package unlockpath
