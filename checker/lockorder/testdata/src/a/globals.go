package a

import "sync"

var (
	usersMu  sync.Mutex
	ordersMu sync.Mutex
	users    = map[string]int{}
	orders   = map[string]int{}
)

func addOrder(u string) {
	usersMu.Lock()
	defer usersMu.Unlock()
	ordersMu.Lock() // want `lock order inversion: a\.usersMu then a\.ordersMu here, but a\.ordersMu then a\.usersMu in cancelOrder at line 23`
	defer ordersMu.Unlock()
	orders[u] = users[u]
}

func cancelOrder(u string) {
	ordersMu.Lock()
	defer ordersMu.Unlock()
	usersMu.Lock()
	defer usersMu.Unlock()
	delete(orders, u)
	users[u]--
}

var (
	inMu, outMu sync.Mutex
	in, out     []int
)

func moveIn() {
	inMu.Lock()
	defer inMu.Unlock()
	outMu.Lock()
	defer outMu.Unlock()
	in, out = nil, append(out, in...)
}

func moveOut() {
	inMu.Lock()
	defer inMu.Unlock()
	outMu.Lock()
	defer outMu.Unlock()
	out, in = nil, append(in, out...)
}

// Read locks in both orders do not exclude each other.
var (
	aMu, bMu sync.RWMutex
	av, bv   int
)

func readAB() int {
	aMu.RLock()
	defer aMu.RUnlock()
	bMu.RLock()
	defer bMu.RUnlock()
	return av + bv
}

func readBA() int {
	bMu.RLock()
	defer bMu.RUnlock()
	aMu.RLock()
	defer aMu.RUnlock()
	return av - bv
}

// TryLock does not wait, so it cannot close the cycle.
var (
	xMu, yMu sync.Mutex
)

func lockXY() {
	xMu.Lock()
	defer xMu.Unlock()
	yMu.Lock()
	defer yMu.Unlock()
}

func tryYX() bool {
	yMu.Lock()
	defer yMu.Unlock()
	if !xMu.TryLock() {
		return false
	}
	xMu.Unlock()
	return true
}
