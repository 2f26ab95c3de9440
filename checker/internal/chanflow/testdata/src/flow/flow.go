// Package flow shows what chanflow follows and where it gives up.
package flow

import (
	"context"
	"fmt"
)

func closure() {
	ch := make(chan int) // want `makes=1 send=1 recv=1 close=0 \[\]`
	go func() { ch <- 1 }()
	<-ch
}

func param() {
	ch := make(chan int) // want `makes=1 send=1 recv=1 close=1 \[\]`
	go send(ch)
	<-ch
}

func send(ch chan<- int) {
	ch <- 1
	close(ch)
}

// Exported has callers the package does not see: its parameter may hold
// any channel.
func Exported(ch chan int) { <-ch }

func callsExported() {
	ch := make(chan int) // want `makes=1 send=0 recv=1 close=0 \[external\]`
	Exported(ch)
}

func toOtherPackage() {
	ch := make(chan int) // want `makes=1 send=0 recv=0 close=0 \[escsend escrecv\]`
	fmt.Println(ch)
}

// Done returns a receive-only channel: other packages can only receive.
func Done() <-chan struct{} {
	done := make(chan struct{}) // want `makes=1 send=0 recv=0 close=0 \[escrecv\]`
	return done
}

type server struct {
	quit chan struct{}
}

func newServer() *server {
	return &server{quit: make(chan struct{})} // want `makes=1 send=0 recv=1 close=1 \[stored\]`
}

func (s *server) wait() { <-s.quit }
func (s *server) stop() { close(s.quit) }

type Public struct {
	C chan int
}

func newPublic() *Public {
	return &Public{C: make(chan int)} // want `makes=1 send=0 recv=0 close=0 \[external escsend escrecv stored\]`
}

type waiter interface{ wait(chan int) }

type impl struct{}

func (impl) wait(ch chan int) { <-ch }

func viaInterface(w waiter) {
	ch := make(chan int) // want `makes=1 send=0 recv=0 close=0 \[escsend escrecv\]`
	w.wait(ch)
}

func reassigned(ctx context.Context) {
	var ch chan int
	if ctx != nil {
		ch = make(chan int, 1) // want `makes=1 send=1 recv=1 close=0 \[\]`
	}
	go func() { ch <- 1 }()
	select {
	case <-ch:
	case <-ctx.Done():
	}
}

// A call through a function value reaches code the analysis does not
// follow.
func methodValue() {
	ch := make(chan int) // want `makes=1 send=0 recv=0 close=0 \[escsend escrecv\]`
	var s server
	f := s.take
	f(ch)
}

func (s *server) take(ch chan int) { <-ch }

// Channels kept in a map share the map's class: what is put in may be
// what is taken out, by lookup, by range or by delete.

type hub struct {
	clients map[int]chan string
}

func (h *hub) add(id int) {
	ch := make(chan string) // want `makes=1 send=1 recv=1 close=1 \[stored\]`
	h.clients[id] = ch
	go func() {
		for range ch {
		}
	}()
}

func (h *hub) send(id int, m string) {
	if ch, ok := h.clients[id]; ok {
		ch <- m
	}
}

func (h *hub) closeAll() {
	for _, ch := range h.clients {
		close(ch)
	}
}

func setOfChannels() {
	subs := map[chan int]bool{}
	ch := make(chan int) // want `makes=1 send=1 recv=0 close=1 \[\]`
	subs[ch] = true
	for c := range subs {
		c <- 1
	}
	delete(subs, ch)
	close(ch)
}

// A slice of channels, filled by append and by index.

func slices() {
	var workers []chan int
	for range 4 {
		workers = append(workers, make(chan int)) // want `makes=1 send=1 recv=1 close=1 \[\]`
	}
	for _, w := range workers {
		go func() {
			for range w {
			}
		}()
	}
	workers[0] <- 1
	for i := range workers {
		close(workers[i])
	}
}

// A map handed to another package may have anything put in it.

func mapEscapes() {
	m := map[string]chan int{"a": make(chan int)} // want `makes=1 send=0 recv=0 close=0 \[external escsend escrecv\]`
	fmt.Println(m)
}

// A map variable captured by closures, filled in one and read in another.

func visit(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func capturedMap(xs []int) {
	done := make(map[int]chan struct{})
	visit(xs, func(p int) {
		done[p] = make(chan struct{}) // want `makes=1 send=0 recv=1 close=1 \[\]`
	})
	for _, x := range xs {
		go func() { close(done[x]) }()
	}
	for _, x := range xs {
		<-done[x]
	}
}
