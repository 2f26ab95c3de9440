package lockset

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// A sync.Cond kept in a struct field locks, through c.L, the mutex it was
// made with. When every sync.Cond the package stores in that field is made
// from a mutex of the same object, sync.NewCond(&x.mu) or
// sync.NewCond(x.mu.RLocker()), then x.cond.L.Lock() is x.mu.Lock() (or
// x.mu.RLock()), and the engine counts it so (GoBench cockroach16167).

// condLocker holds what a Cond field's L locks.
type condLocker struct {
	field string // the mutex field, of the same struct as the Cond field
	index int
	read  bool // made with RLocker
	ok    bool
}

// condCall reports whether c is x.f.L.Lock() or x.f.L.Unlock() on a
// *sync.Cond field f, and returns the method name, x, and f.
func condCall(c *ssa.CallCommon) (string, ssa.Value, *types.Var) {
	if !c.IsInvoke() || (c.Method.Name() != "Lock" && c.Method.Name() != "Unlock") {
		return "", nil, nil
	}
	if !typematch.IsType(c.Value.Type(), "sync", "Locker") {
		return "", nil, nil
	}
	load, ok := c.Value.(*ssa.UnOp)
	if !ok {
		return "", nil, nil
	}
	l, ok := load.X.(*ssa.FieldAddr)
	if !ok || !typematch.IsType(deref(l.X.Type()), "sync", "Cond") {
		return "", nil, nil
	}
	condLoad, ok := l.X.(*ssa.UnOp)
	if !ok {
		return "", nil, nil
	}
	fa, ok := condLoad.X.(*ssa.FieldAddr)
	if !ok {
		return "", nil, nil
	}
	return c.Method.Name(), fa.X, fieldVar(fa.X.Type(), fa.Field)
}

// condLock classifies a lock operation through a Cond field's L: the
// operation and the key and abstract name of the mutex it locks.
func (f *flow) condLock(c *ssa.CallCommon) (lockOp, Key, string, bool) {
	name, x, field := condCall(c)
	if field == nil {
		return opNone, Key{}, "", false
	}
	cl := f.e.condOf(field)
	if !cl.ok {
		return opNone, Key{}, "", false
	}
	base := f.key(x)
	k := f.e.normalize(Key{Root: base.Root, Path: base.Path + "." + cl.field})
	abstract := trimEmbedded(f.e.fieldAbstract(x.Type(), cl.index, x))
	op := opLock
	switch {
	case name == "Lock" && cl.read:
		op = opRLock
	case name == "Unlock" && cl.read:
		op = opRUnlock
	case name == "Unlock":
		op = opUnlock
	}
	return op, k, abstract, true
}

// condOf finds what the Cond field locks, from every store to it in the
// package.
func (e *engine) condOf(field *types.Var) condLocker {
	if e.conds == nil {
		e.conds = make(map[*types.Var]condLocker)
	}
	if cl, ok := e.conds[field]; ok {
		return cl
	}
	var cl condLocker
	stores := e.index().conds[field]
	for i, s := range stores {
		one, ok := newCondFrom(s)
		if !ok || (i > 0 && (one.index != cl.index || one.read != cl.read)) {
			cl = condLocker{}
			break
		}
		cl = one
		cl.ok = true
	}
	e.conds[field] = cl
	return cl
}

// newCondFrom reads x.f = sync.NewCond(&x.mu) or sync.NewCond(x.mu.RLocker()).
func newCondFrom(s *ssa.Store) (condLocker, bool) {
	addr, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return condLocker{}, false
	}
	call, ok := s.Val.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return condLocker{}, false
	}
	fn, ok := call.Call.Value.(*ssa.Function)
	if !ok || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync" || fn.Name() != "NewCond" {
		return condLocker{}, false
	}
	mu, read := call.Call.Args[0], false
	if mi, ok := mu.(*ssa.MakeInterface); ok {
		mu = mi.X
	}
	if rc, ok := mu.(*ssa.Call); ok {
		if v, ok := syncCall(&rc.Call, "RWMutex", "RLocker"); ok {
			mu, read = v, true
		}
	}
	fa, ok := mu.(*ssa.FieldAddr)
	if !ok || fa.X != addr.X {
		return condLocker{}, false
	}
	return condLocker{field: fieldName(fa.X.Type(), fa.Field), index: fa.Field, read: read}, true
}
