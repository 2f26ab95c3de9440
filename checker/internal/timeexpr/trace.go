package timeexpr

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// maxTrace bounds how many values one trace visits, so that a trace stays
// cheap on huge functions.
const maxTrace = 64

// Sources reports whether every value that can reach v only by being copied
// satisfies pred, and at least one does. Copies are φ-nodes, numeric
// conversions and changes of type, and local variables whose address is
// taken or that closures capture: a load from such a variable is traced to
// every value stored into it, by its own function and by the closures that
// capture it. Any other use of the variable's address (passing it to a
// call, say) makes the answer false, as does reaching more than a few dozen
// values.
func Sources(v ssa.Value, pred func(ssa.Value) bool) bool {
	t := &tracer{seen: make(map[ssa.Value]bool)}
	found := false
	ok := t.sources(v, func(v ssa.Value) bool {
		found = true
		return pred(v)
	})
	return ok && found
}

type tracer struct {
	seen map[ssa.Value]bool
}

func (t *tracer) sources(v ssa.Value, pred func(ssa.Value) bool) bool {
	if t.seen[v] {
		return true
	}
	if len(t.seen) >= maxTrace {
		return false
	}
	t.seen[v] = true
	switch v := v.(type) {
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !t.sources(e, pred) {
				return false
			}
		}
		return true
	case *ssa.ChangeType:
		return t.sources(v.X, pred)
	case *ssa.Convert:
		if isNumeric(v.Type()) && isNumeric(v.X.Type()) {
			return t.sources(v.X, pred)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if cell, ok := localCell(v.X); ok {
				stores, ok := storesTo(cell)
				if !ok || len(stores) == 0 {
					return false
				}
				for _, s := range stores {
					if !t.sources(s, pred) {
						return false
					}
				}
				return true
			}
		}
	}
	return pred(v)
}

func isNumeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}

// localCell returns the local variable, an *ssa.Alloc, that addr points
// to: addr itself, or the variable a closure's free variable addr is bound
// to.
func localCell(addr ssa.Value) (*ssa.Alloc, bool) {
	switch a := addr.(type) {
	case *ssa.Alloc:
		return a, true
	case *ssa.FreeVar:
		b := binding(a)
		if b == nil {
			return nil, false
		}
		return localCell(b)
	}
	return nil, false
}

// binding returns the value that the enclosing function binds to the free
// variable fv when it makes the closure, or nil if it cannot be found.
func binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	if fn == nil || fn.Parent() == nil {
		return nil
	}
	i := -1
	for j, f := range fn.FreeVars {
		if f == fv {
			i = j
		}
	}
	if i < 0 {
		return nil
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn && i < len(mc.Bindings) {
				return mc.Bindings[i]
			}
		}
	}
	return nil
}

// storesTo returns the values stored into the local variable cell, by its
// function and by closures that capture it. It returns false if the
// variable's address is used any other way than to load, store or capture
// it, since the variable may then change behind the trace's back.
func storesTo(cell *ssa.Alloc) ([]ssa.Value, bool) {
	var stores []ssa.Value
	var visit func(addr ssa.Value, depth int) bool
	visit = func(addr ssa.Value, depth int) bool {
		if depth > 4 {
			return false
		}
		refs := addr.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != addr {
					return false // the address itself is stored
				}
				stores = append(stores, r.Val)
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.MakeClosure:
				fn, ok := r.Fn.(*ssa.Function)
				if !ok {
					return false
				}
				for i, b := range r.Bindings {
					if b == addr && i < len(fn.FreeVars) && !visit(fn.FreeVars[i], depth+1) {
						return false
					}
				}
			default:
				return false
			}
		}
		return true
	}
	if !visit(cell, 0) {
		return nil, false
	}
	return stores, true
}

// Uses calls yield with every value that v reaches by being copied: the
// φ-nodes it flows into, and the loads of the local variables it is stored
// into, also inside closures. It stops after a few dozen values.
func Uses(v ssa.Value, yield func(ssa.Value)) {
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || len(seen) >= maxTrace {
			return
		}
		seen[v] = true
		yield(v)
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Phi:
				visit(r)
			case *ssa.ChangeType:
				visit(r)
			case *ssa.Store:
				if r.Val == v {
					if cell, ok := localCell(r.Addr); ok {
						loads(cell, visit)
					}
				}
			}
		}
	}
	visit(v)
}

// loads calls yield with every load from the local variable cell, in its
// function and in the closures that capture it.
func loads(cell *ssa.Alloc, yield func(ssa.Value)) {
	var visit func(addr ssa.Value, depth int)
	visit = func(addr ssa.Value, depth int) {
		refs := addr.Referrers()
		if refs == nil || depth > 4 {
			return
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op == token.MUL {
					yield(r)
				}
			case *ssa.MakeClosure:
				fn, ok := r.Fn.(*ssa.Function)
				if !ok {
					continue
				}
				for i, b := range r.Bindings {
					if b == addr && i < len(fn.FreeVars) {
						visit(fn.FreeVars[i], depth+1)
					}
				}
			}
		}
	}
	visit(cell, 0)
}

// StaticCallee returns the call of the call instruction v and the function
// it calls, a *types.Func, if v is a call with a statically known callee.
// Otherwise it returns nil and a nil types.Object.
func StaticCallee(v ssa.Value) (*ssa.CallCommon, types.Object) {
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil, nil
	}
	fn := call.Call.StaticCallee()
	if fn == nil {
		return nil, nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj == nil {
		return nil, nil
	}
	return &call.Call, obj
}

// IsNow reports whether v is the result of a call to time.Now.
func IsNow(v ssa.Value) bool {
	_, fn := StaticCallee(v)
	return typematch.IsFunction(fn, "time", "Now")
}
