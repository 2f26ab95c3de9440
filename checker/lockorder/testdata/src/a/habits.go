package a

import "sync"

// Java: nested synchronized blocks on two accounts, in argument order.
//
//	void transfer(Account from, Account to) {
//	    synchronized (from) { synchronized (to) { ... } }
//	}
//
// The Go port keeps the habit with two types: a Ledger and its Journal.
type Ledger struct {
	mu      sync.Mutex
	journal *Journal
	total   int
}

type Journal struct {
	mu      sync.Mutex
	ledger  *Ledger
	entries []int
}

func (l *Ledger) Post(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total += n
	l.journal.append(n) // want `lock order inversion: Ledger\.mu then Journal\.mu here \(locked by append at line 32\), but Journal\.mu then Ledger\.mu in Replay at line 40 \(locked by balance at line 44\)`
}

func (j *Journal) append(n int) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entries = append(j.entries, n)
}

func (j *Journal) Replay() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ledger.balance()
}

func (l *Ledger) balance() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// Python: "with self.lock:" blocks nested in one order only.
type Queue struct {
	mu    sync.Mutex
	stats *Stats
	items []int
}

type Stats struct {
	mu sync.Mutex
	n  int
}

func (q *Queue) Push(x int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, x)
	q.stats.inc()
}

func (s *Stats) inc() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
}

func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.stats.inc()
	return len(q.items)
}
