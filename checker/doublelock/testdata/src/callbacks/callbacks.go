// Package callbacks holds locks taken again through a call whose target
// the package knows: a func-typed field, a callback parameter, an
// interface method implemented in the package. Correct twins stay quiet.
package callbacks

import (
	"context"
	"fmt"
	"sync"
)

// The GoBench etcd10492 shape: a checkpointer set through a setter.
type Checkpointer func(ctx context.Context)

type lessor struct {
	mu sync.RWMutex
	cp Checkpointer
	n  int
}

func (le *lessor) Checkpoint() {
	le.mu.Lock()
	defer le.mu.Unlock()
	le.n++
}

func (le *lessor) SetCheckpointer(cp Checkpointer) {
	le.mu.Lock()
	defer le.mu.Unlock()
	le.cp = cp
}

func (le *lessor) Renew() {
	le.mu.Lock()
	defer le.mu.Unlock()
	if le.cp != nil {
		le.cp(context.Background()) // want `le\.mu is locked \(at line \d+\) while the func field le\.cp runs: it may be a function literal in newLessor`
	}
}

func newLessor() *lessor {
	le := &lessor{}
	le.SetCheckpointer(func(ctx context.Context) { le.Checkpoint() })
	return le
}

// A method value stored in a field by the constructor.
type Cache struct {
	mu       sync.Mutex
	onChange func()
	data     map[string]string
}

func NewCache() *Cache {
	c := &Cache{data: map[string]string{}}
	c.onChange = c.refresh
	return c
}

func (c *Cache) refresh() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data = map[string]string{}
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.onChange() // want `c\.mu is locked \(at line \d+\) while the func field c\.onChange runs: it may be refresh`
	c.mu.Unlock()
}

// A callback parameter, the Java "synchronized forEach" habit: the
// callback calls back into a method that locks.
type Store struct {
	mu    sync.RWMutex
	items []int
}

func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.items)
}

func (s *Store) Add(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

func (s *Store) each(fn func(int)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, v := range s.items {
		fn(v) // want `s\.mu is read-locked \(at line \d+\) while the callback fn runs: it may be a function literal in Double \(set at line \d+\), which locks s\.mu again`
	}
}

func (s *Store) Double() {
	s.each(func(v int) { s.Add(v * 2) })
}

// An interface of the package, implemented by a type whose method takes
// the lock again (the GoBench etcd6708 shape).
type Listener interface {
	Changed()
}

type Registry struct {
	mu        sync.Mutex
	listeners []Listener
	version   int
}

func (r *Registry) Version() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version
}

func (r *Registry) Bump() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.version++
	for _, l := range r.listeners {
		l.Changed() // want `r\.mu is locked \(at line \d+\) while the interface method l\.Changed runs: it may be Changed`
	}
}

type printer struct{ r *Registry }

func (p *printer) Changed() { _ = p.r.Version() }

// Negative twins.

// A callback that does not lock.
type Counter struct {
	mu     sync.Mutex
	n      int
	notify func(int)
}

func NewCounter(log func(int)) *Counter {
	return &Counter{notify: func(n int) { _ = n * 2 }}
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.notify(c.n)
}

// A field assigned only functions that do not lock.
type Ticker struct {
	mu     sync.Mutex
	onTick func()
	ticks  int
}

func quiet() {}

func NewTicker(verbose bool) *Ticker {
	t := &Ticker{onTick: quiet}
	if verbose {
		t.onTick = func() { println("tick") }
	}
	return t
}

func (t *Ticker) Tick() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.ticks++
	t.onTick()
}

// The callback is called after the Unlock, with a copy of what it needs.
type Pool struct {
	mu      sync.Mutex
	size    int
	onGrow  func(int)
	growing bool
}

func NewPool() *Pool {
	p := &Pool{}
	p.onGrow = func(int) { p.Resize() }
	return p
}

func (p *Pool) Resize() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.size *= 2
}

func (p *Pool) Grow() {
	p.mu.Lock()
	p.size++
	n, cb := p.size, p.onGrow
	p.mu.Unlock()
	cb(n)
}

// The callback is stored only after the call that might run it.
type Watcher struct {
	mu     sync.Mutex
	done   func()
	closed bool
}

func (w *Watcher) finish() {
	if w.done != nil {
		w.done()
	}
}

func (w *Watcher) Start() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.finish()
	w.done = func() {
		w.mu.Lock()
		w.closed = true
		w.mu.Unlock()
	}
}

// An interface whose implementations lock something else.
type Sink interface {
	Write(p []byte)
}

type buffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *buffer) Write(p []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
}

type Logger struct {
	mu   sync.Mutex
	sink Sink
}

func (l *Logger) Log(msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sink.Write([]byte(msg))
}

// A read lock held while a callback takes the same read lock, where
// nothing write-locks it: harmless, and quiet in the default mode.
type Table struct {
	mu   sync.RWMutex
	rows []string
}

func (t *Table) Rows() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}

func (t *Table) visit(fn func(string)) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, r := range t.rows {
		fn(r)
	}
}

func (t *Table) Sizes() {
	t.visit(func(string) { _ = t.Rows() })
}

// A value whose String method locks, formatted while its lock is held
// (the GoBench cockroach6181 shape).
type rangeCache struct {
	mu     sync.RWMutex
	ranges []string
}

func (rc *rangeCache) String() string {
	rc.mu.RLock()
	defer rc.mu.RUnlock()
	return fmt.Sprint(len(rc.ranges))
}

func (rc *rangeCache) Lookup() {
	rc.mu.RLock()
	fmt.Printf("lookup in %s\n", rc) // want `rc\.mu is read-locked \(at line \d+\) while fmt\.Printf formats a value whose String method`
	rc.mu.RUnlock()
	rc.mu.Lock()
	rc.ranges = nil
	rc.mu.Unlock()
}

func (rc *rangeCache) Add(r string) error {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if r == "" {
		return fmt.Errorf("empty range in %v", rc) // want `rc\.mu is locked \(at line \d+\) while fmt\.Errorf formats a value whose String method`
	}
	rc.ranges = append(rc.ranges, r)
	return nil
}

// Negative twins: %d and %p do not call String, a copy formats no lock,
// and formatting after the Unlock is fine.
func (rc *rangeCache) Count() {
	rc.mu.Lock()
	n := len(rc.ranges)
	fmt.Printf("%d ranges in %p\n", n, rc)
	rc.mu.Unlock()
	fmt.Println("cache:", rc)
}

// A sync.Cond made from the read side of the struct's own RWMutex: its
// L.Lock() is that mutex's RLock (the GoBench cockroach16167 shape).
type Executor struct {
	cond *sync.Cond
	mu   sync.RWMutex
	cfg  int
}

func NewExecutor() *Executor {
	e := &Executor{}
	e.cond = sync.NewCond(e.mu.RLocker())
	return e
}

func (e *Executor) config() int {
	e.mu.RLock() // want `e\.mu is already read-locked \(by exec at line \d+\) when config locks it again`
	defer e.mu.RUnlock()
	return e.cfg
}

func (e *Executor) SetConfig(c int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cfg = c
	e.cond.Broadcast()
}

func (e *Executor) exec() int {
	e.cond.L.Lock()
	defer e.cond.L.Unlock()
	return e.config()
}

// Negative twins: the Cond's lock released before the call, and a Cond
// with a mutex of its own.
func (e *Executor) execFixed() int {
	e.cond.L.Lock()
	for e.cfg == 0 {
		e.cond.Wait()
	}
	e.cond.L.Unlock()
	return e.config()
}

type Queue struct {
	cond  *sync.Cond
	mu    sync.RWMutex
	items []int
}

func NewQueue() *Queue {
	return &Queue{cond: sync.NewCond(&sync.Mutex{})}
}

func (q *Queue) Len() int {
	q.mu.RLock()
	defer q.mu.RUnlock()
	return len(q.items)
}

func (q *Queue) Reset() {
	q.mu.Lock()
	q.items = nil
	q.mu.Unlock()
}

func (q *Queue) Wait() int {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	return q.Len()
}
