// Package monthindex defines an Analyzer that reports months counted from
// zero, as JavaScript's Date and Java's Calendar count them.
package monthindex

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"

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

// Analyzer reports months outside 1..12 and months counted from zero.
var Analyzer = &analysis.Analyzer{
	Name:     "monthindex",
	Doc:      analyzerdoc.MustExtract(doc, "monthindex"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/monthindex",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	nodeTypes := []ast.Node{
		(*ast.CallExpr)(nil),
		(*ast.BinaryExpr)(nil),
		(*ast.SwitchStmt)(nil),
		(*ast.ForStmt)(nil),
		(*ast.RangeStmt)(nil),
	}
	for fileCur := range insp.Root().Children() {
		if generated.Skip(pass.Fset, fileCur.Node().(*ast.File)) {
			continue
		}
		monthArith(pass, fileCur)
		for cur := range fileCur.Preorder(nodeTypes...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				dateCall(pass, n)
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					monthComparison(pass, n.X, n.Y)
					monthComparison(pass, n.Y, n.X)
				}
			case *ast.SwitchStmt:
				monthSwitch(pass, n)
			case *ast.ForStmt:
				if v := forIndex(pass.TypesInfo, n); v != nil {
					indexConversions(pass, n.Body, v)
				}
			case *ast.RangeStmt:
				if v := rangeIndex(pass.TypesInfo, n); v != nil {
					indexConversions(pass, n.Body, v)
				}
			}
		}
	}
	return nil, nil
}

// dateCall reports a constant month outside 1..12 passed to time.Date.
func dateCall(pass *analysis.Pass, call *ast.CallExpr) {
	if !typematch.IsFunction(typeutil.Callee(pass.TypesInfo, call), "time", "Date") || len(call.Args) < 3 {
		return
	}
	arg := call.Args[1]
	m, ok := constInt(pass.TypesInfo, arg)
	if !ok || (1 <= m && m <= 12) {
		return
	}
	y, yConst := constInt(pass.TypesInfo, call.Args[0])
	d, dConst := constInt(pass.TypesInfo, call.Args[2])
	if yConst && dConst && y == 0 && m == 0 && d == 0 {
		return // time.Date(0, 0, 0, h, m, s, ns, loc): only the clock matters
	}
	var msg string
	switch {
	case m == 0 && dConst && d == 0:
		msg = fmt.Sprintf("month 0 is not January and day 0 is not the first: Go months and days start at 1; time.Date normalizes month 0, day 0 to %s", normalized(m, d))
	case m == 0:
		msg = "month 0 is not January: Go months start at 1 (time.January); time.Date normalizes 0 to December of the previous year"
	default:
		msg = fmt.Sprintf("month %d is not a month: Go months run from 1 (time.January) to 12 (time.December); time.Date normalizes %d to %s",
			m, m, normalized(m, 1))
		if dConst && 13 <= m && m <= 31 && 1 <= d && d <= 12 {
			msg += "; time.Date takes the month before the day"
		}
	}
	pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Message: msg})
}

// normalized describes where time.Date moves month m (outside 1..12) and
// day d (1 if only the month matters): "January of the next year", or
// with a day other than 1, "30 November of the previous year".
func normalized(m, d int64) string {
	if m < -1200 || m > 1200 || d < -36500 || d > 36500 {
		return "another year" // keep clear of overflow
	}
	// Any year whose neighbours are not leap years would do for the month;
	// the day only moves across months that do not depend on it here.
	const base = 2001
	t := time.Date(base, time.Month(m), int(d), 0, 0, 0, 0, time.UTC)
	where := t.Month().String()
	if d != 1 {
		where = fmt.Sprintf("%d %s", t.Day(), t.Month())
	}
	switch years := t.Year() - base; {
	case years == 1:
		return where + " of the next year"
	case years == -1:
		return where + " of the previous year"
	case years > 0:
		return fmt.Sprintf("%s, %d years later", where, years)
	default:
		return fmt.Sprintf("%s, %d years earlier", where, -years)
	}
}

// monthComparison reports x == c or x != c where x is a call of
// time.Time's Month method and c a constant outside 1..12.
func monthComparison(pass *analysis.Pass, x, c ast.Expr) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || !typematch.IsMethod(typeutil.Callee(pass.TypesInfo, call), "time", "Time", "Month") {
		return
	}
	m, ok := constInt(pass.TypesInfo, c)
	if !ok || (1 <= m && m <= 12) {
		return
	}
	reportNever(pass, call, c, m)
}

// monthSwitch reports the cases outside 1..12 of a switch on t.Month().
func monthSwitch(pass *analysis.Pass, sw *ast.SwitchStmt) {
	call, ok := ast.Unparen(sw.Tag).(*ast.CallExpr)
	if !ok || !typematch.IsMethod(typeutil.Callee(pass.TypesInfo, call), "time", "Time", "Month") {
		return
	}
	for _, stmt := range sw.Body.List {
		clause, ok := stmt.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, c := range clause.List {
			if m, ok := constInt(pass.TypesInfo, c); ok && (m < 1 || m > 12) {
				reportNever(pass, call, c, m)
			}
		}
	}
}

func reportNever(pass *analysis.Pass, call *ast.CallExpr, c ast.Expr, m int64) {
	msg := fmt.Sprintf("%s is never %d: Go months run from 1 (time.January) to 12 (time.December)", types.ExprString(call), m)
	if m == 0 {
		msg = fmt.Sprintf("%s is never 0: Go months start at 1 (time.January), unlike JavaScript's getMonth()", types.ExprString(call))
	}
	pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: msg})
}

// constInt returns the value of e if it is an integer constant.
func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// forIndex returns the variable i of a loop "for i := 0; i < 12; i++" (or
// i <= 11, or i += 1) that counts twelve times from zero, if the body does
// not assign i.
func forIndex(info *types.Info, loop *ast.ForStmt) *types.Var {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok {
		return nil
	}
	if n, ok := constInt(info, init.Rhs[0]); !ok || n != 0 {
		return nil
	}
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || !isVar(info, cond.X, v) {
		return nil
	}
	if n, ok := constInt(info, cond.Y); !ok || !(cond.Op == token.LSS && n == 12 || cond.Op == token.LEQ && n == 11) {
		return nil
	}
	if !increments(info, loop.Post, v) || assigns(info, loop.Body, v) {
		return nil
	}
	return v
}

// increments reports whether stmt is v++ or v += 1.
func increments(info *types.Info, stmt ast.Stmt, v *types.Var) bool {
	switch s := stmt.(type) {
	case *ast.IncDecStmt:
		return s.Tok == token.INC && isVar(info, s.X, v)
	case *ast.AssignStmt:
		if s.Tok != token.ADD_ASSIGN || len(s.Lhs) != 1 || len(s.Rhs) != 1 || !isVar(info, s.Lhs[0], v) {
			return false
		}
		n, ok := constInt(info, s.Rhs[0])
		return ok && n == 1
	}
	return false
}

// rangeIndex returns the index variable of a range loop over exactly
// twelve indexes counted from zero (range 12, or over a [12]T array or a
// pointer to one), if the body does not assign it.
func rangeIndex(info *types.Info, loop *ast.RangeStmt) *types.Var {
	if loop.Tok != token.DEFINE || loop.Key == nil {
		return nil
	}
	id, ok := loop.Key.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok {
		return nil
	}
	tv, ok := info.Types[loop.X]
	if !ok {
		return nil
	}
	t := tv.Type.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	twelve := false
	switch t := t.(type) {
	case *types.Basic:
		n, ok := constInt(info, loop.X)
		twelve = ok && n == 12
	case *types.Array:
		twelve = t.Len() == 12
	}
	if !twelve || assigns(info, loop.Body, v) {
		return nil
	}
	return v
}

// assigns reports whether body assigns v or takes its address.
func assigns(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || isVar(info, lhs, v)
			}
		case *ast.IncDecStmt:
			found = found || isVar(info, n.X, v)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && isVar(info, n.X, v)
		}
		return !found
	})
	return found
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// indexConversions reports the conversions time.Month(i) in body of the
// index i of a loop that counts twelve times from zero, and suggests
// time.Month(i+1).
func indexConversions(pass *analysis.Pass, body *ast.BlockStmt, v *types.Var) {
	info := pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !isVar(info, call.Args[0], v) {
			return true
		}
		tv, ok := info.Types[call.Fun]
		if !ok || !tv.IsType() || !typematch.IsType(tv.Type, "time", "Month") {
			return true
		}
		arg := call.Args[0]
		conv := types.ExprString(call)
		fixed := types.ExprString(call.Fun) + "(" + v.Name() + "+1)"
		pass.Report(analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("%s runs from month 0 to 11, not January to December: the loop counts from 0 but Go months start at 1 (time.January); write %s",
				conv, fixed),
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Count months from 1: " + fixed,
				TextEdits: []analysis.TextEdit{{Pos: arg.End(), End: arg.End(), NewText: []byte("+1")}},
			}},
		})
		return true
	})
}
