// Package ctxabandon defines an Analyzer that reports channel operations
// left blocked forever when the other side gives up on ctx.Done().
//
// # Analyzer ctxabandon
//
// ctxabandon: report a send or receive whose other side gives up on ctx.Done() while it does not
//
// Cancellation has to reach both ends of a channel. When every goroutine
// that would receive from a channel does so in a select that returns on
// ctx.Done(), a send on it with no such case blocks forever as soon as the
// context is cancelled; the same holds for a receive whose every sender
// gives up on ctx.Done() while nothing closes the channel:
//
//	func (r *Replica) sendChans(ctx context.Context) {
//		for _, ch := range r.chans {
//			select {
//			case ch <- true:
//			case <-ctx.Done():
//				return // the sender gives up...
//			}
//		}
//	}
//
//	go func() {
//		for _, ch := range r.chans {
//			<-ch // reported: ...and this receive waits forever
//		}
//	}()
//
// The goroutine that blocks leaks, with everything it references, and a
// caller waiting for it hangs. Give the blocked side the same way out:
//
//	select {
//	case <-ch:
//	case <-ctx.Done():
//		return
//	}
//
// or close the channel when the producer stops, or buffer it so that a
// send never waits for a receiver that has left.
//
// The analyzer follows channels kept in local and package-level
// variables and struct fields, and the elements of slices and maps of
// channels kept there. It reports only when it sees every counterpart:
// a channel handed to code it does not follow (a call argument, a return
// value), or reachable from another package (an exported field or
// variable), is not reported, nor a send on a channel made with a
// buffer. A case on ctx.Done() that leads back into the select (it ends
// in continue, or is empty in a select that ends a loop's body) is not a
// way out. A receive in the function that sent on the channel, or in a
// literal inside it, is the release of a semaphore it acquired and is not
// reported, nor a send in a function that receives from the channel
// itself (a consumer putting back what it took). Test code is left
// alone: a send or receive in a function given a *testing.T, B or F (or a
// literal in one), and a select there that gives up on ctx.Done() (the
// test fails and ends) are not reported.
// Generated files are skipped.
//
// Coming from Node.js: an AbortSignal cancels the fetch it is given, and
// the promise that waits for it rejects, so the waiter hears about it.
// In Go, ctx.Done() is heard only by the selects that list it: a
// goroutine blocked on a plain send or receive does not wake up, and the
// garbage collector never reclaims it.
//
// Coming from Python: cancelling an asyncio task raises CancelledError
// inside every await of it; a Go goroutine has no such exception. Each
// blocking channel operation that should stop on cancellation needs its
// own "case <-ctx.Done():", on both sides of the channel.
//
// Coming from Java: Future.cancel(true) interrupts the thread, and a
// BlockingQueue.put or take throws InterruptedException. Go has no
// interrupts: cancelling a context only closes ctx.Done(), and only a
// select that waits on it notices.
//
// Lesson: context/cancellation.
package ctxabandon
