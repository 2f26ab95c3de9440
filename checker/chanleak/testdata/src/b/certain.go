// Package b holds channel operations that block forever whatever the
// scheduling.
package b

import (
	"os"
	"os/signal"
)

// A nil channel: declared, never made.

func nilRecv() int {
	var ch chan int
	return <-ch // want `ch is nil on every path: a receive from a nil channel blocks forever; assign it make\(chan \.\.\.\) first \(use select \{\} to block on purpose\)`
}

func nilRecvMade() int {
	var ch chan int
	ch = make(chan int, 1)
	ch <- 1
	return <-ch
}

func nilSendInGoroutine() {
	var results chan int
	go func() {
		results <- 1 // want `results is nil on every path: a send on a nil channel blocks forever`
	}()
}

func nilSendMadeLater(fast bool) {
	var results chan int
	if fast {
		results = make(chan int, 1)
	}
	results <- 1
}

// Inside a select, a nil channel disables its case: the idiom is fine.
func nilCaseInSelect(in chan int) int {
	var timeout chan int
	for {
		select {
		case v := <-in:
			return v
		case <-timeout:
			return 0
		}
	}
}

// The waiter waits for a channel that nothing sends on or closes: the
// goroutine was meant to close it when the watch loop ends.

func watch(done chan bool) {}

func startWatch() {
	done := make(chan bool)
	go watch(done)
	<-done // want `nothing in this package sends on or closes done: this receive blocks forever; close\(done\) where the work it waits for ends`
}

func watchAndClose(done chan bool) { close(done) }

func startWatchClosed() {
	done := make(chan bool)
	go watchAndClose(done)
	<-done
}

// signal.Notify sends on the channel: another package serves it.
func waitSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
}

// Blocking forever on purpose is spelled <-make(chan struct{}) or select {}.
func blockForever() {
	<-make(chan struct{})
}

// A result channel that nothing receives from.

func compute() int { return 42 }

func fireAndForget() {
	errc := make(chan int)
	go func() {
		errc <- compute() // want `nothing in this package receives from errc: this send blocks forever; receive from it, or drop the send`
	}()
}

func fireAndWait() int {
	errc := make(chan int)
	go func() {
		errc <- compute()
	}()
	return <-errc
}

// A buffer of one holds the one send: useless, but it does not block.
func fireIntoBuffer() {
	errc := make(chan int, 1)
	go func() {
		errc <- compute()
	}()
}

// A try-send never blocks.
func notify(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

func notifyOnly() {
	ch := make(chan struct{})
	notify(ch)
}

// A test hook: nil unless a test of the package sets it.
var testHookStarted chan struct{}

func startWithHook() {
	if testHookStarted != nil {
		testHookStarted <- struct{}{}
	}
}

// The producer closes a result channel that nobody reads: its sends block
// before the close is reached.

func produceUnread(xs []int) {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, x := range xs {
			out <- x // want `nothing in this package receives from out: this send blocks forever`
		}
	}()
}

// A send after close panics rather than blocks (a deliberate crash test).
func sendAfterCloseB() {
	ch := make(chan struct{})
	close(ch)
	ch <- struct{}{}
}

// Nothing in the package calls captureParam: its callers (the package's
// tests, code outside this pass) are unknown, so words may hold any
// channel. (It lives in a variable, which the goroutine captures.)

func captureParam(words <-chan string) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for w := range words {
			out <- len(w)
		}
	}()
	return out
}
