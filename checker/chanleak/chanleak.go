// Package chanleak defines an Analyzer that reports goroutines and
// operations that can block forever on a channel.
package chanleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/chanflow"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines and operations that can block forever on a
// channel.
var Analyzer = &analysis.Analyzer{
	Name:     "chanleak",
	Doc:      analyzerdoc.MustExtract(doc, "chanleak"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/chanleak",
	Requires: []*analysis.Analyzer{chanflow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
	if len(res.Classes) == 0 {
		return nil, nil
	}
	c := &checker{pass: pass, res: res, generated: make(map[*token.File]bool), reported: make(map[token.Pos]bool), owned: make(map[ownerKey]bool)}
	for _, f := range pass.Files {
		if generated.Skip(pass.Fset, f) {
			c.generated[pass.Fset.File(f.FileStart)] = true
		}
	}
	for _, k := range res.Classes {
		c.certain(k)
		c.futures(k)
		c.dropped(k)
	}
	for _, fn := range res.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if m, ok := instr.(*ssa.MakeChan); ok {
					c.goroutines(fn, m)
				}
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass      *analysis.Pass
	res       *chanflow.Result
	generated map[*token.File]bool
	reported  map[token.Pos]bool
	owned     map[ownerKey]bool // ownedBy, computed once
}

func (c *checker) report(d analysis.Diagnostic) {
	if !d.Pos.IsValid() || c.reported[d.Pos] || c.generated[c.pass.Fset.File(d.Pos)] {
		return
	}
	c.reported[d.Pos] = true
	c.pass.Report(d)
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// name returns how a message calls the channel an op uses, and how a fix
// that closes it can name it ("" if it cannot).
func (c *checker) name(op *chanflow.Op) (name, closable string) { return c.res.Name(op.Pos) }

// certain reports the ops of class k that block forever whatever the
// scheduling: a channel that is always nil, never sent on or closed, or
// never received from.
func (c *checker) certain(k *chanflow.Class) {
	if k.External {
		return
	}
	if len(k.Makes) == 0 {
		// A field or package variable may be set by the package's tests,
		// which this pass of the package does not see: a test hook.
		if !k.Nil || k.Stored {
			return // no value ever flows in: dead code
		}
		for _, op := range k.Ops {
			if !op.Blocking() || op.Kind == chanflow.Close {
				continue
			}
			verb := "receive from"
			if op.Kind == chanflow.Send {
				verb = "send on"
			}
			if op.Range {
				verb = "range over"
			}
			name, _ := c.name(op)
			c.report(analysis.Diagnostic{
				Pos: op.Pos,
				Message: fmt.Sprintf("%s is nil on every path: a %s a nil channel blocks forever; assign it make(chan ...) first (use select {} to block on purpose)",
					name, verb),
			})
		}
		return
	}
	if !k.EscSend && !k.Has(chanflow.Send) && !k.Has(chanflow.Close) {
		for _, op := range k.Ops {
			if op.Kind != chanflow.Recv || !op.Blocking() || op.CommaOk || blockOnPurpose(op) {
				continue // unclosedrange reports loops that wait for close
			}
			name, closable := c.name(op)
			fix := "close it"
			if closable != "" {
				fix = "close(" + closable + ")"
			}
			c.report(analysis.Diagnostic{
				Pos: op.Pos,
				Message: fmt.Sprintf("nothing in this package sends on or closes %s: this receive blocks forever; %s where the work it waits for ends",
					name, fix),
				Related: madeHere(k, closable),
			})
		}
	}
	if !k.EscRecv && !k.Len && !k.Has(chanflow.Recv) && mayBeUnbuffered(k) {
		for _, op := range k.Ops {
			if op.Kind != chanflow.Send || !op.Blocking() || afterClose(op, k) {
				continue
			}
			name, closable := c.name(op)
			when := "blocks forever"
			if !unbuffered(k) {
				when = "blocks forever once the buffer is full"
			}
			c.report(analysis.Diagnostic{
				Pos: op.Pos,
				Message: fmt.Sprintf("nothing in this package receives from %s: this send %s; receive from it, or drop the send",
					name, when),
				Related: madeHere(k, closable),
			})
		}
	}
}

// madeHere returns the make of a class made in one place, as the related
// position of a finding about its channel, which code can name closable
// ("" if it cannot be named so simply).
func madeHere(k *chanflow.Class, closable string) []analysis.RelatedInformation {
	if len(k.Makes) != 1 || !k.Makes[0].Pos().IsValid() {
		return nil
	}
	if closable == "" {
		closable = "the channel"
	}
	return []analysis.RelatedInformation{{Pos: k.Makes[0].Pos(), Message: closable + " is made here"}}
}

// afterClose reports whether send op always comes after a close of its
// channel in the same function: it panics rather than blocks.
func afterClose(op *chanflow.Op, k *chanflow.Class) bool {
	for _, cl := range k.Ops {
		if cl.Kind != chanflow.Close || cl.Deferred || cl.Fn != op.Fn {
			continue
		}
		cb, sb := cl.Instr.Block(), op.Instr.Block()
		if cb != sb {
			if cb.Dominates(sb) {
				return true
			}
			continue
		}
		for _, instr := range sb.Instrs {
			if instr == cl.Instr {
				return true
			}
			if instr == op.Instr {
				break
			}
		}
	}
	return false
}

// blockOnPurpose reports whether op is <-make(chan T), or a receive from a
// channel made only for it: a deliberate way to block forever.
func blockOnPurpose(op *chanflow.Op) bool {
	m, ok := op.Chan.(*ssa.MakeChan)
	return ok && len(*m.Referrers()) == 1
}

// unbuffered reports whether every channel of k is unbuffered.
func unbuffered(k *chanflow.Class) bool {
	for _, m := range k.Makes {
		if n, ok := constSize(m); !ok || n != 0 {
			return false
		}
	}
	return true
}

// mayBeUnbuffered reports whether some channel of k may have no buffer:
// its capacity is zero or not a constant.
func mayBeUnbuffered(k *chanflow.Class) bool {
	for _, m := range k.Makes {
		if n, ok := constSize(m); !ok || n == 0 {
			return true
		}
	}
	return false
}

func constSize(m *ssa.MakeChan) (int64, bool) {
	k, ok := m.Size.(*ssa.Const)
	if !ok || k.Value == nil {
		return 0, false
	}
	return k.Int64(), true
}

// A count of sends or receives; chanflow.Many is unbounded.
const maxCount = 8

func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a == chanflow.Many || b == chanflow.Many || a*b > maxCount {
		return chanflow.Many
	}
	return a * b
}

func add(a, b int) int {
	if a == chanflow.Many || b == chanflow.Many || a+b > maxCount {
		return chanflow.Many
	}
	return a + b
}

// side says which way round the goroutines and their starter use a
// channel.
type side uint8

const (
	sender   side = iota // goroutines send, the starter receives
	receiver             // goroutines receive, the starter sends or closes
)

// leak is the goroutine side of a channel made in one function.
type leak struct {
	fn     *ssa.Function // the function that makes the channel and starts the goroutines
	m      *ssa.MakeChan
	cap    int64
	side   side
	counts map[*ssa.Go]int    // per go statement, the ops its goroutines can block in
	looped map[*ssa.Go]uint64 // go statements in a loop: counts holds the whole loop's, added once
	blocks []*chanflow.Op     // the goroutines' blocking ops
	total  int                // ops of all goroutines, or Many

	needsClose  bool                             // the goroutines receive until the channel is closed
	conditional bool                             // some goroutine may return without its send or receive
	serve       map[ssa.Instruction]*chanflow.Op // the starter's ops that serve the goroutines
	selects     []*chanflow.Op                   // the starter's serving ops that are select cases
	closes      map[ssa.Instruction]bool         // closes, including deferred ones
}

// goroutines reports the goroutines started by fn that can block forever
// on channel m because fn can return without serving them.
func (c *checker) goroutines(fn *ssa.Function, m *ssa.MakeChan) {
	k := c.res.ClassOf(m)
	if k == nil || len(k.Makes) != 1 || !k.Closed() {
		return
	}
	size, ok := constSize(m)
	if !ok {
		return // a computed capacity: trust that it counts the senders
	}
	l := &leak{fn: fn, m: m, cap: size, counts: make(map[*ssa.Go]int), looped: make(map[*ssa.Go]uint64),
		serve: make(map[ssa.Instruction]*chanflow.Op), closes: make(map[ssa.Instruction]bool)}

	targets, deferred := c.goStatements(fn)
	parent, child, ok := l.splitOps(k, targets, deferred)
	if !ok || len(child) == 0 {
		return
	}
	if !c.goroutineSide(l, targets, child) || !l.starterOps(parent) {
		return
	}
	if len(l.serve)+len(l.selects)+len(l.closes) == 0 {
		return // nothing serves it at all: the "certain" rules apply
	}
	if l.side == receiver && l.needsClose && len(l.closes) == 0 {
		return // never closed: unclosedrange reports it
	}
	c.countGoroutines(l, targets, child)
	if l.side == sender && l.total != chanflow.Many && int64(l.total) <= size {
		return // the buffer holds every send
	}
	ret, reason, found := c.search(l)
	if !found {
		return
	}
	c.reportLeak(l, ret, reason)
}

// goStatements returns which go statements of fn start each function
// other than fn, and which defer statements of fn defer each closure of fn.
func (c *checker) goStatements(fn *ssa.Function) (map[*ssa.Function][]*ssa.Go, map[*ssa.Function]*ssa.Defer) {
	targets := make(map[*ssa.Function][]*ssa.Go)
	deferred := make(map[*ssa.Function]*ssa.Defer)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Go:
				if g := c.res.GoTarget(instr); g != nil && g != fn {
					targets[g] = append(targets[g], instr)
				}
			case *ssa.Defer:
				if d := instr.Call.StaticCallee(); d != nil && d.Parent() == fn {
					deferred[d] = instr
				}
			}
		}
	}
	return targets, deferred
}

// splitOps sorts the ops of channel class k into the starter's (parent),
// the started goroutines' per function (child), and closes in deferred
// closures (recorded in l.closes). It reports false if the channel is used
// anywhere else: someone else may serve it.
func (l *leak) splitOps(k *chanflow.Class, targets map[*ssa.Function][]*ssa.Go, deferred map[*ssa.Function]*ssa.Defer) ([]*chanflow.Op, map[*ssa.Function][]*chanflow.Op, bool) {
	var parent []*chanflow.Op
	child := make(map[*ssa.Function][]*chanflow.Op)
	for _, op := range k.Ops {
		switch {
		case op.Fn == l.fn:
			parent = append(parent, op)
		case targets[op.Fn] != nil:
			child[op.Fn] = append(child[op.Fn], op)
		case deferred[op.Fn] != nil && op.Kind == chanflow.Close:
			l.closes[deferred[op.Fn]] = true
		default:
			return nil, nil, false // used somewhere else: someone else may serve it
		}
	}
	return parent, child, true
}

// goroutineSide records the goroutines' blocking ops in l.blocks and sets
// l.side (and l.needsClose) from them. It reports false if a goroutine's
// function also runs other than as these goroutines, or if the goroutines
// both send and receive (or neither).
func (c *checker) goroutineSide(l *leak, targets map[*ssa.Function][]*ssa.Go, child map[*ssa.Function][]*chanflow.Op) bool {
	var sends, recvs bool
	for g, ops := range child {
		// The goroutine's function must run only as these goroutines.
		if len(c.res.CallSites(g)) != len(targets[g]) || !c.res.CallersKnown(g) {
			return false
		}
		for _, op := range ops {
			if !op.Blocking() {
				continue
			}
			switch op.Kind {
			case chanflow.Send:
				sends = true
			case chanflow.Recv:
				recvs = true
				l.needsClose = l.needsClose || op.CommaOk
			default:
				continue
			}
			l.blocks = append(l.blocks, op)
		}
	}
	switch {
	case sends && !recvs:
		l.side = sender
	case recvs && !sends:
		l.side = receiver
	default:
		return false
	}
	return true
}

// starterOps sorts the starter's ops on the channel into those that serve
// the goroutines (l.serve, or l.selects for select cases) and closes
// (l.closes). It reports false if the starter uses the channel both ways.
func (l *leak) starterOps(parent []*chanflow.Op) bool {
	for _, op := range parent {
		switch {
		case l.side == sender && op.Kind == chanflow.Recv,
			l.side == receiver && op.Kind == chanflow.Send && !l.needsClose:
			if op.Select != nil {
				l.selects = append(l.selects, op)
			} else {
				l.serve[op.Instr] = op
			}
		case l.side == receiver && op.Kind == chanflow.Close:
			l.closes[op.Instr] = true
		case l.side == receiver && op.Kind == chanflow.Send:
			// Sends do not end a loop that waits for close.
		default:
			return false // the starter uses the channel both ways
		}
	}
	return true
}

// countGoroutines sets, per go statement, how many ops its goroutines can
// block in (l.counts; l.looped for go statements in a loop), their sum
// (l.total), and whether some goroutine may return without blocking
// (l.conditional).
func (c *checker) countGoroutines(l *leak, targets map[*ssa.Function][]*ssa.Go, child map[*ssa.Function][]*chanflow.Op) {
	loops := c.res.LoopsOf(l.fn)
	l.total = 0
	for g, gos := range targets {
		ops := child[g]
		if len(ops) == 0 {
			continue
		}
		n := c.res.LoopsOf(g).MaxPerCall(g, func(b *ssa.BasicBlock) int {
			count := 0
			for _, op := range l.blocks {
				if op.Fn == g && op.Instr.Block() == b {
					count++
				}
			}
			return count
		})
		switch {
		case l.side == receiver && l.needsClose:
			n = chanflow.Many
		case l.side == receiver && n == chanflow.Many:
			n = 1 // a receive loop may stop at the value it waits for
		}
		if n != 0 && !always(g, l.blocks) {
			l.conditional = true
		}
		for _, gi := range gos {
			count := n
			if loops.Cyclic[gi.Block().Index] && cycleAvoiding(gi.Block(), l.m.Block()) {
				// A loop starts several goroutines on this one channel:
				// count them all once, by the loop's trip count if the
				// source says it.
				count = mul(c.trips(gi, l.m), n)
				l.looped[gi] = 1 << (len(l.looped) % 64)
			}
			l.counts[gi] = count
			l.total = add(l.total, count)
		}
	}
}

// trips returns how many times the loop around go statement gi runs for
// one channel made by m, if the source says it: for i := 0; i < 3; i++,
// for range 3, or a range over an array. Otherwise it returns Many.
func (c *checker) trips(gi *ssa.Go, m *ssa.MakeChan) int {
	var loop ast.Stmt
	for _, f := range c.pass.Files {
		if gi.Pos() < f.FileStart || gi.Pos() > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, gi.Pos(), gi.Pos())
		for _, n := range path {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				if loop == nil {
					return chanflow.Many
				}
				return c.tripCount(loop)
			case *ast.ForStmt, *ast.RangeStmt:
				if n.Pos() <= m.Pos() && m.Pos() < n.End() {
					continue // each round makes a new channel
				}
				if loop != nil {
					return chanflow.Many // nested loops
				}
				loop = n.(ast.Stmt)
			}
		}
	}
	return chanflow.Many
}

// tripCount returns the constant number of rounds of loop, or Many.
func (c *checker) tripCount(loop ast.Stmt) int {
	info := c.pass.TypesInfo
	constInt := func(e ast.Expr) (int64, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil {
			return 0, false
		}
		return constant.Int64Val(constant.ToInt(tv.Value))
	}
	n := int64(-1)
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		tv, ok := info.Types[loop.X]
		if !ok {
			break
		}
		if v, ok := constInt(loop.X); ok {
			n = v
		} else if arr, ok := tv.Type.Underlying().(*types.Array); ok {
			n = arr.Len()
		}
	case *ast.ForStmt:
		init, ok1 := loop.Init.(*ast.AssignStmt)
		cond, ok2 := loop.Cond.(*ast.BinaryExpr)
		post, ok3 := loop.Post.(*ast.IncDecStmt)
		if !ok1 || !ok2 || !ok3 || len(init.Lhs) != 1 || len(init.Rhs) != 1 || post.Tok != token.INC {
			break
		}
		i, ok := init.Lhs[0].(*ast.Ident)
		if !ok || !sameVar(info, i, cond.X) || !sameVar(info, i, post.X) {
			break
		}
		from, ok1 := constInt(init.Rhs[0])
		to, ok2 := constInt(cond.Y)
		if !ok1 || !ok2 {
			break
		}
		switch cond.Op {
		case token.LSS:
			n = to - from
		case token.LEQ:
			n = to - from + 1
		}
	}
	if n < 0 || n > maxCount {
		return chanflow.Many
	}
	return int(n)
}

// sameVar reports whether e is the variable that id declares or uses.
func sameVar(info *types.Info, id *ast.Ident, e ast.Expr) bool {
	x, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v := info.ObjectOf(id)
	return v != nil && info.ObjectOf(x) == v
}

// testFailure reports whether call reports a test failure or skips the
// test (t.Error, t.Fatal, t.Skip, ...): a goroutine left behind on that
// path belongs to a test that already failed.
func testFailure(call *ssa.CallCommon) bool {
	var obj types.Object
	if call.IsInvoke() {
		obj = call.Method
	} else if fn := call.StaticCallee(); fn != nil {
		obj = fn.Object()
	}
	names := []string{"Error", "Errorf", "Fail", "FailNow", "Fatal", "Fatalf", "Skip", "Skipf", "SkipNow"}
	return typematch.IsMethod(obj, "testing", "common", names...) ||
		typematch.IsMethod(obj, "testing", "TB", names...)
}

// always reports whether every return of goroutine function g comes after
// one of its blocking ops.
func always(g *ssa.Function, ops []*chanflow.Op) bool {
	at := make(map[*ssa.BasicBlock]bool)
	for _, op := range ops {
		if op.Fn == g {
			at[op.Instr.Block()] = true
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	stack := []*ssa.BasicBlock{g.Blocks[0]}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] || at[b] {
			continue
		}
		seen[b] = true
		if len(b.Instrs) == 0 {
			continue
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		stack = append(stack, b.Succs...)
	}
	return true
}

// cycleAvoiding reports whether a path leads from b back to b without
// passing through avoid: a go statement in b can then start several
// goroutines on the one channel that avoid makes.
func cycleAvoiding(b, avoid *ssa.BasicBlock) bool {
	if b == avoid {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{avoid: true}
	stack := slices.Clone(b.Succs)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
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

// state is a point of the search: how many goroutine ops are still
// outstanding (or Many), and whether the channel is closed now or by a
// deferred close.
type state struct {
	d        int
	closed   bool
	deferred bool
	started  uint64 // the looped go statements already counted
	served   bool   // some goroutine has been served
}

type edge struct{ from, succ int }

// search looks for a path from fn's entry to a return on which the
// goroutines started are not all served. It returns the return and, if the
// path skipped a serving select case, that select.
func (c *checker) search(l *leak) (ssa.Instruction, token.Pos, bool) {
	loops := c.res.LoopsOf(l.fn)
	serve, targets := servingCases(l)
	blocked, caseOf := c.selectCases(l.fn, serve)
	edges := searchEdges{
		serve:   serve,
		blocked: blocked,
		caseOf:  caseOf,
		drain:   drainEdges(l, loops, targets),
	}
	return l.walk(edges)
}

// searchEdges are the edges of fn's CFG that search treats specially.
type searchEdges struct {
	serve   map[edge]bool        // enter a select case that serves the goroutines
	blocked map[edge]bool        // enter a case on another local channel: not followed
	caseOf  map[edge]*ssa.Select // enter a case of a select, any select
	drain   map[edge]bool        // leave a serving loop where it ends normally: all served
}

// servingCases returns the edges that enter the select cases serving the
// goroutines, and the blocks where those cases begin. A serving select
// whose cases cannot be told apart is recorded in l.serve instead: it is
// assumed to serve.
func servingCases(l *leak) (map[edge]bool, []*ssa.BasicBlock) {
	serve := make(map[edge]bool)
	var targets []*ssa.BasicBlock // where a serving select case begins
	for _, op := range l.selects {
		b, j, ok := chanflow.SelectCase(op.Select, op.Case)
		if !ok {
			l.serve[op.Instr] = op // cannot tell the cases apart: assume it serves
			continue
		}
		serve[edge{b.Index, j}] = true
		targets = append(targets, b.Succs[j])
	}
	return serve, targets
}

// selectCases returns, of the edges of fn that enter select cases, those
// the search does not follow (blocked) and the select each one belongs to
// (caseOf).
//
// A select case on another channel made here is part of the same local
// protocol, whose order the analysis cannot see: it assumes that case
// comes after the goroutines are served, and does not follow it. Cases on
// a context, a timer, or a channel from elsewhere can fire any time.
func (c *checker) selectCases(fn *ssa.Function, serve map[edge]bool) (blocked map[edge]bool, caseOf map[edge]*ssa.Select) {
	blocked = make(map[edge]bool)
	caseOf = make(map[edge]*ssa.Select)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			sel, ok := instr.(*ssa.Select)
			if !ok {
				continue
			}
			for k, st := range sel.States {
				from, j, ok := chanflow.SelectCase(sel, k)
				if !ok {
					continue
				}
				e := edge{from.Index, j}
				caseOf[e] = sel
				if !serve[e] && c.local(st.Chan, fn) {
					blocked[e] = true
				}
			}
		}
	}
	return blocked, caseOf
}

// drainEdges returns the edges where a loop that serves the goroutines
// ends normally: a loop that does so is taken to serve all of them.
//
// A loop with a condition ends normally at its condition, or when the
// condition fails before the first round; any other exit, such as return
// err in the body, leaves values unreceived. A loop without one
// (for { ... }) ends normally at a break or return that comes after a
// serving op in the same round, not at one in another select case.
func drainEdges(l *leak, loops *chanflow.Loops, targets []*ssa.BasicBlock) map[edge]bool {
	drain := make(map[edge]bool)
	for _, lp := range loops.Loops {
		if !servesIn(l, lp, targets) {
			continue
		}
		ends := make(map[*ssa.BasicBlock]bool)
		for _, e := range normalExits(l, lp, targets) {
			drain[e] = true
			ends[l.fn.Blocks[e.from].Succs[e.succ]] = true
		}
		// The test before the first round, where the loop is rotated: it
		// skips the loop to where the loop ends normally.
		for _, pred := range lp.Header.Preds {
			if lp.Contains(pred) {
				continue
			}
			for j, s := range pred.Succs {
				if ends[s] && len(pred.Succs) > 1 {
					drain[edge{pred.Index, j}] = true
				}
			}
		}
	}
	return drain
}

// servesIn reports whether loop lp holds a serving op or the start of a
// serving select case.
func servesIn(l *leak, lp *chanflow.Loop, targets []*ssa.BasicBlock) bool {
	serves := false
	for instr := range l.serve {
		serves = serves || lp.Contains(instr.Block())
	}
	for _, t := range targets {
		serves = serves || lp.Contains(t)
	}
	return serves
}

// normalExits returns the exits of serving loop lp where it ends normally:
// its condition if it has one (see condExit), else the exits that come
// after a serving op or serving select case of the same round.
func normalExits(l *leak, lp *chanflow.Loop, targets []*ssa.BasicBlock) []edge {
	fn := l.fn
	exits := lp.Exits(fn)
	var normal []edge
	for _, e := range exits {
		if from := fn.Blocks[e[0]]; condExit(lp, from, l.serve) {
			normal = append(normal, edge{e[0], e[1]})
		}
	}
	if len(normal) > 0 {
		return normal
	}
	for _, e := range exits {
		from := fn.Blocks[e[0]]
		ok := false
		for instr := range l.serve {
			ok = ok || (lp.Contains(instr.Block()) && instr.Block().Dominates(from))
		}
		for _, t := range targets {
			ok = ok || (lp.Contains(t) && t != lp.Header && t.Dominates(from))
		}
		if ok {
			normal = append(normal, edge{e[0], e[1]})
		}
	}
	return normal
}

// searchItem is a block to visit, with the state on the way in and the
// select whose skipped serving case is the reason for a leak, if any.
type searchItem struct {
	b      *ssa.BasicBlock
	s      state
	reason token.Pos
}

// walk runs the search proper: breadth first over fn's blocks and the
// states that reach them, until a return (or a second make of the
// channel) finds goroutines left waiting.
func (l *leak) walk(edges searchEdges) (ssa.Instruction, token.Pos, bool) {
	fn := l.fn
	type key struct {
		b int
		s state
	}
	seen := make(map[key]bool)
	queue := []searchItem{{b: fn.Blocks[0]}}
	// The states per block are few (counts saturate at maxCount), but the
	// set of looped go statements already counted could grow: bound the
	// search, and say nothing if it runs out.
	budget := 16*len(fn.Blocks) + 1024
	push := func(it searchItem) {
		k := key{it.b.Index, it.s}
		if !seen[k] && len(seen) < budget {
			seen[k] = true
			queue = append(queue, it)
		}
	}
	for len(queue) > 0 {
		if len(seen) >= budget {
			return nil, token.NoPos, false
		}
		it := queue[0]
		queue = queue[1:]
		s, reason, at, end := l.runBlock(it)
		switch end {
		case blockLeaks:
			return at, reason, true
		case blockStops:
			continue
		}
		for j, succ := range it.b.Succs {
			s2, r2 := s, reason
			e := edge{it.b.Index, j}
			if edges.blocked[e] {
				continue
			}
			if edges.serve[e] {
				s2.serveOne()
				r2 = token.NoPos
			} else if sel := edges.caseOf[e]; sel != nil && s.d != 0 {
				r2 = sel.Pos()
			}
			if edges.drain[e] {
				s2.d = 0
			}
			push(searchItem{succ, s2, r2})
		}
	}
	return nil, token.NoPos, false
}

// blockEnd is how the search leaves a block.
type blockEnd int

const (
	blockFallsThrough blockEnd = iota // on to the block's successors
	blockStops                        // a return that leaks nothing, a panic, a test failure: the path ends
	blockLeaks                        // the goroutines are left waiting at the instruction returned
)

// runBlock runs the instructions of it.b on the state it.s: go statements
// start goroutines, serving ops and closes serve them, and a return (or a
// new make of the channel) with goroutines still waiting is a leak.
func (l *leak) runBlock(it searchItem) (state, token.Pos, ssa.Instruction, blockEnd) {
	s, reason := it.s, it.reason
	for _, instr := range it.b.Instrs {
		switch instr := instr.(type) {
		case *ssa.Go:
			if n, ok := l.counts[instr]; ok && !s.closed {
				if bit := l.looped[instr]; bit != 0 {
					if s.started&bit != 0 {
						break
					}
					s.started |= bit
				}
				s.d = add(s.d, n)
			}
		case *ssa.Call:
			if testFailure(instr.Common()) {
				return s, reason, nil, blockStops
			}
		case *ssa.Return:
			if l.leaks(s) {
				return s, reason, instr, blockLeaks
			}
			return s, reason, nil, blockStops
		case *ssa.MakeChan:
			if instr == l.m {
				// A new channel: the goroutines of the old one are
				// left with whatever they still wait for.
				if l.leaks(s) {
					return s, reason, instr, blockLeaks
				}
				s = state{}
			}
		case *ssa.Panic:
			return s, reason, nil, blockStops
		}
		if _, ok := l.serve[instr]; ok {
			s.serveOne()
			reason = token.NoPos
		}
		if l.closes[instr] {
			if _, ok := instr.(*ssa.Defer); ok {
				s.deferred = true
			} else {
				s.d, s.closed = 0, true
			}
		}
	}
	return s, reason, nil, blockFallsThrough
}

// serveOne records that one goroutine was served.
func (s *state) serveOne() {
	if s.d != chanflow.Many && s.d > 0 {
		s.d--
	}
	s.served = true
}

// local reports whether ch is a channel that fn makes.
func (c *checker) local(ch ssa.Value, fn *ssa.Function) bool {
	k := c.res.ClassOf(ch)
	if k == nil || k.External {
		return false
	}
	for _, m := range k.Makes {
		if m.Parent() == fn {
			return true
		}
	}
	return false
}

// condExit reports whether block b ends loop by its condition: b is the
// loop's header or the block that jumps back to it, it ends with an if that
// either goes round again or leaves, and it holds no select and no serving
// op other than the receive of a for range over the channel.
func condExit(loop *chanflow.Loop, b *ssa.BasicBlock, serve map[ssa.Instruction]*chanflow.Op) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); !ok {
		return false
	}
	if b != loop.Header && !slices.Contains(b.Succs, loop.Header) {
		return false
	}
	for _, instr := range b.Instrs {
		if _, ok := instr.(*ssa.Select); ok {
			return false
		}
		if op, ok := serve[instr]; ok && !op.Range {
			return false
		}
	}
	return true
}

// leaks reports whether returning in state s leaves a goroutine blocked.
// When some goroutines have been served and the others might not send or
// receive at all (if only one of them finds the answer, say), the count of
// outstanding ones means nothing: it is not a leak.
func (l *leak) leaks(s state) bool {
	if s.served && l.conditional {
		return false
	}
	if l.side == receiver {
		return s.d != 0 && !s.closed && !s.deferred
	}
	if s.d == chanflow.Many {
		return l.cap == 0
	}
	return int64(s.d) > l.cap
}

func (c *checker) reportLeak(l *leak, end ssa.Instruction, reason token.Pos) {
	fnName := "the function literal"
	if l.fn.Parent() == nil {
		fnName = l.fn.Name()
	}
	var where string
	var endPos token.Pos // where fn returns or makes a new channel
	if m, ok := end.(*ssa.MakeChan); ok {
		endPos = m.Pos()
		where = fmt.Sprintf("can loop back to line %d and make a new channel", c.line(m.Pos()))
	} else {
		endPos = end.Pos()
		if !endPos.IsValid() {
			if body := funcBody(l.fn); body != nil {
				endPos = body.Rbrace
			}
		}
		where = fmt.Sprintf("can return at line %d", c.line(endPos))
	}
	if reason.IsValid() {
		where += fmt.Sprintf(" (when the select at line %d takes another case)", c.line(reason))
	}
	slices.SortFunc(l.blocks, func(a, b *chanflow.Op) int { return int(a.Pos - b.Pos) })
	for _, op := range l.blocks {
		name, closable := c.name(op)
		var start *ssa.Go
		for gi := range l.counts {
			if c.res.GoTarget(gi) == op.Fn && (start == nil || gi.Pos() < start.Pos()) {
				start = gi
			}
		}
		goLine := 0
		if start != nil {
			goLine = c.line(start.Pos())
		}
		var msg string
		var fixes []analysis.SuggestedFix
		if l.side == sender {
			var fix string
			switch {
			case l.total == 1 && l.cap == 0:
				fix = fmt.Sprintf("give %s a buffer of 1 or select on ctx.Done() in the sender", name)
				fixes = c.bufferFix(l.m)
			case l.total != chanflow.Many:
				fix = fmt.Sprintf("give %s a buffer of %d or select on ctx.Done() in the senders", name, l.total)
			default:
				fix = fmt.Sprintf("select on ctx.Done() in the senders, or receive from %s until every sender is done", name)
			}
			msg = fmt.Sprintf("goroutine started at line %d sends on %s, but %s %s without receiving from it: the send blocks forever; %s",
				goLine, name, fnName, where, fix)
		} else {
			what := "sending to or closing"
			if l.needsClose {
				what = "closing"
			}
			fix := "close it on every path, e.g. with defer"
			if closable != "" {
				fix = fmt.Sprintf("close(%s) on every path, e.g. defer close(%s)", closable, closable)
			}
			msg = fmt.Sprintf("goroutine started at line %d receives from %s, but %s %s without %s it: the receive blocks forever; %s",
				goLine, name, fnName, where, what, fix)
		}
		c.report(analysis.Diagnostic{Pos: op.Pos, Message: msg, SuggestedFixes: fixes,
			Related: c.leakRelated(l, start, end, endPos, reason, name, fnName)})
	}
}

// leakRelated returns the other sites of a leak: the go statement that
// starts the goroutine, where the starter returns (or makes a new channel)
// without serving it, and the select case that takes it there.
func (c *checker) leakRelated(l *leak, start *ssa.Go, end ssa.Instruction, endPos, reason token.Pos, name, fnName string) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	if start != nil && start.Pos().IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: start.Pos(), Message: "the goroutine is started here"})
	}
	served := "receiving from"
	if l.side == receiver {
		served = "sending to or closing"
		if l.needsClose {
			served = "closing"
		}
	}
	if reason.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: reason, Message: "this select can take another case"})
	}
	if endPos.IsValid() {
		msg := fmt.Sprintf("%s returns here without %s %s", fnName, served, name)
		if _, ok := end.(*ssa.MakeChan); ok {
			msg = fmt.Sprintf("the loop comes back here and makes a new channel without %s the old one", served)
		}
		rel = append(rel, analysis.RelatedInformation{Pos: endPos, Message: msg})
	}
	return rel
}

func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}

// bufferFix returns the fix that turns make(chan T) into make(chan T, 1).
func (c *checker) bufferFix(m *ssa.MakeChan) []analysis.SuggestedFix {
	for _, f := range c.res.Files() {
		if m.Pos() < f.FileStart || m.Pos() > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, m.Pos(), m.Pos())
		for _, n := range path {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Lparen != m.Pos() {
				continue
			}
			if len(call.Args) != 1 || call.Ellipsis.IsValid() {
				return nil
			}
			return []analysis.SuggestedFix{{
				Message:   "Give the channel a buffer of 1",
				TextEdits: []analysis.TextEdit{{Pos: call.Args[0].End(), End: call.Args[0].End(), NewText: []byte(", 1")}},
			}}
		}
	}
	return nil
}
