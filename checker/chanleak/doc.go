// Package chanleak defines an Analyzer that reports goroutines and
// operations that can block forever on a channel.
//
// # Analyzer chanleak
//
// chanleak: report goroutines that can block forever on a channel
//
// A send on an unbuffered channel waits until someone receives, and a
// receive waits until someone sends or closes the channel. A goroutine
// blocked that way is never collected: it and everything it references stay
// in memory until the program ends. The analyzer reports the blocking send
// or receive in three situations.
//
// A function makes a channel, starts goroutines that send on it, and can
// return before it has received every value: on an error path, when a
// select takes its timeout or ctx.Done() case, or after the first of
// several results. Each send left over blocks forever:
//
//	func fetch(ctx context.Context, url string) (*Page, error) {
//		ch := make(chan *Page)
//		go func() { ch <- download(url) }() // reported
//		select {
//		case p := <-ch:
//			return p, nil
//		case <-ctx.Done():
//			return nil, ctx.Err() // nobody will ever receive from ch
//		}
//	}
//
// Give the channel room for every send, make(chan *Page, 1) here (the
// suggested fix, offered when one goroutine sends once), or make the sender
// give up too:
//
//	select {
//	case ch <- download(url):
//	case <-ctx.Done():
//	}
//
// The same holds the other way round: goroutines that receive from a
// channel, or range over it, while the function that started them can
// return without sending or closing it.
//
// Across methods: a Future, a Promise, a CompletableFuture, or a loop that
// serves requests. One function makes an unbuffered channel and keeps it in
// a struct; a goroutine it starts, a callback it hands out or a method
// sends on it; another method receives, in a select that can give up (a
// ctx.Done() or timer case, a cancel or stop channel) and return without
// receiving. Every send left after that blocks forever:
//
//	type Future struct{ ch chan int }
//
//	func Go(f func() int) *Future {
//		fut := &Future{ch: make(chan int)}
//		go func() { fut.ch <- f() }() // reported
//		return fut
//	}
//
//	func (f *Future) Get(ctx context.Context) (int, error) {
//		select {
//		case v := <-f.ch:
//			return v, nil
//		case <-ctx.Done():
//			return 0, ctx.Err() // the goroutine is left holding its value
//		}
//	}
//
// make(chan int, 1) is the fix when one value is sent per channel (offered
// as the suggested fix when the analyzer can count one send); otherwise
// make the sender select on a channel closed when the receiver gives up
// (etcd#6857: a Status request sent to a loop that has stopped). The
// receiver that may "never be called" is read narrowly, so that code that
// always calls Get stays quiet: a receive that always waits counts as
// served, a timeout that loops back to wait again is no give-up, a case on
// another channel the same sender sends on (the error channel beside the
// value channel) is part of the protocol, and only a call in the package
// that drops the returned channel or handle counts as never receiving
// (moby#4395: the result of Go(f) dropped), or that returns early without
// using it. A give-up is a case on a context, a timer or a channel that is
// only ever closed, or any case that returns straight away; a data case
// after which the loop returns only on some error is not. Protocols that a
// test drives step by step (sends from the test's own body or helpers only
// tests call, a test goroutine that listens until the test ends, a select
// that fails the test when a value arrives) are left alone: a send that
// blocks there shows as a hung test.
//
// A channel that is nil on every path: a send or receive on it outside a
// select blocks forever (inside a select, a nil channel is the idiom that
// disables a case, and is not reported).
//
// A channel that the package never sends on or closes, yet receives from;
// or never receives from, yet sends on without a buffer: one side of the
// conversation is missing.
//
// The analyzer follows a channel through variables, closures, parameters of
// functions whose every caller it sees, results and unexported struct
// fields of the package (in package main, which nothing imports, exported
// functions and fields too). It stays silent when the channel reaches code
// it cannot see (an exported function's callers, an interface, another
// package, a slice or map), since that code may serve it; when the buffer
// is large enough for every send, or its size is computed, as in
// make(chan T, len(jobs)); when the goroutine's own send or receive sits in
// a select with another case; and when a loop that receives ends by its
// condition, which it takes as receiving every value; nor when several
// goroutines each send only on some paths (only the one that finds the
// answer sends) and one has been served. It takes a select
// case on another channel made by the same function to be part of a
// protocol it cannot order, and does not follow it; cases on a context, a
// timer or a channel from elsewhere can fire at any time. A path that
// fails or skips a test (t.Fatal, t.Error, t.Skip) does not count: the
// test has failed already. A nil field or package variable is not
// reported, as the package's tests may set it.
//
// Coming from Node.js: a Promise that nobody awaits simply settles and is
// garbage collected, so Promise.race([work(), timeout()]) leaves nothing
// behind. A goroutine that sends its result is not a Promise: if the
// receiver has moved on it waits forever. Buffer the result channel, or
// select on ctx.Done() in the goroutine.
//
// Coming from Python: asyncio.wait_for cancels the task on timeout, and
// concurrent.futures drops the result of a future nobody reads. Go cancels
// nothing for you: when the caller stops listening, the goroutine must
// learn it from a context or find room in a buffer.
//
// Coming from Java: Future.get(timeout) returns, and the abandoned task
// still completes and stores its result in the Future. A Go channel has no
// slot unless you give it one: make(chan T, 1) is the Future's slot, and
// ctx.Done() is cancel(true).
//
// Lesson: channels/channels-and-select.
package chanleak
