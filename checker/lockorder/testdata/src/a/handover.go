package a

import "sync"

// The nats.go applyNewSID pattern: called with sub.mu held, the method
// unlocks it before it takes conn.subsMu, and locks it again after.
// Elsewhere subsMu is held while sub.mu is taken: no inversion, because
// sub.mu is never held while subsMu is taken.
type conn struct {
	subsMu sync.Mutex
	subs   map[int64]*subscription
	ssid   int64
}

type subscription struct {
	mu   sync.Mutex
	conn *conn
	sid  int64
}

func (sub *subscription) applyNewSID() (osid int64) {
	nc := sub.conn
	sub.mu.Unlock()

	nc.subsMu.Lock()
	osid = sub.sid
	delete(nc.subs, osid)
	nc.ssid++
	nsid := nc.ssid
	nc.subs[nsid] = sub
	nc.subsMu.Unlock()

	sub.mu.Lock()
	sub.sid = nsid
	return osid
}

func (sub *subscription) resetOrderedConsumer() {
	sub.mu.Lock()
	defer sub.mu.Unlock()
	sub.applyNewSID()
}

func (nc *conn) removeSub(sid int64) {
	nc.subsMu.Lock()
	defer nc.subsMu.Unlock()
	if s := nc.subs[sid]; s != nil {
		s.mu.Lock()
		s.sid = 0
		s.mu.Unlock()
	}
}

// The twin: this one takes subsMu while sub.mu is still held.
type conn2 struct {
	subsMu sync.Mutex
	subs   map[int64]*subscription2
}

type subscription2 struct {
	mu   sync.Mutex
	conn *conn2
	sid  int64
}

func (sub *subscription2) applyNewSID() {
	nc := sub.conn
	nc.subsMu.Lock()
	nc.subs[sub.sid] = sub
	nc.subsMu.Unlock()
}

func (sub *subscription2) reset() {
	sub.mu.Lock()
	defer sub.mu.Unlock()
	sub.applyNewSID() // want `lock order inversion: subscription2.mu then conn2.subsMu here`
}

func (nc *conn2) removeSub(sid int64) {
	nc.subsMu.Lock()
	defer nc.subsMu.Unlock()
	if s := nc.subs[sid]; s != nil {
		s.mu.Lock()
		s.sid = 0
		s.mu.Unlock()
	}
}

// Through one more call: renew's caller holds sub.mu, and applyNewSID,
// called by renew, still releases it before subsMu.
func (sub *subscription) renew() int64 { return sub.applyNewSID() }

func (sub *subscription) resetThroughRenew() {
	sub.mu.Lock()
	defer sub.mu.Unlock()
	sub.renew()
}
