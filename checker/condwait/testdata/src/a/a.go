package a

import "sync"

// --- A Wait that nothing wakes (moby29733, moby30408). ---

type plugin struct {
	activated bool
	wait      *sync.Cond
}

func newPlugin() *plugin {
	return &plugin{wait: sync.NewCond(&sync.Mutex{})}
}

func (p *plugin) waitActive() {
	p.wait.L.Lock()
	for !p.activated {
		p.wait.Wait() // want `nothing in this package calls p\.wait\.Signal or p\.wait\.Broadcast`
	}
	p.wait.L.Unlock()
}

func (p *plugin) activate() {
	p.wait.L.Lock()
	p.activated = true // the Java port forgot notifyAll()
	p.wait.L.Unlock()
}

// Negative twin: the producer broadcasts.
type plugin2 struct {
	activated bool
	wait      *sync.Cond
}

func newPlugin2() *plugin2 {
	return &plugin2{wait: sync.NewCond(&sync.Mutex{})}
}

func (p *plugin2) waitActive() {
	p.wait.L.Lock()
	for !p.activated {
		p.wait.Wait()
	}
	p.wait.L.Unlock()
}

func (p *plugin2) activate() {
	p.wait.L.Lock()
	p.activated = true
	p.wait.L.Unlock()
	p.wait.Broadcast()
}

// A value Cond embedded in a struct, never signalled.
type gate struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func (g *gate) pass() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.open {
		g.cond.Wait() // want `nothing in this package calls g\.cond\.Signal`
	}
}

// Negative twin: signalled through a method value handed to a callback.
type gate2 struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func (g *gate2) pass() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.open {
		g.cond.Wait()
	}
}

func (g *gate2) onOpen(register func(func())) { register(g.cond.Broadcast) }

// A local Cond in the Python threading.Condition port: the worker thread
// was supposed to notify().
func localCond(work func()) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := false
	go func() {
		work()
		mu.Lock()
		done = true
		mu.Unlock()
	}()
	mu.Lock()
	for !done {
		cond.Wait() // want `nothing in this package calls cond\.Signal`
	}
	mu.Unlock()
}

// Negative twin: the worker notifies.
func localCond2(work func()) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := false
	go func() {
		work()
		mu.Lock()
		done = true
		cond.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for !done {
		cond.Wait()
	}
	mu.Unlock()
}

// Negative: the Cond comes from the caller, who may signal it.
func waitOn(c *sync.Cond, ready func() bool) {
	c.L.Lock()
	for !ready() {
		c.Wait()
	}
	c.L.Unlock()
}

// Negative: the Cond is handed to other code.
type handed struct {
	c  *sync.Cond
	ok bool
}

func newHanded(register func(*sync.Cond)) *handed {
	h := &handed{c: sync.NewCond(&sync.Mutex{})}
	register(h.c)
	return h
}

func (h *handed) wait() {
	h.c.L.Lock()
	for !h.ok {
		h.c.Wait()
	}
	h.c.L.Unlock()
}

// Negative: a field set from a Cond made elsewhere.
type borrowed struct {
	c  *sync.Cond
	ok bool
}

func newBorrowed(c *sync.Cond) *borrowed { return &borrowed{c: c} }

func (b *borrowed) wait() {
	for !b.ok {
		b.c.Wait()
	}
}
