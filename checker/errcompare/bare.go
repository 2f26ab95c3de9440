package errcompare

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/errflow"
	"github.com/accent-go/accent/checker/internal/typematch"
)

// bareSentinels returns the sentinels (package-level error variables and
// constants) declared in the package, or in another package of its module,
// that the package never wraps: every use of one, test files included,
// compares it, returns it, assigns it, sends it, stores it in a value that
// has no Unwrap method, passes it to errors.Is or errors.As, formats it
// without %w, or passes it to a function of the package that does the
// same with it. Only the module makes such an error, and this package
// keeps it bare, so == matches it as errors.Is does. A use of any other
// kind (wrapped with %w or errors.Join, kept by an error type with an
// Unwrap method, passed to a function of another package or to a func
// value) may wrap it, and keeps the sentinel out. For a sentinel of
// another package of the module, the uses in packages other than this one
// are not seen: the module is taken to wrap its sentinels where it
// compares them, and this package is where it compares them.
func bareSentinels(pass *analysis.Pass, insp *inspector.Inspector) map[types.Object]bool {
	info := pass.TypesInfo
	b := &bareness{fset: pass.Fset, info: info, pkg: pass.Pkg, decls: make(map[*types.Func]inspector.Cursor), params: make(map[*types.Var]int)}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			b.decls[fn] = cur
		}
	}
	bare := make(map[types.Object]bool)
	wrapped := make(map[types.Object]bool)
	// The package's own error types: a type whose every value made in the
	// package (T{...}, &T{...}) is left bare is matched by a type
	// assertion as errors.As matches it. new(T) and a type used in
	// another way (converted, embedded) may make values elsewhere.
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		var named *types.Named
		var at inspector.Cursor
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			named = ownNamed(pass, info.TypeOf(n))
			at = cur
			if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
				at = cur.Parent()
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsBuiltin() && len(n.Args) == 1 {
				if named = ownNamed(pass, info.TypeOf(n.Args[0])); named != nil {
					wrapped[named.Obj()] = true
					delete(bare, named.Obj())
				}
			}
			continue
		}
		if named == nil || wrapped[named.Obj()] {
			continue
		}
		if b.bareUse(at) {
			bare[named.Obj()] = true
		} else {
			wrapped[named.Obj()] = true
			delete(bare, named.Obj())
		}
	}
	for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		obj := info.Uses[id]
		if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || !sameModule(pass, obj.Pkg()) ||
			!errflow.ImplementsError(obj.Type()) {
			continue
		}
		switch obj.(type) {
		case *types.Var, *types.Const:
		default:
			continue
		}
		if wrapped[obj] {
			continue
		}
		if b.bareUse(cur) {
			bare[obj] = true
		} else {
			wrapped[obj] = true
			delete(bare, obj)
		}
	}
	return bare
}

// sameModule reports whether pkg is the package of pass or another package
// of its module.
func sameModule(pass *analysis.Pass, pkg *types.Package) bool {
	if pkg == pass.Pkg {
		return true
	}
	if pass.Module == nil || pass.Module.Path == "" {
		return false
	}
	m := pass.Module.Path
	return pkg.Path() == m || strings.HasPrefix(pkg.Path(), m+"/")
}

// bareness follows a sentinel through its uses, and into the functions of
// the package it is passed to.
type bareness struct {
	fset   *token.FileSet
	info   *types.Info
	pkg    *types.Package
	decls  map[*types.Func]inspector.Cursor // the package's functions, by object
	params map[*types.Var]int               // 1 while a parameter is followed, 2 bare, 3 not
}

// bareUse reports whether the use of a sentinel (or of a parameter that
// holds one) at cur leaves it bare.
func (b *bareness) bareUse(cur inspector.Cursor) bool {
	info := b.info
	e := cur.Node().(ast.Expr)
	parent := cur.Parent()
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == e {
		e, parent = sel, parent.Parent() // pkg.ErrX in an external test
	}
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.X == e && sel.Sel.Name == "Error" {
		return true // ErrX.Error(): only its text is taken
	}
	for {
		p, ok := parent.Node().(*ast.ParenExpr)
		if !ok {
			break
		}
		e, parent = p, parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.CaseClause, *ast.ReturnStmt, *ast.AssignStmt, *ast.ValueSpec:
		return true
	case *ast.SendStmt:
		return p.Value == e
	case *ast.KeyValueExpr:
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		return ok && p.Value == e && !unwraps(info.TypeOf(lit))
	case *ast.CompositeLit:
		return !unwraps(info.TypeOf(p)) && !isSlice(info.TypeOf(p))
	case *ast.CallExpr:
		if p.Fun == e {
			return false
		}
		fn, ok := errflow.Callee(info, p).(*types.Func)
		if !ok {
			return false // a builtin, a func value: may keep it
		}
		switch {
		case typematch.IsFunction(fn, "errors", "Is", "As"):
			return true
		case typematch.IsFunction(fn, "fmt", "Errorf"):
			return len(p.Args) > 0 && !wrapsVerb(info, p.Args[0])
		case fn.Pkg() != nil && (fn.Pkg().Path() == "fmt" || fn.Pkg().Path() == "log") &&
			!strings.HasSuffix(fn.Name(), "Errorf"):
			return true // printed
		case fn.Pkg() == b.pkg:
			return b.bareParam(fn, p, e)
		case b.inTest(p) && !typematch.IsFunction(fn, "errors", "Join"):
			// A test hands the sentinel to an assertion library
			// (Expect(err).To(Equal(redis.Nil)), require.ErrorIs):
			// that makes no error the package returns. A test that
			// wraps it, with %w or errors.Join, still counts.
			return true
		}
	}
	return false
}

// inTest reports whether n is in a _test.go file.
func (b *bareness) inTest(n ast.Node) bool {
	return strings.HasSuffix(b.fset.File(n.Pos()).Name(), "_test.go")
}

// bareParam reports whether fn, a function of the package called by call
// with arg among its arguments, leaves the parameter that receives arg
// bare in its body.
func (b *bareness) bareParam(fn *types.Func, call *ast.CallExpr, arg ast.Expr) bool {
	decl, ok := b.decls[fn.Origin()]
	if !ok {
		return false
	}
	sig := fn.Signature()
	i := -1
	for j, a := range call.Args {
		if a == arg {
			i = j
		}
	}
	if i < 0 || i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
		return false
	}
	fd := decl.Node().(*ast.FuncDecl)
	param, ok := b.info.Defs[paramIdent(fd, i)].(*types.Var)
	if !ok {
		return false // an unnamed or blank parameter
	}
	switch b.params[param] {
	case 1, 2:
		return true // followed already, or being followed: a recursive call adds no other use
	case 3:
		return false
	}
	b.params[param] = 1
	bare := true
	for cur := range decl.Preorder((*ast.Ident)(nil)) {
		if id := cur.Node().(*ast.Ident); b.info.Uses[id] == param && !b.bareUse(cur) {
			bare = false
			break
		}
	}
	b.params[param] = 3
	if bare {
		b.params[param] = 2
	}
	return bare
}

// paramIdent returns the name of fd's i-th parameter, or nil.
func paramIdent(fd *ast.FuncDecl, i int) *ast.Ident {
	n := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			if n == i {
				return nil
			}
			n++
			continue
		}
		for _, name := range f.Names {
			if n == i {
				return name
			}
			n++
		}
	}
	return nil
}

// unwraps reports whether t, or a pointer to it, has an Unwrap method,
// as an error type that wraps another has.
func unwraps(t types.Type) bool {
	if t == nil {
		return true
	}
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Unwrap")
	_, ok := obj.(*types.Func)
	return ok
}

func isSlice(t types.Type) bool {
	if t == nil {
		return true
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	}
	return false
}

// wrapsVerb reports whether the format string e may contain %w: it does,
// or it is not a constant.
func wrapsVerb(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return true
	}
	return strings.Contains(constant.StringVal(tv.Value), "%w")
}

// ownNamed returns the named type t, declared in the package, if t or *t
// is an error type; nil otherwise.
func ownNamed(pass *analysis.Pass, t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pass.Pkg {
		return nil
	}
	if !errflow.ImplementsError(named) && !errflow.ImplementsError(types.NewPointer(named)) {
		return nil
	}
	return named
}
