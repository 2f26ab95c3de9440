// Package unclosedrange defines an Analyzer that reports loops that range
// over a channel nothing closes.
//
// # Analyzer unclosedrange
//
// unclosedrange: report loops that wait for a channel nothing closes
//
// A for range loop over a channel ends only when the channel is closed and
// drained. If nothing ever closes it, a goroutine running the loop never
// exits, and a function running it never returns:
//
//	jobs := make(chan Job)
//	for range 4 {
//		go func() {
//			for j := range jobs { // reported: jobs is never closed
//				process(j)
//			}
//		}()
//	}
//	for _, j := range todo {
//		jobs <- j
//	}
//	// missing: close(jobs)
//
// The sender owns the close: after the last send, close(jobs). When several
// goroutines send, the one that waits for them all closes it
// (wg.Wait(); close(results)).
//
// The loop form for { v, ok := <-ch; if !ok { break } ... } is reported
// the same way. The analyzer follows the channel through variables,
// closures, parameters and results of the package's functions, struct
// fields and package variables, and maps, slices and arrays of channels.
// That covers the Java-style worker whose queue lives in a field:
//
//	func NewPool(n int) *Pool {
//		p := &Pool{jobs: make(chan Job)}
//		for range n {
//			go p.worker()
//		}
//		return p
//	}
//
//	func (p *Pool) worker() {
//		for j := range p.jobs { // reported: nothing in the package closes p.jobs
//			process(j)
//		}
//	}
//
// Give the pool a Close method that closes p.jobs after the last Submit
// (and waits for the workers); for channels kept in a map or slice, close
// each one when its sender is done with it, as an Unsubscribe that deletes
// the channel from the map and closes it.
//
// Two more loops wait for a close that never comes. A for-select whose only
// way out is case v, ok := <-ch: if !ok { return } on a channel nothing
// closes is reported like a range over it. And a goroutine's loop whose
// every way out is a case that receives from a channel nothing in the
// package sends on or closes (case <-s.quit: return, with no Stop that
// closes s.quit) never exits either: the finding names the channel and
// asks for the close.
//
// It does not report a loop that can also end another way (break, return,
// goto, panic); a channel that reaches code it cannot see, which may close
// it (another package, an exported function's callers, an interface, a
// send-capable channel returned to callers, an exported field of a type
// other packages can use); nor a goroutine meant to live as long as the
// program: one started by func main, func TestMain, an init function of any
// package, a package-level variable's initializer or the function passed to
// a package-level sync.Once's Do. A loop over a channel kept in a field or
// package variable is reported only when a goroutine runs it (started by
// the package, up to three calls up): a function that serves such a
// channel in its caller's goroutine is meant to run until the program
// ends.
//
// Coming from Node.js: for await (const x of stream) ends when the stream
// emits 'end', which the stream does for you. A Go channel has no end
// until its sender calls close(ch); forget it and the consumer waits
// forever.
//
// Coming from Python: iterating a generator ends when the generator
// returns, and a queue.Queue consumer often waits for a sentinel such as
// None. In Go, close(ch) is the sentinel, and range stops at it: close the
// channel instead of sending a marker value.
//
// Coming from Java: a BlockingQueue consumer loops on take() until it sees
// a poison pill or is interrupted. In Go the producer closes the channel,
// and range over it is the whole consumer loop; there is nothing to
// interrupt.
//
// Lesson: channels/channels-and-select.
package unclosedrange
