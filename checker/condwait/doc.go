// Package condwait defines an Analyzer that reports sync.Cond waits that
// can block forever or wake up before their condition holds.
//
// # Analyzer condwait
//
// condwait: report sync.Cond Waits that nothing wakes or that do not recheck their condition in a loop
//
// A sync.Cond lets goroutines sleep until some shared state changes.
// Four mistakes make it deadlock or misbehave, and the analyzer reports
// them.
//
// A Wait that nothing wakes. When no code in the package calls Signal or
// Broadcast on the Cond a goroutine waits on, and the Cond does not
// leave the package, the waiting goroutine sleeps forever as soon as its
// condition is false once:
//
//	func (p *Plugin) waitActive() {
//		p.cond.L.Lock()
//		for !p.activated {
//			p.cond.Wait() // reported: nothing calls p.cond.Signal or Broadcast
//		}
//		p.cond.L.Unlock()
//	}
//
// Whatever sets the condition must then wake the waiters, with the lock
// held or just after:
//
//	p.cond.L.Lock()
//	p.activated = true
//	p.cond.L.Unlock()
//	p.cond.Broadcast()
//
// A Wait outside a loop. Wait returns when some goroutine signals, not
// when the condition the caller wants holds: a Broadcast wakes every
// waiter and only the first gets the item, a Signal may be meant for
// another condition on the same Cond, and between the wake-up and the
// moment Wait has the lock back another goroutine may have taken what
// was signalled. The sync documentation says it: the caller cannot assume
// the condition is true when Wait returns, and should Wait in a loop. An
// if that checks once (the shape ported from Java's
// "if (!ready) cond.await();") is reported:
//
//	q.mu.Lock()
//	if len(q.items) == 0 {
//		q.cond.Wait() // reported: Wait is not in a loop
//	}
//	item := q.items[0] // may panic: another consumer took it
//
// Write the check as a loop:
//
//	for len(q.items) == 0 {
//		q.cond.Wait()
//	}
//
// Passing the method value c.Wait as a function (to run it in a
// goroutine, or as a callback) is reported too: Wait then runs with no
// loop to recheck anything, and usually without the lock its caller
// holds.
//
// A loop whose condition cannot change. A Wait loop that checks only
// local variables which nothing changes while it waits (no assignment in
// the loop, no closure that sets them, no way out of the body) waits
// forever whatever the other goroutines do, since a Signal changes no
// local variable:
//
//	exists := true
//	for exists {
//		w.cv.Wait() // reported
//	}
//
// Loop on the shared state, read under the lock each time round:
// "for !w.removed { w.cv.Wait() }".
//
// A producer that signals on one branch only. A function that changes
// the state a Wait loop checks, and Signals or Broadcasts on some paths
// after the change but not on all (an early return, a flag that decides
// whether to wake anyone), leaves the waiters asleep on the other paths
// although what they wait for has happened:
//
//	func (j *Jobs) Add(s string, urgent bool) {
//		j.mu.Lock()
//		defer j.mu.Unlock()
//		j.queue = append(j.queue, s) // reported
//		if urgent {
//			j.cond.Signal()
//		}
//	}
//
// Signal on every path after the change; defer j.cond.Broadcast() right
// after the Lock does it whatever the path. The fields checked are those
// the loop around a Wait reads (its condition, an if in its body that
// leaves it, the package's functions called there); a function whose
// signals all sit under an if on those fields (signalling only on the
// transition from empty) signals on purpose and is not reported, nor one
// that never signals (its caller may).
//
// The first check follows the Cond through struct fields, package-level
// and local variables; a Cond whose variable or field is handed to other
// code (passed to a function, stored elsewhere, returned) may be
// signalled there and is not reported. A Wait inside any for or range
// loop of its function is taken to recheck its condition. Generated files
// are skipped.
//
// Coming from Node.js: there are no condition variables in JavaScript;
// code waits on a Promise that some producer resolves. A sync.Cond is
// closer to an EventEmitter with no memory: a Signal that comes while
// nobody waits is lost, and a waiter that starts after it sleeps until
// the next one. Keep the state in fields guarded by the Cond's lock,
// check it in a loop around Wait, and have every producer Broadcast after
// changing it. Often a channel (closed once, or buffered) says the same
// thing more simply.
//
// Coming from Python: threading.Condition has the same rules, and Python
// offers cond.wait_for(predicate), which loops for you. Go has no
// wait_for: write the loop, "for !predicate() { c.Wait() }". Python's
// notify() and notify_all() are Signal and Broadcast; a Condition nobody
// notifies is as stuck in Go as in Python, but Go has no wait timeout to
// hide it.
//
// Coming from Java: Object.wait() and Condition.await() have spurious
// wakeups and the Javadoc says to wait in a while loop; code that ports
// "if (!ready) lock.await();" to Go keeps the bug. Signal is notify() and
// Broadcast is notifyAll(): when several goroutines wait for different
// conditions on one Cond, Broadcast, as notifyAll() would be in Java.
//
// Lesson: goroutines/sharing-memory.
package condwait
