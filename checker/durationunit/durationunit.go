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
	"strings"
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

// Analyzer reports bare integers used as time.Duration.
var Analyzer = &analysis.Analyzer{
	Name:     "durationunit",
	Doc:      analyzerdoc.MustExtract(doc, "durationunit"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/durationunit",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
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
		c := &checker{pass: pass, file: file}
		for cur := range fileCur.Preorder(nodeTypes...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					c.values(n.Rhs)
				}
			case *ast.ValueSpec:
				c.values(n.Values)
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						elt = kv.Value
					}
					c.value(elt, "")
				}
			case *ast.ReturnStmt:
				c.values(n.Results)
			case *ast.SendStmt:
				c.value(n.Value, "")
			}
		}
	}
	return nil, nil
}

// checker checks the expressions of one file.
type checker struct {
	pass *analysis.Pass
	file *ast.File
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
	for _, arg := range call.Args {
		c.value(arg, subject)
	}
}

func (c *checker) values(exprs []ast.Expr) {
	for _, e := range exprs {
		c.value(e, "")
	}
}

// value reports e if it is a bare integer constant used as a time.Duration.
// subject, if not empty, is what the diagnostic says about e's use, such as
// "time.Sleep(1000) sleeps".
func (c *checker) value(e ast.Expr, subject string) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || !isDuration(tv.Type) || !c.bare(e) {
		return
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || n <= 0 || n >= onPurpose {
		return
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
	diag := analysis.Diagnostic{
		Pos: e.Pos(),
		End: e.End(),
		Message: fmt.Sprintf("%s %s, not %s: a bare integer is nanoseconds; write %s * %sMillisecond",
			subject, time.Duration(n)*time.Nanosecond, millis(n), text, qual),
	}
	if fixable {
		edits := []analysis.TextEdit{{Pos: e.End(), End: e.End(), NewText: []byte(" * " + qual + "Millisecond")}}
		if paren {
			edits = []analysis.TextEdit{
				{Pos: e.Pos(), End: e.Pos(), NewText: []byte("(")},
				{Pos: e.End(), End: e.End(), NewText: []byte(") * " + qual + "Millisecond")},
			}
		}
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Multiply by " + qual + "Millisecond",
			TextEdits: edits,
		}}
	}
	c.pass.Report(diag)
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

// conversion reports time.Duration(v) of an integer variable v, unless the
// conversion is an operand of arithmetic: a multiplication supplies the
// unit, and a sum or an op-assignment is Duration arithmetic.
func (c *checker) conversion(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	info := c.pass.TypesInfo
	arg := call.Args[0]
	tv, ok := info.Types[arg]
	if !ok || tv.Value != nil || !isIntegerVariable(info, arg) {
		return
	}
	for parent := cur.Parent(); parent.Valid(); parent = parent.Parent() {
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.BinaryExpr:
			// A product supplies the unit. A sum or difference is Duration
			// arithmetic on values that are nanoseconds as often as not:
			// report it only when the variable's name says another unit.
			if p.Op == token.MUL || !namesOtherUnit(arg) {
				return
			}
		case *ast.AssignStmt:
			// total += time.Duration(n), grace *= time.Duration(scale).
			if p.Tok == token.MUL_ASSIGN || (p.Tok != token.ASSIGN && p.Tok != token.DEFINE && !namesOtherUnit(arg)) {
				return
			}
		}
		break
	}
	qual, _ := c.timeQualifier(call.Pos())
	conv := types.ExprString(call)
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s makes %s nanoseconds, not milliseconds or seconds: multiply by the unit, e.g. %s * %sMillisecond",
			conv, types.ExprString(arg), conv, qual),
	})
}

// namesOtherUnit reports whether the variable e is named for milliseconds
// or seconds (ms, timeoutMs, millis, secs, seconds), not nanoseconds.
func namesOtherUnit(e ast.Expr) bool {
	var name string
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	}
	lower := strings.ToLower(name)
	if strings.Contains(lower, "nano") || strings.Contains(lower, "nsec") {
		return false
	}
	return lower == "ms" || strings.HasSuffix(name, "Ms") || strings.HasSuffix(lower, "_ms") ||
		strings.Contains(lower, "milli") || strings.Contains(lower, "msec") || strings.Contains(lower, "sec")
}

// isIntegerVariable reports whether e is a variable or field of an integer
// type other than a type from package time.
func isIntegerVariable(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if named, ok := types.Unalias(v.Type()).(*types.Named); ok &&
		named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" {
		return false
	}
	basic, ok := v.Type().Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsInteger != 0
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

// millis renders n milliseconds, the reading a Node.js or Java habit gives
// a bare n.
func millis(n int64) string {
	if n > math.MaxInt64/int64(time.Millisecond) {
		return fmt.Sprintf("%dms", n)
	}
	return (time.Duration(n) * time.Millisecond).String()
}

func isDuration(t types.Type) bool {
	return typematch.IsType(t, "time", "Duration")
}
