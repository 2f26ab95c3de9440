// Package waitgroupmisuse defines an Analyzer that reports sync.WaitGroup
// uses that make Wait block forever or make the counter go negative.
package waitgroupmisuse

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
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
