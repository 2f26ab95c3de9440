// Package lifetime says whether a go statement starts a goroutine that is
// meant to live as long as the program: one started once per program, by
// code the program runs once, rather than by a function that returns to a
// caller who may call it again.
//
// The leak analyzers leave such goroutines alone. A goroutine that func
// main starts, or that a package starts in its init function, a
// package-level variable's initializer, or the function a package-level
// sync.Once runs, exists at most once and goes away with the program: a
// package-level janitor or a program's heartbeat. A goroutine that a
// constructor, a method or any other function starts exists once per call,
// and if it can never exit, each call leaks one.
package lifetime

import (
	"go/ast"
	"go/types"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// Program reports whether the code at the innermost end of path (a path
// as astutil.PathEnclosingInterval returns it, innermost node first, the
// *ast.File last) runs once for the program: it is in
//
//   - func main of a main package, or func TestMain of a test;
//   - an init function of any package;
//   - a package-level declaration (a variable's initializer, such as
//     sync.OnceFunc(func() { ... }) or func() T { ... }()); or
//   - a function literal passed to Do of a package-level sync.Once.
//
// Function literals in between do not change the answer: a goroutine that
// main starts inside a closure lives as long as main does.
func Program(info *types.Info, pkg *types.Package, path []ast.Node) bool {
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			if i+1 < len(path) && onceDo(info, path[i+1], n) {
				return true
			}
		case *ast.FuncDecl:
			if n.Recv != nil {
				return false
			}
			switch n.Name.Name {
			case "init":
				return true
			case "main":
				return pkg.Name() == "main"
			case "TestMain":
				return isTestMain(info, n)
			}
			return false
		case *ast.GenDecl:
			return true // a package-level declaration: it runs at init
		}
	}
	return false
}

// onceDo reports whether lit is the argument of a call of Do on a
// package-level sync.Once (once.Do(lit), or cfg.once.Do(lit) where cfg is
// a package-level variable).
func onceDo(info *types.Info, parent ast.Node, lit *ast.FuncLit) bool {
	call, ok := parent.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != lit {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if !typematch.IsMethod(info.Uses[sel.Sel], "sync", "Once", "Do") {
		return false
	}
	return packageLevel(info, sel.X)
}

// packageLevel reports whether e is a package-level variable, or a chain
// of field selections from one.
func packageLevel(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		case *ast.SelectorExpr:
			if s, ok := info.Selections[x]; ok {
				if s.Kind() != types.FieldVal {
					return false
				}
				e = x.X
				continue
			}
			// A qualified identifier: pkg.Var.
			v, ok := info.Uses[x.Sel].(*types.Var)
			return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		default:
			return false
		}
	}
}

// isTestMain reports whether decl is func TestMain(m *testing.M).
func isTestMain(info *types.Info, decl *ast.FuncDecl) bool {
	fn, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	if params.Len() != 1 {
		return false
	}
	p, ok := params.At(0).Type().(*types.Pointer)
	return ok && typematch.IsType(p.Elem(), "testing", "M")
}
