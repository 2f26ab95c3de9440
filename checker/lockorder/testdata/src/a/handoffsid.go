// The nats.go applyNewSID shape: the callee unlocks its caller's lock
// before it takes the other one, and the chain of callers captures the
// receiver in nested closures. No inversion.
package a

import "sync"

type SIDConn struct {
	mu     sync.Mutex
	subsMu sync.RWMutex
	subs   map[int64]*SIDSub
}

type SIDSub struct {
	mu   sync.Mutex
	conn *SIDConn
	sid  int64
	n    int
}

func (sub *SIDSub) applyNewSID() bool {
	nc := sub.conn
	sub.mu.Unlock()
	nc.subsMu.Lock()
	if nc.subs[sub.sid] != sub {
		nc.subsMu.Unlock()
		sub.mu.Lock()
		return false
	}
	sub.sid++
	nc.subsMu.Unlock()
	sub.mu.Lock()
	return true
}

func (sub *SIDSub) reset() {
	nc := sub.conn
	if sub.n > 3 {
		go func() {
			nc.mu.Lock()
			nc.subsMu.RLock()
			_ = sub.sid
			nc.subsMu.RUnlock()
			nc.mu.Unlock()
		}()
		return
	}
	if !sub.applyNewSID() {
		return
	}
	go func() {
		nc.rewire(sub)
		push := func() { sub.n++ }
		push()
		sub.mu.Lock()
		sub.n = 0
		sub.mu.Unlock()
	}()
}

func (sub *SIDSub) tryReset() {
	if sub.n > 2 {
		return
	}
	sub.reset()
}

func (s *SIDSub) Deliver() {
	s.mu.Lock()
	s.n++
	s.tryReset()
	s.mu.Unlock()
}

func (nc *SIDConn) rewire(sub *SIDSub) {
	nc.subsMu.RLock()
	sub.mu.Lock()
	_ = nc.subs[sub.sid] == sub
	sub.mu.Unlock()
	nc.subsMu.RUnlock()
}
