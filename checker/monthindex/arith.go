package monthindex

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// monthValue describes an integer expression as a 1-based month plus
// arithmetic: month + offset, then, if rem, % 12 and + post.
type monthValue struct {
	offset int64
	rem    bool
	post   int64
}

// sources maps each local variable to the values assigned to it in the
// function being checked.
type sources map[*types.Var][]ast.Expr

func collectSources(info *types.Info, body ast.Node) sources {
	src := make(sources)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				v, _ := info.Defs[id].(*types.Var)
				if v == nil {
					v, _ = info.Uses[id].(*types.Var)
				}
				if v == nil {
					continue
				}
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					rhs = nil // m += 1: not a single value
				}
				src[v] = append(src[v], rhs)
			}
		case *ast.IncDecStmt:
			if v := identVar(info, n.X); v != nil {
				src[v] = append(src[v], nil)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := identVar(info, n.X); v != nil {
					src[v] = append(src[v], nil)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				v, _ := info.Defs[id].(*types.Var)
				if v == nil {
					continue
				}
				var rhs ast.Expr
				if len(n.Names) == len(n.Values) {
					rhs = n.Values[i]
				}
				src[v] = append(src[v], rhs)
			}
		}
		return true
	})
	return src
}

func identVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// eval describes e as a 1-based month plus arithmetic, if it is one: a
// t.Month() call or a value of type time.Month, converted to an integer
// or not, plus or minus constants, maybe % 12, through local variables
// assigned once.
func eval(info *types.Info, src sources, e ast.Expr, depth int) (monthValue, bool) {
	if depth > 6 {
		return monthValue{}, false
	}
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value == nil && typematch.IsType(tv.Type, "time", "Month") {
		switch e := e.(type) {
		case *ast.CallExpr, *ast.Ident, *ast.SelectorExpr:
			if conv, ok := e.(*ast.CallExpr); ok {
				if ftv, ok := info.Types[conv.Fun]; ok && ftv.IsType() && len(conv.Args) == 1 {
					return eval(info, src, conv.Args[0], depth+1) // time.Month(x)
				}
			}
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if vals, ok := src[v]; ok && len(vals) == 1 && vals[0] != nil {
						if mv, ok := eval(info, src, vals[0], depth+1); ok {
							return mv, true
						}
					}
				}
			}
			return monthValue{}, true // a month, 1..12
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		// int(t.Month()), int64(m).
		if ftv, ok := info.Types[e.Fun]; ok && ftv.IsType() && len(e.Args) == 1 {
			if b, ok := ftv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				return eval(info, src, e.Args[0], depth+1)
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return monthValue{}, false
		}
		vals := src[v]
		if len(vals) != 1 || vals[0] == nil {
			return monthValue{}, false
		}
		return eval(info, src, vals[0], depth+1)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB:
			if c, ok := constInt(info, e.Y); ok {
				mv, ok := eval(info, src, e.X, depth+1)
				if !ok {
					return mv, false
				}
				if e.Op == token.SUB {
					c = -c
				}
				if mv.rem {
					mv.post += c
				} else {
					mv.offset += c
				}
				return mv, true
			}
			if c, ok := constInt(info, e.X); ok && e.Op == token.ADD {
				mv, ok := eval(info, src, e.Y, depth+1)
				if !ok {
					return mv, false
				}
				if mv.rem {
					mv.post += c
				} else {
					mv.offset += c
				}
				return mv, true
			}
			// m + n with n a variable count of months: treat n as
			// positive, the "n months later" habit.
			if e.Op == token.ADD {
				if mv, ok := eval(info, src, e.X, depth+1); ok && !mv.rem && isCount(info, e.Y) {
					mv.offset++
					return mv, true
				}
			}
		case token.REM:
			if c, ok := constInt(info, e.Y); ok && c == 12 {
				mv, ok := eval(info, src, e.X, depth+1)
				if !ok || mv.rem {
					return mv, false
				}
				return monthValue{offset: mv.offset, rem: true}, true
			}
		}
	}
	return monthValue{}, false
}

// isCount reports whether e is an integer that is not a constant and not a
// month: a number of months to add.
func isCount(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value != nil || typematch.IsType(tv.Type, "time", "Month") {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// monthArith reports time.Month(x) where x is month arithmetic that leaves
// 1..12: (m + n) % 12, which makes December 0 (the zero-based habit of
// JavaScript's Date and java.util.Calendar), m + 1 with no wrap, which
// makes December 13, and m - 1, which makes January 0.
func monthArith(pass *analysis.Pass, fileCur inspector.Cursor) {
	info := pass.TypesInfo
	for fnCur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch fn := fnCur.Node().(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			if _, inner := fnCur.Parent().Node().(*ast.FuncLit); inner {
				continue
			}
			body = fn.Body
		}
		if body == nil {
			continue
		}
		// The sources of the function's variables, gathered on the first
		// month conversion: most functions have none.
		var src sources
		for cur := range fnCur.Preorder((*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil)) {
			var arg ast.Expr
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				ftv, ok := info.Types[n.Fun]
				if !ok || !ftv.IsType() || !typematch.IsType(ftv.Type, "time", "Month") || len(n.Args) != 1 {
					continue
				}
				if atv, ok := info.Types[n.Args[0]]; ok && (atv.Value != nil || typematch.IsType(atv.Type, "time", "Month")) {
					continue // a constant (checked elsewhere), or already a Month
				}
				arg = n.Args[0]
			case *ast.BinaryExpr:
				// Month-typed arithmetic with no conversion: (m + n) % 12,
				// t.Month() + 1.
				if n.Op != token.REM && n.Op != token.ADD && n.Op != token.SUB {
					continue
				}
				if tv, ok := info.Types[n]; !ok || tv.Value != nil || !typematch.IsType(tv.Type, "time", "Month") {
					continue
				}
				if p, ok := cur.Parent().Node().(*ast.BinaryExpr); ok && (p.Op == token.ADD || p.Op == token.SUB || p.Op == token.REM) {
					continue // (m+n)%12 + 1: judged as a whole where it is used
				}
				if p, ok := cur.Parent().Node().(*ast.ParenExpr); ok {
					if pp, ok := cur.Parent().Parent().Node().(*ast.BinaryExpr); ok && pp.X == p {
						continue
					}
				}
				if !usedAsMonth(info, cur) {
					continue
				}
				arg = n
			}
			if src == nil {
				src = collectSources(info, body)
			}
			mv, ok := eval(info, src, arg, 0)
			if !ok {
				if name := zeroBasedName(arg); name != "" {
					expr := cur.Node().(ast.Expr)
					pass.Report(analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(),
						Message: fmt.Sprintf("%s converts %s, a zero-based month index by its name, as if it were a month: Go months start at 1 (time.January), so index 0 is December of the previous year; write %s(%s+1)",
							types.ExprString(expr), name, types.ExprString(expr.(*ast.CallExpr).Fun), types.ExprString(arg))})
				}
				continue
			}
			if !mv.rem && checked(info, cur, arg) {
				continue // the code compares the month with a bound itself
			}
			expr := cur.Node().(ast.Expr)
			text := types.ExprString(expr)
			var msg string
			switch {
			case mv.rem && mv.post != 1:
				msg = fmt.Sprintf("%s is not a month for every month: %% 12 gives 0..11, so the month that wraps becomes %d, not January; Go months run from 1 to 12, so wrap as time.Month((int(m)-1+n)%%12 + 1)",
					text, mv.post)
			case !mv.rem && mv.offset > 0 && usedAsValue(pass, cur):
				msg = fmt.Sprintf("%s can be month 13: a month plus %s does not wrap after December, and time.Month(13) is no month; wrap as time.Month((int(m)-1+n)%%12 + 1), or let t.AddDate(0, n, 0) do it",
					text, plusWhat(mv.offset))
			case !mv.rem && mv.offset < 0 && usedAsValue(pass, cur):
				msg = fmt.Sprintf("%s is month 0 in January: Go months start at 1 (time.January), so a month minus one is the zero-based index of JavaScript's getMonth() or Calendar.MONTH, not a month; wrap as time.Month((int(m)+10)%%12 + 1), or use t.AddDate(0, -1, 0)",
					text)
			default:
				continue
			}
			pass.Report(analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(), Message: msg})
		}
	}
}

func plusWhat(offset int64) string {
	if offset == 1 {
		return "one (or a count of months)"
	}
	return fmt.Sprint(offset)
}

func lhsVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// wrapped reports whether the function around cur compares v with a
// constant, or passes it only as time.Date's month: code that checks
// the bound itself (if m > 12 { m -= 12; y++ }).
func wrapped(info *types.Info, cur inspector.Cursor, v *types.Var) bool {
	var fn ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
		break
	}
	if fn == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || found {
			return !found
		}
		switch b.Op {
		case token.GTR, token.GEQ, token.LSS, token.LEQ, token.EQL, token.NEQ:
			for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				if identVar(info, pair[0]) == v {
					if tv, ok := info.Types[pair[1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

// checked reports whether a variable in e is compared with a constant in
// the function around cur.
func checked(info *types.Info, cur inspector.Cursor, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := info.Uses[id].(*types.Var); ok && wrapped(info, cur, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// usedAsValue reports whether the month at cur is used as a month value,
// where 0 or 13 goes wrong: printed or formatted (fmt, String), returned,
// compared with ==, used as a key or index, stored in a literal; also
// through a variable it is assigned to. A month passed to time.Date or to
// any other function is not: time.Date normalizes it, and so may the
// callee (p.Due(year, month+1) that calls time.Date).
func usedAsValue(pass *analysis.Pass, cur inspector.Cursor) bool {
	info := pass.TypesInfo
	child := cur.Node()
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			child = n
			continue
		case *ast.BinaryExpr:
			switch n.Op {
			case token.ADD, token.SUB:
				child = n
				continue
			case token.EQL, token.NEQ:
				return true
			}
			return false
		case *ast.AssignStmt, *ast.ValueSpec:
			var v *types.Var
			if as, ok := n.(*ast.AssignStmt); ok {
				for i, rhs := range as.Rhs {
					if rhs == child && i < len(as.Lhs) {
						v = lhsVar(info, as.Lhs[i])
					}
				}
			} else {
				vs := n.(*ast.ValueSpec)
				for i, val := range vs.Values {
					if val == child && i < len(vs.Names) {
						v, _ = info.Defs[vs.Names[i]].(*types.Var)
					}
				}
			}
			return v != nil && !wrapped(info, p, v) && varUsedAsValue(pass, p, v)
		default:
			return valueUse(info, n, child)
		}
	}
	return false
}

// valueUse reports whether parent uses child as a month value.
func valueUse(info *types.Info, parent, child ast.Node) bool {
	switch n := parent.(type) {
	case *ast.SelectorExpr:
		return true // m.String()
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, n).(*types.Func)
		return ok && fn.Pkg() != nil && (fn.Pkg().Path() == "fmt" || fn.Pkg().Path() == "log")
	case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt:
		return true
	case *ast.IndexExpr:
		// A map key is a month; an index into an array is an index.
		if tv, ok := info.Types[n.X]; ok && n.Index == child {
			_, isMap := tv.Type.Underlying().(*types.Map)
			return isMap
		}
		return false
	case *ast.BinaryExpr:
		return n.Op == token.EQL || n.Op == token.NEQ
	case *ast.CaseClause, *ast.SwitchStmt:
		return true
	}
	return false
}

// varUsedAsValue reports whether the function around cur uses v as a
// month value somewhere.
func varUsedAsValue(pass *analysis.Pass, cur inspector.Cursor, v *types.Var) bool {
	info := pass.TypesInfo
	var fn inspector.Cursor
	found := false
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn, found = f, true
		break
	}
	if !found {
		return false
	}
	for idCur := range fn.Preorder((*ast.Ident)(nil)) {
		id := idCur.Node().(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		child := ast.Node(id)
		p := idCur.Parent()
		for {
			if paren, ok := p.Node().(*ast.ParenExpr); ok {
				child = paren
				p = p.Parent()
				continue
			}
			break
		}
		if valueUse(info, p.Node(), child) {
			return true
		}
	}
	return false
}

// usedAsMonth reports whether the Month-typed expression at cur is used as
// a month, not as an index (names[t.Month()-1]), a number (int(m-1)) or
// in a comparison that checks a bound (t.Month()+1 > 12).
func usedAsMonth(info *types.Info, cur inspector.Cursor) bool {
	child := cur.Node()
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			child = n
			continue
		case *ast.IndexExpr:
			return n.Index != child
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return typematch.IsType(tv.Type, "time", "Month")
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				return false
			}
		}
		return true
	}
	return true
}

// zeroBasedName returns the name of e if e is a variable or field named as
// a zero-based month index (monthIndex, monthIdx, month0, zeroBasedMonth,
// jsMonth), or "".
func zeroBasedName(e ast.Expr) string {
	var name string
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	default:
		return ""
	}
	lower := strings.ToLower(name)
	if !strings.Contains(lower, "month") {
		return ""
	}
	for _, marker := range []string{"index", "idx", "zero", "0", "js"} {
		if strings.Contains(lower, marker) {
			return types.ExprString(e)
		}
	}
	return ""
}
