package waitgroupmisuse

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/flowpath"
)

// This file reports a Wait made while holding a local mutex that the
// goroutines it waits for lock before their Done: they block on the mutex,
// the waiter blocks on them. The same with a mutex and a WaitGroup that are
// struct fields is the blockunderlock analyzer's.

// waitLocked reports the Waits of fn made with a mutex held that a
// goroutine counted by the WaitGroup locks before calling Done.
func (c *checker) waitLocked(fn *ssa.Function) {
	s := c.summary(fn)
	if len(s.sites[wait]) == 0 || len(s.sites[lock])+len(s.sites[rlock]) == 0 {
		return
	}
	for _, w := range s.sites[wait] {
		if w.helper != nil || w.deferred {
			continue
		}
		for _, h := range c.heldAt(fn, s, w) {
			if c.unlockedElsewhere(fn, h.key) {
				continue
			}
			if msg := c.lockedOut(fn, w, h); msg != "" {
				c.report(analysis.Diagnostic{Pos: w.instr.Common().Pos(), Message: msg})
				break
			}
		}
	}
}

// heldLock is a direct Lock or RLock site.
type heldLock struct {
	site
	shared bool // RLock
}

// heldAt returns the direct Lock and RLock sites of fn whose mutex is
// certainly held at the Wait w: the lock dominates w and no path from it
// to w unlocks that mutex.
func (c *checker) heldAt(fn *ssa.Function, s *summary, w site) []heldLock {
	var held []heldLock
	for _, m := range []method{lock, rlock} {
		release := unlock
		if m == rlock {
			release = runlock
		}
		for _, l := range s.sites[m] {
			if l.helper != nil || l.deferred || !dominates(l.instr, w.instr) {
				continue
			}
			unlocks := make(map[ssa.Instruction]bool)
			for _, u := range s.sites[release] {
				if u.key == l.key && !u.deferred {
					unlocks[u.instr] = true
				}
			}
			released := false
			for _, u := range flowpath.Search(fn, l.instr, func(instr ssa.Instruction) flowpath.Step {
				if unlocks[instr] {
					return flowpath.Hit
				}
				return flowpath.Pass
			}) {
				if u == w.instr || c.reaches(fn, u, w.instr) {
					released = true
					break
				}
			}
			if !released {
				held = append(held, heldLock{site: l, shared: m == rlock})
			}
		}
	}
	return held
}

// dominates reports whether every path to b passes a first.
func dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil {
		return false
	}
	if ab == bb {
		return flowpath.Index(a) < flowpath.Index(b)
	}
	return ab.Dominates(bb)
}

// lockedOut returns the message for a Wait w made with held locked, if a
// goroutine that fn starts, counted by w's WaitGroup, locks the same mutex
// before its Done, or "". The WaitGroup and the mutex are matched through
// the go statement, so they are fn's locals or what its parameters point
// to, never fields.
func (c *checker) lockedOut(fn *ssa.Function, w site, held heldLock) string {
	if w.key.field != nil || held.key.field != nil {
		return ""
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			gi, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			g := c.ours(gi.Call.StaticCallee())
			if g == nil || gi.Call.IsInvoke() {
				continue
			}
			gs := c.summary(g)
			for _, d := range gs.sites[done] {
				if !c.matches(d.key, g, gi, w.key) {
					continue
				}
				for _, m := range []method{lock, rlock} {
					if m == rlock && held.shared {
						continue // two readers do not block each other
					}
					for _, l := range gs.sites[m] {
						if l.deferred || !c.matches(l.key, g, gi, held.key) {
							continue
						}
						if !d.deferred && !c.reaches(g, l.instr, d.instr) {
							continue // locked only after Done
						}
						mu := c.recvText(held.site)
						wg := c.wgText([]site{w}, w.key)
						where := ""
						if l.helper != nil {
							where = " (in " + c.callText(l) + ")"
						}
						return wg + ".Wait() runs with " + mu + " locked, but a goroutine it waits for locks " + mu + where +
							" before it calls Done: they deadlock; unlock " + mu + " before " + wg + ".Wait()"
					}
				}
			}
		}
	}
	return ""
}

// matches reports whether k, a key of goroutine g, names want, a key of
// the function that starts g with gi.
func (c *checker) matches(k key, g *ssa.Function, gi *ssa.Go, want key) bool {
	if !portable(k) {
		return false
	}
	t, ok := translate(k, g, gi.Common())
	return ok && t == want
}

// unlockedElsewhere reports whether the mutex of k, held by fn, may be
// unlocked by other code while fn waits: a goroutine or closure that fn
// makes and that unlocks it without having locked it first (a sync.Mutex
// may be unlocked by any goroutine), or code outside the package that it
// is passed to, such as sync.NewCond(&mu).
func (c *checker) unlockedElsewhere(fn *ssa.Function, k key) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.MakeClosure:
				if g, ok := x.Fn.(*ssa.Function); ok && c.unlocksForeign(g, &ssa.CallCommon{Value: x}, k) {
					return true
				}
			case ssa.CallInstruction:
				common := x.Common()
				if _, ok := wgMethod(common); ok {
					continue
				}
				if g := c.ours(common.StaticCallee()); g != nil && !common.IsInvoke() {
					if _, isGo := x.(*ssa.Go); isGo && c.unlocksForeign(g, common, k) {
						return true
					}
					continue // synchronous calls are in fn's summary
				}
				if handsOff(x, k, false) {
					return true
				}
			case *ssa.Store, *ssa.Send:
				if handsOff(x, k, false) {
					return true
				}
			}
		}
	}
	return false
}

// unlocksForeign reports whether g, called or started through common, can
// unlock the mutex of k (a key of the caller) before locking it.
func (c *checker) unlocksForeign(g *ssa.Function, common *ssa.CallCommon, k key) bool {
	s := c.summary(g)
	at := func(m method) map[ssa.Instruction]bool {
		set := make(map[ssa.Instruction]bool)
		for _, st := range s.sites[m] {
			if st.deferred && (m == lock || m == rlock) {
				continue
			}
			if portable(st.key) {
				if t, ok := translate(st.key, g, common); ok && t == k {
					set[st.instr] = true
				}
			}
		}
		return set
	}
	locks, rlocks, unlocks, runlocks := at(lock), at(rlock), at(unlock), at(runlock)
	if len(unlocks)+len(runlocks) == 0 {
		return false
	}
	hits := flowpath.Search(g, nil, func(instr ssa.Instruction) flowpath.Step {
		switch {
		case locks[instr] || rlocks[instr]:
			return flowpath.Stop
		case unlocks[instr] || runlocks[instr]:
			return flowpath.Hit
		}
		return flowpath.Pass
	})
	return len(hits) > 0
}
