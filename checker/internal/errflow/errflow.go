// Package errflow holds what accent's error analyzers (errignored,
// erroverwrite, errcompare, errwrapverb, recovercatchall) share: which types
// are errors and how a call is named in a diagnostic.
package errflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// errorType is the predeclared error interface.
var errorType = types.Universe.Lookup("error").Type()

// errorIface is the underlying interface of error.
var errorIface = errorType.Underlying().(*types.Interface)

// IsError reports whether t is the predeclared error interface (or an alias
// of it).
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, errorType)
}

// ImplementsError reports whether t is error or a concrete type, such as
// *os.PathError, that implements it. Type parameters do not count: a call
// such as errors.AsType[E](err) returns a value, not a failure.
func ImplementsError(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsError(t) {
		return true
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	// This includes interfaces that embed error, like net.Error.
	return types.Implements(t, errorIface)
}

// ErrorResults returns, for each result of the call, whether it is an
// error. It returns nil for conversions, builtins other than recover and
// calls whose type is unknown.
func ErrorResults(info *types.Info, call *ast.CallExpr) []bool {
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return nil
	}
	t := info.TypeOf(call)
	if t == nil {
		return nil
	}
	if tuple, ok := t.(*types.Tuple); ok {
		res := make([]bool, tuple.Len())
		for i := range tuple.Len() {
			res[i] = ImplementsError(tuple.At(i).Type())
		}
		return res
	}
	return []bool{ImplementsError(t)}
}

// HasErrorResult reports whether any result of the call is an error.
func HasErrorResult(info *types.Info, call *ast.CallExpr) bool {
	for _, isErr := range ErrorResults(info, call) {
		if isErr {
			return true
		}
	}
	return false
}

// maxName is the longest call text a diagnostic quotes as written.
const maxName = 40

// CallName names the function a call calls, for a diagnostic: as written
// (os.Remove, f.Write) when that is short, otherwise by its declaration
// (Write, or os.Remove).
func CallName(info *types.Info, call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	if s := types.ExprString(fun); len(s) <= maxName {
		return s
	}
	if fn := CalleeFunc(info, call); fn != nil {
		if fn.Signature().Recv() == nil && fn.Pkg() != nil {
			return fn.Pkg().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	return "the call"
}

// Callee returns the object the call statically calls (a function, a
// method, a builtin or a variable), or nil. Unlike [CalleeFunc], its result
// can go straight to the typematch helpers.
func Callee(info *types.Info, call *ast.CallExpr) types.Object {
	return typeutil.Callee(info, call)
}

// CalleeFunc returns the function or method the call statically calls, or
// nil.
func CalleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsBuiltin reports whether the call calls the named builtin function, such
// as panic or recover.
func IsBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// FuncSignature returns the signature of a FuncDecl or FuncLit, or nil if
// it is unknown.
func FuncSignature(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		if sig, ok := info.TypeOf(fn).(*types.Signature); ok {
			return sig
		}
	}
	return nil
}

// CannotFail reports whether the call is a write to an in-memory buffer,
// *bytes.Buffer or *strings.Builder, whose error is always nil.
func CannotFail(info *types.Info, call *ast.CallExpr) bool {
	fn := CalleeFunc(info, call)
	if fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	switch fn.Name() {
	case "Write", "WriteString", "WriteByte", "WriteRune":
	default:
		return false
	}
	t := fn.Signature().Recv().Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	switch named.Obj().Pkg().Path() + "." + named.Obj().Name() {
	case "bytes.Buffer", "strings.Builder":
		return true
	}
	return false
}
