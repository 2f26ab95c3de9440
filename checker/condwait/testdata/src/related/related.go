package related

import "sync"

type flag struct {
	set  bool
	cond *sync.Cond
}

func newFlag() *flag {
	return &flag{cond: sync.NewCond(&sync.Mutex{})} // related "the Cond is made here"
}

func (f *flag) wait() {
	f.cond.L.Lock()
	for !f.set {
		f.cond.Wait() // want `nothing in this package calls f\.cond\.Signal`
	}
	f.cond.L.Unlock()
}

type inbox struct {
	mu   sync.Mutex
	cond *sync.Cond
	msgs []string
}

func newInbox() *inbox {
	b := &inbox{}
	b.cond = sync.NewCond(&b.mu) // related "the Cond is made here"
	return b
}

func (b *inbox) next() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.msgs) == 0 {
		b.cond.Wait() // want `nothing in this package calls b\.cond\.Signal`
	}
	return b.msgs[0]
}
