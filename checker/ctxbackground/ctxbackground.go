// Package ctxbackground defines an Analyzer that reports
// context.Background() and context.TODO() in functions that were given a
// context.
package ctxbackground

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports new root contexts in functions given a context.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxbackground",
	Doc:      analyzerdoc.MustExtract(doc, "ctxbackground"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/ctxbackground",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	// context.Background can only be called by a package that imports
	// "context".
	if !importsContext(pass.Pkg) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) || strings.HasSuffix(pass.Fset.Position(file.Package).Filename, "_test.go") {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := typeutil.Callee(pass.TypesInfo, call)
			if typematch.IsFunction(fn, "context", "Background", "TODO") {
				check(pass, cur, call, fn.Name())
			}
		}
	}
	return nil, nil
}

func importsContext(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "context" {
			return true
		}
	}
	return false
}

// given is the context a function was given: a context.Context parameter,
// or the *http.Request parameter of an HTTP handler, whose Context method
// gives it.
type given struct {
	param   *types.Var
	request bool // param is an *http.Request
}

// expr returns how code at pos can refer to the given context, or "" if
// the parameter's name does not resolve to it there.
func (g given) expr(pass *analysis.Pass, pos token.Pos) string {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return ""
	}
	if _, obj := scope.LookupParent(g.param.Name(), pos); obj != g.param {
		return ""
	}
	if g.request {
		return g.param.Name() + ".Context()"
	}
	return g.param.Name()
}

// check reports call, a context.Background() or context.TODO() call at
// cur, if the function that contains it was given a context.
func check(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, name string) {
	if detaches(pass.TypesInfo, cur) {
		return
	}
	var ftype *ast.FuncType
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			ftype = n.Type
		case *ast.FuncDecl:
			ftype = n.Type
		case *ast.IfStmt:
			if nilCheck(pass.TypesInfo, n.Cond) {
				return // if ctx == nil { ctx = context.Background() }
			}
			continue
		default:
			continue
		}
		break
	}
	if ftype == nil || returnsContext(pass.TypesInfo, ftype) {
		return
	}
	g, ok := givenContext(pass.TypesInfo, ftype)
	if !ok {
		return
	}
	what := "context." + name + "()"
	ref := g.expr(pass, call.Pos())
	use, detach := ref, "context.WithoutCancel("+ref+")"
	if ref == "" {
		use, detach = "the "+g.param.Name()+" parameter", "context.WithoutCancel of it"
		if g.request {
			use, detach = "the request's Context()", "context.WithoutCancel of it"
		}
	}
	diag := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s drops the cancellation, deadline and values of the context this function was given: use %s, or %s for work that must outlive it",
			what, use, detach),
	}
	// A new root for a derived context, as in
	// context.WithTimeout(context.Background(), d), is often meant to
	// detach; the fix would undo that, so it is offered only for TODO
	// there.
	if ref != "" && (name == "TODO" || !derives(pass.TypesInfo, cur)) {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use " + ref,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(ref)}},
		}}
	}
	pass.Report(diag)
}

// givenContext returns the context that a function of type ftype was
// given: its only named context.Context parameter, or else, in an HTTP
// handler (a function that takes an http.ResponseWriter), its only
// *http.Request parameter.
func givenContext(info *types.Info, ftype *ast.FuncType) (given, bool) {
	var ctxs, reqs []*types.Var
	writer := false
	for _, field := range ftype.Params.List {
		if tv, ok := info.Types[field.Type]; ok && typematch.IsType(tv.Type, "net/http", "ResponseWriter") {
			writer = true
		}
		for _, id := range field.Names {
			v, ok := info.Defs[id].(*types.Var)
			if !ok || id.Name == "_" {
				continue
			}
			switch {
			case typematch.IsType(v.Type(), "context", "Context"):
				ctxs = append(ctxs, v)
			case isRequest(v.Type()):
				reqs = append(reqs, v)
			}
		}
	}
	switch {
	case len(ctxs) == 1:
		return given{param: ctxs[0]}, true
	case len(ctxs) == 0 && len(reqs) == 1 && writer:
		return given{param: reqs[0], request: true}, true
	}
	return given{}, false
}

func isRequest(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && typematch.IsType(p.Elem(), "net/http", "Request")
}

// nilCheck reports whether cond is a comparison of a context.Context with
// nil, as in the idiom if ctx == nil { ctx = context.Background() }.
func nilCheck(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
			return !found
		}
		for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
			tv, ok := info.Types[pair[0]]
			if ok && typematch.IsType(tv.Type, "context", "Context") && info.Types[pair[1]].IsNil() {
				found = true
			}
		}
		return !found
	})
	return found
}

// detaches reports whether the call at cur is the argument of
// (*http.Request).WithContext or Clone, which replace a request's context
// on purpose, or an operand of == or !=, which uses no context at all.
func detaches(info *types.Info, cur inspector.Cursor) bool {
	switch parent := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		return typematch.IsMethod(typeutil.Callee(info, parent), "net/http", "Request", "WithContext", "Clone")
	case *ast.BinaryExpr:
		return parent.Op == token.EQL || parent.Op == token.NEQ
	}
	return false
}

// derives reports whether the call at cur is the parent argument of a
// context.With... function.
func derives(info *types.Info, cur inspector.Cursor) bool {
	parent, ok := cur.Parent().Node().(*ast.CallExpr)
	return ok && typematch.IsFunction(typeutil.Callee(info, parent), "context",
		"WithCancel", "WithCancelCause", "WithDeadline", "WithDeadlineCause",
		"WithTimeout", "WithTimeoutCause", "WithValue", "WithoutCancel")
}

// returnsContext reports whether a function of type ftype returns a
// context.Context: it builds a context and chooses its parent on purpose.
func returnsContext(info *types.Info, ftype *ast.FuncType) bool {
	if ftype.Results == nil {
		return false
	}
	for _, field := range ftype.Results.List {
		if tv, ok := info.Types[field.Type]; ok && typematch.IsType(tv.Type, "context", "Context") {
			return true
		}
	}
	return false
}
