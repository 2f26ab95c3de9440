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
