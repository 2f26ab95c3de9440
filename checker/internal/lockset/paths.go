package lockset

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// resolve names the object v points to (or is) by its path from a root.
func (e *engine) resolve(v ssa.Value) Key {
	var segs []string
	for range maxPath {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			segs = append(segs, "."+fieldName(x.X.Type(), x.Field))
			v = x.X
			continue
		case *ssa.Field:
			segs = append(segs, "."+fieldName(x.X.Type(), x.Field))
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if p := e.spilledParam(x.X); p != nil {
					v = p
					break
				}
				segs = append(segs, "*")
				v = x.X
				continue
			}
		case *ssa.IndexAddr:
			segs = append(segs, "[]")
			v = x.X
			continue
		case *ssa.Index:
			segs = append(segs, "[]")
			v = x.X
			continue
		case *ssa.Lookup:
			segs = append(segs, "[]")
			v = x.X
			continue
		case *ssa.Extract:
			if lk, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
				segs = append(segs, "[]")
				v = lk.X
				continue
			}
		case *ssa.ChangeType:
			v = x.X
			continue
		}
		break
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteString(segs[i])
	}
	return e.normalize(Key{Root: v, Path: b.String()})
}

// normalize rewrites a key rooted at the stack slot of a parameter that a
// closure captures (go/ssa "spills" such a parameter into an Alloc) so
// that it is rooted at the parameter itself, as the uncaptured accesses
// are.
func (e *engine) normalize(k Key) Key {
	if rest, ok := strings.CutPrefix(k.Path, "*"); ok {
		if p := e.spilledParam(k.Root); p != nil {
			return Key{Root: p, Path: rest}
		}
	}
	return k
}

// spilledParam returns the parameter that the Alloc v holds for the whole
// function, if v is such a spilled parameter: stored once, from the
// parameter, and never stored again, neither in its function nor in the
// closures that capture it.
func (e *engine) spilledParam(v ssa.Value) *ssa.Parameter {
	alloc, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	if p, ok := e.spilled[alloc]; ok {
		return p
	}
	e.spilled[alloc] = nil // in progress, and the answer if we bail out
	var param *ssa.Parameter
	refs := alloc.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc {
				return nil // the address itself escapes
			}
			p, ok := r.Val.(*ssa.Parameter)
			if !ok || param != nil || r.Block() != alloc.Parent().Blocks[0] {
				return nil
			}
			param = p
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				return nil
			}
			for i, b := range r.Bindings {
				if b == alloc && i < len(fn.FreeVars) && storedTo(fn.FreeVars[i]) {
					return nil
				}
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	e.spilled[alloc] = param
	return param
}

// storedTo reports whether a closure stores to its captured variable fv
// (or lets its address escape).
func storedTo(fv *ssa.FreeVar) bool {
	refs := fv.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return true
			}
		case *ssa.MakeClosure:
			// Captured again by a nested closure: it must not store to
			// it either.
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				return true
			}
			for i, b := range r.Bindings {
				if b == ssa.Value(fv) && (i >= len(fn.FreeVars) || storedTo(fn.FreeVars[i])) {
					return true
				}
			}
		case *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

// abstract returns the type-level name of the object v points to, such as
// "Store.mu" for s.mu where s is a *Store, or "" if it has none (a local
// variable, a parameter).
func (e *engine) abstract(v ssa.Value) string {
	for range maxPath {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			return trimEmbedded(e.fieldAbstract(x.X.Type(), x.Field, x.X))
		case *ssa.Field:
			return trimEmbedded(e.fieldAbstract(x.X.Type(), x.Field, x.X))
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return ""
			}
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.IndexAddr:
			return elem(e.abstract(x.X))
		case *ssa.Index:
			return elem(e.abstract(x.X))
		case *ssa.Lookup:
			return elem(e.abstract(x.X))
		case *ssa.Extract:
			if lk, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
				return elem(e.abstract(lk.X))
			}
		case *ssa.Global:
			if x.Pkg != nil {
				return x.Pkg.Pkg.Name() + "." + x.Name()
			}
		}
		return ""
	}
	return ""
}

func elem(s string) string {
	if s == "" {
		return ""
	}
	return s + "[]"
}

// fieldAbstract names field i of the struct that t is or points to: by
// the struct's named type when it has one, else by the path to the
// anonymous struct.
func (e *engine) fieldAbstract(t types.Type, i int, x ssa.Value) string {
	t = deref(t)
	name := fieldName(t, i)
	if named, ok := types.Unalias(t).(*types.Named); ok {
		return named.Obj().Name() + "." + name
	}
	parent := e.abstract(x)
	if parent == "" {
		return ""
	}
	return parent + "." + name
}

// trimEmbedded drops a final embedded sync.Mutex or sync.RWMutex from a
// name with a field before it: "Store.mu.RWMutex" is "Store.mu", while
// "DeviceSet.Mutex" stays.
func trimEmbedded(s string) string {
	if strings.Count(s, ".") < 2 {
		return s
	}
	for _, suffix := range []string{".Mutex", ".RWMutex"} {
		if t, ok := strings.CutSuffix(s, suffix); ok {
			return t
		}
	}
	return s
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func fieldName(t types.Type, i int) string {
	if s, ok := deref(t).Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

// stable reports whether k names one mutex for as long as the function
// holds it: not an element of a map, slice or array, which another index
// may name next time.
func stable(k Key) bool {
	return !strings.Contains(k.Path, "[]")
}

// summaryRoot reports whether k is rooted at something a caller can name:
// a parameter, a free variable or a package-level variable.
func summaryRoot(k Key) bool {
	switch k.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	}
	return false
}

// Stable reports whether k names one mutex for as long as it is held: not
// an element of a map, slice or array, which another index may name.
func (k Key) Stable() bool { return stable(k) }
