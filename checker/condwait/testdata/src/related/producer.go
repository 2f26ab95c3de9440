package related

import "sync"

type mailbox struct {
	mu   sync.Mutex
	cond *sync.Cond
	msgs []string
}

func newMailbox() *mailbox {
	b := &mailbox{}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *mailbox) next() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.msgs) == 0 {
		b.cond.Wait()
	}
	return b.msgs[0]
}

func (b *mailbox) post(m string, wake bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.msgs = append(b.msgs, m) // want `b\.msgs changes here`
	if wake {
		b.cond.Signal() // related "the path that signals"
	}
}
