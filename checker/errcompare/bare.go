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

// bareSentinels returns the package's own sentinels (package-level error
// variables and constants declared in it) that it never wraps: every use
// of one, test files included, compares it, returns it, assigns it,
// passes it to errors.Is or errors.As, or formats it without %w. Only the
// package makes such an error, always bare, so == matches it as
// errors.Is does. A use of any other kind (wrapped with %w or
// errors.Join, stored in a composite literal, passed to another function)
// may wrap it, and keeps the sentinel out.
func bareSentinels(pass *analysis.Pass, insp *inspector.Inspector) map[types.Object]bool {
	info := pass.TypesInfo
	bare := make(map[types.Object]bool)
	wrapped := make(map[types.Object]bool)
	for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		obj := info.Uses[id]
		if obj == nil || obj.Pkg() != pass.Pkg || obj.Parent() != pass.Pkg.Scope() || !errflow.ImplementsError(obj.Type()) {
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
		if bareUse(info, cur) {
			bare[obj] = true
		} else {
			wrapped[obj] = true
			delete(bare, obj)
		}
	}
	return bare
}

// bareUse reports whether the use of a sentinel at cur leaves it bare.
func bareUse(info *types.Info, cur inspector.Cursor) bool {
	e := cur.Node().(ast.Expr)
	parent := cur.Parent()
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == e {
		e, parent = sel, parent.Parent() // pkg.ErrX in an external test
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
		}
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
