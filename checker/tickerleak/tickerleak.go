// Package tickerleak defines an Analyzer that reports tickers and timers
// that are never stopped in functions that return.
package tickerleak

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/fixes"
	"github.com/accent-go/accent/checker/internal/flowpath"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports tickers and timers that are never stopped.
var Analyzer = &analysis.Analyzer{
	Name:     "tickerleak",
	Doc:      analyzerdoc.MustExtract(doc, "tickerleak"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/tickerleak",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	Run:      run,
}

// anyVersion makes the checks that matter only before Go 1.23 run on every
// file, whatever its Go version, as strict mode does.
var anyVersion bool

func init() {
	Analyzer.Flags.BoolVar(&anyVersion, "anyversion", false,
		"report unstopped tickers and timers in files for every Go version, as -strict does; "+
			"by default they are reported only in files for Go before 1.23, where the garbage collector does not free them")
	mode.Register(Analyzer, "report unstopped tickers and timers, and time.Tick in a function that returns, "+
		"in files for every Go version (a learner should stop what they start); the default reports them only before Go 1.23")
}

// gcVersion is the Go version from which the garbage collector frees
// unreferenced tickers and timers that were not stopped.
const gcVersion = "go1.23"

type checker struct {
	pass      *analysis.Pass
	calls     map[token.Pos]*ast.CallExpr       // by Lparen
	assigns   map[*ast.CallExpr]*ast.AssignStmt // t := time.NewTicker(d), in a statement list
	anonRecv  map[token.Pos]bool                // <-time.NewTimer(d).C, by Lparen: time.After spelled out
	files     map[*token.File]*ast.File
	generated map[*token.File]bool
}

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:      pass,
		calls:     make(map[token.Pos]*ast.CallExpr),
		assigns:   make(map[*ast.CallExpr]*ast.AssignStmt),
		anonRecv:  make(map[token.Pos]bool),
		files:     make(map[*token.File]*ast.File),
		generated: make(map[*token.File]bool),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		c.files[tf] = f
		if generated.Skip(pass.Fset, f) {
			c.generated[tf] = true
		}
	}
	found := false
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !typematch.IsFunction(typeutil.Callee(pass.TypesInfo, call), "time", "Tick", "NewTicker", "NewTimer") {
			continue
		}
		found = true
		c.calls[call.Lparen] = call
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
			if recv, ok := cur.Parent().Parent().Node().(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
				c.anonRecv[call.Lparen] = true
			}
		}
		if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			switch cur.Parent().Parent().Node().(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				c.assigns[call] = as
			}
		}
	}
	if !found {
		return nil, nil
	}
	for _, fn := range ssaInfo.SrcFuncs {
		var loops *flowpath.Loops
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || c.calls[call.Pos()] == nil {
					continue
				}
				if loops == nil {
					loops = flowpath.NewLoops(fn)
				}
				c.check(fn, loops, call)
			}
		}
	}
	return nil, nil
}

// check checks one call of time.Tick, time.NewTicker or time.NewTimer.
func (c *checker) check(fn *ssa.Function, loops *flowpath.Loops, call *ssa.Call) {
	tf := c.pass.Fset.File(call.Pos())
	if tf == nil || c.generated[tf] {
		return
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return
	}
	name := callee.Name()
	inLoop := loops.InCycle(call.Block())
	if name == "Tick" && inLoop && inBusySelect(call) {
		c.pass.Report(analysis.Diagnostic{
			Pos: call.Pos(),
			Message: "time.Tick in a loop starts a new ticker on every iteration, so its period restarts each time and it " +
				"may never tick: create the ticker once, before the loop",
		})
		return
	}
	if !anyVersion && !mode.Strict(c.pass) && !c.beforeGC(tf) {
		return
	}
	if isMainMain(fn) {
		return // the program ends when main returns
	}
	if name == "Tick" {
		if c.chanEscapes(call, 0) || !c.returns(fn, call) {
			return
		}
		c.pass.Report(analysis.Diagnostic{
			Pos:     call.Pos(),
			Message: "time.Tick's ticker can never be stopped and this function returns: use t := time.NewTicker(d) with defer t.Stop()",
		})
		return
	}
	if c.anonRecv[call.Pos()] {
		// <-time.NewTimer(d).C: nothing can stop it, and it is freed
		// once it fires, as time.After's timer is.
		return
	}
	stops, chans, escapes := c.stops(call)
	if escapes {
		return
	}
	what := "ticker"
	freed := "an unstopped ticker is never freed"
	if name == "NewTimer" {
		what = "timer"
		freed = "an unstopped timer is not freed until it fires"
	}
	expr := c.calls[call.Pos()]
	varName := c.varName(expr)
	subject, stop := what, what+".Stop()"
	if varName != "" {
		subject, stop = what+" "+varName, varName+".Stop()"
	}
	stopCalls := len(stops)
	if name == "NewTimer" {
		// A timer that has fired is done: receiving from its
		// channel ends a path as a Stop does.
		for ch := range chans {
			for _, r := range *ch.Referrers() {
				if recv, ok := r.(*ssa.UnOp); ok && recv.Op == token.ARROW {
					stops[recv] = true
				}
			}
		}
	} else {
		chans = nil
	}
	hits := c.returnsWithout(fn, call, stops, chans)
	if len(hits) == 0 {
		return
	}
	if stopCalls == 0 {
		d := analysis.Diagnostic{
			Pos: call.Pos(),
			Message: subject + " is never stopped and this function returns, and before Go 1.23 " + freed +
				": defer " + stop + " right after time." + name,
		}
		if !inLoop {
			d.SuggestedFixes = c.deferStopFix(expr, varName)
		}
		c.pass.Report(d)
		return
	}
	for _, h := range hits {
		pos := h.Pos()
		if !pos.IsValid() {
			pos = bodyEnd(fn)
		}
		c.pass.Report(analysis.Diagnostic{
			Pos:     pos,
			Message: subject + " is not stopped on this path: defer " + stop + " right after time." + name,
		})
	}
}

// beforeGC reports whether the file tf is for a Go version before the one
// whose garbage collector frees unstopped tickers and timers. A file of
// unknown version counts as current.
func (c *checker) beforeGC(tf *token.File) bool {
	v := ""
	if f := c.files[tf]; f != nil {
		v = c.pass.TypesInfo.FileVersions[f]
	}
	if v == "" {
		v = c.pass.Pkg.GoVersion()
	}
	return version.IsValid(v) && version.Compare(v, gcVersion) < 0
}

func isMainMain(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Signature.Recv() == nil && fn.Name() == "main" &&
		fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}

// varName returns the name of the variable that call is assigned to.
func (c *checker) varName(call *ast.CallExpr) string {
	if as := c.assigns[call]; as != nil {
		if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
			return id.Name
		}
	}
	return ""
}

// returns reports whether control can reach a return of fn from call.
func (c *checker) returns(fn *ssa.Function, call *ssa.Call) bool {
	return len(c.returnsWithout(fn, call, nil, nil)) > 0
}

// returnsWithout returns the returns of fn that control reaches from call
// without passing one of stops, or a select case that receives from one of
// fired.
func (c *checker) returnsWithout(fn *ssa.Function, call *ssa.Call, stops map[ssa.Instruction]bool, fired map[ssa.Value]bool) []ssa.Instruction {
	return flowpath.SearchEdges(fn, call, func(instr ssa.Instruction) flowpath.Step {
		switch {
		case stops[instr]:
			return flowpath.Stop
		case isReturn(instr):
			return flowpath.Hit
		}
		return flowpath.Pass
	}, func(b *ssa.BasicBlock, i int) bool {
		return !(i == 1 && rangesOverTicks(b)) && !(i == 0 && selectsFrom(b, fired)) &&
			!(len(fired) > 0 && flagAfterFired(b, i, fired))
	})
}

// flagAfterFired reports whether the edge from b to its successor i is
// taken only once a timer fired: b ends with if flag (or if !flag), where
// flag is a local boolean that takes the value that leads to i only in
// code run after a receive from one of fired, as in
//
//	for !expired {
//		select {
//		case <-t.C:
//			expired = true
//		case v := <-events:
//			...
//		}
//	}
func flagAfterFired(b *ssa.BasicBlock, i int, fired map[ssa.Value]bool) bool {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return false
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	want := i == 0 // the flag's value that takes the edge
	x := cond.Cond
	if not, ok := x.(*ssa.UnOp); ok && not.Op == token.NOT {
		x, want = not.X, !want
	}
	phi, ok := x.(*ssa.Phi)
	if !ok {
		return false
	}
	after := firedBlocks(b.Parent(), fired)
	if len(after) == 0 {
		return false
	}
	seen := map[*ssa.Phi]bool{}
	var sets func(phi *ssa.Phi) bool // whether phi is want only after a fire
	sets = func(phi *ssa.Phi) bool {
		if seen[phi] {
			return true
		}
		seen[phi] = true
		for j, e := range phi.Edges {
			switch e := e.(type) {
			case *ssa.Const:
				if e.Value == nil || e.Value.Kind() != constant.Bool {
					return false
				}
				if constant.BoolVal(e.Value) != want {
					continue
				}
				pred := phi.Block().Preds[j]
				if !slices.ContainsFunc(after, func(a *ssa.BasicBlock) bool { return a.Dominates(pred) }) {
					return false
				}
			case *ssa.Phi:
				if !sets(e) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return sets(phi)
}

// firedBlocks returns the blocks of fn that run only after a receive from
// one of fired: the case of a select that received from it, or the block
// of a plain receive.
func firedBlocks(fn *ssa.Function, fired map[ssa.Value]bool) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if selectsFrom(b, fired) {
			out = append(out, b.Succs[0])
			continue
		}
		for _, instr := range b.Instrs {
			if recv, ok := instr.(*ssa.UnOp); ok && recv.Op == token.ARROW && fired[recv.X] {
				out = append(out, b) // the phi's edge leaves b after the receive
				break
			}
		}
	}
	return out
}

// selectsFrom reports whether b ends with the test that a select chose a
// case receiving from one of chans: if index == k, for that case's k.
func selectsFrom(b *ssa.BasicBlock, chans map[ssa.Value]bool) bool {
	if len(chans) == 0 || len(b.Instrs) == 0 {
		return false
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL {
		return false
	}
	ext, ok := bin.X.(*ssa.Extract)
	k, isConst := bin.Y.(*ssa.Const)
	if !ok || !isConst || ext.Index != 0 {
		return false
	}
	sel, ok := ext.Tuple.(*ssa.Select)
	if !ok || k.Value == nil {
		return false
	}
	i, exact := constant.Int64Val(k.Value)
	return exact && i >= 0 && i < int64(len(sel.States)) &&
		sel.States[i].Dir == types.RecvOnly && chans[sel.States[i].Chan]
}

// inBusySelect reports whether the channel that call returns is received
// from in a select that has another case or a default, so that the select
// can go on without it.
func inBusySelect(call *ssa.Call) bool {
	refs := call.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if sel, ok := r.(*ssa.Select); ok && (len(sel.States) > 1 || !sel.Blocking) {
			return true
		}
	}
	return false
}

// rangesOverTicks reports whether b ends a step of a for range loop over
// the channel of a ticker or timer: such a channel is never closed, so the
// loop never ends by itself (its If's false branch, Succs[1], is dead).
func rangesOverTicks(b *ssa.BasicBlock) bool {
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
	if !ok || recv.Op != token.ARROW || !recv.CommaOk {
		return false
	}
	switch ch := recv.X.(type) {
	case *ssa.Call:
		callee := ch.Call.StaticCallee()
		return callee != nil && typematch.IsFunction(callee.Object(), "time", "Tick")
	case *ssa.UnOp:
		fa, ok := ch.X.(*ssa.FieldAddr)
		if !ok || ch.Op != token.MUL {
			return false
		}
		ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
		return ok && typematch.IsType(ptr.Elem(), "time", "Ticker", "Timer")
	}
	return false
}

func isReturn(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Return)
	return ok
}

// maxDepth bounds how far the uses of a value are followed.
const maxDepth = 8

// chanEscapes reports whether the channel v may be used anywhere but in
// receives and comparisons in its function: stored, passed, returned, sent,
// captured by a closure.
func (c *checker) chanEscapes(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > maxDepth {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.ARROW {
				return true
			}
		case *ssa.Select:
			for _, st := range r.States {
				if st.Send == v {
					return true
				}
			}
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return true
			}
		case *ssa.Phi:
			if c.chanEscapes(r, depth+1) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// stops returns the calls that stop the ticker or timer that call creates,
// deferred or not, and whether it may be used outside its function.
func (c *checker) stops(call *ssa.Call) (stops map[ssa.Instruction]bool, chans map[ssa.Value]bool, escapes bool) {
	stops = make(map[ssa.Instruction]bool)
	chans = make(map[ssa.Value]bool)
	refs := call.Referrers()
	if refs == nil {
		return nil, nil, true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return nil, nil, true
			}
		case *ssa.FieldAddr:
			// t.C: the channel may be received from, nothing else.
			loads := r.Referrers()
			if loads == nil {
				return nil, nil, true
			}
			for _, l := range *loads {
				if _, ok := l.(*ssa.DebugRef); ok {
					continue
				}
				load, ok := l.(*ssa.UnOp)
				if !ok || load.Op != token.MUL || c.chanEscapes(load, 0) {
					return nil, nil, true
				}
				chans[load] = true
			}
		case ssa.CallInstruction:
			m, ok := timeMethod(r.Common())
			if !ok || r.Common().Args[0] != call {
				return nil, nil, true
			}
			if _, isGo := r.(*ssa.Go); isGo {
				return nil, nil, true
			}
			if m == "Stop" {
				stops[r] = true
			}
		case *ssa.MakeClosure:
			d := deferredStopper(r, call)
			if d == nil {
				return nil, nil, true
			}
			stops[d] = true
		default:
			return nil, nil, true
		}
	}
	return stops, chans, false
}

// timeMethod returns the name of the Ticker or Timer method that common
// calls statically, if it is Stop or Reset.
func timeMethod(common *ssa.CallCommon) (string, bool) {
	if common.IsInvoke() || len(common.Args) == 0 {
		return "", false
	}
	callee := common.StaticCallee()
	if callee == nil {
		return "", false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return "", false
	}
	if typematch.IsMethod(obj, "time", "Ticker", "Stop", "Reset") ||
		typematch.IsMethod(obj, "time", "Timer", "Stop", "Reset") {
		return obj.Name(), true
	}
	return "", false
}

// deferredStopper returns the defer statement of mc, a closure capturing
// the ticker or timer t, if mc is only deferred and stops t in its body and
// uses it for nothing else.
func deferredStopper(mc *ssa.MakeClosure, t ssa.Value) *ssa.Defer {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil
	}
	refs := mc.Referrers()
	if refs == nil {
		return nil
	}
	var def *ssa.Defer
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Defer:
			if r.Call.Value != mc || def != nil {
				return nil
			}
			def = r
		default:
			return nil
		}
	}
	if def == nil {
		return nil
	}
	stopped := false
	for i, b := range mc.Bindings {
		if b != t {
			continue
		}
		if i >= len(fn.FreeVars) {
			return nil
		}
		fvRefs := fn.FreeVars[i].Referrers()
		if fvRefs == nil {
			return nil
		}
		for _, r := range *fvRefs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Call:
				m, ok := timeMethod(r.Common())
				if !ok || r.Common().Args[0] != fn.FreeVars[i] {
					return nil
				}
				if m == "Stop" {
					stopped = true
				}
			default:
				return nil
			}
		}
	}
	if !stopped {
		return nil
	}
	return def
}

func bodyEnd(fn *ssa.Function) token.Pos {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return token.NoPos
}

// deferStopFix inserts "defer t.Stop()" on the line after the assignment
// t := time.NewTicker(d).
func (c *checker) deferStopFix(call *ast.CallExpr, name string) []analysis.SuggestedFix {
	as := c.assigns[call]
	if as == nil || name == "" || as.Rhs[0] != call {
		return nil
	}
	if id, ok := as.Lhs[0].(*ast.Ident); !ok || c.pass.TypesInfo.ObjectOf(id) == nil {
		return nil
	}
	edit, ok := fixes.LineAfter(c.pass, as.Pos(), as.End(), "defer "+name+".Stop()")
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Add defer " + name + ".Stop()", TextEdits: []analysis.TextEdit{edit}}}
}
