package lockset

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// lockOp is an operation on a sync.Mutex or sync.RWMutex.
type lockOp uint8

const (
	opNone lockOp = iota
	opLock
	opRLock
	opUnlock
	opRUnlock
	opTry // TryLock, TryRLock: never counted as holding the lock
)

// lockCall classifies a call of a sync.Mutex or sync.RWMutex method and
// returns the mutex it operates on.
func lockCall(c *ssa.CallCommon) (lockOp, ssa.Value) {
	if c.IsInvoke() || len(c.Args) == 0 {
		return opNone, nil
	}
	fn, ok := c.Value.(*ssa.Function)
	if !ok {
		return opNone, nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
		return opNone, nil
	}
	switch {
	case typematch.IsMethod(obj, "sync", "Mutex", "Lock"), typematch.IsMethod(obj, "sync", "RWMutex", "Lock"):
		return opLock, c.Args[0]
	case typematch.IsMethod(obj, "sync", "RWMutex", "RLock"):
		return opRLock, c.Args[0]
	case typematch.IsMethod(obj, "sync", "Mutex", "Unlock"), typematch.IsMethod(obj, "sync", "RWMutex", "Unlock"):
		return opUnlock, c.Args[0]
	case typematch.IsMethod(obj, "sync", "RWMutex", "RUnlock"):
		return opRUnlock, c.Args[0]
	case typematch.IsMethod(obj, "sync", "Mutex", "TryLock"), typematch.IsMethod(obj, "sync", "RWMutex", "TryLock", "TryRLock"):
		return opTry, c.Args[0]
	}
	return opNone, nil
}

// syncCall reports whether c calls the sync method typeName.name and
// returns its receiver.
func syncCall(c *ssa.CallCommon, typeName, name string) (ssa.Value, bool) {
	if c.IsInvoke() || len(c.Args) == 0 {
		return nil, false
	}
	fn, ok := c.Value.(*ssa.Function)
	if !ok {
		return nil, false
	}
	if typematch.IsMethod(fn.Object(), "sync", typeName, name) {
		return c.Args[0], true
	}
	return nil, false
}

// onceFunc returns the function that a call once.Do(f) runs, if c is one.
func onceFunc(c *ssa.CallCommon) (ssa.Value, bool) {
	if _, ok := syncCall(c, "Once", "Do"); ok && len(c.Args) == 2 {
		return c.Args[1], true
	}
	return nil, false
}

// isClose reports whether c calls the builtin close and returns its
// argument.
func isClose(c *ssa.CallCommon) (ssa.Value, bool) {
	if b, ok := c.Value.(*ssa.Builtin); ok && b.Name() == "close" && len(c.Args) == 1 {
		return c.Args[0], true
	}
	return nil, false
}

// staticFunc returns the function that a value calls, with the values
// bound to its free variables, if it is statically known and has a body.
func staticFunc(v ssa.Value) (*ssa.Function, []ssa.Value) {
	var fn *ssa.Function
	var bindings []ssa.Value
	switch v := v.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
		bindings = v.Bindings
	}
	if fn == nil {
		return nil, nil
	}
	if fn.Blocks == nil && fn.Origin() != nil {
		fn = fn.Origin() // an instance of a generic function: use its body
	}
	if fn.Blocks == nil {
		return nil, nil
	}
	return fn, bindings
}

// callee returns the function that c calls statically, with its free
// variable bindings and arguments. once.Do(f) counts as a call of f.
func callee(c *ssa.CallCommon) (*ssa.Function, []ssa.Value, []ssa.Value) {
	if c.IsInvoke() {
		return nil, nil, nil
	}
	if f, ok := onceFunc(c); ok {
		fn, bindings := staticFunc(f)
		return fn, bindings, nil
	}
	fn, bindings := staticFunc(c.Value)
	return fn, bindings, c.Args
}

// zeroCap reports whether a make(chan T, n) makes an unbuffered channel.
func zeroCap(mc *ssa.MakeChan) bool {
	k, ok := mc.Size.(*ssa.Const)
	if !ok || k.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(k.Value))
	return exact && n == 0
}
