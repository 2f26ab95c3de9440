package future

import (
	"context"
	"log"
	"sync"
)

// A loop that serves requests until it is stopped: a method that sends a
// request after the loop has returned waits forever (etcd#6857).

type server struct {
	reqs chan int
	quit chan struct{}
}

func newServer() *server {
	s := &server{reqs: make(chan int), quit: make(chan struct{})}
	go s.loop()
	return s
}

func (s *server) loop() {
	for {
		select {
		case r := <-s.reqs:
			log.Print(r)
		case <-s.quit:
			return
		}
	}
}

func (s *server) Do(r int) {
	s.reqs <- r // want `this send on s.reqs blocks forever once \(\*server\).loop gives up: only loop receives from it, and its <-s.quit case at line 28 returns without receiving; make this send a select that also waits on a channel closed when loop gives up`
}

func (s *server) Stop() { close(s.quit) }

// The same loop stopped by its context; the send is in a goroutine that a
// method starts per request (istio#17860).

type agent struct {
	mu       sync.Mutex
	statusCh chan int
	epoch    int
}

func newAgent() *agent { return &agent{statusCh: make(chan int)} }

func (a *agent) Run(ctx context.Context) {
	for {
		select {
		case st := <-a.statusCh:
			log.Print(st)
		case <-ctx.Done():
			return
		}
	}
}

func (a *agent) Restart() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.epoch++
	go a.runWait(a.epoch)
}

func (a *agent) runWait(epoch int) {
	a.statusCh <- epoch // want `this send on a.statusCh blocks forever once \(\*agent\).Run gives up: only Run receives from it, and its <-ctx.Done\(\) case at line 56 returns`
}

// The fix: the sender also waits on the channel closed when the loop ends.

type politeServer struct {
	reqs chan int
	quit chan struct{}
}

func newPoliteServer() *politeServer {
	s := &politeServer{reqs: make(chan int), quit: make(chan struct{})}
	go s.loop()
	return s
}

func (s *politeServer) loop() {
	for {
		select {
		case r := <-s.reqs:
			log.Print(r)
		case <-s.quit:
			return
		}
	}
}

func (s *politeServer) Do(r int) bool {
	select {
	case s.reqs <- r:
		return true
	case <-s.quit:
		return false
	}
}

func (s *politeServer) Stop() { close(s.quit) }

// A loop that never stops: every request is served.

type forever struct{ reqs chan int }

func newForever() *forever {
	f := &forever{reqs: make(chan int)}
	go func() {
		for r := range f.reqs {
			log.Print(r)
		}
	}()
	return f
}

func (f *forever) Do(r int) { f.reqs <- r }

// A loop that returns only when handling a value fails: its other case is
// data, not a give-up. Quiet.
type relay struct {
	in  chan int
	out chan int
}

func newRelay() *relay {
	r := &relay{in: make(chan int), out: make(chan int)}
	go r.loop(func(int) error { return nil })
	return r
}

func (r *relay) loop(handle func(int) error) {
	for {
		select {
		case v := <-r.in:
			if err := handle(v); err != nil {
				return
			}
		case v := <-r.out:
			if err := handle(-v); err != nil {
				return
			}
		}
	}
}

func (r *relay) push(v int) { r.in <- v }
func (r *relay) pull(v int) { r.out <- v }

// A request that carries its reply channel to a loop; the caller gives up
// on its context, and the loop's reply waits forever.
type statusReq struct{ reply chan int }

type node struct {
	reqs chan statusReq
	stop chan struct{}
}

func newNode() *node {
	n := &node{reqs: make(chan statusReq), stop: make(chan struct{})}
	go n.run()
	return n
}

func (n *node) run() {
	for {
		select {
		case r := <-n.reqs:
			r.reply <- 42 // want `this send on r.reply blocks forever once \(\*node\).status gives up: only status receives from it, and its <-ctx.Done\(\) case at line \d+ returns without receiving; give the channel a buffer of 1 where status makes it`
		case <-n.stop:
			return
		}
	}
}

func (n *node) status(ctx context.Context) (int, error) {
	r := statusReq{reply: make(chan int)}
	select {
	case n.reqs <- r:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select {
	case v := <-r.reply:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
