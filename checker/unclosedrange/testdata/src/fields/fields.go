// Package fields holds consumers ported from Java BlockingQueue worker
// threads and Node event emitters, whose channel is kept in a struct
// field, a map or a slice, each with a twin whose owner closes it.
package fields

import (
	"log"
	"sync"
)

type Job struct{ ID int }

func process(Job) {}

// A worker pool whose queue nothing closes.

type Pool struct {
	jobs chan Job
	wg   sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan Job)}
	for range n {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for j := range p.jobs { // want `this goroutine ranges over p.jobs, which nothing in the package closes: it never exits`
		process(j)
	}
}

func (p *Pool) Submit(j Job) { p.jobs <- j }

// The twin: Close closes the queue and waits for the workers.

type ClosingPool struct {
	jobs chan Job
	wg   sync.WaitGroup
}

func NewClosingPool(n int) *ClosingPool {
	p := &ClosingPool{jobs: make(chan Job)}
	for range n {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *ClosingPool) worker() {
	defer p.wg.Done()
	for j := range p.jobs {
		process(j)
	}
}

func (p *ClosingPool) Submit(j Job) { p.jobs <- j }

func (p *ClosingPool) Close() {
	close(p.jobs)
	p.wg.Wait()
}

// Made in one method, ranged in another, through a wrapper goroutine.

type Logger struct{ lines chan string }

func (l *Logger) Init() {
	l.lines = make(chan string, 64)
	go func() {
		defer log.Print("logger done")
		l.drain()
	}()
}

func (l *Logger) drain() {
	for s := range l.lines { // want `this goroutine ranges over l.lines, which nothing in the package closes`
		log.Print(s)
	}
}

func (l *Logger) Log(s string) { l.lines <- s }

type ClosingLogger struct{ lines chan string }

func (l *ClosingLogger) Init() {
	l.lines = make(chan string, 64)
	go l.drain()
}

func (l *ClosingLogger) drain() {
	for s := range l.lines {
		log.Print(s)
	}
}

func (l *ClosingLogger) Log(s string) { l.lines <- s }
func (l *ClosingLogger) Close()       { close(l.lines) }

// Passed through an unexported constructor.

type consumer struct{ in chan Job }

func newConsumer(in chan Job) *consumer {
	c := &consumer{in: in}
	go c.loop()
	return c
}

func (c *consumer) loop() {
	for j := range c.in { // want `this goroutine ranges over c.in, which nothing in the package closes`
		process(j)
	}
}

func Run(todo []Job) {
	in := make(chan Job)
	newConsumer(in)
	for _, j := range todo {
		in <- j
	}
}

type closedConsumer struct{ in chan Job }

func newClosedConsumer(in chan Job) *closedConsumer {
	c := &closedConsumer{in: in}
	go c.loop()
	return c
}

func (c *closedConsumer) loop() {
	for j := range c.in {
		process(j)
	}
}

func RunClosed(todo []Job) {
	in := make(chan Job)
	newClosedConsumer(in)
	for _, j := range todo {
		in <- j
	}
	close(in)
}

// An exported constructor: its callers own the channel, and may close it.

type Consumer struct{ in <-chan Job }

func NewConsumer(in <-chan Job) *Consumer {
	c := &Consumer{in: in}
	go c.loop()
	return c
}

func (c *Consumer) loop() {
	for j := range c.in {
		process(j)
	}
}

// A send-capable channel handed to callers: they may close it.

type Feed struct{ ch chan Job }

func NewFeed() *Feed {
	f := &Feed{ch: make(chan Job)}
	go func() {
		for j := range f.ch {
			process(j)
		}
	}()
	return f
}

func (f *Feed) Input() chan<- Job { return f.ch }

// Subscribers kept in a map, never closed on Unsubscribe.

type Bus struct {
	mu   sync.Mutex
	subs map[string]chan Job
}

func (b *Bus) Subscribe(topic string, fn func(Job)) {
	ch := make(chan Job, 8)
	b.mu.Lock()
	b.subs[topic] = ch
	b.mu.Unlock()
	go func() {
		for j := range ch { // want `this goroutine ranges over ch, which nothing in the package closes`
			fn(j)
		}
	}()
}

func (b *Bus) Unsubscribe(topic string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, topic)
}

func (b *Bus) Publish(topic string, j Job) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[topic]; ok {
		ch <- j
	}
}

type ClosingBus struct {
	mu   sync.Mutex
	subs map[string]chan Job
}

func (b *ClosingBus) Subscribe(topic string, fn func(Job)) {
	ch := make(chan Job, 8)
	b.mu.Lock()
	b.subs[topic] = ch
	b.mu.Unlock()
	go func() {
		for j := range ch {
			fn(j)
		}
	}()
}

func (b *ClosingBus) Unsubscribe(topic string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[topic]; ok {
		delete(b.subs, topic)
		close(ch)
	}
}

// Ranging over the map's element itself.

type Router struct{ routes map[string]chan Job }

func NewRouter(names []string) *Router {
	r := &Router{routes: map[string]chan Job{}}
	for _, n := range names {
		r.routes[n] = make(chan Job)
		go r.serve(n)
	}
	return r
}

func (r *Router) serve(name string) {
	for j := range r.routes[name] { // want `this goroutine ranges over r.routes\[name\], which nothing in the package closes: it never exits, and leaks when its owner is done; close each channel the map or slice holds when its sender is done with it \(delete it and close it\)`
		process(j)
	}
}

type ClosingRouter struct{ routes map[string]chan Job }

func NewClosingRouter(names []string) *ClosingRouter {
	r := &ClosingRouter{routes: map[string]chan Job{}}
	for _, n := range names {
		r.routes[n] = make(chan Job)
		go r.serve(n)
	}
	return r
}

func (r *ClosingRouter) serve(name string) {
	for j := range r.routes[name] {
		process(j)
	}
}

func (r *ClosingRouter) Close() {
	for _, ch := range r.routes {
		close(ch)
	}
}

// A set of subscriber channels, map[chan T]struct{}.

type Broadcaster struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
}

func (b *Broadcaster) Join() {
	ch := make(chan string)
	b.mu.Lock()
	b.clients[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		for m := range ch { // want `this goroutine ranges over ch, which nothing in the package closes`
			_ = m
		}
	}()
}

type ClosingBroadcaster struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
}

func (b *ClosingBroadcaster) Join() {
	ch := make(chan string)
	b.mu.Lock()
	b.clients[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		for m := range ch {
			_ = m
		}
	}()
}

func (b *ClosingBroadcaster) Shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.clients {
		close(ch)
		delete(b.clients, ch)
	}
}

// Fan-out workers kept in a slice.

type FanOut struct{ workers []chan Job }

func NewFanOut(n int) *FanOut {
	f := &FanOut{}
	for range n {
		ch := make(chan Job)
		f.workers = append(f.workers, ch)
		go func() {
			for j := range ch { // want `this goroutine ranges over ch, which nothing in the package closes`
				process(j)
			}
		}()
	}
	return f
}

func (f *FanOut) Send(i int, j Job) { f.workers[i%len(f.workers)] <- j }

type ClosingFanOut struct{ workers []chan Job }

func NewClosingFanOut(n int) *ClosingFanOut {
	f := &ClosingFanOut{}
	for range n {
		ch := make(chan Job)
		f.workers = append(f.workers, ch)
		go func() {
			for j := range ch {
				process(j)
			}
		}()
	}
	return f
}

func (f *ClosingFanOut) Close() {
	for _, w := range f.workers {
		close(w)
	}
}

// A package-level queue, and a worker per call.

var queue = make(chan Job, 16)

func StartWorker() {
	go func() {
		for j := range queue { // want `this goroutine ranges over queue, which nothing in the package closes`
			process(j)
		}
	}()
}

func Enqueue(j Job) { queue <- j }

// The same package-level queue served by one worker that init starts: it
// lives as long as the program.

var backlog = make(chan Job, 16)

func init() {
	go func() {
		for j := range backlog {
			process(j)
		}
	}()
}

func Defer(j Job) { backlog <- j }

// A method that serves a field's channel, with no goroutine in sight:
// whoever calls it means it to run until the program ends.

type Server struct{ reqs chan Job }

func newServer() *Server { return &Server{reqs: make(chan Job)} }

func (s *Server) serve() {
	for j := range s.reqs {
		process(j)
	}
}

func (s *Server) Do(j Job) { s.reqs <- j }

var _ = newServer
var _ = (*Server).serve

// A for-select whose only way out is the closed check of a channel that
// nothing closes.

type Batcher struct {
	items chan Job
	flush chan struct{}
}

func NewBatcher() *Batcher {
	b := &Batcher{items: make(chan Job), flush: make(chan struct{})}
	go b.loop()
	return b
}

func (b *Batcher) loop() {
	var batch []Job
	for {
		select {
		case j, ok := <-b.items: // want `this goroutine receives from b.items, which nothing in the package closes: it never exits`
			if !ok {
				return
			}
			batch = append(batch, j)
		case <-b.flush:
			batch = batch[:0]
		}
	}
}

func (b *Batcher) Add(j Job) { b.items <- j }
func (b *Batcher) Flush()    { b.flush <- struct{}{} }

type ClosingBatcher struct {
	items chan Job
	flush chan struct{}
}

func NewClosingBatcher() *ClosingBatcher {
	b := &ClosingBatcher{items: make(chan Job), flush: make(chan struct{})}
	go b.loop()
	return b
}

func (b *ClosingBatcher) loop() {
	var batch []Job
	for {
		select {
		case j, ok := <-b.items:
			if !ok {
				return
			}
			batch = append(batch, j)
		case <-b.flush:
			batch = batch[:0]
		}
	}
}

func (b *ClosingBatcher) Add(j Job) { b.items <- j }
func (b *ClosingBatcher) Flush()    { b.flush <- struct{}{} }
func (b *ClosingBatcher) Close()    { close(b.items) }

// The other case's channel is closed and ends the loop: the loop has a way
// out that does not depend on b.items.

type StoppableBatcher struct {
	items chan Job
	quit  chan struct{}
}

func NewStoppableBatcher() *StoppableBatcher {
	b := &StoppableBatcher{items: make(chan Job), quit: make(chan struct{})}
	go b.loop()
	return b
}

func (b *StoppableBatcher) loop() {
	for {
		select {
		case j, ok := <-b.items:
			if !ok {
				return
			}
			process(j)
		case <-b.quit:
			return
		}
	}
}

func (b *StoppableBatcher) Add(j Job) { b.items <- j }
func (b *StoppableBatcher) Stop()     { close(b.quit) }

// A quit channel that nothing closes: the loop's only way out is never
// taken.

type Ticker struct {
	quit chan struct{}
	c    chan int
}

func NewTicker() *Ticker {
	t := &Ticker{quit: make(chan struct{}), c: make(chan int)}
	go t.run()
	return t
}

func (t *Ticker) run() {
	n := 0
	for {
		select {
		case t.c <- n:
			n++
		case <-t.quit: // want `this goroutine's loop ends only when it receives from t.quit, and nothing in the package sends on t.quit or closes it: it never exits, and leaks when its owner is done; close\(t.quit\) in a Close or Stop method`
			return
		}
	}
}

func (t *Ticker) Next() int { return <-t.c }

// The twins: Stop closes quit, or sends on it.

type ClosingTicker struct {
	quit chan struct{}
	c    chan int
}

func NewClosingTicker() *ClosingTicker {
	t := &ClosingTicker{quit: make(chan struct{}), c: make(chan int)}
	go t.run()
	return t
}

func (t *ClosingTicker) run() {
	n := 0
	for {
		select {
		case t.c <- n:
			n++
		case <-t.quit:
			return
		}
	}
}

func (t *ClosingTicker) Next() int { return <-t.c }
func (t *ClosingTicker) Stop()     { close(t.quit) }

type SignalledTicker struct {
	quit chan bool
	c    chan int
}

func NewSignalledTicker() *SignalledTicker {
	t := &SignalledTicker{quit: make(chan bool), c: make(chan int)}
	go t.run()
	return t
}

func (t *SignalledTicker) run() {
	n := 0
loop:
	for {
		select {
		case t.c <- n:
			n++
		case <-t.quit:
			break loop
		}
	}
}

func (t *SignalledTicker) Next() int { return <-t.c }
func (t *SignalledTicker) Stop()     { t.quit <- true }

// The loop has another way out.

type TimedTicker struct {
	quit chan struct{}
	c    chan int
}

func NewTimedTicker(n int) *TimedTicker {
	t := &TimedTicker{quit: make(chan struct{}), c: make(chan int)}
	go t.run(n)
	return t
}

func (t *TimedTicker) run(max int) {
	for n := 0; ; n++ {
		select {
		case t.c <- n:
			if n == max {
				return
			}
		case <-t.quit:
			return
		}
	}
}

func (t *TimedTicker) Next() int { return <-t.c }

// An event emitter's listeners, map[string][]chan T: Off closes them in
// one twin, and only forgets them in the other.

type Emitter struct {
	mu        sync.Mutex
	listeners map[string][]chan string
}

func (e *Emitter) On(name string, cb func(string)) {
	ch := make(chan string, 1)
	e.mu.Lock()
	e.listeners[name] = append(e.listeners[name], ch)
	e.mu.Unlock()
	go func() {
		for v := range ch { // want `this goroutine ranges over ch, which nothing in the package closes`
			cb(v)
		}
	}()
}

func (e *Emitter) Emit(name, v string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, ch := range e.listeners[name] {
		ch <- v
	}
}

func (e *Emitter) Off(name string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.listeners, name)
}

type ClosingEmitter struct {
	mu        sync.Mutex
	listeners map[string][]chan string
}

func (e *ClosingEmitter) On(name string, cb func(string)) {
	ch := make(chan string, 1)
	e.mu.Lock()
	e.listeners[name] = append(e.listeners[name], ch)
	e.mu.Unlock()
	go func() {
		for v := range ch {
			cb(v)
		}
	}()
}

func (e *ClosingEmitter) Off(name string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, ch := range e.listeners[name] {
		close(ch)
	}
	delete(e.listeners, name)
}

// A generic pool: the go statement calls an instance of the method.

type GenericPool[T any] struct{ jobs chan T }

func NewGenericPool[T any](n int, f func(T)) *GenericPool[T] {
	p := &GenericPool[T]{jobs: make(chan T)}
	for range n {
		go p.worker(f)
	}
	return p
}

func (p *GenericPool[T]) worker(f func(T)) {
	for j := range p.jobs { // want `this goroutine ranges over p.jobs, which nothing in the package closes`
		f(j)
	}
}

func (p *GenericPool[T]) Submit(j T) { p.jobs <- j }

type ClosingGenericPool[T any] struct{ jobs chan T }

func NewClosingGenericPool[T any](n int, f func(T)) *ClosingGenericPool[T] {
	p := &ClosingGenericPool[T]{jobs: make(chan T)}
	for range n {
		go p.worker(f)
	}
	return p
}

func (p *ClosingGenericPool[T]) worker(f func(T)) {
	for j := range p.jobs {
		f(j)
	}
}

func (p *ClosingGenericPool[T]) Submit(j T) { p.jobs <- j }
func (p *ClosingGenericPool[T]) Close()     { close(p.jobs) }
