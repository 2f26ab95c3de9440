// Package waitgroupmisuse defines an Analyzer that reports sync.WaitGroup
// uses that make Wait block forever or make the counter go negative.
package waitgroupmisuse

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/fixes"
	"github.com/accent-go/accent/checker/internal/flowpath"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports sync.WaitGroup misuse that deadlocks or panics.
var Analyzer = &analysis.Analyzer{
	Name:     "waitgroupmisuse",
	Doc:      analyzerdoc.MustExtract(doc, "waitgroupmisuse"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/waitgroupmisuse",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	Run:      run,
}

// method is a method of sync.WaitGroup.
type method int

const (
	add method = iota
	done
	wait
	goMethod
	lock    // Mutex.Lock, RWMutex.Lock
	unlock  // Mutex.Unlock, RWMutex.Unlock
	rlock   // RWMutex.RLock
	runlock // RWMutex.RUnlock
	nMethods
)

var wgMethodNames = [...]string{add: "Add", done: "Done", wait: "Wait", goMethod: "Go"}

// A key names a WaitGroup or a mutex inside one function: a root value (a
// local, a parameter, a free variable, a global) and the path of field
// selections and loads from it, so that wg, s.wg and s.inner.wg in a
// function are told apart and the same s.wg used twice is recognized.
type key struct {
	root ssa.Value
	path string
	// field is the last field selected on the path, as in s.wg, if any;
	// the path up to it is path[:prefix].
	field  *types.Var
	prefix int
}

// site is a place in a function that calls a WaitGroup or mutex method,
// directly or through a helper function of the package that calls it.
type site struct {
	instr    ssa.CallInstruction // *ssa.Call or *ssa.Defer
	key      key
	deferred bool
	helper   *ssa.Function // nil for a direct call of the WaitGroup method
}

// summary lists the WaitGroup sites of one function, by method.
type summary struct {
	sites [nMethods][]site
}

type checker struct {
	pass      *analysis.Pass
	pkg       *ssa.Package
	calls     map[token.Pos]*ast.CallExpr // by Lparen
	names     map[token.Pos]string        // variable assigned a call, by its Lparen
	generated map[*token.File]bool
	summaries map[*ssa.Function]*summary
	loops     map[*ssa.Function]*flowpath.Loops
	reported  map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "sync") {
		return nil, nil
	}
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:      pass,
		pkg:       ssaInfo.Pkg,
		calls:     make(map[token.Pos]*ast.CallExpr),
		names:     make(map[token.Pos]string),
		generated: make(map[*token.File]bool),
		summaries: make(map[*ssa.Function]*summary),
		loops:     make(map[*ssa.Function]*flowpath.Loops),
		reported:  make(map[token.Pos]bool),
	}
	for _, f := range pass.Files {
		if generated.Skip(pass.Fset, f) {
			c.generated[pass.Fset.File(f.Pos())] = true
		}
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.calls[n.Lparen] = n
		case *ast.AssignStmt:
			c.nameCalls(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.nameCalls(lhs, n.Values)
		}
	}

	// The goroutines started in the package, in source order.
	started := make(map[*ssa.Function]bool)
	var order []*ssa.Function
	for _, fn := range ssaInfo.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				g, ok := instr.(*ssa.Go)
				if !ok {
					continue
				}
				if callee := c.ours(g.Call.StaticCallee()); callee != nil && !started[callee] {
					started[callee] = true
					order = append(order, callee)
				}
			}
		}
	}
	for _, g := range order {
		c.missingDone(g)
		c.waitInCounted(g)
	}
	for _, fn := range ssaInfo.SrcFuncs {
		c.waitInSpawnLoop(fn)
		c.doneInGo(fn)
		c.waitBlocked(fn)
		c.waitLocked(fn)
	}
	c.neverDone(ssaInfo.SrcFuncs)
	return nil, nil
}

// nameCalls records the names of the variables that calls are assigned to.
func (c *checker) nameCalls(lhs, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	for i, r := range rhs {
		id, ok := lhs[i].(*ast.Ident)
		call, isCall := ast.Unparen(r).(*ast.CallExpr)
		if ok && isCall && id.Name != "_" {
			c.names[call.Lparen] = id.Name
		}
	}
}

// ours returns fn if it is a function of the analyzed package with a body.
func (c *checker) ours(fn *ssa.Function) *ssa.Function {
	if fn == nil || fn.Pkg != c.pkg || len(fn.Blocks) == 0 {
		return nil
	}
	return fn
}

// wgMethod returns the WaitGroup or mutex method that common calls
// statically.
func wgMethod(common *ssa.CallCommon) (method, bool) {
	if common.IsInvoke() || len(common.Args) == 0 {
		return 0, false
	}
	callee := common.StaticCallee()
	if callee == nil {
		return 0, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return 0, false
	}
	for m, name := range wgMethodNames {
		if typematch.IsMethod(obj, "sync", "WaitGroup", name) {
			return method(m), true
		}
	}
	switch {
	case typematch.IsMethod(obj, "sync", "Mutex", "Lock"), typematch.IsMethod(obj, "sync", "RWMutex", "Lock"):
		return lock, true
	case typematch.IsMethod(obj, "sync", "Mutex", "Unlock"), typematch.IsMethod(obj, "sync", "RWMutex", "Unlock"):
		return unlock, true
	case typematch.IsMethod(obj, "sync", "RWMutex", "RLock"):
		return rlock, true
	case typematch.IsMethod(obj, "sync", "RWMutex", "RUnlock"):
		return runlock, true
	}
	return 0, false
}

// canon returns the key of the WaitGroup or mutex pointer v.
func canon(v ssa.Value) key {
	var steps []string
	var field *types.Var
	fieldStep := -1 // index in steps
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			if field == nil {
				field, fieldStep = fieldOf(x.X.Type(), x.Field), len(steps)
			}
			steps = append(steps, stepName(x.X.Type(), x.Field))
			v = x.X
			continue
		case *ssa.Field:
			if field == nil {
				field, fieldStep = fieldOf(x.X.Type(), x.Field), len(steps)
			}
			steps = append(steps, stepName(x.X.Type(), x.Field))
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				steps = append(steps, "*")
				v = x.X
				continue
			}
		case *ssa.ChangeType:
			v = x.X
			continue
		}
		break
	}
	var b strings.Builder
	prefix := 0
	for i := len(steps) - 1; i >= 0; i-- {
		if i == fieldStep {
			prefix = b.Len()
		}
		b.WriteString(steps[i])
	}
	return key{root: v, path: b.String(), field: field, prefix: prefix}
}

func stepName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return "." + s.Field(i).Name()
	}
	return ".?"
}

// portable reports whether k is rooted in something a caller can name: a
// parameter, a free variable or a global.
func portable(k key) bool {
	switch k.root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	}
	return false
}

// translate maps k, a key of callee, to the key of the same WaitGroup at a
// call of callee through common.
func translate(k key, callee *ssa.Function, common *ssa.CallCommon) (key, bool) {
	var base ssa.Value
	switch r := k.root.(type) {
	case *ssa.Global:
		return k, true
	case *ssa.Parameter:
		for i, p := range callee.Params {
			if p == r && i < len(common.Args) {
				base = common.Args[i]
			}
		}
	case *ssa.FreeVar:
		if mc, ok := common.Value.(*ssa.MakeClosure); ok {
			for i, fv := range callee.FreeVars {
				if fv == r && i < len(mc.Bindings) {
					base = mc.Bindings[i]
				}
			}
		}
	}
	if base == nil {
		return key{}, false
	}
	bk := canon(base)
	if k.field == nil {
		return key{root: bk.root, path: bk.path + k.path, field: bk.field, prefix: bk.prefix}, true
	}
	return key{root: bk.root, path: bk.path + k.path, field: k.field, prefix: len(bk.path) + k.prefix}, true
}

// summary returns the WaitGroup sites of fn: its own calls of WaitGroup
// methods and its calls of functions of the package that call them,
// synchronously. Calls in go statements are left out.
func (c *checker) summary(fn *ssa.Function) *summary {
	if s, ok := c.summaries[fn]; ok {
		if s == nil {
			return &summary{} // recursion: being computed
		}
		return s
	}
	c.summaries[fn] = nil
	s := &summary{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var call ssa.CallInstruction
			deferred := false
			switch instr := instr.(type) {
			case *ssa.Call:
				call = instr
			case *ssa.Defer:
				call, deferred = instr, true
			default:
				continue
			}
			common := call.Common()
			if m, ok := wgMethod(common); ok {
				s.sites[m] = append(s.sites[m], site{instr: call, key: canon(common.Args[0]), deferred: deferred})
				continue
			}
			callee := c.ours(common.StaticCallee())
			if callee == nil || common.IsInvoke() {
				continue
			}
			sub := c.summary(callee)
			for m := range nMethods {
				for _, st := range sub.sites[m] {
					if !portable(st.key) {
						continue
					}
					if k, ok := translate(st.key, callee, common); ok {
						s.sites[m] = append(s.sites[m], site{instr: call, key: k, deferred: deferred, helper: callee})
					}
				}
			}
		}
	}
	c.summaries[fn] = s
	return s
}

func (c *checker) loopsOf(fn *ssa.Function) *flowpath.Loops {
	l, ok := c.loops[fn]
	if !ok {
		l = flowpath.NewLoops(fn)
		c.loops[fn] = l
	}
	return l
}

func (c *checker) report(d analysis.Diagnostic) {
	if !d.Pos.IsValid() || c.reported[d.Pos] {
		return
	}
	if tf := c.pass.Fset.File(d.Pos); tf == nil || c.generated[tf] {
		return
	}
	c.reported[d.Pos] = true
	c.pass.Report(d)
}

// maxText is the longest expression a message quotes.
const maxText = 40

// recvText returns the source text of the WaitGroup a direct site calls its
// method on, such as "wg" or "s.wg".
func (c *checker) recvText(st site) string {
	if st.helper == nil {
		if call := c.calls[st.instr.Common().Pos()]; call != nil {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if text := types.ExprString(sel.X); len(text) <= maxText {
					return text
				}
			}
		}
	}
	return "wg"
}

// callText returns the source text of the call of a site, such as
// "s.Close()".
func (c *checker) callText(st site) string {
	if call := c.calls[st.instr.Common().Pos()]; call != nil {
		if text := types.ExprString(call.Fun); len(text) <= maxText {
			return text + "()"
		}
	}
	return st.helper.Name() + "()"
}

// wgText names the WaitGroup of k as the sites of fn spell it, preferring a
// direct call.
func (c *checker) wgText(sites []site, k key) string {
	for _, st := range sites {
		if st.key == k && st.helper == nil {
			return c.recvText(st)
		}
	}
	return "wg"
}

// hasPrefixKey reports whether v names the WaitGroup of k or something
// holding it, such as the struct s of s.wg.
func hasPrefixKey(v ssa.Value, k key) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X // as in sync.NewCond(&mu)
	}
	vk := canon(v)
	return vk.root == k.root && strings.HasPrefix(k.path, vk.path)
}

// handsOff reports whether instr may pass the WaitGroup of k (or what holds
// it) to code the summaries do not see: a go statement, a call of a
// function outside the package or of a func value, a closure, a store.
func handsOff(instr ssa.Instruction, k key, summarized bool) bool {
	var operands []ssa.Value
	switch instr := instr.(type) {
	case ssa.CallInstruction:
		if _, ok := wgMethod(instr.Common()); ok {
			return false
		}
		if _, isGo := instr.(*ssa.Go); !isGo && summarized {
			return false
		}
		common := instr.Common()
		operands = append(operands, common.Value)
		operands = append(operands, common.Args...)
	case *ssa.Store:
		operands = []ssa.Value{instr.Val}
	case *ssa.MakeClosure:
		operands = instr.Bindings
	case *ssa.Send:
		operands = []ssa.Value{instr.X}
	default:
		return false
	}
	for _, v := range operands {
		if mc, ok := v.(*ssa.MakeClosure); ok {
			for _, b := range mc.Bindings {
				if hasPrefixKey(b, k) {
					return true
				}
			}
			continue
		}
		if hasPrefixKey(v, k) {
			return true
		}
	}
	return false
}

// missingDone reports the returns of goroutine g that skip the Done it
// calls on other paths.
func (c *checker) missingDone(g *ssa.Function) {
	s := c.summary(g)
	var keys []key
	seen := make(map[key]bool)
	for _, st := range s.sites[done] {
		if st.helper == nil && !st.deferred && !seen[st.key] {
			seen[st.key] = true
			keys = append(keys, st.key)
		}
	}
	loops := c.loopsOf(g)
keys:
	for _, k := range keys {
		for _, a := range s.sites[add] {
			if a.key == k {
				continue keys // the goroutine counts itself
			}
		}
		var directs []site
		doneAt := make(map[ssa.Instruction]bool)
		for _, st := range s.sites[done] {
			if st.key != k {
				continue
			}
			if st.deferred || loops.InCycle(st.instr.Block()) {
				// Deferred: every path calls it. In a loop: Done
				// counts iterations, not the goroutine.
				continue keys
			}
			doneAt[st.instr] = true
			if st.helper == nil {
				directs = append(directs, st)
			}
		}
		handoff := false
		hits := flowpath.SearchEdges(g, nil, func(instr ssa.Instruction) flowpath.Step {
			switch instr := instr.(type) {
			case *ssa.Return:
				return flowpath.Hit
			case ssa.CallInstruction:
				if doneAt[instr] {
					return flowpath.Stop
				}
				summarized := c.ours(instr.Common().StaticCallee()) != nil && !instr.Common().IsInvoke()
				if handsOff(instr, k, summarized) {
					handoff = true
					return flowpath.Stop
				}
			default:
				if handsOff(instr, k, false) {
					handoff = true
					return flowpath.Stop
				}
			}
			return flowpath.Pass
		}, func(b *ssa.BasicBlock, i int) bool {
			return !nilEdge(b, i, k)
		})
		if len(hits) == 0 {
			continue
		}
		name := c.recvText(directs[0])
		var fix []analysis.SuggestedFix
		if !handoff && len(directs) == 1 && len(doneAt) == 1 {
			fix = c.deferDoneFix(g, directs[0], name)
		}
		for _, h := range hits {
			pos := h.Pos()
			msg := "this return skips " + name + ".Done(): " + name + ".Wait() blocks forever; call defer " + name + ".Done() first thing in the goroutine"
			if !pos.IsValid() {
				pos = bodyEnd(g)
				msg = "the goroutine can end here without calling " + name + ".Done(): " + name + ".Wait() blocks forever; call defer " + name + ".Done() first thing in the goroutine"
			}
			related := appendRelated(nil, c.waitFor(g, k), name+".Wait() waits here for the Done that this path skips")
			related = appendRelated(related, directs[0].instr.Common().Pos(), "the other paths call "+name+".Done() here")
			c.report(analysis.Diagnostic{Pos: pos, Message: msg, SuggestedFixes: fix, Related: related})
			fix = nil // one copy of the fix is enough
		}
	}
}

// nilEdge reports whether the edge from b to b.Succs[i] is taken only when
// the WaitGroup of k, or what holds it, is nil, as in the else branch of
// "if wg != nil { wg.Done() }": a nil WaitGroup counts nothing.
func nilEdge(b *ssa.BasicBlock, i int, k key) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return false
	}
	v := bin.X
	if isNil(v) {
		v = bin.Y
	} else if !isNil(bin.Y) {
		return false
	}
	if !hasPrefixKey(v, k) {
		return false
	}
	nilSucc := 0 // the true branch of ==
	if bin.Op == token.NEQ {
		nilSucc = 1
	}
	return i == nilSucc
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// body returns the body of fn's syntax.
func body(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}

func bodyEnd(fn *ssa.Function) token.Pos {
	if b := body(fn); b != nil {
		return b.Rbrace
	}
	return token.NoPos
}

// deferDoneFix moves the Done call d, the last statement of g, to a defer
// at the top of g, if that is certainly the same WaitGroup there.
func (c *checker) deferDoneFix(g *ssa.Function, d site, name string) []analysis.SuggestedFix {
	b := body(g)
	if b == nil || len(b.List) < 2 {
		return nil
	}
	last, ok := b.List[len(b.List)-1].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := last.X.(*ast.CallExpr)
	if !ok || call.Lparen != d.instr.Common().Pos() || len(call.Args) != 0 {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !c.stable(sel.X, b) {
		return nil
	}
	tf, src, ok := fixes.Source(c.pass, b.Pos())
	if !ok {
		return nil
	}
	first := b.List[0]
	if tf.PositionFor(first.Pos(), false).Column == 1 || tf.Line(first.Pos()) == tf.Line(b.Lbrace) {
		return nil
	}
	prevEnd := b.List[len(b.List)-2].End()
	if c.commented(prevEnd, lineEnd(src, tf, last.End())) {
		return nil // keep comments next to the Done where they are
	}
	text := string(src[tf.Offset(call.Pos()):tf.Offset(call.End())])
	insert, ok := fixes.LineBefore(c.pass, first.Pos(), "defer "+text)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Call defer " + name + ".Done() first thing in the goroutine",
		TextEdits: []analysis.TextEdit{insert, {Pos: prevEnd, End: last.End()}},
	}}
}

// commented reports whether a comment of the package lies in [from, to).
func (c *checker) commented(from, to token.Pos) bool {
	for _, f := range c.pass.Files {
		if f.FileStart > from || from >= f.FileEnd {
			continue
		}
		for _, cg := range f.Comments {
			if cg.Pos() < to && cg.End() > from {
				return true
			}
		}
	}
	return false
}

// lineEnd returns the position of the end of the line holding pos.
func lineEnd(src []byte, tf *token.File, pos token.Pos) token.Pos {
	off := tf.Offset(pos)
	for off < len(src) && src[off] != '\n' {
		off++
	}
	return tf.Pos(off)
}

// stable reports whether e, made of identifiers and field selections,
// denotes the same variable at the top of body as at its end: its root
// variable is declared outside body and never assigned inside it.
func (c *checker) stable(e ast.Expr, body *ast.BlockStmt) bool {
	var root *ast.Ident
	for root == nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			root = x
		case *ast.SelectorExpr:
			if _, isPkg := c.pass.TypesInfo.Uses[identOf(x.X)].(*types.PkgName); isPkg {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
	obj, ok := c.pass.TypesInfo.Uses[root].(*types.Var)
	if !ok || (obj.Pos() >= body.Pos() && obj.Pos() < body.End()) {
		return false
	}
	assigned := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.RangeStmt:
			lhs = []ast.Expr{n.Key, n.Value}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == obj {
				assigned = true
			}
		}
		return !assigned
	})
	return !assigned
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// waitInCounted reports a Wait in goroutine g on a WaitGroup that g itself
// calls Done on after the Wait: g waits for itself.
func (c *checker) waitInCounted(g *ssa.Function) {
	s := c.summary(g)
	for _, w := range s.sites[wait] {
		if w.deferred {
			continue
		}
		var later *site
		for i, d := range s.sites[done] {
			if d.key != w.key {
				continue
			}
			if d.deferred || c.reaches(g, w.instr, d.instr) {
				later = &s.sites[done][i]
				break
			}
		}
		if later == nil {
			continue
		}
		name := c.wgText(append([]site{w, *later}, s.sites[done]...), w.key)
		what := name + ".Wait()"
		if w.helper != nil {
			what = c.callText(w) + " waits on " + name + " and,"
		}
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: what + " inside a goroutine that " + name + " counts, waits for this goroutine's own " + name +
				".Done(), which only runs later: it deadlocks; call Wait outside the goroutines it waits for",
			Related: appendRelated(nil, later.instr.Common().Pos(), laterDone(later, name)),
		})
	}
}

// laterDone describes the Done that a Wait in a goroutine waits for.
func laterDone(d *site, name string) string {
	if d.deferred {
		return "this goroutine's " + name + ".Done() is deferred here: it runs when the goroutine returns, after the Wait"
	}
	return "this goroutine's " + name + ".Done() runs here, after the Wait"
}

// reaches reports whether control can go from just after a to b.
func (c *checker) reaches(fn *ssa.Function, a, b ssa.Instruction) bool {
	hits := flowpath.Search(fn, a, func(instr ssa.Instruction) flowpath.Step {
		if instr == b {
			return flowpath.Hit
		}
		return flowpath.Pass
	})
	return len(hits) > 0
}

// waitInSpawnLoop reports a Wait inside the loop that starts the goroutines
// it waits for, when their Add comes before the loop: the first Wait waits
// for goroutines that the loop has not started yet.
func (c *checker) waitInSpawnLoop(fn *ssa.Function) {
	s := c.summary(fn)
	if len(s.sites[wait]) == 0 {
		return
	}
	loops := c.loopsOf(fn)
	for _, w := range s.sites[wait] {
		if w.helper != nil || w.deferred || !loops.InCycle(w.instr.Block()) {
			continue
		}
		if !c.spawnsInLoop(fn, loops, w) {
			continue
		}
		addInLoop, addBefore := false, false
		var addAt token.Pos
		for _, a := range s.sites[add] {
			if a.key != w.key {
				continue
			}
			if loops.SameCycle(a.instr.Block(), w.instr.Block()) {
				addInLoop = true
			} else if c.reaches(fn, a.instr, w.instr) {
				addBefore = true
				if !addAt.IsValid() {
					addAt = a.instr.Common().Pos()
				}
			}
		}
		if addInLoop || !addBefore {
			continue
		}
		name := c.recvText(w)
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: name + ".Wait() inside the loop that starts the goroutines waits for all that " + name +
				".Add counted before the loop, but only one has started: it blocks forever; move " + name + ".Wait() after the loop",
			Related: appendRelated(nil, addAt, name+".Add counts the goroutines here, before the loop"),
		})
	}
}

// spawnsInLoop reports whether a go statement on the loop of the Wait w
// starts a goroutine that calls Done on w's WaitGroup.
func (c *checker) spawnsInLoop(fn *ssa.Function, loops *flowpath.Loops, w site) bool {
	for _, b := range fn.Blocks {
		if !loops.SameCycle(b, w.instr.Block()) {
			continue
		}
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			if m, ok := wgMethod(g.Common()); ok && m == done && canon(g.Call.Args[0]) == w.key {
				return true // go wg.Done()
			}
			callee := c.ours(g.Call.StaticCallee())
			if callee == nil || g.Call.IsInvoke() {
				continue
			}
			for _, d := range c.summary(callee).sites[done] {
				if !portable(d.key) {
					continue
				}
				if k, ok := translate(d.key, callee, g.Common()); ok && k == w.key {
					return true
				}
			}
		}
	}
	return false
}

// doneInGo reports a Done, in a function passed to WaitGroup.Go, on the
// same WaitGroup: Go already calls Done when the function returns.
func (c *checker) doneInGo(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := call.Common()
			if m, ok := wgMethod(common); !ok || m != goMethod || len(common.Args) != 2 {
				continue
			}
			k := canon(common.Args[0])
			f := common.Args[1]
			callee := c.ours(staticFunc(f))
			if callee == nil {
				continue
			}
			at := &ssa.CallCommon{Value: f}
			for _, d := range c.summary(callee).sites[done] {
				if !portable(d.key) {
					continue
				}
				if dk, ok := translate(d.key, callee, at); !ok || dk != k {
					continue
				}
				name := c.recvText(site{instr: call, key: k})
				what := "this " + c.wgText([]site{d}, d.key) + ".Done()"
				if d.helper != nil {
					what = c.callText(d) + ", which calls " + name + ".Done(),"
				}
				c.report(analysis.Diagnostic{
					Pos: d.instr.Common().Pos(),
					Message: name + ".Go already calls Done when the function returns: " + what +
						" drives the counter negative and panics; remove it",
				})
			}
		}
	}
}

// staticFunc returns the function a func value denotes, if known.
func staticFunc(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// usage records which WaitGroup methods are called on one WaitGroup
// variable, and whether its address goes anywhere else.
type usage struct {
	called  [nMethods]bool
	waits   []site
	escaped bool
}

// use records the uses of v, the address of a WaitGroup variable, following
// it into the closures that capture it.
func (u *usage) use(v ssa.Value, depth int) {
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Val == v {
				u.escaped = true
			}
		case ssa.CallInstruction:
			common := r.Common()
			m, ok := wgMethod(common)
			if !ok || common.Args[0] != v || containsValue(common.Args[1:], v) {
				u.escaped = true
				continue
			}
			if m == add && len(common.Args) == 2 && negative(common.Args[1]) {
				// Add(-n) releases what Add(n) counted, as Done does:
				// a start gate that holds goroutines at Wait.
				m = done
			}
			u.called[m] = true
			if m == wait && r.Common().Pos().IsValid() {
				u.waits = append(u.waits, site{instr: r, key: canon(v)})
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok || depth > 8 {
				u.escaped = true
				continue
			}
			for i, b := range r.Bindings {
				if b == v && i < len(fn.FreeVars) {
					u.use(fn.FreeVars[i], depth+1)
				}
			}
		default:
			u.escaped = true
		}
	}
}

// negative reports whether delta, the argument of an Add, is a negative
// constant or a negation (-n).
func negative(delta ssa.Value) bool {
	switch d := delta.(type) {
	case *ssa.Const:
		return d.Value != nil && d.Value.Kind() == constant.Int && constant.Sign(d.Value) < 0
	case *ssa.UnOp:
		return d.Op == token.SUB
	case *ssa.Convert:
		return negative(d.X)
	}
	return false
}

func containsValue(vs []ssa.Value, v ssa.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// neverDone reports the Waits on a WaitGroup that is added to but never
// done: a local variable whose address goes nowhere else, or an unexported
// field whose address goes nowhere else in the package.
func (c *checker) neverDone(funcs []*ssa.Function) {
	fields := make(map[*types.Var]*usage)
	var fieldOrder []*types.Var
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					if ptr, ok := instr.Type().Underlying().(*types.Pointer); ok && isWaitGroup(ptr.Elem()) {
						u := &usage{}
						u.use(instr, 0)
						c.reportNeverDone(u)
					}
				case *ssa.FieldAddr:
					field := fieldOf(instr.X.Type(), instr.Field)
					if field == nil || field.Exported() || field.Embedded() || !isWaitGroup(field.Type()) {
						continue
					}
					u := fields[field]
					if u == nil {
						u = &usage{}
						fields[field] = u
						fieldOrder = append(fieldOrder, field)
					}
					u.use(instr, 0)
				}
			}
		}
	}
	for _, f := range fieldOrder {
		c.reportNeverDone(fields[f])
	}
}

func (c *checker) reportNeverDone(u *usage) {
	if u.escaped || !u.called[add] || !u.called[wait] || u.called[done] || u.called[goMethod] {
		return
	}
	for _, w := range u.waits {
		name := c.recvText(w)
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: "nothing calls " + name + ".Done(), so " + name + ".Wait() blocks forever once " + name +
				".Add has run: call defer " + name + ".Done() in each goroutine that Add counts",
		})
	}
}

func fieldOf(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Origin()
	}
	return nil
}

func isWaitGroup(t types.Type) bool {
	return typematch.IsType(t, "sync", "WaitGroup")
}
