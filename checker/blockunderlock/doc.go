// Package blockunderlock defines an Analyzer that reports a goroutine that
// blocks on a channel or WaitGroup while it holds a mutex that the
// goroutine which would unblock it must lock first.
//
// # Analyzer blockunderlock
//
// blockunderlock: report blocking while holding a lock the unblocker needs
//
// A channel send waits for a receiver, a receive waits for a sender (or a
// close), and WaitGroup.Wait waits for Done. None of them releases the
// mutexes the goroutine holds. If the goroutine that would complete the
// operation has to lock one of those mutexes first, each waits for the
// other, forever:
//
//	func (s *Status) Set(v int) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.updates <- v // reported: blocks while s.mu is locked
//	}
//
//	func (s *Status) run() { // started with go s.run()
//		for v := range s.updates {
//			s.mu.Lock() // after the first value, waits for Set
//			s.last = v
//			s.mu.Unlock()
//		}
//	}
//
// The analyzer reports an unbuffered send, a receive, a select without a
// default case and a single case, or a WaitGroup.Wait, performed while a
// mutex is held (in the function or its callers in the package), when
// every operation in the package that could unblock it (the receive,
// send or close of the same channel field, the Done of the same
// WaitGroup field) comes after a Lock of that mutex: in its own function,
// earlier in a loop, or in every caller on the way to it.
//
// Fix it by not holding the lock while blocking: copy what you need,
// unlock, then send or wait:
//
//	func (s *Status) Set(v int) {
//		s.mu.Lock()
//		s.pending = v
//		s.mu.Unlock()
//		s.updates <- v
//	}
//
// or make the other side not need the lock, or use a select with a
// default case or a context when dropping or giving up is acceptable.
//
// Channels and WaitGroups are identified by their field (Status.updates)
// or package variable; those in local variables and parameters are not
// followed, nor are sends on channels made with a buffer, calls through
// interfaces and function values, and sync.Cond.Wait (which releases its
// own lock). Nothing is reported unless both halves are found: the
// blocking operation under the lock, and every operation that could
// unblock it behind the same lock. Generated files are skipped.
//
// Coming from Node.js: an async mutex held across an await of a promise
// whose resolver needs the same mutex hangs the same way, but in Go the
// "await" is any channel operation or Wait, and the other side is a real
// goroutine blocked in Lock. Finish the critical section before you wait.
//
// Coming from Python: calling queue.get() or thread.join() inside "with
// self._lock:" while the producer or the thread needs self._lock is the
// same deadlock. An unbuffered Go channel is a queue of size zero: every
// send waits for the receiver, so keep sends and receives out of locked
// regions.
//
// Coming from Java: BlockingQueue.take() or CountDownLatch.await() inside
// a synchronized block keeps the monitor while waiting; only
// Object.wait() releases it. Go's channel operations and WaitGroup.Wait
// are like take() and await(): they release nothing. (sync.Cond.Wait is
// the one that releases its lock, like Object.wait().)
//
// Lesson: goroutines/sharing-memory.
package blockunderlock
