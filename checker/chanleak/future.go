package chanleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/chanflow"
)

// Cross-method channel protocols: the Future, Promise and
// CompletableFuture ports. A function makes an unbuffered channel, keeps it
// in a struct or returns it, and leaves the send to code that runs for that
// one value (a goroutine it starts, a callback it hands out, a method that
// goroutine calls); another function receives. The send then blocks forever
// when the receiver gives up (a context, a timer, a cancel channel) or is
// never called (the caller drops the handle).
//
// "May never be called" is read narrowly, so that correct code that always
// calls Get stays quiet: the rule reports a receive with a give-up path, or
// a call in the package that drops the value its goroutine sends on. A
// receive that always waits is taken as served; a long-lived channel sent
// on by methods any caller can run (a request queue) is not a future.

// ownerDepth bounds how far ownedBy follows calls from the function that
// makes the channel.
const ownerDepth = 3

// ownedBy reports whether f runs only on behalf of a call of fn, off fn's
// own goroutine: f is a function literal of fn (at any depth), the target
// of a go statement in fn, or a function whose every caller is such code.
func (c *checker) ownedBy(f, fn *ssa.Function, depth int) bool {
	if f == fn {
		return false
	}
	key := ownerKey{f, fn, depth}
	if v, ok := c.owned[key]; ok {
		return v
	}
	v := c.ownedByUncached(f, fn, depth)
	c.owned[key] = v
	return v
}

type ownerKey struct {
	f, fn *ssa.Function
	depth int
}

func (c *checker) ownedByUncached(f, fn *ssa.Function, depth int) bool {
	for p := f.Parent(); p != nil; p = p.Parent() {
		if p == fn {
			return true
		}
	}
	if depth == 0 || !c.res.CallersKnown(f) {
		return false
	}
	sites := c.res.CallSites(f)
	if len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if _, ok := s.(*ssa.Go); ok && s.Parent() == fn {
			continue
		}
		if !c.ownedBy(s.Parent(), fn, depth-1) {
			return false
		}
	}
	return true
}

// futureSends splits the ops of class k by the make each serves: the sends
// that code owned by the make's function performs. It fails (ok false) when
// some send belongs to no make, or some receive to one: k is then not a
// one-value-per-make protocol.
func (c *checker) futureSends(k *chanflow.Class) (sends map[*ssa.MakeChan][]*chanflow.Op, recvs []*chanflow.Op, ok bool) {
	sends = make(map[*ssa.MakeChan][]*chanflow.Op)
	for _, op := range k.Ops {
		var owner *ssa.MakeChan
		for _, m := range k.Makes {
			if c.ownedBy(op.Fn, m.Parent(), ownerDepth) {
				owner = m
				break
			}
		}
		switch op.Kind {
		case chanflow.Send:
			if owner == nil {
				return nil, nil, false
			}
			sends[owner] = append(sends[owner], op)
		case chanflow.Recv:
			if owner != nil {
				return nil, nil, false
			}
			for _, m := range k.Makes {
				if op.Fn == m.Parent() {
					return nil, nil, false
				}
			}
			recvs = append(recvs, op)
		}
	}
	return sends, recvs, len(sends) > 0
}

// giveUp is a select case beside a receive of the future: taking it, the
// receiving function returns without receiving.
type giveUp struct {
	recv *chanflow.Op
	pos  token.Pos // the case's channel operation
	ret  token.Pos // the return it reaches
}

// futures reports the blocking sends on a channel whose every receiver
// may have given up: a Future's Get that returns on ctx.Done() or a timer,
// or a service loop that returns on its stop channel while methods still
// send requests to it (etcd#6857, istio#17860).
func (c *checker) futures(k *chanflow.Class) {
	if k.External || k.EscRecv || len(k.Makes) == 0 || !unbuffered(k) {
		return
	}
	sends, recvs, future := c.futureSends(k)
	if !future {
		// Not one value per make: sends from anywhere, such as requests
		// to a loop.
		sends, recvs = map[*ssa.MakeChan][]*chanflow.Op{}, nil
		for _, op := range k.Ops {
			switch op.Kind {
			case chanflow.Send:
				if c.testDriven(op.Fn) {
					continue // the test itself drives the protocol
				}
				sends[nil] = append(sends[nil], op)
			case chanflow.Recv:
				if isTest(op.Fn) {
					continue // a test that stops listening has ended
				}
				recvs = append(recvs, op)
			}
		}
	}
	if len(recvs) == 0 || len(sends) == 0 {
		return
	}
	if len(k.Makes) == 1 {
		// The channel stays within the function that makes it and its
		// function literals: the goroutines rule follows it there.
		local := true
		for _, op := range k.Ops {
			local = local && root(op.Fn) == root(k.Makes[0].Parent())
		}
		if local {
			return
		}
	}
	roots := make(map[*ssa.Function]bool)
	for _, ops := range sends {
		for _, op := range ops {
			c.addRoots(roots, op.Fn, 2)
		}
	}
	var g *giveUp
	for _, r := range recvs {
		if g = c.givesUp(k, r, roots); g != nil {
			break
		}
	}
	if g == nil {
		return
	}
	receivers := make(map[*ssa.Function]bool)
	for _, r := range recvs {
		receivers[r.Fn] = true
	}
	rname := funcName(g.recv.Fn)
	short := shortName(g.recv.Fn)
	only := fmt.Sprintf("only %s receives from it", short)
	if len(receivers) > 1 {
		only = fmt.Sprintf("%s is one of %d functions that receive from it", short, len(receivers))
	}
	for m, ops := range sends {
		once := m != nil && c.oneSend(m, ops)
		for _, op := range ops {
			if !op.Blocking() || op.Fn == g.recv.Fn {
				continue
			}
			name, _ := c.name(op)
			fix := "make this send a select that also waits on a channel closed when " + short + " gives up (a done channel, or the context it gives up on)"
			if m == nil && replyChannel(k, receivers) {
				fix = fmt.Sprintf("give the channel a buffer of 1 where %s makes it, so that this reply never waits, or make this send a select that also waits on a channel closed when %s gives up",
					short, short)
			}
			if m != nil {
				fix = fmt.Sprintf("give %s a buffer of 1, or make the sender select on a done channel that the receiver closes when it gives up", name)
			}
			msg := fmt.Sprintf("this send on %s blocks forever once %s gives up: %s, and its %s case at line %d returns without receiving; %s",
				name, rname, only, c.caseText(g.pos), c.line(g.pos), fix)
			var fixes []analysis.SuggestedFix
			if once {
				fixes = c.bufferFix(m)
			}
			rel := []analysis.RelatedInformation{
				{Pos: g.pos, Message: fmt.Sprintf("%s can take this case instead of receiving", short)},
			}
			if g.ret.IsValid() {
				rel = append(rel, analysis.RelatedInformation{Pos: g.ret, Message: fmt.Sprintf("%s returns here without receiving from %s", short, name)})
			}
			if m != nil && m.Pos().IsValid() {
				rel = append(rel, analysis.RelatedInformation{Pos: m.Pos(), Message: "the channel is made here, without a buffer"})
			}
			c.report(analysis.Diagnostic{Pos: op.Pos, Message: msg, SuggestedFixes: fixes, Related: rel})
		}
	}
}

// replyChannel reports whether every channel of k is made by a function
// that receives from it: a reply channel, made per request and sent along
// with it, which gets one reply.
func replyChannel(k *chanflow.Class, receivers map[*ssa.Function]bool) bool {
	for _, m := range k.Makes {
		if !receivers[m.Parent()] {
			return false
		}
	}
	return true
}

// root returns the declared function that f is a literal of, or f.
func root(f *ssa.Function) *ssa.Function {
	for f.Parent() != nil {
		f = f.Parent()
	}
	return f
}

// givesUp returns a case of the select of receive r that leads its
// function to return without receiving from k, if there is one. A case on
// a sibling channel, one that the senders' own code sends on or closes
// (the error channel beside the result channel), is part of the protocol:
// the sender sends on one or the other.
func (c *checker) givesUp(k *chanflow.Class, r *chanflow.Op, roots map[*ssa.Function]bool) *giveUp {
	sel := r.Select
	if sel == nil || !sel.Blocking || len(sel.States) < 2 {
		return nil
	}
	if from, j, ok := chanflow.SelectCase(sel, r.Case); ok && failsTest(from.Succs[j]) {
		// A test that fails when a value arrives expects none: the
		// select checks that nothing is sent, and receives nothing.
		return nil
	}
	for i, st := range sel.States {
		if i == r.Case || st.Dir != types.RecvOnly {
			continue
		}
		if sk := c.res.ClassOf(st.Chan); sk != nil && (sk == k || c.sibling(sk, roots)) {
			continue
		}
		from, j, ok := chanflow.SelectCase(sel, i)
		if !ok {
			continue
		}
		// A give-up: a case on a signal (a context, a timer, a channel
		// only ever closed) that leads to a return, or any case whose body
		// returns straight away. A case on a data channel that returns
		// only on some error path later is the loop's business.
		sk := c.res.ClassOf(st.Chan)
		signal := sk == nil || sk.External || !sk.Has(chanflow.Send)
		if !signal && !returnsStraight(from.Succs[j]) {
			continue
		}
		if ret, ok := c.returnsWithout(r.Fn, from.Succs[j], k); ok {
			return &giveUp{recv: r, pos: st.Pos, ret: ret}
		}
	}
	return nil
}

// addRoots adds to roots the declared function that f is a literal of, and
// those of the functions that call it in the same goroutine (plain calls,
// not go statements), up to depth levels: the code on whose behalf f runs.
func (c *checker) addRoots(roots map[*ssa.Function]bool, f *ssa.Function, depth int) {
	r := root(f)
	roots[r] = true
	if depth == 0 {
		return
	}
	for _, s := range c.res.CallSites(r) {
		if _, ok := s.(*ssa.Call); ok {
			c.addRoots(roots, s.Parent(), depth-1)
		}
	}
}

// returnsStraight reports whether the code from block b on returns
// without a branch.
func returnsStraight(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	for b != nil && !seen[b] {
		seen[b] = true
		if n := len(b.Instrs); n > 0 {
			if _, ok := b.Instrs[n-1].(*ssa.Return); ok {
				return true
			}
		}
		if len(b.Succs) != 1 {
			return false
		}
		b = b.Succs[0]
	}
	return false
}

// isTest reports whether fn is a test, benchmark or fuzz function, or a
// function literal inside one: code that drives a protocol step by step,
// where a send that blocks shows as a hung test rather than a leak.
func isTest(fn *ssa.Function) bool {
	fn = root(fn)
	name := fn.Name()
	if fn.Signature.Params().Len() != 1 {
		return false // a method too: suites such as func (s) TestX(t *testing.T)
	}
	if !strings.HasPrefix(name, "Test") && !strings.HasPrefix(name, "Benchmark") && !strings.HasPrefix(name, "Fuzz") {
		return false
	}
	p, ok := types.Unalias(fn.Signature.Params().At(0).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}

// testDriven reports whether f is a test or a helper that only tests
// call.
func (c *checker) testDriven(f *ssa.Function) bool {
	if isTest(f) {
		return true
	}
	r := root(f)
	sites := c.res.CallSites(r)
	if !c.res.CallersKnown(r) || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if !isTest(s.Parent()) {
			return false
		}
	}
	return true
}

// failsTest reports whether the code from block b on, as far as it runs
// straight, reports a test failure.
func failsTest(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	for b != nil && !seen[b] {
		seen[b] = true
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && testFailure(call.Common()) {
				return true
			}
		}
		if len(b.Succs) != 1 {
			return false
		}
		b = b.Succs[0]
	}
	return false
}

// sibling reports whether class sk is sent on or closed by the code on
// whose behalf the sends of the class at hand run.
func (c *checker) sibling(sk *chanflow.Class, roots map[*ssa.Function]bool) bool {
	for _, op := range sk.Ops {
		if op.Kind == chanflow.Recv {
			continue
		}
		mine := make(map[*ssa.Function]bool)
		c.addRoots(mine, op.Fn, 2)
		for f := range mine {
			if roots[f] {
				return true
			}
		}
	}
	return false
}

// returnsWithout reports whether a path from block start reaches a return
// of fn without receiving from class k, either itself or in a function it
// calls or starts. It returns the position of that return.
func (c *checker) returnsWithout(fn *ssa.Function, start *ssa.BasicBlock, k *chanflow.Class) (token.Pos, bool) {
	recvIn := make(map[ssa.Instruction]bool)
	recvFn := make(map[*ssa.Function]bool)
	for _, op := range k.Ops {
		if op.Kind != chanflow.Recv {
			continue
		}
		recvFn[op.Fn] = true
		if op.Fn == fn {
			recvIn[op.Instr] = true
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok {
				if callee := d.Call.StaticCallee(); callee != nil && recvFn[callee] {
					return token.NoPos, false // a deferred drain serves it
				}
			}
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	stack := []*ssa.BasicBlock{start}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		stopped := false
	instrs:
		for _, instr := range b.Instrs {
			if recvIn[instr] {
				stopped = true
				break
			}
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if testFailure(instr.Common()) {
					stopped = true
					break instrs
				}
				if callee := instr.Common().StaticCallee(); callee != nil && recvFn[callee] {
					stopped = true
					break instrs
				}
			case *ssa.Panic:
				stopped = true
				break instrs
			case *ssa.Return:
				pos := instr.Pos()
				if !pos.IsValid() {
					if body := funcBody(fn); body != nil {
						pos = body.Rbrace
					}
				}
				return pos, true
			}
		}
		if !stopped {
			stack = append(stack, b.Succs...)
		}
	}
	return token.NoPos, false
}

// oneSend reports whether each channel m makes gets at most one send:
// a single function of the sender side sends, at most once per call, and
// it runs once per call of m's function (the target of one go statement
// outside any loop).
func (c *checker) oneSend(m *ssa.MakeChan, ops []*chanflow.Op) bool {
	f := ops[0].Fn
	for _, op := range ops[1:] {
		if op.Fn != f {
			return false
		}
	}
	n := c.res.LoopsOf(f).MaxPerCall(f, func(b *ssa.BasicBlock) int {
		count := 0
		for _, op := range ops {
			if op.Instr.Block() == b {
				count++
			}
		}
		return count
	})
	if n != 1 {
		return false
	}
	fn := m.Parent()
	for depth := 0; f != fn && depth < ownerDepth; depth++ {
		sites := c.res.CallSites(f)
		if len(sites) != 1 || (f.Parent() != nil && takenClosure(f)) {
			return false
		}
		s := sites[0]
		if c.res.LoopsOf(s.Parent()).Cyclic[s.Block().Index] {
			return false
		}
		if _, ok := s.(*ssa.Go); ok && s.Parent() == fn {
			return true
		}
		f = s.Parent()
	}
	return false
}

// takenClosure reports whether function literal f is used as a value
// other than by calling it or starting it at once: a callback handed to
// code that may call it any number of times.
func takenClosure(f *ssa.Function) bool {
	var rands []*ssa.Value
	for _, b := range f.Parent().Blocks {
		for _, instr := range b.Instrs {
			var callee ssa.Value
			if call, ok := instr.(ssa.CallInstruction); ok {
				callee = call.Common().Value
			}
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(f) {
				for _, ref := range *mc.Referrers() {
					if call, ok := ref.(ssa.CallInstruction); !ok || call.Common().Value != ssa.Value(mc) {
						return true
					}
				}
				continue
			}
			for _, r := range instr.Operands(rands[:0]) {
				if *r == ssa.Value(f) && *r != callee {
					return true
				}
			}
		}
	}
	return false
}

// dropped reports the sends of goroutines whose channel their starter
// returns, at a call in the package that drops the result (moby#4395).
func (c *checker) dropped(k *chanflow.Class) {
	if k.External || len(k.Makes) == 0 || !unbuffered(k) {
		return
	}
	sends, _, ok := c.futureSends(k)
	if !ok {
		return
	}
	for m, ops := range sends {
		fn := m.Parent()
		idx, what, ok := c.returned(fn, m, k)
		if !ok {
			continue
		}
		var drop ssa.CallInstruction
		var early token.Pos // where drop's function returns without using the result
		for _, site := range c.res.CallSites(fn) {
			call, ok := site.(*ssa.Call)
			if !ok || (drop != nil && call.Pos() > drop.Pos()) {
				continue
			}
			result := resultValue(call, idx, fn.Signature.Results().Len())
			if result == nil {
				drop, early = call, token.NoPos
				continue
			}
			if ret, ok := c.returnsUnused(call, result); ok {
				drop, early = call, ret
			}
		}
		if drop == nil {
			continue
		}
		once := c.oneSend(m, ops)
		for _, op := range ops {
			if !op.Blocking() {
				continue
			}
			name, _ := c.name(op)
			how := fmt.Sprintf("the call at line %d drops the result", c.line(drop.Pos()))
			if early.IsValid() {
				how = fmt.Sprintf("the function that calls it at line %d can return at line %d without using the result", c.line(drop.Pos()), c.line(early))
			}
			msg := fmt.Sprintf("this send waits for a receive from the %s that %s returns, but %s: nothing will receive, so the send blocks forever; give %s a buffer of 1, or use the result on every path",
				what, fn.Name(), how, name)
			var fixes []analysis.SuggestedFix
			if once {
				fixes = c.bufferFix(m)
			}
			rel := []analysis.RelatedInformation{{Pos: drop.Pos(), Message: fmt.Sprintf("the result of %s is dropped here", fn.Name())}}
			if early.IsValid() {
				rel = []analysis.RelatedInformation{
					{Pos: drop.Pos(), Message: fmt.Sprintf("%s is called here", fn.Name())},
					{Pos: early, Message: fmt.Sprintf("the caller returns here without using the result of %s", fn.Name())},
				}
			}
			c.report(analysis.Diagnostic{Pos: op.Pos, Message: msg, SuggestedFixes: fixes, Related: rel})
		}
	}
}

// resultValue returns the value of result idx (of n) of call, or nil if
// nothing uses it.
func resultValue(call *ssa.Call, idx, n int) ssa.Value {
	refs := call.Referrers()
	if refs == nil {
		return nil
	}
	for _, ref := range *refs {
		if _, ok := ref.(*ssa.DebugRef); ok {
			continue
		}
		if n == 1 {
			return call
		}
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == idx {
			if len(*ex.Referrers()) == 0 {
				return nil
			}
			return ex
		}
	}
	return nil
}

// returnsUnused reports whether a path from call to a return of its
// function never uses v, the call's result: the caller abandons it.
func (c *checker) returnsUnused(call *ssa.Call, v ssa.Value) (token.Pos, bool) {
	uses := make(map[ssa.Instruction]bool)
	for _, ref := range *v.Referrers() {
		if _, ok := ref.(*ssa.DebugRef); !ok {
			uses[ref] = true
		}
	}
	fn := call.Parent()
	scan := func(instrs []ssa.Instruction) (token.Pos, bool, bool) { // return pos, found, stop
		for _, instr := range instrs {
			if uses[instr] {
				return token.NoPos, false, true
			}
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if testFailure(instr.Common()) {
					return token.NoPos, false, true
				}
			case *ssa.Panic:
				return token.NoPos, false, true
			case *ssa.Return:
				pos := instr.Pos()
				if !pos.IsValid() {
					if body := funcBody(fn); body != nil {
						pos = body.Rbrace
					}
				}
				return pos, true, true
			}
		}
		return token.NoPos, false, false
	}
	b := call.Block()
	for i, instr := range b.Instrs {
		if instr == ssa.Instruction(call) {
			if pos, found, stop := scan(b.Instrs[i+1:]); stop {
				return pos, found
			}
			break
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if pos, found, stop := scan(x.Instrs); stop {
			if found {
				return pos, true
			}
			continue
		}
		stack = append(stack, x.Succs...)
	}
	return token.NoPos, false
}

// returned finds the result of fn that carries channel m: the channel
// itself, or a struct pointer whose field holds it. It fails unless every
// return gives that result and the value reaches nothing else than fn's
// sender side and the result.
func (c *checker) returned(fn *ssa.Function, m *ssa.MakeChan, k *chanflow.Class) (int, string, bool) {
	idx, what := -1, ""
	var carrier ssa.Value
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		found := -1
		for i, r := range ret.Results {
			v := stored(r)
			if v == ssa.Value(m) {
				found, what, carrier = i, "channel", v
				break
			}
			if a, ok := v.(*ssa.Alloc); ok && c.holds(a, m) {
				found, what, carrier = i, "channel in the *"+typeName(a.Type()), v
				break
			}
		}
		if found < 0 || (idx >= 0 && found != idx) {
			return 0, "", false
		}
		idx = found
	}
	if idx < 0 || !c.confined(m, fn, carrier, 0) || (carrier != ssa.Value(m) && !c.confined(carrier, fn, carrier, 0)) {
		return 0, "", false
	}
	return idx, what, true
}

// stored returns the value a load from a local variable holds, if the
// variable is assigned once; otherwise v itself.
func stored(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	var val ssa.Value
	for _, ref := range *cell.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == ssa.Value(cell) {
			if val != nil {
				return v
			}
			val = st.Val
		}
	}
	if val == nil {
		return v
	}
	return val
}

// confined reports whether value v of fn reaches only the result, field
// accesses, local variables, and code of fn's sender side: nothing else
// can receive from the channel it holds or carries.
func (c *checker) confined(v ssa.Value, fn *ssa.Function, carrier ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.Return, *ssa.DebugRef, *ssa.FieldAddr, *ssa.Field, *ssa.Send:
		case *ssa.MakeClosure:
			if !c.ownedBy(ref.Fn.(*ssa.Function), fn, ownerDepth) {
				return false
			}
		case *ssa.Store:
			if ref.Val != v {
				continue // a store into v
			}
			switch addr := ref.Addr.(type) {
			case *ssa.Alloc:
				if !c.confined(addr, fn, carrier, depth+1) {
					return false
				}
			case *ssa.FieldAddr:
				if stored(addr.X) != carrier {
					return false
				}
			default:
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL || !c.confined(ref, fn, carrier, depth+1) {
				return false
			}
		case ssa.CallInstruction:
			callee := ref.Common().StaticCallee()
			if callee == nil || !c.ownedBy(callee, fn, ownerDepth) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// holds reports whether channel m is stored into a field of a.
func (c *checker) holds(a *ssa.Alloc, m *ssa.MakeChan) bool {
	for _, ref := range *m.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok {
			continue
		}
		if fa, ok := st.Addr.(*ssa.FieldAddr); ok && stored(fa.X) == ssa.Value(a) {
			return true
		}
	}
	return false
}

// typeName returns the name of the type a pointer points to.
func typeName(t types.Type) string {
	if n, ok := derefNamed(t); ok {
		return n.Obj().Name()
	}
	return "value"
}

func derefNamed(t types.Type) (*types.Named, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return n, ok
}

// shortName returns how a message names fn once funcName has named it.
func shortName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal"
	}
	return fn.Name()
}

// funcName returns how a message names fn: Name, or (*T).Name for a method.
func funcName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal in " + funcName(root(fn))
	}
	sig := fn.Signature
	if sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	star := ""
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		star = "*"
	}
	if n, ok := derefNamed(t); ok {
		return fmt.Sprintf("(%s%s).%s", star, n.Obj().Name(), fn.Name())
	}
	return fn.Name()
}

// caseText returns the source of the select case whose channel operation
// is at pos, as <-ch.
func (c *checker) caseText(pos token.Pos) string {
	for _, f := range c.res.Files() {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && u.OpPos == pos {
				return "<-" + types.ExprString(u.X)
			}
		}
	}
	return "other"
}
