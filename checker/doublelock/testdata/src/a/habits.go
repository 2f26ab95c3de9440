package a

import "sync"

// Java: synchronized methods calling each other work because Java
// monitors are reentrant.
//
//	synchronized void deposit(int n) { balance += n; }
//	synchronized void transfer(Account to, int n) { withdraw(n); to.deposit(n); }
type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int) {
	a.mu.Lock() // want `a\.mu is already locked \(by Transfer at line 22\) when Withdraw locks it again`
	defer a.mu.Unlock()
	a.balance -= n
}

func (a *Account) Transfer(to *Account, n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.Withdraw(n) // the reentrant habit
	to.Deposit(n)
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *Account) TransferOK(to *Account, n int) {
	a.mu.Lock()
	a.withdrawLocked(n)
	a.mu.Unlock()
	to.Deposit(n)
}

func (a *Account) withdrawLocked(n int) { a.balance -= n }

// Java: ReentrantLock lets lock() nest as long as unlock() is called as
// often.
type Job struct {
	lock  sync.Mutex
	state int
}

func (j *Job) Start() {
	j.lock.Lock()
	defer j.lock.Unlock()
	j.setState(1)
}

func (j *Job) setState(s int) {
	j.lock.Lock() // want `j\.lock is already locked \(by Start at line 51\) when setState locks it again`
	defer j.lock.Unlock()
	j.state = s
}

func (j *Job) StartOK() {
	j.lock.Lock()
	defer j.lock.Unlock()
	j.setStateLocked(1)
}

func (j *Job) setStateLocked(s int) { j.state = s }

// Python: a class guarded by threading.RLock whose methods call each
// other. sync.RWMutex.RLock is a shared lock, not a reentrant one.
//
//	def snapshot(self):
//	    with self._lock:
//	        return {k: self.get(k) for k in self._keys}
type Config struct {
	mu   sync.RWMutex
	vals map[string]string
}

// Set write-locks mu: the stacked RLocks below can deadlock.
func (c *Config) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.vals[k] = v
}

func (c *Config) Lookup(k string) string {
	c.mu.RLock() // want `c\.mu is already read-locked \(by Snapshot at line 95\) when Lookup locks it again`
	defer c.mu.RUnlock()
	return c.vals[k]
}

func (c *Config) Snapshot(keys []string) map[string]string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := map[string]string{}
	for _, k := range keys {
		out[k] = c.Lookup(k)
	}
	return out
}

func (c *Config) SnapshotOK(keys []string) map[string]string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := map[string]string{}
	for _, k := range keys {
		out[k] = c.vals[k]
	}
	return out
}
