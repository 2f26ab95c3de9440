package waitgroupmisuse

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/flowpath"
)

// This file reports a Wait whose goroutines are blocked on a channel
// operation that only the waiter performs, after the Wait: closing the
// channel they range over, or receiving from the unbuffered channel they
// send on.

type chanKind int

const (
	useRecv chanKind = iota
	useSend
	useClose
	useOther // len, cap, comparisons
)

// chanUse is one operation on a channel.
type chanUse struct {
	instr ssa.Instruction
	kind  chanKind
}

// chanFlow is where a channel made by one make goes: every operation on
// it, by function, and every SSA value that holds it.
type chanFlow struct {
	uses    map[*ssa.Function][]chanUse
	handles map[ssa.Value]bool
	ok      bool // false if the channel may go where the walk cannot follow
}

// maxChanDepth bounds how deep into closures and goroutines a channel is
// followed.
const maxChanDepth = 4

func (cf *chanFlow) use(f *ssa.Function, instr ssa.Instruction, kind chanKind) {
	cf.uses[f] = append(cf.uses[f], chanUse{instr: instr, kind: kind})
}

// value follows v, a value holding the channel in function f.
func (c *checker) chanValue(cf *chanFlow, v ssa.Value, f *ssa.Function, depth int) {
	if !cf.ok || cf.handles[v] {
		return
	}
	cf.handles[v] = true
	refs := v.Referrers()
	if refs == nil || depth > maxChanDepth {
		cf.ok = false
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.ARROW {
				cf.ok = false
				return
			}
			cf.use(f, r, useRecv)
		case *ssa.Send:
			if r.X == v {
				cf.ok = false
				return
			}
			cf.use(f, r, useSend)
		case *ssa.Select:
			for _, st := range r.States {
				if st.Send == v {
					cf.ok = false
					return
				}
				if st.Chan == v {
					kind := useRecv
					if st.Dir == types.SendOnly {
						kind = useSend
					}
					cf.use(f, r, kind)
				}
			}
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				cf.ok = false
				return
			}
			cf.use(f, r, useOther)
		case *ssa.ChangeType: // to a directional channel type
			c.chanValue(cf, r, f, depth)
		case *ssa.Store:
			a, isAlloc := r.Addr.(*ssa.Alloc)
			if r.Val != v || !isAlloc {
				cf.ok = false
				return
			}
			c.chanCell(cf, a, f, depth)
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				cf.ok = false
				return
			}
			for i, b := range r.Bindings {
				if b == v && i < len(fn.FreeVars) {
					c.chanValue(cf, fn.FreeVars[i], fn, depth+1)
				}
			}
		case ssa.CallInstruction:
			common := r.Common()
			if b, ok := common.Value.(*ssa.Builtin); ok {
				switch b.Name() {
				case "close":
					cf.use(f, r, useClose)
				case "len", "cap":
					cf.use(f, r, useOther)
				default:
					cf.ok = false
					return
				}
				continue
			}
			g, isGo := r.(*ssa.Go)
			callee := c.ours(common.StaticCallee())
			if !isGo || callee == nil || common.IsInvoke() || common.Value == v {
				cf.ok = false
				return
			}
			for i, a := range g.Call.Args {
				if a == v && i < len(callee.Params) {
					c.chanValue(cf, callee.Params[i], callee, depth+1)
				}
			}
		default:
			cf.ok = false
			return
		}
	}
}

// chanCell follows a, a variable (an Alloc or a captured FreeVar) holding
// the channel in function f: it must be stored once and only loaded.
func (c *checker) chanCell(cf *chanFlow, a ssa.Value, f *ssa.Function, depth int) {
	if !cf.ok || cf.handles[a] {
		return
	}
	cf.handles[a] = true
	refs := a.Referrers()
	if refs == nil || depth > maxChanDepth {
		cf.ok = false
		return
	}
	stores := 0
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != a || !cf.handles[r.Val] {
				cf.ok = false
				return
			}
			stores++
		case *ssa.UnOp:
			if r.Op != token.MUL {
				cf.ok = false
				return
			}
			c.chanValue(cf, r, f, depth)
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				cf.ok = false
				return
			}
			for i, b := range r.Bindings {
				if b == a && i < len(fn.FreeVars) {
					c.chanCell(cf, fn.FreeVars[i], fn, depth+1)
				}
			}
		default:
			cf.ok = false
			return
		}
	}
	if _, isAlloc := a.(*ssa.Alloc); isAlloc && stores != 1 {
		cf.ok = false
	}
}

// counted is a goroutine started in the waiting function and counted by
// the WaitGroup it waits on.
type counted struct {
	g     *ssa.Function
	start *ssa.Go
	dones []site // g's Done sites on the WaitGroup, in g's terms
}

// waitBlocked reports the Waits of fn whose goroutines are blocked on a
// channel operation that fn performs only after the Wait.
func (c *checker) waitBlocked(fn *ssa.Function) {
	s := c.summary(fn)
	var makes []*ssa.MakeChan
	var gos []*ssa.Go
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MakeChan:
				makes = append(makes, instr)
			case *ssa.Go:
				gos = append(gos, instr)
			}
		}
	}
	if len(makes) == 0 || len(gos) == 0 {
		return
	}
	for _, w := range s.sites[wait] {
		if w.helper != nil || w.deferred {
			continue
		}
		var cs []counted
		for _, gi := range gos {
			g := c.ours(gi.Call.StaticCallee())
			if g == nil || gi.Call.IsInvoke() || !c.reaches(fn, gi, w.instr) {
				continue
			}
			var dones []site
			for _, d := range c.summary(g).sites[done] {
				if !portable(d.key) {
					continue
				}
				if k, ok := translate(d.key, g, gi.Common()); ok && k == w.key {
					dones = append(dones, d)
				}
			}
			if len(dones) > 0 {
				cs = append(cs, counted{g: g, start: gi, dones: dones})
			}
		}
		if len(cs) == 0 {
			continue
		}
		for _, mk := range makes {
			cf := &chanFlow{uses: make(map[*ssa.Function][]chanUse), handles: make(map[ssa.Value]bool), ok: true}
			c.chanValue(cf, mk, fn, 0)
			if !cf.ok {
				continue
			}
			if msg, related := c.blockedOn(fn, w, cs, mk, cf); msg != "" {
				c.report(analysis.Diagnostic{Pos: w.instr.Common().Pos(), Message: msg, Related: related})
				break
			}
		}
	}
}

// blockedOn returns the message for a Wait w whose counted goroutines cs
// are blocked on the channel of mk, or "", and the related positions: the
// go statement of a blocked goroutine, the operation it blocks in, and the
// waiter's operation that comes only after the Wait.
func (c *checker) blockedOn(fn *ssa.Function, w site, cs []counted, mk *ssa.MakeChan, cf *chanFlow) (string, []analysis.RelatedInformation) {
	isCounted := make(map[*ssa.Function]*counted)
	for i := range cs {
		isCounted[cs[i].g] = &cs[i]
	}
	recvOnly, sendOnly := true, true
	var users []*counted
	for f, uses := range cf.uses {
		if f == fn {
			continue
		}
		cg := isCounted[f]
		if cg == nil {
			return "", nil // another goroutine or function may unblock them
		}
		users = append(users, cg)
		for _, u := range uses {
			switch u.kind {
			case useRecv:
				sendOnly = false
			case useSend:
				recvOnly = false
			case useClose:
				return "", nil
			}
		}
	}
	if len(users) == 0 {
		return "", nil
	}
	name := c.chanName(mk)
	wg := c.recvText(w)
	after := func(u chanUse) bool {
		if _, deferred := u.instr.(*ssa.Defer); deferred {
			return true
		}
		return !c.reaches(fn, u.instr, w.instr)
	}
	fnOps := cf.uses[fn]
	switch {
	case recvOnly:
		var blocked *counted
		for _, cg := range users {
			if c.needsClose(cg, cf) {
				blocked = cg
				break
			}
		}
		if blocked == nil {
			return "", nil
		}
		closes := 0
		var closeAt []ssa.Instruction
		for _, u := range fnOps {
			if u.kind == useClose {
				if !after(u) {
					return "", nil
				}
				closes++
				closeAt = append(closeAt, u.instr)
			}
		}
		if closes == 0 {
			return "", nil // never closed: the unclosedrange analyzer's
		}
		related := blockedRelated(blocked, cf, useRecv, "the goroutine waits here for "+name+" to be closed")
		for _, instr := range closeAt {
			related = appendRelated(related, instr.Pos(), "close("+name+") comes only here, after the Wait")
		}
		return wg + ".Wait() waits for goroutines that only finish once " + name + " is closed, but close(" + name +
			") comes after the Wait: it blocks forever; close(" + name + ") before " + wg + ".Wait()", related
	case sendOnly:
		if k, ok := mk.Size.(*ssa.Const); !ok || k.Value == nil || constant.Sign(k.Value) != 0 {
			return "", nil // buffered: the sends may all fit
		}
		var blocked *counted
		for _, cg := range users {
			if c.mustSend(cg, cf) {
				blocked = cg
				break
			}
		}
		if blocked == nil {
			return "", nil
		}
		recvs := 0
		related := blockedRelated(blocked, cf, useSend, "the goroutine blocks here, sending on "+name+" before its Done")
		for _, u := range fnOps {
			if u.kind == useRecv {
				if !after(u) {
					return "", nil
				}
				recvs++
				related = appendRelated(related, u.instr.Pos(), name+" is received from only here, after the Wait")
			}
		}
		what := "which is unbuffered and received from only after the Wait"
		if recvs == 0 {
			what = "which is unbuffered and never received from"
		}
		return wg + ".Wait() waits for goroutines that must first send on " + name + ", " + what +
			": it blocks forever; receive while they run, e.g. wait and close " + name + " in a goroutine of its own and range over " + name + " here", related
	}
	return "", nil
}

// blockedRelated returns the go statement of goroutine cg and its first
// operation of the given kind on the channel of cf.
func blockedRelated(cg *counted, cf *chanFlow, kind chanKind, msg string) []analysis.RelatedInformation {
	related := appendRelated(nil, cg.start.Pos(), "the goroutine is started here")
	var first token.Pos
	for f, uses := range cf.uses {
		if f != cg.g && (f.Parent() == nil || !within(f, cg.g)) {
			continue
		}
		for _, u := range uses {
			if p := u.instr.Pos(); u.kind == kind && p.IsValid() && (!first.IsValid() || p < first) {
				first = p
			}
		}
	}
	return appendRelated(related, first, msg)
}

// within reports whether f is a function literal inside g.
func within(f, g *ssa.Function) bool {
	for p := f.Parent(); p != nil; p = p.Parent() {
		if p == g {
			return true
		}
	}
	return false
}

func appendRelated(rel []analysis.RelatedInformation, pos token.Pos, msg string) []analysis.RelatedInformation {
	if !pos.IsValid() {
		return rel
	}
	return append(rel, analysis.RelatedInformation{Pos: pos, Message: msg})
}

// needsClose reports whether goroutine cg can reach its Done only once the
// channel of cf is closed: every path to the Done leaves a loop receiving
// from the channel through its "closed" branch.
func (c *checker) needsClose(cg *counted, cf *chanFlow) bool {
	ranges := false
	hits := flowpath.SearchEdges(cg.g, nil, c.doneTarget(cg), func(b *ssa.BasicBlock, i int) bool {
		if i == 1 && closedBranch(b, cf) {
			ranges = true
			return false
		}
		return true
	})
	return ranges && len(hits) == 0
}

// mustSend reports whether goroutine cg can reach its Done only after
// sending on the channel of cf.
func (c *checker) mustSend(cg *counted, cf *chanFlow) bool {
	target := c.doneTarget(cg)
	sends := false
	hits := flowpath.Search(cg.g, nil, func(instr ssa.Instruction) flowpath.Step {
		if send, ok := instr.(*ssa.Send); ok && cf.handles[send.Chan] {
			sends = true
			return flowpath.Stop
		}
		return target(instr)
	})
	return sends && len(hits) == 0
}

// doneTarget classifies as Hit the points where goroutine cg is done: its
// returns if its Done is deferred, its Done calls otherwise.
func (c *checker) doneTarget(cg *counted) func(ssa.Instruction) flowpath.Step {
	deferred := false
	at := make(map[ssa.Instruction]bool)
	for _, d := range cg.dones {
		if d.deferred {
			deferred = true
		}
		at[d.instr] = true
	}
	return func(instr ssa.Instruction) flowpath.Step {
		if _, ok := instr.(*ssa.Return); ok && deferred {
			return flowpath.Hit
		}
		if call, ok := instr.(ssa.CallInstruction); ok && at[call] && !deferred {
			return flowpath.Hit
		}
		return flowpath.Pass
	}
}

// closedBranch reports whether b ends by testing the ok of a receive from
// the channel of cf, so that its Succs[1] is taken once it is closed.
func closedBranch(b *ssa.BasicBlock, cf *chanFlow) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	ext, ok := cond.Cond.(*ssa.Extract)
	if !ok || ext.Index != 1 {
		return false
	}
	recv, ok := ext.Tuple.(*ssa.UnOp)
	return ok && recv.Op == token.ARROW && recv.CommaOk && cf.handles[recv.X]
}

// chanName returns the name of the variable that mk's channel is assigned
// to, or a description.
func (c *checker) chanName(mk *ssa.MakeChan) string {
	if refs := mk.Referrers(); refs != nil {
		for _, r := range *refs {
			if st, ok := r.(*ssa.Store); ok {
				if a, ok := st.Addr.(*ssa.Alloc); ok && a.Comment != "" {
					return a.Comment
				}
			}
		}
	}
	if name := c.names[mk.Pos()]; name != "" {
		return name
	}
	return "the channel"
}

// waitFor returns the Wait that the Done of goroutine g on the WaitGroup of
// k is meant to release: a Wait on it in the function that starts g (when
// g is a function literal, whose starter is its parent), after the go
// statement. It returns token.NoPos if there is none to be seen.
func (c *checker) waitFor(g *ssa.Function, k key) token.Pos {
	parent := g.Parent()
	if parent == nil || !portable(k) {
		return token.NoPos
	}
	waits := c.summary(parent).sites[wait]
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			gi, ok := instr.(*ssa.Go)
			if !ok || c.ours(gi.Call.StaticCallee()) != g {
				continue
			}
			pk, ok := translate(k, g, gi.Common())
			if !ok {
				continue
			}
			for _, w := range waits {
				if w.key == pk && c.reaches(parent, gi, w.instr) {
					return w.instr.Common().Pos()
				}
			}
		}
	}
	return token.NoPos
}
