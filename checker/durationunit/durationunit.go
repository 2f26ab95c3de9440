// Package durationunit defines an Analyzer that reports bare integers used
// where a time.Duration is meant.
package durationunit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports bare integers used as time.Duration.
var Analyzer = &analysis.Analyzer{
	Name:     "durationunit",
	Doc:      analyzerdoc.MustExtract(doc, "durationunit"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/durationunit",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() {
	mode.Register(Analyzer, "also report time.Duration(n) of a number whose unit nothing tells (no name, type, source, arithmetic or comment), outside tests too")
}

// onPurpose is the smallest bare constant taken to count nanoseconds on
// purpose: a second or more in nanoseconds (math.MaxInt64 as "forever",
// 1500000000 for 1.5s) is no millisecond or second count ported from
// another language, which stay far below it.
const onPurpose = int64(time.Second)

// maxCallText is the longest call, as rendered in a message, that a
// diagnostic quotes; longer calls are described without it.
const maxCallText = 60

func run(pass *analysis.Pass) (any, error) {
	// A time.Duration can only appear if "time" is somewhere in the import
	// graph. Checking only direct imports would miss
	// context.WithTimeout(ctx, 5000) in a file that never imports "time".
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}

	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ix := newIndex(pass.Fset, pass.TypesInfo, pass.Files)
	nanos := new(lazy)
	nodeTypes := []ast.Node{
		(*ast.CallExpr)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.ReturnStmt)(nil),
		(*ast.SendStmt)(nil),
	}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		c := &checker{pass: pass, file: file, ix: ix, nanos: nanos,
			test: strings.HasSuffix(pass.Fset.File(file.Pos()).Name(), "_test.go")}
		for cur := range fileCur.Preorder(nodeTypes...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					for i, rhs := range n.Rhs {
						target := ""
						if len(n.Lhs) == len(n.Rhs) {
							target = refName(n.Lhs[i])
						}
						c.value(cur, rhs, "", target)
					}
				}
			case *ast.ValueSpec:
				for i, v := range n.Values {
					target := ""
					if len(n.Names) == len(n.Values) {
						target = n.Names[i].Name
					}
					c.value(cur, v, "", target)
				}
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					target := ""
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						elt = kv.Value
						target = refName(kv.Key)
					}
					c.value(cur, elt, "", target)
				}
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					c.value(cur, r, "", "")
				}
			case *ast.SendStmt:
				c.value(cur, n.Value, "", "")
			}
		}
	}
	return nil, nil
}

// checker checks the expressions of one file.
type checker struct {
	pass *analysis.Pass
	file *ast.File
	ix   *index
	test bool // a _test.go file
	// nanos tells whether the package's own code turns Durations into
	// integers (int64(d), d.Nanoseconds()), computed on first use.
	nanos *lazy
}

// lazy is a fact about the package, computed on first use.
type lazy struct{ done, val bool }

// refName returns the name an identifier or selector refers to, or "".
func refName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return refName(e.X)
	case *ast.IndexExpr:
		return refName(e.X)
	}
	return ""
}

// call checks a call's arguments and, if the call is a conversion to
// time.Duration, the conversion itself.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if isDuration(tv.Type) {
			c.conversion(cur, call)
		}
		return
	}
	// Only a constant given as a Duration can be reported (see value):
	// most calls have none, and rendering the call for the message is
	// the costly part.
	if !slices.ContainsFunc(call.Args, func(arg ast.Expr) bool {
		tv, ok := info.Types[arg]
		return ok && tv.Value != nil && isDuration(tv.Type)
	}) {
		return
	}
	verb := "passes"
	callee := typeutil.Callee(info, call)
	switch {
	case typematch.IsFunction(callee, "time", "Sleep"):
		verb = "sleeps"
	case typematch.IsFunction(callee, "time", "After", "AfterFunc", "NewTimer"),
		typematch.IsMethod(callee, "time", "Timer", "Reset"):
		verb = "fires after"
	case typematch.IsFunction(callee, "time", "Tick", "NewTicker"),
		typematch.IsMethod(callee, "time", "Ticker", "Reset"):
		verb = "ticks every"
	case typematch.IsFunction(callee, "context", "WithTimeout", "WithTimeoutCause"):
		verb = "times out after"
	}
	subject := types.ExprString(call)
	if len(subject) > maxCallText {
		subject = ""
	} else {
		subject += " " + verb
	}
	var params *types.Tuple
	variadic := false
	if sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature); ok {
		params, variadic = sig.Params(), sig.Variadic()
	}
	for i, arg := range call.Args {
		target := ""
		if params != nil && params.Len() > 0 {
			j := min(i, params.Len()-1)
			if i < params.Len() || variadic {
				target = params.At(j).Name()
			}
		}
		c.value(cur, arg, subject, target)
	}
}

// value reports e if it is a bare integer constant used as a time.Duration.
// subject, if not empty, is what the diagnostic says about e's use, such as
// "time.Sleep(1000) sleeps"; target is the name of the variable, field or
// parameter that e is given to, if any.
func (c *checker) value(cur inspector.Cursor, e ast.Expr, subject, target string) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || !isDuration(tv.Type) || !c.bare(e) {
		return
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || n <= 0 || n >= onPurpose {
		return
	}
	u := c.constUnit(cur, e, target, n)
	if u == unit(time.Nanosecond) {
		return // the name or a comment says nanoseconds
	}
	if ec, ok := cur.FindNode(e); ok && c.unitAppliedLater(ec) {
		return // []time.Duration{500, 1000} whose elements are later multiplied by a unit
	}
	// "500 + 100 * unit" would scale only the 100, so wrap every binary
	// expression but a product; "60 * 1000 * unit" needs no parentheses.
	text := types.ExprString(e)
	bin, paren := e.(*ast.BinaryExpr)
	paren = paren && bin.Op != token.MUL
	if paren {
		text = "(" + text + ")"
	}
	qual, fixable := c.timeQualifier(e.Pos())
	if subject == "" {
		subject = types.ExprString(e) + " as a time.Duration is"
	}
	diag := analysis.Diagnostic{Pos: e.Pos(), End: e.End()}
	if u == unknown && c.test {
		return // a test's fake clock counts nanoseconds, and its values are often arbitrary
	}
	if u == unknown {
		// Nothing says which unit the number counts: name both, fix
		// neither, since a wrong fix is worse than none.
		diag.Message = fmt.Sprintf("%s %s, not %s or %s: a bare integer is nanoseconds; write %s * %sMillisecond or %s * %sSecond, whichever it counts",
			subject, time.Duration(n), scaled(n, unit(time.Millisecond)), scaled(n, unit(time.Second)),
			text, qual, text, qual)
		c.pass.Report(diag)
		return
	}
	name := u.constName()
	diag.Message = fmt.Sprintf("%s %s, not %s: a bare integer is nanoseconds; write %s * %s%s",
		subject, time.Duration(n), scaled(n, u), text, qual, name)
	if fixable {
		edits := []analysis.TextEdit{{Pos: e.End(), End: e.End(), NewText: []byte(" * " + qual + name)}}
		if paren {
			edits = []analysis.TextEdit{
				{Pos: e.Pos(), End: e.Pos(), NewText: []byte("(")},
				{Pos: e.End(), End: e.End(), NewText: []byte(") * " + qual + name)},
			}
		}
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Multiply by " + qual + name,
			TextEdits: edits,
		}}
	}
	c.pass.Report(diag)
}

// constUnit returns the unit that the constant expression e, with value n,
// most likely counts: by the name of the constant (defaultIntervalSeconds),
// by the name of what it is given to (a field TimeoutMs, a parameter
// secs), by a comment on its line or its declaration (time.sleep,
// setTimeout, "in seconds"), and last by its value.
func (c *checker) constUnit(cur inspector.Cursor, e ast.Expr, target string, n int64) unit {
	info := c.pass.TypesInfo
	var consts []*types.Const
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if k, ok := info.Uses[id].(*types.Const); ok {
				consts = append(consts, k)
			}
		}
		return true
	})
	for _, k := range consts {
		if u := nameUnit(k.Name()); u != unknown {
			return u
		}
	}
	if u := nameUnit(target); u != unknown {
		return u
	}
	first, last := c.ix.lines(enclosingStmt(cur))
	if u := c.ix.commentUnit(e.Pos(), first-1, last); u != unknown {
		return u
	}
	for _, k := range consts {
		if u := c.ix.declComment(k); u != unknown {
			return u
		}
	}
	return valueUnit(n)
}

// enclosingStmt returns the statement or declaration that holds cur.
func enclosingStmt(cur inspector.Cursor) ast.Node {
	for p := range cur.Enclosing() {
		switch n := p.Node().(type) {
		case ast.Stmt:
			if _, ok := n.(*ast.BlockStmt); !ok {
				return n
			}
		case *ast.GenDecl, *ast.ValueSpec:
			return n
		}
	}
	return cur.Node()
}

// bare reports whether the constant expression e is made only of integer
// literals and untyped integer constants: nothing in it carries a unit or
// says that nanoseconds were chosen on purpose.
func (c *checker) bare(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.Ident:
		return c.untypedIntConst(e)
	case *ast.SelectorExpr:
		return c.untypedIntConst(e.Sel)
	case *ast.ParenExpr:
		return c.bare(e.X)
	case *ast.UnaryExpr:
		return c.bare(e.X)
	case *ast.BinaryExpr:
		return c.bare(e.X) && c.bare(e.Y)
	}
	return false // conversions, len(array), unsafe.Sizeof, ...
}

// untypedIntConst reports whether id names an untyped integer constant
// other than iota, which counts rather than measures.
func (c *checker) untypedIntConst(id *ast.Ident) bool {
	k, ok := c.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || k == types.Universe.Lookup("iota") {
		return false
	}
	basic, ok := k.Type().(*types.Basic)
	return ok && basic.Kind() == types.UntypedInt
}

// timeQualifier returns how the file refers to package time at pos ("time.",
// another import name plus ".", or "" for a dot import) and whether that name
// really resolves to package time there, so a fix can use it.
func (c *checker) timeQualifier(pos token.Pos) (string, bool) {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "time.", false
	}
	for _, imp := range c.file.Imports {
		if imp.Path.Value != `"time"` {
			continue
		}
		name := "time"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		switch name {
		case "_":
			continue
		case ".":
			if _, obj := scope.LookupParent("Millisecond", pos); obj != nil &&
				obj.Pkg() != nil && obj.Pkg().Path() == "time" {
				return "", true
			}
		default:
			if _, obj := scope.LookupParent(name, pos); obj != nil {
				if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "time" {
					return name + ".", true
				}
			}
		}
	}
	return "time.", false
}

// scaled renders n counted in u: 1500 milliseconds is "1.5s".
func scaled(n int64, u unit) string {
	if n > math.MaxInt64/int64(u) {
		return fmt.Sprintf("%d %s", n, u.plural())
	}
	return (time.Duration(n) * time.Duration(u)).String()
}

func isDuration(t types.Type) bool {
	return typematch.IsType(t, "time", "Duration")
}

// unitAppliedLater reports whether the variable that the value at cur is
// stored in (directly, or as an element of a composite literal) is later
// multiplied by a unit in the same function: var d time.Duration = 5 ...
// d * time.Second, or a slice of counts whose elements are scaled in a
// loop. The unit is then applied, only not where the number is written.
func (c *checker) unitAppliedLater(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	var holder *types.Var
	child := cur.Node()
	for p := cur.Parent(); p.Node() != nil && holder == nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.CompositeLit, *ast.KeyValueExpr, *ast.ParenExpr:
			child = n
			continue
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if rhs == child && i < len(n.Lhs) {
					holder = c.ix.varOf(n.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if v == child && i < len(n.Names) {
					holder, _ = info.Defs[n.Names[i]].(*types.Var)
				}
			}
		}
		break
	}
	if holder == nil {
		return false
	}
	var body ast.Node
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fn.Node()
		break
	}
	if body == nil {
		return false
	}
	// The holder and what ranges over it.
	derived := map[*types.Var]bool{holder: true}
	ast.Inspect(body, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && c.ix.varOf(r.X) == holder && r.Value != nil {
			if v := c.ix.varOf(r.Value); v != nil {
				derived[v] = true
			}
		}
		return true
	})
	fromHolder := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ix, ok := e.(*ast.IndexExpr); ok {
			e = ix.X
		}
		v := c.ix.varOf(e)
		return v != nil && derived[v]
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.MUL && (fromHolder(n.X) && isUnit(info, n.Y) || fromHolder(n.Y) && isUnit(info, n.X)) {
				found = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.MUL_ASSIGN && len(n.Lhs) == 1 && fromHolder(n.Lhs[0]) && isUnit(info, n.Rhs[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isUnit reports whether e is a Duration constant of a microsecond or
// more, such as time.Millisecond.
func isUnit(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || !isDuration(tv.Type) {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n >= int64(time.Microsecond)
}
