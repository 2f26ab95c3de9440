// Package chanflow works out, for one package, which channel values may be
// the same channel, and everything the package does with each: where it is
// made, sent on, received from and closed, and whether it leaves the code
// the package can see. The leak analyzers build their rules on its Result.
//
// The analysis is a flow-insensitive alias analysis restricted to channels
// (and pointers to channel variables), in the style of Steensgaard:
// every value a channel can flow into — a phi, a conversion, a closure's
// free variable, a parameter of a function whose every caller is known, a
// result, an unexported struct field or package variable — is unified with
// it. A Class is one equivalence class. Anything the analysis cannot follow
// marks the class: External when a channel may come from code it does not
// see, EscSend or EscRecv when code it does not see may send (or close) or
// receive. Rules that say "nothing closes this channel" must check these
// marks, and stay silent when they are set.
package chanflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes the Result of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "chanflow",
	Doc:        "track channel values through a package, for the leak analyzers",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	Run:        run,
}

// OpKind says what an Op does to a channel.
type OpKind uint8

// The kinds of Op.
const (
	Send OpKind = iota + 1
	Recv
	Close
)

// An Op is one send, receive or close of a channel.
type Op struct {
	Kind  OpKind
	Fn    *ssa.Function   // the function whose code performs it
	Instr ssa.Instruction // *ssa.Send, *ssa.UnOp, *ssa.Select, or the call of close
	Chan  ssa.Value       // the channel operand
	Pos   token.Pos       // the arrow, the range's for, or close's parenthesis

	Select *ssa.Select // the select statement, if the op is one of its cases
	Case   int         // the index of that case in Select.States

	CommaOk  bool // a receive that also reports whether the channel is closed
	Range    bool // the receive of a for-range loop over the channel
	Deferred bool // a close in a defer statement
}

// Blocking reports whether the op waits for its channel alone: it is not a
// case of a select that has another case or a default.
func (o *Op) Blocking() bool {
	return o.Select == nil || (o.Select.Blocking && len(o.Select.States) == 1)
}

// A Class is a set of values that may hold the same channel, with what the
// package does to them.
type Class struct {
	Makes    []*ssa.MakeChan // the make calls whose channels the class holds
	Nil      bool            // it may hold a nil channel (a nil constant, a zero variable or field)
	External bool            // it may hold a channel from code the analysis does not see
	EscSend  bool            // code the analysis does not see may send on it or close it
	EscRecv  bool            // code the analysis does not see may receive from it
	Len      bool            // len or cap is applied to it
	Stored   bool            // it is kept in a struct field or a package variable
	Ops      []*Op
}

// Closed reports whether the class is closed world: it holds no channel
// from unseen code and none of its channels reaches unseen code.
func (c *Class) Closed() bool {
	return !c.External && !c.EscSend && !c.EscRecv
}

// Has reports whether some op of the class is of kind k.
func (c *Class) Has(k OpKind) bool {
	for _, op := range c.Ops {
		if op.Kind == k {
			return true
		}
	}
	return false
}

// Result is what chanflow knows about one package.
type Result struct {
	// Funcs are the package's functions with a body: declared, anonymous,
	// and the package initializer.
	Funcs []*ssa.Function
	// Classes are the channel classes, in order of discovery.
	Classes []*Class

	files   []*ast.File
	classOf map[ssa.Value]*Class
	fields  map[*types.Var]*Class
	inPkg   map[*ssa.Function]bool
	calls   map[*ssa.Function][]ssa.CallInstruction // static call sites, incl. go and defer
	known   map[*ssa.Function]bool                  // every caller is a static call site in calls

	mu    sync.Mutex
	loops map[*ssa.Function]*Loops
}

// ClassOf returns the class of the channel value v, or nil if v is not a
// channel the analysis tracked.
func (r *Result) ClassOf(v ssa.Value) *Class {
	return r.classOf[v]
}

// FieldClass returns the class of the channel values kept in struct field
// v (its generic origin), or nil if the package tracks none.
func (r *Result) FieldClass(v *types.Var) *Class {
	return r.fields[v.Origin()]
}

// CallSites returns the static call sites (calls, go and defer statements)
// of fn in the package.
func (r *Result) CallSites(fn *ssa.Function) []ssa.CallInstruction { return r.calls[fn] }

// CallersKnown reports whether every call of fn is one of CallSites(fn):
// fn is neither exported, nor used as a value, nor callable through an
// interface.
func (r *Result) CallersKnown(fn *ssa.Function) bool { return r.known[fn] }

// GoTarget returns the function a go statement runs, if the analysis has
// its body.
func (r *Result) GoTarget(g *ssa.Go) *ssa.Function {
	if g.Call.IsInvoke() {
		return nil
	}
	fn := g.Call.StaticCallee()
	if fn == nil || !r.inPkg[fn] {
		return nil
	}
	return fn
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		files:   pass.Files,
		classOf: make(map[ssa.Value]*Class),
		fields:  make(map[*types.Var]*Class),
		inPkg:   make(map[*ssa.Function]bool),
		calls:   make(map[*ssa.Function][]ssa.CallInstruction),
		known:   make(map[*ssa.Function]bool),
		loops:   make(map[*ssa.Function]*Loops),
	}
	// Without a channel type or a channel operation in the source there is
	// nothing to track; skip the work.
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ranges := make(map[token.Pos]bool)
	uses := false
	for n := range insp.PreorderSeq((*ast.ChanType)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			uses = uses || n.Op == token.ARROW
		case *ast.RangeStmt:
			if tv, ok := pass.TypesInfo.Types[n.X]; ok && tv.Type != nil {
				if _, ok := tv.Type.Underlying().(*types.Chan); ok {
					ranges[n.For] = true
					uses = true
				}
			}
		default:
			uses = true
		}
	}
	if !uses {
		return res, nil
	}

	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || res.inPkg[fn] || fn.Blocks == nil {
			return
		}
		res.inPkg[fn] = true
		res.Funcs = append(res.Funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, fn := range ssainfo.SrcFuncs {
		add(fn)
	}
	if init := ssainfo.Pkg.Func("init"); init != nil {
		add(init)
	}

	b := &builder{
		pass:   pass,
		res:    res,
		ranges: ranges,
		index:  make(map[any]int),
	}
	b.scanCallers()
	b.build()
	b.classes()
	return res, nil
}

// Keys of nodes that are not values.
type (
	fieldKey  struct{ v *types.Var }
	returnKey struct {
		fn *ssa.Function
		i  int
	}
)

// facts are what is known about one node before unification.
type facts struct {
	makes   []*ssa.MakeChan
	nil     bool
	ext     bool
	escSend bool
	escRecv bool
	len     bool
	stored  bool
	ops     []*Op
}

type builder struct {
	pass   *analysis.Pass
	res    *Result
	ranges map[token.Pos]bool // positions of for-range statements over channels

	index  map[any]int
	keys   []any
	parent []int
	facts  []facts

	taken   map[*ssa.Function]bool // used as a value, not only called
	takenFn map[*types.Func]bool   // a method whose method value or expression is taken
	invoked map[string]bool        // names of methods called through an interface
}

// node returns the union-find node of key k, making it if needed.
func (b *builder) node(k any) int {
	if i, ok := b.index[k]; ok {
		return i
	}
	i := len(b.keys)
	b.index[k] = i
	b.keys = append(b.keys, k)
	b.parent = append(b.parent, i)
	b.facts = append(b.facts, facts{})
	b.initNode(k, i)
	return i
}

// initNode records what the kind of key k implies about its node.
func (b *builder) initNode(k any, i int) {
	f := &b.facts[i]
	switch k := k.(type) {
	case fieldKey:
		f.nil, f.stored = true, true // a zero struct holds a nil channel
		if k.v.Pkg() != b.pass.Pkg || b.exported(k.v) {
			f.ext, f.escSend, f.escRecv = true, true, true
		}
	case *ssa.Global:
		f.nil, f.stored = true, true
		if k.Pkg == nil || k.Pkg.Pkg != b.pass.Pkg || k.Object() == nil || b.exported(k.Object()) {
			f.ext, f.escSend, f.escRecv = true, true, true
		}
	case *ssa.Const:
		f.nil = true
	case *ssa.Alloc:
		f.nil = true // a variable starts out nil
	case *ssa.Parameter:
		if fn := k.Parent(); fn == nil || !b.res.known[fn] {
			f.ext = true
		}
	case returnKey:
		if !b.res.known[k.fn] {
			b.escapeType(i, k.fn.Signature.Results().At(k.i).Type())
		}
	}
}

func (b *builder) find(i int) int {
	for b.parent[i] != i {
		b.parent[i] = b.parent[b.parent[i]]
		i = b.parent[i]
	}
	return i
}

func (b *builder) union(x, y int) {
	x, y = b.find(x), b.find(y)
	if x != y {
		b.parent[y] = x
	}
}

// key maps a value to the key of its node: the field a field address
// points to, the global itself, or the value.
func (b *builder) key(v ssa.Value) any {
	if fa, ok := v.(*ssa.FieldAddr); ok {
		if fv := fieldVar(fa.X.Type(), fa.Field, true); fv != nil {
			return fieldKey{fv}
		}
	}
	return v
}

func (b *builder) unify(x, y ssa.Value) { b.union(b.node(b.key(x)), b.node(b.key(y))) }
func (b *builder) unifyKey(v ssa.Value, k any) {
	b.union(b.node(b.key(v)), b.node(k))
}
func (b *builder) external(v ssa.Value) { b.facts[b.node(b.key(v))].ext = true }

// escape marks v as reaching code the analysis does not see; its type says
// what that code can do with it.
func (b *builder) escape(v ssa.Value) { b.escapeType(b.node(b.key(v)), v.Type()) }

func (b *builder) escapeType(i int, t types.Type) {
	f := &b.facts[i]
	if ch, ok := t.Underlying().(*types.Chan); ok {
		switch ch.Dir() {
		case types.SendOnly:
			f.escSend = true
		case types.RecvOnly:
			f.escRecv = true
		default:
			f.escSend, f.escRecv = true, true
		}
		return
	}
	f.escSend, f.escRecv, f.ext = true, true, true // a pointer: anything may be stored
}

// exported reports whether code outside the package can name obj: it is
// exported, and the package is not a command (package main, which nothing
// imports).
func (b *builder) exported(obj types.Object) bool {
	return obj.Exported() && b.pass.Pkg.Name() != "main"
}

// isChan reports whether t is a channel type.
func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// tracked reports whether values of type t are nodes: channels,
// containers of channels, and pointers to variables of either.
func tracked(t types.Type) bool {
	if isChan(t) || container(t) {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return isChan(p.Elem()) || container(p.Elem())
	}
	return false
}

// container reports whether t holds channels the analysis follows through
// it: a map whose keys or elements are channels, a slice or array of
// channels, or a pointer to such an array. A container and the channels in
// it share a node, as a pointer and its pointee do: what is put in may be
// what is taken out.
func container(t types.Type) bool { return holds(t, 0) }

// holds reports whether t is a container of channels, or of containers of
// channels (map[string][]chan T), depth levels down.
func holds(t types.Type, depth int) bool {
	if depth > 3 {
		return false
	}
	in := func(e types.Type) bool { return isChan(e) || holds(e, depth+1) }
	switch u := t.Underlying().(type) {
	case *types.Map:
		return in(u.Key()) || in(u.Elem())
	case *types.Slice:
		return in(u.Elem())
	case *types.Array:
		return in(u.Elem())
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return in(a.Elem())
		}
	}
	return false
}

// fieldVar returns the field i of the struct that t (or, if ptr, the
// struct t points to) denotes, if it is a channel field.
func fieldVar(t types.Type, i int, ptr bool) *types.Var {
	if ptr {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil
	}
	f := st.Field(i)
	if !isChan(f.Type()) && !container(f.Type()) {
		return nil
	}
	return f.Origin()
}

// scanCallers finds every function's static call sites and the functions
// that may also be called from elsewhere.
func (b *builder) scanCallers() {
	b.taken = make(map[*ssa.Function]bool)
	b.takenFn = make(map[*types.Func]bool)
	b.invoked = make(map[string]bool)
	var rands []*ssa.Value
	for _, fn := range b.res.Funcs {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				var callee ssa.Value
				if call, ok := instr.(ssa.CallInstruction); ok {
					c := call.Common()
					if c.IsInvoke() {
						b.invoked[c.Method.Name()] = true
					} else if sc := c.StaticCallee(); sc != nil {
						callee = c.Value
						if o := sc.Origin(); o != nil {
							sc = o // a call of an instance is a call of the generic body
						}
						b.res.calls[sc] = append(b.res.calls[sc], call)
						if o := sc.Origin(); o != nil && o != sc {
							// A call of an instance of a generic function is
							// also a call of the function whose body it runs.
							b.res.calls[o] = append(b.res.calls[o], call)
						}
					}
				}
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					fn := mc.Fn.(*ssa.Function)
					for _, ref := range *mc.Referrers() {
						if call, ok := ref.(ssa.CallInstruction); !ok || call.Common().Value != mc {
							b.markTaken(fn)
						}
					}
					continue
				}
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if fn, ok := (*r).(*ssa.Function); ok && *r != callee {
						b.markTaken(fn)
					}
				}
			}
		}
	}
	for _, fn := range b.res.Funcs {
		b.res.known[fn] = b.callersKnown(fn)
	}
}

func (b *builder) markTaken(fn *ssa.Function) {
	b.taken[fn] = true
	if obj, ok := fn.Object().(*types.Func); ok {
		b.takenFn[obj] = true // a wrapper or thunk stands for its method
	}
}

func (b *builder) callersKnown(fn *ssa.Function) bool {
	if b.taken[fn] || fn.TypeParams().Len() > 0 || len(fn.TypeArgs()) > 0 {
		return false
	}
	if fn.Parent() != nil {
		return true
	}
	if _, ok := fn.Syntax().(*ast.FuncDecl); !ok {
		return false // the package initializer, or a function built without syntax
	}
	if len(b.res.calls[fn]) == 0 {
		// Nothing in this pass calls it: its callers are code the pass
		// does not see (the package's tests, another build), or none.
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || b.exported(obj) || b.takenFn[obj] {
		return false
	}
	if obj.Signature().Recv() != nil && obj.Exported() {
		// Other packages may call it through an interface they define
		// (fmt.Stringer, http.Handler), even in package main.
		return false
	}
	if sig := obj.Signature(); sig.Recv() != nil {
		if b.invoked[obj.Name()] {
			return false
		}
		if named, ok := derefNamed(sig.Recv().Type()); ok && named.TypeParams().Len() > 0 {
			return false
		}
	}
	return true
}

func derefNamed(t types.Type) (*types.Named, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return n, ok
}

// build walks every instruction of the package.
func (b *builder) build() {
	for _, fn := range b.res.Funcs {
		for _, p := range fn.Params {
			if tracked(p.Type()) {
				b.node(p)
			}
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				b.instr(fn, instr)
			}
		}
	}
}

func (b *builder) op(fn *ssa.Function, instr ssa.Instruction, kind OpKind, ch ssa.Value, pos token.Pos) *Op {
	op := &Op{Kind: kind, Fn: fn, Instr: instr, Chan: ch, Pos: pos}
	i := b.node(b.key(ch))
	b.facts[i].ops = append(b.facts[i].ops, op)
	return op
}

// operand notes a tracked value that an instruction defines or uses, so
// that constants get their nil fact.
func (b *builder) operand(v ssa.Value) {
	if c, ok := v.(*ssa.Const); ok && tracked(c.Type()) {
		b.node(c)
	}
}

// instr records what one instruction does with the package's channels; an
// instruction the analysis does not follow makes its channels opaque.
func (b *builder) instr(fn *ssa.Function, instr ssa.Instruction) {
	if !b.follow(fn, instr) {
		b.opaque(instr)
	}
}

// follow dispatches an instruction to the step that records it, and
// reports false for one the analysis does not follow.
func (b *builder) follow(fn *ssa.Function, instr ssa.Instruction) bool {
	switch i := instr.(type) {
	case *ssa.MakeChan:
		n := b.node(i)
		b.facts[n].makes = append(b.facts[n].makes, i)
	case *ssa.Phi:
		b.phi(i)
	case *ssa.ChangeType:
		b.changeType(i)
	case *ssa.UnOp:
		return b.unOp(fn, i)
	case *ssa.Field:
		if fv := fieldVar(i.X.Type(), i.Field, false); fv != nil {
			b.unifyKey(i, fieldKey{fv})
		}
	case *ssa.FieldAddr, *ssa.Alloc:
		// handled by their uses
	case *ssa.MakeMap, *ssa.MakeSlice:
		if tracked(instr.(ssa.Value).Type()) {
			b.node(instr.(ssa.Value))
		}
	case *ssa.MapUpdate:
		return b.mapUpdate(i)
	case *ssa.Lookup:
		return b.lookup(i)
	case *ssa.IndexAddr, *ssa.Index, *ssa.Slice:
		return b.element(instr)
	case *ssa.Range:
		if !container(i.X.Type()) {
			return false
		}
		b.operand(i.X) // Next's key and value are handled by their Extracts
	case *ssa.Store:
		b.store(i)
	case *ssa.Send:
		b.send(fn, i)
	case *ssa.Select:
		b.selectOps(fn, i)
	case *ssa.Extract:
		b.extract(i)
	case *ssa.Return:
		for k, r := range i.Results {
			if tracked(r.Type()) {
				b.operand(r)
				b.unifyKey(r, returnKey{fn, k})
			}
		}
	case *ssa.MakeClosure:
		b.makeClosure(i)
	case ssa.CallInstruction:
		b.call(fn, i)
	case *ssa.BinOp, *ssa.DebugRef, *ssa.If, *ssa.Jump, *ssa.RunDefers:
		// comparisons and control flow
	default:
		return false
	}
	return true
}

// opaque handles an instruction the analysis does not follow: its tracked
// operands reach what the analysis cannot see, and a tracked value it
// defines comes from there.
func (b *builder) opaque(instr ssa.Instruction) {
	var rands []*ssa.Value
	for _, r := range instr.Operands(rands) {
		if *r != nil && tracked((*r).Type()) {
			b.operand(*r)
			b.escape(*r)
		}
	}
	if v, ok := instr.(ssa.Value); ok && tracked(v.Type()) {
		b.external(v)
	}
}

// phi unifies a tracked phi with each of its edges.
func (b *builder) phi(i *ssa.Phi) {
	if tracked(i.Type()) {
		for _, e := range i.Edges {
			b.operand(e)
			b.unify(i, e)
		}
	}
}

// changeType unifies a conversion with what it converts (a bidirectional
// channel to a directional one, a named channel type to another).
func (b *builder) changeType(i *ssa.ChangeType) {
	if tracked(i.Type()) || tracked(i.X.Type()) {
		b.operand(i.X)
		b.unify(i, i.X)
	}
}

// unOp handles a receive (<-ch: a Recv op; a channel received from a
// channel comes from outside) and a load (*p: the loaded value shares the
// node of the field, variable, pointer or element it is loaded from). It
// reports false for any other unary operator.
func (b *builder) unOp(fn *ssa.Function, i *ssa.UnOp) bool {
	switch i.Op {
	case token.ARROW:
		b.operand(i.X)
		op := b.op(fn, i, Recv, i.X, i.Pos())
		op.CommaOk = i.CommaOk
		op.Range = i.CommaOk && b.ranges[i.Pos()]
		if tracked(i.Type()) {
			b.external(i) // a channel received from a channel
		}
		return true
	case token.MUL:
		if !tracked(i.Type()) {
			return true
		}
		switch addr := i.X.(type) {
		case *ssa.FieldAddr:
			if fieldVar(addr.X.Type(), addr.Field, true) != nil {
				b.unify(i, addr)
				return true
			}
		case *ssa.Global, *ssa.Alloc, *ssa.FreeVar, *ssa.Parameter, *ssa.Phi:
			b.unify(i, addr) // pointer and pointee share a node
			return true
		case *ssa.IndexAddr:
			if container(addr.X.Type()) {
				b.unify(i, addr) // an element of a slice or array
				return true
			}
		}
		b.external(i)
		return true
	}
	return false
}

// mapUpdate unifies a map of channels with the channels stored in it, as
// keys or values; false for a map that holds none.
func (b *builder) mapUpdate(i *ssa.MapUpdate) bool {
	if !container(i.Map.Type()) {
		return false
	}
	b.operand(i.Map)
	for _, v := range []ssa.Value{i.Key, i.Value} {
		if tracked(v.Type()) {
			b.operand(v)
			b.unify(i.Map, v)
		}
	}
	return true
}

// lookup unifies a map of channels with a channel looked up in it (or used
// as a key); a missing key gives a nil channel. False for a map that holds
// none.
func (b *builder) lookup(i *ssa.Lookup) bool {
	if !container(i.X.Type()) {
		return false
	}
	b.operand(i.X)
	if isChan(i.Index.Type()) {
		b.operand(i.Index)
		b.unify(i.X, i.Index)
	}
	if !i.CommaOk && tracked(i.Type()) {
		b.unify(i, i.X)
		b.facts[b.node(i)].nil = true // a missing key gives a nil channel
	}
	return true
}

// element unifies a slice or array of channels with an element or slice
// taken from it; false for one that holds none.
func (b *builder) element(instr ssa.Instruction) bool {
	x := instr.Operands(nil)[0]
	if !container((*x).Type()) {
		return false
	}
	b.operand(*x)
	b.unify(instr.(ssa.Value), *x)
	return true
}

// store follows a channel stored into a field, a variable or an element
// of a slice or array; stored anywhere else, it escapes.
func (b *builder) store(i *ssa.Store) {
	if !tracked(i.Val.Type()) {
		return
	}
	b.operand(i.Val)
	switch addr := i.Addr.(type) {
	case *ssa.FieldAddr:
		if fieldVar(addr.X.Type(), addr.Field, true) != nil {
			b.unify(i.Val, addr)
			return
		}
	case *ssa.Global, *ssa.Alloc, *ssa.FreeVar:
		b.unify(i.Val, addr)
		return
	case *ssa.IndexAddr:
		if container(addr.X.Type()) {
			b.unify(i.Val, addr)
			return
		}
	}
	b.escape(i.Val)
	b.external(i.Val)
}

// send records a Send op; a channel sent on a channel escapes.
func (b *builder) send(fn *ssa.Function, i *ssa.Send) {
	b.operand(i.Chan)
	b.op(fn, i, Send, i.Chan, i.Pos())
	if tracked(i.X.Type()) {
		b.operand(i.X)
		b.escape(i.X)
	}
}

// selectOps records an op for each case of a select, with its case index.
func (b *builder) selectOps(fn *ssa.Function, i *ssa.Select) {
	for k, st := range i.States {
		b.operand(st.Chan)
		kind := Recv
		if st.Dir == types.SendOnly {
			kind = Send
			if st.Send != nil && tracked(st.Send.Type()) {
				b.operand(st.Send)
				b.escape(st.Send)
			}
		}
		op := b.op(fn, i, kind, st.Chan, st.Pos)
		op.Select, op.Case = i, k
	}
}

// extract follows a channel taken from a tuple: a result of a call of the
// package, a map lookup's value, a range's element; from anywhere else it
// comes from outside.
func (b *builder) extract(i *ssa.Extract) {
	if !tracked(i.Type()) {
		return
	}
	switch t := i.Tuple.(type) {
	case *ssa.Call:
		if callee := b.staticCallee(t); callee != nil {
			b.unifyKey(i, returnKey{callee, i.Index})
			return
		}
	case *ssa.Lookup:
		if i.Index == 0 && container(t.X.Type()) {
			b.unify(i, t.X)
			b.facts[b.node(i)].nil = true
			return
		}
	case *ssa.Next:
		if r, ok := t.Iter.(*ssa.Range); ok && !t.IsString && container(r.X.Type()) {
			b.unify(i, r.X)
			return
		}
	}
	b.external(i)
}

// makeClosure unifies the channels a closure captures with its free
// variables, when its body is in the package; otherwise they escape.
func (b *builder) makeClosure(i *ssa.MakeClosure) {
	callee := i.Fn.(*ssa.Function)
	for k, bv := range i.Bindings {
		if !tracked(bv.Type()) {
			continue
		}
		b.operand(bv)
		if b.res.inPkg[callee] && k < len(callee.FreeVars) {
			b.unify(bv, callee.FreeVars[k])
		} else {
			b.escape(bv)
		}
	}
}

// staticCallee returns the callee of call if its body is in the package.
func (b *builder) staticCallee(call ssa.CallInstruction) *ssa.Function {
	c := call.Common()
	if c.IsInvoke() {
		return nil
	}
	if fn := c.StaticCallee(); fn != nil && b.res.inPkg[fn] {
		return fn
	}
	return nil
}

func (b *builder) call(fn *ssa.Function, call ssa.CallInstruction) {
	c := call.Common()
	if bi, ok := c.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "close":
			if len(c.Args) == 1 {
				b.operand(c.Args[0])
				op := b.op(fn, call, Close, c.Args[0], c.Pos())
				_, op.Deferred = call.(*ssa.Defer)
			}
			return
		case "len", "cap":
			if len(c.Args) == 1 && tracked(c.Args[0].Type()) && !container(c.Args[0].Type()) {
				b.facts[b.node(b.key(c.Args[0]))].len = true
			}
			return
		case "delete", "clear":
			if len(c.Args) > 0 && container(c.Args[0].Type()) {
				b.operand(c.Args[0])
				for _, a := range c.Args[1:] {
					if tracked(a.Type()) {
						b.operand(a)
						b.unify(c.Args[0], a)
					}
				}
				return
			}
		case "append", "copy":
			if len(c.Args) > 0 && container(c.Args[0].Type()) {
				for _, a := range c.Args {
					if tracked(a.Type()) {
						b.operand(a)
						b.unify(c.Args[0], a)
					}
				}
				if v := call.Value(); v != nil && tracked(v.Type()) {
					b.unify(v, c.Args[0])
				}
				return
			}
		}
		for _, a := range c.Args {
			if tracked(a.Type()) {
				b.operand(a)
				b.escape(a)
			}
		}
		return
	}
	callee := b.staticCallee(call)
	for k, a := range c.Args {
		if !tracked(a.Type()) {
			continue
		}
		b.operand(a)
		if callee != nil && k < len(callee.Params) {
			b.unify(a, callee.Params[k])
		} else {
			b.escape(a)
		}
	}
	if v := call.Value(); v != nil && tracked(v.Type()) {
		if callee != nil {
			b.unifyKey(v, returnKey{callee, 0})
		} else {
			b.external(v)
		}
	}
}

// classes gathers the facts of each equivalence class.
func (b *builder) classes() {
	byRoot := make(map[int]*Class)
	for i := range b.keys {
		r := b.find(i)
		c, ok := byRoot[r]
		if !ok {
			c = new(Class)
			byRoot[r] = c
			b.res.Classes = append(b.res.Classes, c)
		}
		f := &b.facts[i]
		c.Makes = append(c.Makes, f.makes...)
		c.Nil = c.Nil || f.nil
		c.External = c.External || f.ext
		c.EscSend = c.EscSend || f.escSend
		c.EscRecv = c.EscRecv || f.escRecv
		c.Len = c.Len || f.len
		c.Stored = c.Stored || f.stored
		c.Ops = append(c.Ops, f.ops...)
	}
	for v, i := range b.index {
		switch v := v.(type) {
		case ssa.Value:
			b.res.classOf[v] = byRoot[b.find(i)]
		case fieldKey:
			b.res.fields[v.v] = byRoot[b.find(i)]
		}
	}
}
