package a

import (
	"context"
	"testing"
	"time"
)

// --- A receive stranded by senders that give up (cockroach10790). ---

type replica struct {
	chans []chan bool
}

func (r *replica) sendChans(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (r *replica) beginCmds(ctx context.Context) {
	ctxDone := ctx.Done()
	for _, ch := range r.chans {
		select {
		case <-ch:
		case <-ctxDone:
			go func() {
				for _, ch := range r.chans {
					<-ch // want `receiving from ch blocks forever once the context is cancelled: every send on it \(as in sendChans at line 18\)`
				}
			}()
		}
	}
}

// Negative twin: the drain gives up too.
type replica2 struct {
	chans []chan bool
}

func (r *replica2) sendChans(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (r *replica2) beginCmds(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case <-ch:
		case <-ctx.Done():
			return
		}
	}
}

// --- A send stranded by a receiver that returns on cancel (istio18454). ---

type strategy struct {
	resetChan chan struct{}
}

func (s *strategy) onChange() {
	s.resetChan <- struct{}{} // want `sending on s\.resetChan blocks forever once the context is cancelled: every receive from it \(as in a function literal at line 81\)`
}

func (s *strategy) loop(start func(func(context.Context))) {
	t := time.NewTimer(time.Second)
	start(func(ctx context.Context) {
		for {
			select {
			case <-t.C:
			case <-s.resetChan:
				t.Reset(time.Second)
			case <-ctx.Done():
				t.Stop()
				return
			}
		}
	})
}

// Negative twin: the sender selects on the context as well.
type strategy2 struct {
	resetChan chan struct{}
}

func (s *strategy2) onChange(ctx context.Context) {
	select {
	case s.resetChan <- struct{}{}:
	case <-ctx.Done():
	}
}

func (s *strategy2) loop(ctx context.Context) {
	for {
		select {
		case <-s.resetChan:
		case <-ctx.Done():
			return
		}
	}
}

// Negative twin: buffered, the send does not wait for the loop.
type strategy3 struct {
	resetChan chan struct{}
}

func newStrategy3() *strategy3 { return &strategy3{resetChan: make(chan struct{}, 1)} }

func (s *strategy3) onChange() {
	s.resetChan <- struct{}{}
}

func (s *strategy3) loop(ctx context.Context) {
	for {
		select {
		case <-s.resetChan:
		case <-ctx.Done():
			return
		}
	}
}

// --- The Promise.all collector: workers give up, the collector does not. ---

func collect(ctx context.Context, jobs []func() int) int {
	results := make(chan int)
	for _, job := range jobs {
		go func() {
			select {
			case results <- job():
			case <-ctx.Done():
			}
		}()
	}
	sum := 0
	for range jobs {
		sum += <-results // want `receiving from results blocks forever once the context is cancelled`
	}
	return sum
}

// Negative twin: the collector selects on ctx too.
func collect2(ctx context.Context, jobs []func() int) (int, error) {
	results := make(chan int)
	for _, job := range jobs {
		go func() {
			select {
			case results <- job():
			case <-ctx.Done():
			}
		}()
	}
	sum := 0
	for range jobs {
		select {
		case r := <-results:
			sum += r
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return sum, nil
}

// Negative twin: one sender always sends.
func collect3(ctx context.Context, job func() int) int {
	results := make(chan int)
	go func() {
		select {
		case results <- job():
		case <-ctx.Done():
		}
	}()
	go func() { results <- 0 }()
	return <-results
}

// Negative: the producer closes the channel when it gives up.
func stream(ctx context.Context, next func() int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case out <- next():
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Negative: the channel is handed to code not followed here.
func handed(ctx context.Context, register func(chan int)) int {
	ch := make(chan int)
	register(ch)
	go func() {
		select {
		case ch <- 1:
		case <-ctx.Done():
		}
	}()
	return <-ch
}

// Negative: the ctx case continues the loop, so the send is retried.
func retry(ctx context.Context, ch chan int) {
	for {
		select {
		case ch <- 1:
			return
		case <-ctx.Done():
			continue
		}
	}
}

type pinger struct{ pong chan int }

func (p *pinger) ping(ctx context.Context) {
	for {
		select {
		case p.pong <- 1:
			return
		case <-ctx.Done():
			continue
		}
	}
}

func (p *pinger) wait() int { return <-p.pong }

// Negative: an exported field, which another package may send on.
type Public struct{ C chan int }

func (p *Public) Loop(ctx context.Context) {
	for {
		select {
		case <-p.C:
		case <-ctx.Done():
			return
		}
	}
}

func (p *Public) Poke() { p.C <- 1 }

// Negative: an empty ctx case at the end of a loop body spins back into
// the select, so the receive is retried.
type spinner struct{ ch chan int }

func (s *spinner) recv(ctx context.Context) {
	for {
		select {
		case <-s.ch:
			return
		case <-ctx.Done():
		}
	}
}

func (s *spinner) send() { s.ch <- 1 }

// Negative: a test feeding a fake server; if the server gives up, the
// test fails by its timeout, and nothing leaks past it.
type fakeStream struct{ resp chan int }

func (f *fakeStream) recv(ctx context.Context) (int, error) {
	select {
	case r := <-f.resp:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func testFeed(t *testing.T, f *fakeStream) {
	f.resp <- 1
	f.resp <- 2
}

// Negative: a test that gives up waiting fails; the helper goroutine's
// send is the test's own business.
func testWait(t *testing.T, ctx context.Context, work func() error) {
	errCh := make(chan error)
	go func() { errCh <- work() }()
	select {
	case err := <-errCh:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("timed out")
	}
}

// Negative: a semaphore; the release follows the acquire's own send
// (x/tools gocommand.Runner).
type runner struct{ inFlight chan struct{} }

func newRunner() *runner { return &runner{inFlight: make(chan struct{}, 4)} }

func (r *runner) run(ctx context.Context, f func()) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case r.inFlight <- struct{}{}:
		defer func() { <-r.inFlight }()
	}
	f()
	return nil
}

func search(ctx context.Context, items []int, f func(int)) {
	sem := make(chan struct{}, 8)
	for _, it := range items {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		go func() {
			defer func() { <-sem }()
			f(it)
		}()
	}
}

// Negative: a consumer that puts back what it took for the next one
// (grpc's orca test fake).
type fakeServer struct{ resp chan any }

func (f *fakeServer) stream(ctx context.Context, send func(any) error) error {
	for {
		var r any
		select {
		case r = <-f.resp:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := send(r); err != nil {
			f.resp <- r
			return err
		}
	}
}
