// Package lockorder defines an Analyzer that reports two mutexes acquired
// in opposite orders in the same package.
//
// # Analyzer lockorder
//
// lockorder: report two mutexes locked in opposite orders (AB-BA deadlock)
//
// If one goroutine holds mutex A and waits for B while another holds B and
// waits for A, both wait forever. That can only happen when the code takes
// the two locks in both orders somewhere. The analyzer records, for every
// lock taken while another is held (in the same function or through calls
// of the package's functions and methods), the pair "A then B", and
// reports a pair that also occurs as "B then A":
//
//	func (s *Server) Register(c *Client) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		c.mu.Lock() // Server.mu then Client.mu
//		...
//	}
//
//	func (c *Client) Close() {
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		c.server.remove(c) // remove locks Server.mu: Client.mu then Server.mu
//	}
//
// The report names both places. Pick one order and keep to it everywhere,
// documented next to the fields ("lock Server.mu before Client.mu"), or
// do not hold one lock while taking the other: copy what you need under
// the first lock, release it, then take the second.
//
// Locks are identified by type and field (Server.mu), so that two values
// of a type count as one lock, which is what makes the inversion visible
// across functions. For the same reason, locking the same field of two
// values of one type (a parent and a child node) is not reported. Two
// read locks (RLock) in both orders are not reported either, nor a lock
// taken by a function that first unlocks the lock its caller holds and
// locks it again afterwards (s.mu.Unlock(); c.mu.Lock(); ...;
// c.mu.Unlock(); s.mu.Lock()): the two are never held together. Calls
// through an interface declared in the package and through func-typed
// fields and parameters count the locks of the package's functions that
// may run there (its implementations, the named functions and method
// values it stores or passes); function literals stored there do not
// count, as they most often lock an instance of their own. TryLock, locks
// in local variables, and other calls through interfaces and function
// values are not followed. Generated files are skipped.
//
// Coming from Node.js: with one thread and no shared-memory locks, the
// nearest trouble is two async locks awaited in opposite orders, and it
// is rare. Go code locks from many goroutines at once, so the order of
// nested locks is part of a type's contract.
//
// Coming from Python: two threading.Lock objects acquired in opposite
// orders by two threads deadlock the same way, and RLock does not help
// since the locks are different. Write the order down and keep to it, or
// restructure so that no code holds both.
//
// Coming from Java: nested synchronized blocks on two objects in opposite
// orders are the textbook deadlock, and Java's thread dumps name it.
// Go's runtime only says "all goroutines are asleep" when every goroutine
// is stuck, and says nothing when others still run; keep a fixed order,
// as you would with ordered ReentrantLocks.
//
// Lesson: goroutines/sharing-memory.
package lockorder
