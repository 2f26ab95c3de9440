package lockset

import (
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// state is the lock state at a program point.
type state struct {
	held    map[Key]Fact
	touched map[Key]bool     // locks operated on, on every path so far
	entry   map[Key]bool     // locks first unlocked (the caller's), on every path so far
	restore map[Key]bool     // caller's locks a callee unlocked and locked again, on every path
	acq     map[string]*Site // abstract locks acquired so far, on some path
	defers  []*ssa.Defer     // pending deferred calls, in order
	mixed   bool             // defers differ between the paths merged here
}

func newState() *state {
	return &state{
		held:    make(map[Key]Fact),
		touched: make(map[Key]bool),
		entry:   make(map[Key]bool),
		restore: make(map[Key]bool),
		acq:     make(map[string]*Site),
	}
}

func (s *state) clone() *state {
	return &state{
		held:    maps.Clone(s.held),
		touched: maps.Clone(s.touched),
		entry:   maps.Clone(s.entry),
		restore: maps.Clone(s.restore),
		acq:     maps.Clone(s.acq),
		defers:  slices.Clone(s.defers),
		mixed:   s.mixed,
	}
}

func (s *state) equal(t *state) bool {
	if len(s.held) != len(t.held) || len(s.acq) != len(t.acq) ||
		s.mixed != t.mixed || !slices.Equal(s.defers, t.defers) ||
		!sameSet(s.touched, t.touched) || !sameSet(s.entry, t.entry) || !sameSet(s.restore, t.restore) {
		return false
	}
	for k, f := range s.held {
		g, ok := t.held[k]
		if !ok || g.Strength != f.Strength || g.Mode != f.Mode {
			return false
		}
	}
	for k := range s.acq {
		if _, ok := t.acq[k]; !ok {
			return false
		}
	}
	return true
}

func sameSet(a, b map[Key]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// flow is the dataflow over one function.
type flow struct {
	e        *engine
	fn       *ssa.Function
	relevant bool
	final    bool // the reporting pass, after the fixpoint
	sum      *summary
	out      *Func
	roots    map[ssa.Value]bool // root values of the keys met so far
	first    map[Key]bool
	guards   map[*ssa.BasicBlock]int8
}

func newFlow(e *engine, fn *ssa.Function, relevant bool) *flow {
	return &flow{
		e:        e,
		fn:       fn,
		relevant: relevant && len(fn.Blocks) <= maxBlocks,
		sum: &summary{
			touched:  make(map[Key]bool),
			exitMust: make(map[Key]Fact),
			exitMay:  make(map[Key]bool),
			acquires: make(map[string]*acq),
			released: make(map[Key]struct{}),
			entry:    make(map[Key]struct{}),
			restored: make(map[Key]bool),
		},
		out: &Func{
			Fn:              fn,
			Releases:        make(map[Key][]Release),
			ClosureReleases: make(map[Key]bool),
		},
		roots:  make(map[ssa.Value]bool),
		first:  make(map[Key]bool),
		guards: make(map[*ssa.BasicBlock]int8),
	}
}

// solve runs the dataflow to a bounded fixpoint, then once more to record
// what it found.
func (f *flow) solve() {
	if len(f.fn.Blocks) == 0 {
		return
	}
	if !f.relevant {
		// Nothing here locks: one pass records the channel operations.
		f.final = true
		for _, b := range f.fn.Blocks {
			f.block(b, newState())
		}
		return
	}
	rpo := reversePostorder(f.fn)
	n := len(f.fn.Blocks)
	in := make([]*state, n)
	out := make([]*state, n)
	for range maxPasses {
		changed := false
		for _, b := range rpo {
			st := f.merge(b, out)
			if st == nil {
				continue
			}
			in[b.Index] = st
			o := st.clone()
			f.block(b, o)
			if out[b.Index] == nil || !o.equal(out[b.Index]) {
				out[b.Index] = o
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	f.final = true
	var exits []*state
	for _, b := range rpo {
		if in[b.Index] == nil {
			continue
		}
		st := in[b.Index].clone()
		f.block(b, st)
		if n := len(b.Instrs); n > 0 {
			if _, ok := b.Instrs[n-1].(*ssa.Return); ok {
				exits = append(exits, st)
			}
		}
	}
	f.finish(exits)
}

// finish computes the exit part of the summary from the states at the
// function's returns.
func (f *flow) finish(exits []*state) {
	if len(exits) == 0 {
		return
	}
	// A lock that the function unlocks first and holds again at every
	// return is its caller's, restored: no change for the caller.
	restored := func(x *state, k Key) bool {
		_, held := x.held[k]
		return x.restore[k] || (x.entry[k] && held)
	}
	for k := range exits[0].touched {
		all := summaryRoot(k)
		for _, x := range exits {
			all = all && restored(x, k)
		}
		if all {
			f.sum.restored[k] = true
		}
	}
	for k, fact := range exits[0].held {
		if !summaryRoot(k) || f.sum.restored[k] {
			continue
		}
		all := fact.Strength == Must
		for _, x := range exits[1:] {
			g, ok := x.held[k]
			all = all && ok && g.Strength == Must
		}
		if all {
			f.sum.exitMust[k] = fact
		}
	}
	for _, x := range exits {
		for k := range x.held {
			if _, must := f.sum.exitMust[k]; !must && summaryRoot(k) && !f.sum.restored[k] {
				f.sum.exitMay[k] = true
			}
		}
	}
}

func reversePostorder(fn *ssa.Function) []*ssa.BasicBlock {
	seen := make([]bool, len(fn.Blocks))
	var post []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		seen[b.Index] = true
		for _, s := range b.Succs {
			if !seen[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	slices.Reverse(post)
	return post
}

// merge joins the states at the end of b's predecessors.
func (f *flow) merge(b *ssa.BasicBlock, out []*state) *state {
	var preds []*state
	var back []bool
	for _, p := range b.Preds {
		if s := out[p.Index]; s != nil {
			preds = append(preds, s)
			back = append(back, b.Dominates(p))
		}
	}
	if b.Index == 0 {
		return newState()
	}
	switch len(preds) {
	case 0:
		return nil
	case 1:
		return preds[0].clone()
	}
	st := newState()
	for _, p := range preds {
		for k, fact := range p.held {
			if _, done := st.held[k]; done {
				continue
			}
			all, carried := true, false
			strength := Must
			for j, q := range preds {
				g, ok := q.held[k]
				if !ok {
					all = false
					continue
				}
				strength = max(strength, g.Strength)
				if back[j] && g.Strength != Weak {
					carried = true
				}
			}
			switch {
			case all:
				fact.Strength = strength
			case carried:
				fact.Strength = Loop
			default:
				fact.Strength = Weak
			}
			st.held[k] = fact
		}
	}
	for k := range preds[0].touched {
		all := true
		for _, q := range preds[1:] {
			all = all && q.touched[k]
		}
		if all {
			st.touched[k] = true
		}
	}
	for k := range preds[0].entry {
		all := true
		for _, q := range preds[1:] {
			all = all && q.entry[k]
		}
		if all {
			st.entry[k] = true
		}
	}
	for k := range preds[0].restore {
		all := true
		for _, q := range preds[1:] {
			all = all && q.restore[k]
		}
		if all {
			st.restore[k] = true
		}
	}
	for _, p := range preds {
		for a, s := range p.acq {
			if _, ok := st.acq[a]; !ok && len(st.acq) < maxAcquired {
				st.acq[a] = s
			}
		}
	}
	st.defers = slices.Clone(preds[0].defers)
	st.mixed = preds[0].mixed
	for _, q := range preds[1:] {
		if q.mixed || !slices.Equal(q.defers, preds[0].defers) {
			st.mixed = true
			for _, d := range q.defers {
				if !slices.Contains(st.defers, d) {
					st.defers = append(st.defers, d)
				}
			}
		}
	}
	return st
}

func (f *flow) block(b *ssa.BasicBlock, st *state) {
	for _, instr := range b.Instrs {
		f.instr(st, instr)
		if v, ok := instr.(ssa.Value); ok && f.roots[v] {
			// v names a new object each time it is computed (a loop
			// variable, a phi): forget locks held through its old value.
			for k := range st.held {
				if k.Root == v {
					delete(st.held, k)
				}
			}
			for k := range st.touched {
				if k.Root == v {
					delete(st.touched, k)
					delete(st.entry, k)
					delete(st.restore, k)
				}
			}
		}
	}
}

func (f *flow) instr(st *state, instr ssa.Instruction) {
	switch i := instr.(type) {
	case *ssa.Call:
		f.call(st, i, &i.Call, false, false)
	case *ssa.Defer:
		if !slices.Contains(st.defers, i) {
			st.defers = append(st.defers, i)
		}
	case *ssa.RunDefers:
		f.runDefers(st)
	case *ssa.Return:
		if f.final && f.relevant {
			f.ret(st, i)
		}
	case *ssa.Store:
		if f.relevant && len(st.held) > 0 {
			f.store(st, i)
		}
	case *ssa.Send:
		f.chanOp(st, i.Chan, OpSend, i.Pos(), true)
	case *ssa.UnOp:
		if i.Op == token.ARROW {
			f.chanOp(st, i.X, OpRecv, i.Pos(), true)
		}
	case *ssa.Select:
		for _, s := range i.States {
			kind := OpRecv
			if s.Dir == types.SendOnly {
				kind = OpSend
			}
			f.chanOp(st, s.Chan, kind, s.Pos, i.Blocking && len(i.States) == 1)
		}
	case *ssa.MakeClosure:
		if f.final && f.relevant {
			f.closure(i)
		}
		if f.relevant && escapes(i) {
			f.handoff(st, i, nil)
		}
	case *ssa.Go:
		if f.relevant {
			f.handoff(st, i.Call.Value, i.Call.Args)
		}
	}
}

// escapes reports whether a closure is used other than by calling it
// right here (directly, deferred, or through once.Do): it may run later,
// on another goroutine.
func escapes(mc *ssa.MakeClosure) bool {
	return escapesDepth(mc, 0)
}

// escapesDepth is escapes, where a closure captured by another closure
// that does not escape (unlock := func() { mu.Unlock() }; defer func() {
// unlock() }()) does not escape either.
func escapesDepth(mc *ssa.MakeClosure, depth int) bool {
	refs := mc.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if callsValue(r, mc) {
			continue
		}
		if outer, ok := r.(*ssa.MakeClosure); ok && outer.Fn != ssa.Value(mc) && depth < 3 && !escapesDepth(outer, depth+1) {
			continue
		}
		if st, ok := r.(*ssa.Store); ok && st.Val == ssa.Value(mc) && depth < 3 && localVar(st.Addr, depth) {
			continue
		}
		return true
	}
	return false
}

// localVar reports whether addr is a local variable (captured by closures,
// so go/ssa keeps it in an Alloc) that is stored once and only called:
// directly, or by closures that do not escape.
func localVar(addr ssa.Value, depth int) bool {
	alloc, ok := addr.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return false
	}
	stores := 0
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			stores++
			if r.Addr != ssa.Value(alloc) || stores > 1 {
				return false
			}
		case *ssa.MakeClosure:
			if escapesDepth(r, depth+1) {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || r.Referrers() == nil {
				return false
			}
			for _, u := range *r.Referrers() {
				if !callsValue(u, r) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

func (f *flow) runDefers(st *state) {
	defers, mixed := st.defers, st.mixed
	st.defers, st.mixed = nil, false
	for _, d := range slices.Backward(defers) {
		f.call(st, d, &d.Call, true, mixed)
	}
}

func (f *flow) key(v ssa.Value) Key {
	k := f.e.resolve(v)
	f.roots[k.Root] = true
	return k
}

// call applies the effect of a call (or a deferred call running at
// return). With releaseOnly, only releases apply: the deferred calls
// differ between paths, so which ones run is unknown.
func (f *flow) call(st *state, instr ssa.Instruction, c *ssa.CallCommon, deferred, releaseOnly bool) {
	b := instr.Block()
	pos := c.Pos()
	site := &Site{Fn: f.fn, Pos: pos, Deferred: deferred}
	if op, recv := lockCall(c); op != opNone {
		if !f.relevant {
			return
		}
		k := f.key(recv)
		switch op {
		case opLock, opRLock:
			if !releaseOnly {
				mode := Write
				if op == opRLock {
					mode = Read
				}
				f.acquire(st, b, k, mode, site, f.e.abstract(recv), f.e.text.text(pos), f.guarded(b))
			}
		case opUnlock, opRUnlock:
			f.release(st, k, pos)
		case opTry:
			st.touched[k] = true
		}
		return
	}
	if op, k, abstract, ok := f.condLock(c); ok {
		if !f.relevant {
			return
		}
		switch op {
		case opLock, opRLock:
			if !releaseOnly {
				mode := Write
				if op == opRLock {
					mode = Read
				}
				f.acquire(st, b, k, mode, site, abstract, f.e.text.text(pos), f.guarded(b))
			}
		case opUnlock, opRUnlock:
			f.release(st, k, pos)
		}
		return
	}
	if ch, ok := isClose(c); ok {
		f.chanOp(st, ch, OpClose, pos, false)
		return
	}
	if wg, ok := syncCall(c, "WaitGroup", "Wait"); ok {
		f.chanOp(st, wg, OpWait, pos, true)
		return
	}
	if wg, ok := syncCall(c, "WaitGroup", "Done"); ok {
		f.chanOp(st, wg, OpDone, pos, false)
		return
	}
	g, bindings, args := callee(c)
	if g == nil {
		if f.relevant && !releaseOnly {
			f.dynamic(st, b, c, site)
			f.formatted(st, c, site)
		}
		return
	}
	if f.final {
		if ref, ok := f.e.callSites[instr]; ok && ref.callee == g {
			f.e.res.Callers[g][ref.index].Acquired = maps.Clone(st.acq)
		}
	}
	in := f.e.analyze(g)
	if in == nil || in.sum == nil {
		return
	}
	subst := func(k Key) (Key, bool) { return f.subst(g, bindings, args, k) }
	f.apply(st, b, in.sum, subst, site, f.guarded(b), releaseOnly)
}

// apply applies a callee's summary at a call site.
func (f *flow) apply(st *state, b *ssa.BasicBlock, sum *summary, subst func(Key) (Key, bool), site *Site, guarded, releaseOnly bool) {
	if !releaseOnly && f.relevant {
		for _, fl := range sum.first {
			k, ok := subst(fl.key)
			if !ok {
				continue
			}
			inner := &Site{Fn: site.Fn, Pos: site.Pos, Via: fl.site, Deferred: site.Deferred}
			f.check(st, b, k, fl.mode, inner, fl.abstract, fl.text, fl.guarded || guarded)
		}
		for a, x := range sum.acquires {
			inner := &Site{Fn: site.Fn, Pos: site.Pos, Via: x.site, Deferred: site.Deferred}
			if _, ok := st.acq[a]; !ok && len(st.acq) < maxAcquired {
				st.acq[a] = inner
			}
			if x.relock != nil {
				k2, ok := subst(*x.relock)
				if !ok {
					continue
				}
				if _, held := st.held[k2]; !held {
					// The callee unlocks and locks again a lock that
					// this function does not hold: its own caller does.
					if f.final && summaryRoot(k2) {
						f.addAcquire(a, inner, x.mode, x.text, &k2, nil)
					}
					continue
				}
			}
			var outside []Key
			for _, o := range x.outside {
				if k2, ok := subst(o); ok {
					outside = append(outside, k2)
				}
			}
			if x.dyn == nil || !x.dyn.closure() {
				f.order(st, Key{}, a, x.mode, inner, x.text, outside...)
			}
			if x.dyn != nil && len(outside) == 0 {
				f.dynDouble(st, a, x.mode, inner, x.text, x.dyn, guarded)
			}
			if f.final {
				f.addAcquire(a, inner, x.mode, x.text, nil, released(st, outside), x.dyn)
			}
		}
	}
	for k := range sum.touched {
		k2, ok := subst(k)
		if !ok {
			continue
		}
		if sum.restored[k] {
			// Unlocked and locked again: held before, held after.
			if _, held := st.held[k2]; !held && !st.touched[k2] {
				st.restore[k2] = true
			}
			st.touched[k2] = true
			if f.final && summaryRoot(k2) {
				f.sum.touched[k2] = true
			}
			continue
		}
		st.touched[k2] = true
		if f.final && summaryRoot(k2) {
			f.sum.touched[k2] = true
		}
		if ex, ok := sum.exitMust[k]; ok {
			if !releaseOnly {
				ex.Site = &Site{Fn: site.Fn, Pos: site.Pos, Via: ex.Site, Deferred: site.Deferred}
				ex.Strength = Must
				f.hold(st, k2, ex)
			}
			continue
		}
		if sum.exitMay[k] {
			if h, ok := st.held[k2]; ok {
				h.Strength = Weak
				st.held[k2] = h
			}
			continue
		}
		if _, ok := sum.entry[k]; ok {
			// The callee unlocks the caller's lock.
			f.release(st, k2, site.Pos)
		}
		// Otherwise it locked and unlocked k itself: no change.
	}
	if f.final {
		for _, b := range sum.blocking {
			inner := &Site{Fn: site.Fn, Pos: site.Pos, Via: b.site, Deferred: site.Deferred}
			f.blocking(st, inner, b.kind, b.object, b.text)
		}
	}
}

// subst names a lock k of callee g, relative to its parameters and free
// variables, in the caller, given the call's arguments and bindings.
func (f *flow) subst(g *ssa.Function, bindings, args []ssa.Value, k Key) (Key, bool) {
	var arg ssa.Value
	switch r := k.Root.(type) {
	case *ssa.Global:
		return k, true
	case *ssa.Parameter:
		i := slices.Index(g.Params, r)
		if i < 0 || i >= len(args) {
			return Key{}, false
		}
		arg = args[i]
	case *ssa.FreeVar:
		i := slices.Index(g.FreeVars, r)
		if i < 0 || i >= len(bindings) {
			return Key{}, false
		}
		arg = bindings[i]
	default:
		return Key{}, false
	}
	base := f.key(arg)
	return f.e.normalize(Key{Root: base.Root, Path: base.Path + k.Path}), true
}

// guarded reports whether block b runs only on one side of a branch on a
// bool parameter, as in "if !locked { mu.Lock() }": whether the lock is
// taken there depends on what the caller passes.
func (f *flow) guarded(b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	if g, ok := f.guards[b]; ok {
		return g > 0
	}
	res := false
	for d := b.Idom(); d != nil && !res; d = d.Idom() {
		if len(d.Instrs) == 0 {
			continue
		}
		last, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 || !boolParam(last.Cond) {
			continue
		}
		res = d.Succs[0].Dominates(b) || d.Succs[1].Dominates(b)
	}
	f.guards[b] = -1
	if res {
		f.guards[b] = 1
	}
	return res
}

// everyIteration reports whether block b runs on every iteration of the
// innermost loop around it: it dominates every back edge to the loop's
// header. A lock held around such a loop is locked again for sure; a lock
// taken only on some iterations (if !locked { mu.Lock(); locked = true })
// is not.
func everyIteration(b *ssa.BasicBlock) bool {
	for d := b; d != nil; d = d.Idom() {
		var back []*ssa.BasicBlock
		inside := false
		for _, p := range d.Preds {
			if d.Dominates(p) {
				back = append(back, p)
				inside = inside || b.Dominates(p)
			}
		}
		if len(back) == 0 || !inside && !reaches(b, back, d) {
			continue
		}
		for _, p := range back {
			if !b.Dominates(p) {
				return false
			}
		}
		return true
	}
	return false
}

// reaches reports whether one of targets is reachable from b without
// passing through the loop header h.
func reaches(b *ssa.BasicBlock, targets []*ssa.BasicBlock, h *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{h: true}
	stack := []*ssa.BasicBlock{b}
	for len(stack) > 0 && len(seen) < 4*maxBlocks {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if slices.Contains(targets, x) {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

func boolParam(v ssa.Value) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.NOT {
		v = u.X
	}
	_, ok := v.(*ssa.Parameter)
	return ok
}

// acquire is a Lock or RLock of k in this function.
func (f *flow) acquire(st *state, b *ssa.BasicBlock, k Key, mode Mode, site *Site, abstract, text string, guarded bool) {
	f.check(st, b, k, mode, site, abstract, text, guarded)
	f.order(st, k, abstract, mode, site, text)
	if abstract != "" {
		if _, ok := st.acq[abstract]; !ok && len(st.acq) < maxAcquired {
			st.acq[abstract] = site
		}
		if f.final {
			var relock *Key
			if st.entry[k] && summaryRoot(k) {
				relock = &k
			}
			f.addAcquire(abstract, site, mode, text, relock, released(st, nil))
		}
	}
	st.touched[k] = true
	f.hold(st, k, Fact{Mode: mode, Strength: Must, Site: site, Abstract: abstract, Text: text})
}

func (f *flow) hold(st *state, k Key, fact Fact) {
	if _, ok := st.held[k]; ok || len(st.held) < maxHeld {
		st.held[k] = fact
	}
}

// check records a second acquisition of a held lock, and the first
// acquisition of a lock for the summary.
func (f *flow) check(st *state, b *ssa.BasicBlock, k Key, mode Mode, site *Site, abstract, text string, guarded bool) {
	if !f.final {
		return
	}
	if h, ok := st.held[k]; ok && h.Strength != Weak && stable(k) && !guarded &&
		(h.Strength == Must || everyIteration(b)) {
		f.e.doubleLock(DoubleLock{Fn: f.fn, Held: h, Site: site, Mode: mode, Text: text})
	}
	if summaryRoot(k) && !st.touched[k] && !f.first[k] && len(f.sum.first) < maxFirst {
		f.first[k] = true
		f.sum.first = append(f.sum.first, firstLock{key: k, mode: mode, site: site, abstract: abstract, text: text, guarded: guarded})
	}
	if summaryRoot(k) {
		f.sum.touched[k] = true
	}
}

// order records lock-order edges from the held locks to the abstract lock
// a acquired at site (k is its key, if known), but from the locks in
// outside, which a callee released before it took a.
func (f *flow) order(st *state, k Key, a string, mode Mode, site *Site, text string, outside ...Key) {
	if !f.final || a == "" {
		return
	}
	for hk, h := range st.held {
		if h.Strength != Must || h.Abstract == "" || h.Abstract == a || hk == k || slices.Contains(outside, hk) {
			continue
		}
		pair := [2]string{h.Abstract, a}
		if f.e.edges[pair] {
			continue
		}
		f.e.edges[pair] = true
		f.e.res.Edges = append(f.e.res.Edges, Edge{
			From: h.Abstract, To: a, FromMode: h.Mode, ToMode: mode,
			Fn: f.fn, Held: h.Site, Acquire: site,
		})
	}
}

func (f *flow) addAcquire(a string, site *Site, mode Mode, text string, relock *Key, outside []Key, dyn ...*Dynamic) {
	old, ok := f.sum.acquires[a]
	// Keep the acquisition that orders the most: not a relock, and
	// under every lock the caller holds.
	if (!ok && len(f.sum.acquires) < maxAcquired) || (ok && old.relock != nil && relock == nil) ||
		(ok && (old.relock == nil) == (relock == nil) && len(old.outside) > 0 && len(outside) == 0) {
		x := &acq{site: site, mode: mode, text: text, relock: relock, outside: outside}
		if len(dyn) > 0 {
			x.dyn = dyn[0]
		}
		f.sum.acquires[a] = x
	}
}

// released returns the caller's locks that the function has unlocked, on
// every path so far, and not locked again, with those of outside (keys in
// the function, from a callee) that are the caller's too.
func released(st *state, outside []Key) []Key {
	var out []Key
	for k := range st.entry {
		if _, held := st.held[k]; !held && summaryRoot(k) {
			out = append(out, k)
		}
	}
	for _, k := range outside {
		if summaryRoot(k) && !slices.Contains(out, k) {
			if _, held := st.held[k]; !held {
				out = append(out, k)
			}
		}
	}
	return out
}

func (f *flow) release(st *state, k Key, pos token.Pos) {
	h, held := st.held[k]
	delete(st.held, k)
	if !held && !st.touched[k] {
		st.entry[k] = true
	}
	st.touched[k] = true
	if !held {
		// Unlocking p.mu where p is a phi of a and b may unlock a.mu or
		// b.mu: forget those too (hand-over-hand locking reassigns the
		// variable that names the lock).
		f.releaseAliases(st, k, 0)
	}
	if f.final {
		if summaryRoot(k) {
			f.sum.touched[k] = true
			f.sum.released[k] = struct{}{}
			if !held {
				f.sum.entry[k] = struct{}{}
			}
		}
		r := Release{Pos: pos}
		if held {
			r.LockPos = h.Site.Pos
		}
		if !slices.Contains(f.out.Releases[k], r) {
			f.out.Releases[k] = append(f.out.Releases[k], r)
		}
	}
}

func (f *flow) releaseAliases(st *state, k Key, depth int) {
	phi, ok := k.Root.(*ssa.Phi)
	if !ok || depth > 3 {
		return
	}
	for _, v := range phi.Edges {
		a := f.e.resolve(v)
		ak := f.e.normalize(Key{Root: a.Root, Path: a.Path + k.Path})
		if _, ok := st.held[ak]; ok {
			delete(st.held, ak)
			continue
		}
		f.releaseAliases(st, ak, depth+1)
	}
}

// handoff applies a closure or function that runs later or on another
// goroutine (go f(), a callback): the locks it unlocks without locking
// are the caller's, handed over to it, so the caller no longer holds them.
func (f *flow) handoff(st *state, v ssa.Value, args []ssa.Value) {
	g, bindings := staticFunc(v)
	if g == nil || len(st.held) == 0 {
		return
	}
	in := f.e.analyze(g)
	if in == nil || in.sum == nil {
		return
	}
	for k := range in.sum.entry {
		if k2, ok := f.subst(g, bindings, args, k); ok {
			delete(st.held, k2)
		}
	}
}

func (f *flow) store(st *state, s *ssa.Store) {
	ka := f.e.resolve(s.Addr)
	if !f.roots[ka.Root] {
		return
	}
	for k := range st.held {
		if k.Root == ka.Root {
			if rest, ok := strings.CutPrefix(k.Path, ka.Path); ok && (rest == "" || rest[0] == '*') {
				delete(st.held, k)
			}
		}
	}
}

func (f *flow) ret(st *state, r *ssa.Return) {
	var held []HeldKey
	for k, fact := range st.held {
		held = append(held, HeldKey{Key: k, Fact: fact})
	}
	slices.SortFunc(held, func(a, b HeldKey) int { return int(a.Fact.Site.Pos) - int(b.Fact.Site.Pos) })
	f.out.Returns = append(f.out.Returns, Return{Pos: r.Pos(), Held: held})
}

// closure records the locks that a closure made here releases, with its
// free variables bound.
func (f *flow) closure(mc *ssa.MakeClosure) {
	g, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	in := f.e.analyze(g)
	if in == nil || in.sum == nil {
		return
	}
	for k := range in.sum.released {
		fv, ok := k.Root.(*ssa.FreeVar)
		if !ok {
			if _, global := k.Root.(*ssa.Global); global {
				f.out.ClosureReleases[k] = true
			}
			continue
		}
		i := slices.Index(g.FreeVars, fv)
		if i < 0 || i >= len(mc.Bindings) {
			continue
		}
		base := f.key(mc.Bindings[i])
		f.out.ClosureReleases[f.e.normalize(Key{Root: base.Root, Path: base.Path + k.Path})] = true
	}
}

// chanOp records a channel or WaitGroup operation: as a possible
// unblocker of others, and, if it blocks, as a blocking operation.
func (f *flow) chanOp(st *state, ch ssa.Value, kind string, pos token.Pos, blocks bool) {
	if !f.final {
		return
	}
	obj := f.e.abstract(ch)
	if obj == "" {
		return
	}
	if kind != OpWait {
		f.e.res.Counters = append(f.e.res.Counters, Counter{Fn: f.fn, Pos: pos, Kind: kind, Object: obj, Acquired: maps.Clone(st.acq)})
	}
	if blocks {
		site := &Site{Fn: f.fn, Pos: pos}
		f.blocking(st, site, kind, obj, f.e.text.text(pos))
	}
}

// blocking records a blocking operation under the held locks, and in the
// summary for callers that hold locks.
func (f *flow) blocking(st *state, site *Site, kind, obj, text string) {
	if len(f.sum.blocking) < maxOps {
		f.sum.blocking = append(f.sum.blocking, blockOp{site: site, kind: kind, object: obj, text: text})
	}
	var held []Fact
	for _, h := range st.held {
		if h.Strength == Must && h.Abstract != "" {
			held = append(held, h)
		}
	}
	if len(held) == 0 {
		return
	}
	slices.SortFunc(held, func(a, b Fact) int { return int(a.Site.Pos) - int(b.Site.Pos) })
	f.e.res.Blocking = append(f.e.res.Blocking, Blocking{Fn: f.fn, Site: site, Kind: kind, Object: obj, Text: text, Held: held})
}

func (e *engine) doubleLock(d DoubleLock) {
	pos := d.Site.Inner().Pos
	key := pos
	if d.Dynamic != nil {
		// Reported at the call, one finding per call.
		key = d.Site.Pos
	}
	if e.dedupDL[key] || !e.text.known(pos) {
		return
	}
	e.dedupDL[key] = true
	e.res.DoubleLocks = append(e.res.DoubleLocks, d)
}
