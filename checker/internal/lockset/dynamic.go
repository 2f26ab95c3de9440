package lockset

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// Calls through function values and interfaces are opaque to the
// summaries: the engine cannot say which function runs, so it neither
// holds nor releases anything across them. But when the package itself
// says what may run there (every function stored in a func-typed field,
// every function passed for a callback parameter, every type of the
// package that implements one of its interfaces), the locks those
// functions acquire are acquired at the call, on some path: a lock held
// there that one of them takes again is a double lock, and the lock order
// they add counts. Only the acquisitions apply, never holds or releases,
// so a wrong guess cannot hide another finding.

// Limits on following dynamic calls.
const (
	maxTargets     = 6 // functions a dynamic call may run
	maxValueDepth  = 3 // steps from a call's function value back to functions
	maxImplemented = 6 // types implementing an interface method
)

// Dynamic describes the dynamic call through which a lock is acquired.
type Dynamic struct {
	Kind   string        // DynField, DynParam, DynInterface
	Text   string        // the called expression as written, such as "le.cp"
	Target *ssa.Function // the function that may run there
	// Origin is where the package says Target may run there: the
	// assignment to the field, the call that passes the callback, or
	// the method's declaration.
	Origin token.Pos
	// Call is the dynamic call itself.
	Call token.Pos

	viaClosure bool // the target takes the lock through a function literal
}

// closure reports whether the function that may run is a function
// literal: it captures particular variables, most often not the instance
// whose lock another path holds, so its acquisitions add no lock order.
func (d *Dynamic) closure() bool { return d.viaClosure || d.Target.Parent() != nil }

// Kinds of dynamic calls.
const (
	DynField     = "field"     // a func-typed struct field
	DynParam     = "callback"  // a func-typed parameter or variable
	DynInterface = "interface" // an interface method of the package
)

type target struct {
	fn     *ssa.Function
	kind   string
	origin token.Pos
}

// dynIndex is built on first need: the functions stored in func-typed
// fields, and the static calls of each function.
type dynIndex struct {
	stores map[*types.Var][]*ssa.Store
	conds  map[*types.Var][]*ssa.Store // stores to *sync.Cond fields
	calls  map[*ssa.Function][]*ssa.CallCommon
	allocs map[*ssa.Alloc][]*ssa.Store
	ifaces map[ifaceMethod][]target
}

type ifaceMethod struct {
	iface *types.Named
	name  string
}

func (e *engine) index() *dynIndex {
	if e.dyn != nil {
		return e.dyn
	}
	x := &dynIndex{
		stores: make(map[*types.Var][]*ssa.Store),
		conds:  make(map[*types.Var][]*ssa.Store),
		calls:  make(map[*ssa.Function][]*ssa.CallCommon),
		allocs: make(map[*ssa.Alloc][]*ssa.Store),
		ifaces: make(map[ifaceMethod][]target),
	}
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch i := instr.(type) {
				case *ssa.Store:
					if a, ok := i.Addr.(*ssa.FieldAddr); ok && typematch.IsType(deref(i.Val.Type()), "sync", "Cond") {
						if v := fieldVar(a.X.Type(), a.Field); v != nil {
							x.conds[v] = append(x.conds[v], i)
						}
						continue
					}
					if _, ok := i.Val.Type().Underlying().(*types.Signature); !ok {
						continue
					}
					switch a := i.Addr.(type) {
					case *ssa.FieldAddr:
						if v := fieldVar(a.X.Type(), a.Field); v != nil {
							x.stores[v] = append(x.stores[v], i)
						}
					case *ssa.Alloc:
						x.allocs[a] = append(x.allocs[a], i)
					}
				case ssa.CallInstruction:
					c := i.Common()
					if g, _, _ := callee(c); g != nil && !c.IsInvoke() {
						x.calls[g] = append(x.calls[g], c)
					}
				}
			}
		}
	}
	e.dyn = x
	return x
}

func fieldVar(t types.Type, i int) *types.Var {
	if s, ok := deref(t).Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i)
	}
	return nil
}

// dynamicCall reports whether c calls a function value or an interface
// method (not a builtin, nor a function without a body).
func dynamicCall(c *ssa.CallCommon) bool {
	if c.IsInvoke() {
		return true
	}
	switch c.Value.(type) {
	case *ssa.Builtin, *ssa.Function, *ssa.MakeClosure:
		return false
	}
	return true
}

// targets returns the package's functions that the dynamic call c may
// run, at most maxTargets, and the kind of the call.
func (e *engine) targets(c *ssa.CallCommon) []target {
	if c.IsInvoke() {
		return e.implementations(c.Value.Type(), c.Method.Name())
	}
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	var out []target
	seen := make(map[*ssa.Function]bool)
	e.funcValues(c.Value, "", token.NoPos, 0, seen, &out)
	return out
}

// funcValues adds the functions that value v may be, following fields,
// parameters, free variables, phis and local variables back to where
// functions are made.
func (e *engine) funcValues(v ssa.Value, kind string, origin token.Pos, depth int, seen map[*ssa.Function]bool, out *[]target) {
	if depth > maxValueDepth || len(*out) >= maxTargets {
		return
	}
	add := func(fn *ssa.Function) {
		if kind == "" {
			kind = DynParam
		}
		if fn != nil && !seen[fn] && len(*out) < maxTargets {
			seen[fn] = true
			*out = append(*out, target{fn: fn, kind: kind, origin: origin})
		}
	}
	switch x := v.(type) {
	case *ssa.Function, *ssa.MakeClosure:
		fn, _ := staticFunc(x)
		add(fn)
	case *ssa.ChangeType:
		e.funcValues(x.X, kind, origin, depth, seen, out)
	case *ssa.Phi:
		for _, ed := range x.Edges {
			e.funcValues(ed, kind, origin, depth+1, seen, out)
		}
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return
		}
		switch a := x.X.(type) {
		case *ssa.FieldAddr:
			e.fieldValues(fieldVar(a.X.Type(), a.Field), kind, depth, seen, out)
		case *ssa.Alloc:
			for _, s := range e.index().allocs[a] {
				e.funcValues(s.Val, kind, s.Pos(), depth+1, seen, out)
			}
		}
	case *ssa.Field:
		e.fieldValues(fieldVar(x.X.Type(), x.Field), kind, depth, seen, out)
	case *ssa.Parameter:
		fn := x.Parent()
		i := slices.Index(fn.Params, x)
		if i < 0 {
			return
		}
		for _, c := range e.index().calls[fn] {
			if i < len(c.Args) {
				e.funcValues(c.Args[i], cmp.Or(kind, DynParam), c.Pos(), depth+1, seen, out)
			}
		}
	case *ssa.FreeVar:
		fn := x.Parent()
		i := slices.Index(fn.FreeVars, x)
		refs := fn.Referrers()
		if i < 0 || refs == nil {
			return
		}
		for _, r := range *refs {
			if mc, ok := r.(*ssa.MakeClosure); ok && i < len(mc.Bindings) {
				e.funcValues(mc.Bindings[i], kind, origin, depth+1, seen, out)
			}
		}
	}
}

// fieldValues adds the functions stored in a func-typed field anywhere in
// the package.
func (e *engine) fieldValues(field *types.Var, kind string, depth int, seen map[*ssa.Function]bool, out *[]target) {
	if field == nil {
		return
	}
	for _, s := range e.index().stores[field] {
		e.funcValues(s.Val, cmp.Or(kind, DynField), s.Pos(), depth+1, seen, out)
	}
}

// implementations returns the methods called name of the package's types
// that implement the interface t, if t is an interface declared in this
// package and few types implement it.
func (e *engine) implementations(t types.Type, name string) []target {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != e.ssa.Pkg.Pkg {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	key := ifaceMethod{named, name}
	x := e.index()
	if ts, ok := x.ifaces[key]; ok {
		return ts
	}
	prog := e.ssa.Pkg.Prog
	var out []target
	scope := e.ssa.Pkg.Pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		var recv types.Type
		switch {
		case types.Implements(tn.Type(), iface):
			recv = tn.Type()
		case types.Implements(types.NewPointer(tn.Type()), iface):
			recv = types.NewPointer(tn.Type())
		default:
			continue
		}
		ms := prog.MethodSets.MethodSet(recv)
		for i := range ms.Len() {
			m, ok := ms.At(i).Obj().(*types.Func)
			if !ok || m.Name() != name {
				continue
			}
			if fn := prog.FuncValue(m); fn != nil && fn.Blocks != nil {
				out = append(out, target{fn: fn, kind: DynInterface, origin: fn.Pos()})
			}
		}
		if len(out) > maxImplemented {
			out = nil
			break
		}
	}
	x.ifaces[key] = out
	return out
}

// dynamic applies the acquisitions of the functions a dynamic call may
// run: double locks against the held locks, lock order, and the
// function's own summary.
func (f *flow) dynamic(st *state, b *ssa.BasicBlock, c *ssa.CallCommon, site *Site) {
	if !dynamicCall(c) {
		return
	}
	ts := f.e.targets(c)
	if len(ts) == 0 {
		return
	}
	guarded := f.guarded(b)
	for _, t := range ts {
		if t.fn == f.fn {
			continue
		}
		in := f.e.analyze(t.fn)
		if in == nil || in.sum == nil || len(in.sum.acquires) == 0 {
			continue
		}
		names := make([]string, 0, len(in.sum.acquires))
		for a := range in.sum.acquires {
			names = append(names, a)
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(in.sum.acquires[a].site.Pos, in.sum.acquires[b].site.Pos), cmp.Compare(a, b))
		})
		for _, a := range names {
			x := in.sum.acquires[a]
			if x.relock != nil || len(x.outside) > 0 {
				continue // it unlocks its caller's lock first
			}
			inner := &Site{Fn: f.fn, Pos: site.Pos, Via: x.site, Deferred: site.Deferred}
			// Name this call, the one nearest the held lock, even when
			// the target takes the lock through a dynamic call of its own.
			dyn := &Dynamic{Kind: t.kind, Text: f.e.text.fun(c.Pos()), Target: t.fn, Origin: t.origin, Call: c.Pos()}
			if x.dyn != nil && x.dyn.closure() {
				dyn.viaClosure = true
			}
			f.dynDouble(st, a, x.mode, inner, x.text, dyn, guarded)
			if _, ok := st.acq[a]; !ok && len(st.acq) < maxAcquired {
				st.acq[a] = inner
			}
			if !dyn.closure() {
				f.order(st, Key{}, a, x.mode, inner, x.text)
			}
			if f.final {
				f.addAcquire(a, inner, x.mode, x.text, nil, released(st, nil), dyn)
			}
		}
	}
}

// dynDouble records a double lock when a function that a dynamic call may
// run acquires a lock of the same type-level name as one held here.
func (f *flow) dynDouble(st *state, a string, mode Mode, inner *Site, text string, dyn *Dynamic, guarded bool) {
	if !f.final || guarded {
		return
	}
	if syn := f.fn.Syntax(); syn != nil && syn.Pos() <= dyn.Origin && dyn.Origin < syn.End() && dyn.Origin > inner.Pos {
		// The function sets the callback only after this call.
		return
	}
	for hk, h := range st.held {
		if h.Strength == Must && h.Abstract == a && stable(hk) {
			f.e.doubleLock(DoubleLock{Fn: f.fn, Held: h, Site: inner, Mode: mode, Text: text, Dynamic: dyn})
		}
	}
}

// DynFormat is a print function of fmt or log that calls the String or
// Error method of an argument it formats.
const DynFormat = "format"

// formatted applies, at a call of a fmt or log print function, the String
// and Error methods of the package's types that it calls on the values
// it formats with %v, %s, %q, %x or %X (every value, for Print and
// Println): a method that locks a mutex the caller holds locks it again.
func (f *flow) formatted(st *state, c *ssa.CallCommon, site *Site) {
	if !f.final || len(st.held) == 0 || c.IsInvoke() {
		return
	}
	callee, ok := c.Value.(*ssa.Function)
	if !ok || callee.Pkg == nil || callee.Signature.Recv() != nil || len(c.Args) == 0 {
		return
	}
	switch callee.Pkg.Pkg.Path() {
	case "fmt", "log":
	default:
		return
	}
	name := callee.Name()
	if !callee.Signature.Variadic() || !(strings.Contains(name, "Print") || name == "Errorf" || strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")) {
		return
	}
	vals := varargs(c.Args[len(c.Args)-1])
	verbs := []bool(nil) // nil: every value is formatted as a string
	if strings.HasSuffix(name, "f") && len(c.Args) >= 2 {
		k, ok := c.Args[len(c.Args)-2].(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.String {
			return
		}
		verbs, ok = stringVerbs(constant.StringVal(k.Value))
		if !ok {
			verbs = nil
		}
	}
	prog := f.e.ssa.Pkg.Prog
	for i, v := range vals {
		if v == nil || (verbs != nil && (i >= len(verbs) || !verbs[i])) {
			continue
		}
		ms := prog.MethodSets.MethodSet(v.Type())
		for _, m := range []string{"String", "Error"} {
			sel := ms.Lookup(nil, m)
			if sel == nil {
				continue
			}
			obj, ok := sel.Obj().(*types.Func)
			if !ok || obj.Pkg() != f.e.ssa.Pkg.Pkg || len(sel.Index()) != 1 {
				continue
			}
			sig := obj.Type().(*types.Signature)
			if sig.Params().Len() != 0 || !types.Identical(sig.Recv().Type(), v.Type()) {
				continue
			}
			fn := prog.FuncValue(obj)
			if fn == nil || fn.Blocks == nil {
				continue
			}
			in := f.e.analyze(fn)
			if in == nil || in.sum == nil {
				continue
			}
			for _, fl := range in.sum.first {
				k, ok := f.subst(fn, nil, []ssa.Value{v}, fl.key)
				if !ok || fl.guarded {
					continue
				}
				h, held := st.held[k]
				if !held || h.Strength != Must || !stable(k) {
					continue
				}
				inner := &Site{Fn: f.fn, Pos: site.Pos, Via: fl.site, Deferred: site.Deferred}
				f.e.doubleLock(DoubleLock{Fn: f.fn, Held: h, Site: inner, Mode: fl.mode, Text: fl.text,
					Dynamic: &Dynamic{Kind: DynFormat, Text: callee.Pkg.Pkg.Name() + "." + name, Target: fn, Origin: fn.Pos(), Call: c.Pos()}})
			}
		}
	}
}

// varargs returns the values packed into the ...any slice of a call, in
// order (nil where unknown), not converted to interfaces.
func varargs(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok || idx.Value == nil {
			continue
		}
		i, exact := constant.Int64Val(constant.ToInt(idx.Value))
		if !exact || i < 0 || i > 64 {
			continue
		}
		for _, u := range *ia.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != ssa.Value(ia) {
				continue
			}
			mi, ok := st.Val.(*ssa.MakeInterface)
			if !ok {
				continue
			}
			for int64(len(out)) <= i {
				out = append(out, nil)
			}
			out[i] = mi.X
		}
	}
	return out
}

// stringVerbs returns, for each argument a format consumes, whether its
// verb formats it with a String or Error method (%v, %s, %q, %x, %X). It
// reports false for formats with explicit argument indexes.
func stringVerbs(format string) ([]bool, bool) {
	var out []bool
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			if format[i] == '*' {
				out = append(out, false)
			}
			i++
		}
		if i >= len(format) {
			break
		}
		switch c := format[i]; c {
		case '%':
		case '[':
			return nil, false
		default:
			out = append(out, strings.IndexByte("vsqxX", c) >= 0)
		}
	}
	return out, true
}
