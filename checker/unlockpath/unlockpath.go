// Package unlockpath defines an Analyzer that reports a return that leaves
// a mutex locked when the function's other paths unlock it.
package unlockpath

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

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/fixes"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports a return that skips the Unlock the other paths do.
var Analyzer = &analysis.Analyzer{
	Name:     "unlockpath",
	Doc:      analyzerdoc.MustExtract(doc, "unlockpath"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/unlockpath",
	Requires: []*analysis.Analyzer{lockset.Analyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	if len(res.Funcs) == 0 {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	returns := make(map[token.Pos]*ast.ReturnStmt)
	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.ReturnStmt)(nil)) {
			r := cur.Node().(*ast.ReturnStmt)
			returns[r.Return] = r
		}
	}

	calls := make(map[token.Pos]*ast.CallExpr)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		c := cur.Node().(*ast.CallExpr)
		calls[c.Lparen] = c
	}
	fixer := &fixer{pass: pass, calls: calls}

	for _, fn := range res.Funcs {
		if fn.Fn.Synthetic != "" || lockedName(fn.Fn.Name()) {
			continue
		}
		reported := make(map[lockset.Key]bool)
		for _, r := range fn.Returns {
			stmt, ok := returns[r.Pos]
			if !ok {
				continue // implicit, or in a generated file
			}
			for _, h := range r.Held {
				if reported[h.Key] || !leaks(fn, r.Pos, h) {
					continue
				}
				reported[h.Key] = true
				d := diagnostic(pass, stmt, h)
				d.Related = related(fn, r.Pos, h)
				if fix, ok := fixer.unlockBefore(stmt, h); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
				pass.Report(d)
			}
		}
	}
	loopLocks(pass, insp, res)
	return nil, nil
}

// lockedName reports whether a function's name says it runs with a lock
// held (fooLocked, withLock...locked).
func lockedName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "locked")
}

// leaks reports whether the return at pos leaves h locked although the
// function means to release it: h was locked in this function before the
// return, is held on every path to it, and the function unlocks that same
// acquisition further down.
func leaks(fn *lockset.Func, pos token.Pos, h lockset.HeldKey) bool {
	if h.Fact.Strength != lockset.Must || !h.Key.Stable() ||
		h.Fact.Site.Fn != fn.Fn || h.Fact.Site.Pos >= pos || fn.ClosureReleases[h.Key] {
		return false
	}
	for _, u := range fn.Releases[h.Key] {
		if u.Pos > pos && u.LockPos == h.Fact.Site.Pos {
			return true
		}
	}
	return false
}

func diagnostic(pass *analysis.Pass, stmt *ast.ReturnStmt, h lockset.HeldKey) analysis.Diagnostic {
	name := h.Fact.Text
	if name == "" {
		name = "the mutex"
	}
	locked, lock, unlock := "locked", "Lock", "Unlock"
	if h.Fact.Mode == lockset.Read {
		locked, lock, unlock = "read-locked", "RLock", "RUnlock"
	}
	site := h.Fact.Site
	at := fmt.Sprintf("%s at %s", locked, lockset.Where(pass.Fset, site.Pos, stmt.Pos()))
	if site.Via != nil {
		at = fmt.Sprintf("%s by %s at %s", locked, lockset.FuncName(site.Inner().Fn), lockset.Where(pass.Fset, site.Pos, stmt.Pos()))
	}
	msg := fmt.Sprintf("return with %s still %s (%s): every later Lock of it blocks forever; ", name, locked, at)
	if h.Fact.Text != "" && site.Via == nil {
		msg += fmt.Sprintf("use defer %s.%s() right after %s, or %s before this return", name, unlock, lock, unlock)
	} else {
		msg += fmt.Sprintf("%s before this return, or defer the %s right after locking", unlock, unlock)
	}
	d := analysis.Diagnostic{Pos: stmt.Pos(), End: stmt.End(), Message: msg}
	return d
}

// related returns the other sites of a return that leaves h locked: the
// Lock (or the call that locks), and the Unlock of that same acquisition
// that the function's other paths reach.
func related(fn *lockset.Func, pos token.Pos, h lockset.HeldKey) []analysis.RelatedInformation {
	name := h.Fact.Text
	if name == "" {
		name = "the mutex"
	}
	lock, unlock := "locked", "Unlock"
	if h.Fact.Mode == lockset.Read {
		lock, unlock = "read-locked", "RUnlock"
	}
	site := h.Fact.Site
	msg := name + " is " + lock + " here"
	if site.Via != nil {
		msg = name + " is " + lock + " by this call of " + lockset.FuncName(site.Inner().Fn)
	}
	rel := []analysis.RelatedInformation{{Pos: site.Pos, Message: msg}}
	for _, u := range fn.Releases[h.Key] {
		if u.Pos > pos && u.LockPos == site.Pos {
			rel = append(rel, analysis.RelatedInformation{Pos: u.Pos, Message: "the other paths " + unlock + " it here"})
			break
		}
	}
	return rel
}

// fixer builds the suggested fix: an Unlock inserted before the return.
type fixer struct {
	pass  *analysis.Pass
	calls map[token.Pos]*ast.CallExpr
}

// unlockBefore returns a fix that unlocks h right before the return, when
// that is certainly right: the lock was taken by a Lock call in this
// function whose receiver names the same variables at the return, and the
// return reads no shared state after the Unlock (it returns only local
// variables and constants), and starts its own line.
func (fx *fixer) unlockBefore(stmt *ast.ReturnStmt, h lockset.HeldKey) (analysis.SuggestedFix, bool) {
	site := h.Fact.Site
	call, ok := fx.calls[site.Pos]
	if site.Via != nil || site.Deferred || !ok {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !fx.sameNames(sel.X, stmt.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	for _, r := range stmt.Results {
		if !fx.local(r) {
			return analysis.SuggestedFix{}, false
		}
	}
	unlock := "Unlock"
	if h.Fact.Mode == lockset.Read {
		unlock = "RUnlock"
	}
	text := types.ExprString(sel.X) + "." + unlock + "()"
	edit, ok := fixes.LineBefore(fx.pass, stmt.Pos(), text)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Call " + text + " before returning",
		TextEdits: []analysis.TextEdit{edit},
	}, true
}

// sameNames reports whether every variable that x mentions means the same
// at pos (nothing shadows it there).
func (fx *fixer) sameNames(x ast.Expr, pos token.Pos) bool {
	scope := fx.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID {
					ok = ok && fx.resolvesTo(scope, id, pos)
				}
				return ok
			})
			return false
		case *ast.Ident:
			ok = ok && fx.resolvesTo(scope, n, pos)
		case *ast.CallExpr, *ast.IndexExpr, *ast.StarExpr:
			ok = false
		}
		return ok
	})
	return ok
}

func (fx *fixer) resolvesTo(scope *types.Scope, id *ast.Ident, pos token.Pos) bool {
	obj := fx.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	if _, isPkg := obj.(*types.PkgName); isPkg {
		return true
	}
	_, found := scope.LookupParent(id.Name, pos)
	return found == obj
}

// local reports whether returning e after the Unlock reads nothing the
// lock guards: a constant, nil, or a local variable.
func (fx *fixer) local(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := fx.pass.TypesInfo.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := fx.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == fx.pass.Pkg.Scope() {
		return false
	}
	// A pointer, map, slice or interface may share what the lock guards;
	// the value itself is a copy either way, so only reading it matters.
	return true
}
