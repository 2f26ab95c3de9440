package durationunit

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/mode"
)

// maxDepth bounds how far argUnit follows a variable to what is assigned
// to it.
const maxDepth = 3

// conversion reports time.Duration(x) of a number x that counts another
// unit than nanoseconds, unless the conversion is an operand of arithmetic
// that supplies the unit or treats it as a count: a product, a divisor.
func (c *checker) conversion(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	info := c.pass.TypesInfo
	arg := call.Args[0]
	tv, ok := info.Types[arg]
	if !ok || tv.Value != nil {
		return // time.Duration(1000) says nanoseconds on purpose
	}
	basic, ok := tv.Type.Underlying().(*types.Basic)
	if !ok || basic.Info()&(types.IsInteger|types.IsFloat) == 0 || isNanos(info, arg) {
		return
	}
	isFloat := basic.Info()&types.IsFloat != 0

	var ev evidence
	if named, ok := types.Unalias(tv.Type).(*types.Named); ok {
		// A conversion between defined types: type MaxWait time.Duration,
		// or a number type of its own. Only a type named for a unit (type
		// Seconds int) says what it counts.
		ev = evidence{u: nameUnit(named.Obj().Name()), why: "by its type"}
		if ev.u == unknown {
			return
		}
	} else {
		ev = c.argUnit(arg, 0)
	}
	if ev.u == unit(time.Nanosecond) {
		return
	}
	strong := ev.u != unknown // a name, a source or a comment, not a guess

	// What the conversion takes part in.
	child := ast.Node(call)
	for parent := cur.Parent(); parent.Valid(); parent = parent.Parent() {
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.UnaryExpr:
			// -time.Duration(x) * time.Second: the unit is beyond the sign.
			child = p
			continue
		case *ast.BinaryExpr:
			switch p.Op {
			case token.MUL, token.SHL, token.SHR, token.AND, token.OR, token.XOR, token.AND_NOT:
				return // a product supplies the unit or scales; bits are no quantity
			case token.QUO, token.REM:
				if p.Y == child {
					return // time.Second / time.Duration(n): n is a count
				}
				if ytv, ok := info.Types[p.Y]; !ok || ytv.Value == nil {
					return // time.Duration(n) / time.Millisecond: a ratio
				}
				child = p // time.Duration(ms) / 2 is still ms
				continue
			default:
				// A sum, a difference or a comparison: Duration arithmetic
				// on values that are nanoseconds as often as not.
				if !strong {
					return
				}
			}
		case *ast.AssignStmt:
			switch p.Tok {
			case token.ASSIGN, token.DEFINE:
			case token.MUL_ASSIGN, token.QUO_ASSIGN, token.REM_ASSIGN, token.SHL_ASSIGN, token.SHR_ASSIGN:
				return // grace *= time.Duration(scale): a factor
			default:
				if !strong {
					return // total += time.Duration(n)
				}
			}
		}
		break
	}
	if !strong && (!plainRef(info, arg) || ev.computed) {
		return // a computed value with no unit in sight
	}
	if c.sentinel(cur, arg) {
		return
	}
	if ev.u == unknown {
		first, last := c.ix.lines(enclosingStmt(cur))
		if u := c.ix.commentUnit(call.Pos(), first-1, last); u != unknown {
			ev = evidence{u: u, why: "by the comment"}
		}
	}
	if ev.u == unit(time.Nanosecond) {
		return
	}
	if ev.u == unknown && isFloat {
		ev = evidence{u: unit(time.Second), why: "as a float, the way Python counts seconds"}
	}

	if ev.u == unknown && (c.test || !mode.Strict(c.pass)) {
		// A test's fake clock counts nanoseconds, and its values are
		// often arbitrary; and in real code a bare number converted with
		// no word of its unit counts nanoseconds as often as not (an
		// int64 kept from a Duration). Only a learner's exercise, in
		// strict mode, hears that nothing says what it counts.
		return
	}
	if ev.u == unknown && (basic.Kind() == types.Int64 || basic.Kind() == types.Uint64) && c.storesNanos() {
		return // the package keeps Durations as integers, and converts one back
	}
	qual, fixable := c.timeQualifier(call.Pos())
	conv := types.ExprString(call)
	argText := types.ExprString(arg)
	diag := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	if ev.u == unknown {
		diag.Message = fmt.Sprintf("%s makes %s nanoseconds, and nothing says it counts them: multiply by the unit it counts, %s * %sMillisecond or %s * %sSecond",
			conv, argText, conv, qual, conv, qual)
		c.pass.Report(diag)
		return
	}
	name := ev.u.constName()
	var fixed string
	var edits []analysis.TextEdit
	if isFloat {
		// Scale before converting, or the fraction is lost.
		x := argText
		if _, ok := ast.Unparen(arg).(*ast.BinaryExpr); ok {
			x = "(" + x + ")"
		}
		if basic.Kind() != types.Float64 && basic.Kind() != types.UntypedFloat {
			x = "float64(" + argText + ")"
		}
		scaledText := x + " * float64(" + qual + name + ")"
		fixed = types.ExprString(call.Fun) + "(" + scaledText + ")"
		edits = []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(scaledText)}}
	} else {
		fixed = conv + " * " + qual + name
		edits = []analysis.TextEdit{{Pos: call.End(), End: call.End(), NewText: []byte(" * " + qual + name)}}
	}
	diag.Message = fmt.Sprintf("%s makes %s nanoseconds, but it counts %s (%s): write %s",
		conv, argText, ev.u.plural(), ev.why, fixed)
	if fixable {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Count " + ev.u.plural() + ": " + fixed,
			TextEdits: edits,
		}}
	}
	c.pass.Report(diag)
}

// plainRef reports whether e, past numeric conversions, is a variable, a
// field, a pointer to one or an element: a stored number whose meaning its
// name and its sources tell.
func plainRef(info *types.Info, e ast.Expr) bool {
	switch e := unconvert(info, e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		_, ok := info.Uses[e.Sel].(*types.Var)
		return ok
	case *ast.StarExpr, *ast.IndexExpr:
		return true
	}
	return false
}

// unconvert strips parentheses and conversions to number types:
// int64(cfg.TimeoutMs) is cfg.TimeoutMs.
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		tv, ok := info.Types[call.Fun]
		if !ok || !tv.IsType() {
			return e
		}
		if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&types.IsNumeric == 0 {
			return e
		}
		e = call.Args[0]
	}
}

// argUnit returns the unit that the number e counts, by evidence: its
// name, the type it is declared with, the values assigned to it (another
// named value, a flag with its name and usage, a config lookup by key),
// the comment where it is declared, and arithmetic that changes units
// (secs * 1000 counts milliseconds).
func (c *checker) argUnit(e ast.Expr, depth int) evidence {
	info := c.pass.TypesInfo
	if depth > maxDepth {
		return evidence{}
	}
	e = unconvert(info, e)
	if isNanos(info, e) {
		return evidence{u: unit(time.Nanosecond), why: "computed from a Duration"}
	}
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr, *ast.IndexExpr:
		if u := nameUnit(refName(x)); u != unknown {
			return evidence{u: u, why: "by its name"}
		}
		v := c.ix.varOf(x)
		if v == nil {
			return evidence{}
		}
		if named, ok := types.Unalias(v.Type()).(*types.Named); ok {
			if u := nameUnit(named.Obj().Name()); u != unknown {
				return evidence{u: u, why: "by its type"}
			}
		}
		if u := c.ix.declComment(v); u != unknown {
			return evidence{u: u, why: "by the comment where it is declared"}
		}
		// What is assigned to it, if all of it agrees.
		var found evidence
		allConst := true
		var consts []int64
		for _, src := range c.ix.sources(v) {
			if tv, ok := info.Types[src]; ok && tv.Value != nil {
				if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok {
					consts = append(consts, n)
				}
				continue
			}
			allConst = false
			ev := c.argUnit(src, depth+1)
			if ev.u == unknown {
				if ev.computed || !plainRef(info, src) {
					found.computed = true
				}
				continue
			}
			if found.u != unknown && found.u != ev.u {
				return evidence{}
			}
			found = evidence{u: ev.u, why: "by its source"}
		}
		for _, fc := range c.ix.flagCalls(v) {
			if u := flagUnit(fc, 1); u != unknown {
				if found.u != unknown && found.u != u {
					return evidence{}
				}
				found = evidence{u: u, why: "by its flag"}
			}
		}
		if found.u != unknown {
			found.computed = false
		}
		if found.u == unknown && allConst && len(consts) > 0 {
			u := valueUnit(consts[0])
			for _, n := range consts[1:] {
				if valueUnit(n) != u {
					u = unknown
				}
			}
			if u != unknown {
				found = evidence{u: u, why: "by its value"}
			}
		}
		return found
	case *ast.CallExpr:
		callee := typeutil.Callee(info, x)
		if isFlagFunc(callee, false) {
			return evidence{u: flagUnit(x, 0), why: "by its flag"}
		}
		if callee != nil {
			if u := nameUnit(callee.Name()); u != unknown {
				return evidence{u: u, why: "by its name"}
			}
		}
		// viper.GetInt("timeout_ms"), cfg.Int("poll-seconds"),
		// strconv.Atoi(os.Getenv("TIMEOUT_SECONDS")).
		var keys []string
		for _, a := range x.Args {
			ast.Inspect(a, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
						keys = append(keys, constant.StringVal(tv.Value))
						return false
					}
				}
				return true
			})
		}
		if len(keys) > 0 {
			u := unknown
			for _, k := range keys {
				if ku := nameUnit(k); ku != unknown {
					u = ku
				}
			}
			return evidence{u: u, why: "by the key it is read by"}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD || x.Op == token.SUB {
			// baseMs + jitterMs: a sum keeps the unit its terms agree on.
			ex, ey := c.argUnit(x.X, depth+1), c.argUnit(x.Y, depth+1)
			if ex.u != unknown && (ex.u == ey.u || ey.u == unknown && isConstExpr(info, x.Y)) {
				return evidence{u: ex.u, why: ex.why}
			}
			if ey.u != unknown && ex.u == unknown && isConstExpr(info, x.X) {
				return evidence{u: ey.u, why: ey.why}
			}
			return evidence{computed: true}
		}
		if x.Op != token.MUL && x.Op != token.QUO {
			return evidence{computed: true}
		}
		operand, factor := x.X, x.Y
		f, ok := constFactor(info, factor)
		if !ok && x.Op == token.MUL {
			operand, factor = x.Y, x.X
			f, ok = constFactor(info, factor)
		}
		if !ok {
			// baseDelayMs * math.Pow(2, attempt): a unit times a factor
			// with none keeps the unit.
			ex, ey := c.argUnit(x.X, depth+1), c.argUnit(x.Y, depth+1)
			switch {
			case ex.u != unknown && ey.u == unknown && !isNanos(info, x.Y):
				return evidence{u: ex.u, why: ex.why}
			case x.Op == token.MUL && ey.u != unknown && ex.u == unknown && !isNanos(info, x.X):
				return evidence{u: ey.u, why: ey.why}
			}
			return evidence{computed: true}
		}
		ev := c.argUnit(operand, depth+1)
		if ev.u == unknown {
			return evidence{}
		}
		var u time.Duration
		if x.Op == token.MUL {
			if time.Duration(ev.u)%time.Duration(f) != 0 {
				return evidence{}
			}
			u = time.Duration(ev.u) / time.Duration(f)
		} else {
			u = time.Duration(ev.u) * time.Duration(f)
		}
		if unit(u).constName() == "" {
			return evidence{}
		}
		return evidence{u: unit(u), why: "by the arithmetic that converts it"}
	}
	return evidence{}
}

// constFactor returns the value of e if it is a positive integral constant
// such as 1000 or 1e6.
func constFactor(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return n, exact && n > 1
}

// flagUnit returns the unit that a flag definition names in its name and
// usage: flag.Int("timeout-ms", 500, "..."), or "interval in seconds".
// first is the index of the name argument.
func flagUnit(call *ast.CallExpr, first int) unit {
	if len(call.Args) < first+3 {
		return unknown
	}
	name, usage := call.Args[first], call.Args[first+2]
	if lit, ok := name.(*ast.BasicLit); ok {
		if u := nameUnit(lit.Value); u != unknown {
			return u
		}
	}
	if lit, ok := usage.(*ast.BasicLit); ok {
		return textUnit(lit.Value)
	}
	return unknown
}

// sentinel reports whether the conversion of arg sits where arg holds a
// negative sentinel (if x < 0 { d = time.Duration(x) }), or arg is only
// ever assigned negative constants: -1 as "no timeout" kept as a Duration.
func (c *checker) sentinel(cur inspector.Cursor, arg ast.Expr) bool {
	info := c.pass.TypesInfo
	v := c.ix.varOf(unconvert(info, arg))
	if v == nil {
		return false
	}
	if srcs := c.ix.sources(v); len(srcs) > 0 {
		all := true
		for _, s := range srcs {
			all = all && negativeConst(info, s)
		}
		if all {
			return true
		}
	}
	for p := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs, ok := p.Node().(*ast.IfStmt)
		if !ok || !within(cur.Node(), ifs.Body) {
			continue
		}
		cmp, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok {
			continue
		}
		for _, pair := range [][2]ast.Expr{{cmp.X, cmp.Y}, {cmp.Y, cmp.X}} {
			if c.ix.varOf(unconvert(info, pair[0])) != v {
				continue
			}
			tv, ok := info.Types[pair[1]]
			if !ok || tv.Value == nil {
				continue
			}
			sign := constant.Sign(tv.Value)
			switch cmp.Op {
			case token.EQL:
				if sign < 0 {
					return true
				}
			case token.LSS, token.LEQ:
				if pair[0] == cmp.X && sign <= 0 {
					return true
				}
			}
		}
	}
	return false
}

func within(n, outer ast.Node) bool {
	return outer != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// isConstExpr reports whether e is a constant.
func isConstExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil
}

// storesNanos reports whether the package's own non-test code turns a
// Duration into an integer, int64(d) or d.Nanoseconds(), as zap's Field
// keeps a Duration in its Integer and an atomic offset holds
// int64(now.Sub(epoch)): there, an int64 (a Duration's own
// representation) with no unit in its name, type, sources or comment,
// converted back with time.Duration(x), counts nanoseconds by the
// package's own convention.
func (c *checker) storesNanos() bool {
	if c.nanos.done {
		return c.nanos.val
	}
	info := c.pass.TypesInfo
	found := false
	for _, f := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Nanoseconds" && len(call.Args) == 0 {
				if t := info.TypeOf(sel.X); t != nil && isDuration(t) {
					found = true
				}
				return !found
			}
			if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
				if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsInteger != 0 && info.TypeOf(call.Args[0]) != nil && isDuration(info.TypeOf(call.Args[0])) {
					found = true
				}
			}
			return !found
		})
	}
	c.nanos.done, c.nanos.val = true, found
	return found
}
