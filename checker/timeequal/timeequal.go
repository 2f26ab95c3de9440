// Package timeequal defines an Analyzer that reports time.Time values
// compared with == or != instead of the Equal method.
package timeequal

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
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports == and != on time.Time values.
var Analyzer = &analysis.Analyzer{
	Name:     "timeequal",
	Doc:      analyzerdoc.MustExtract(doc, "timeequal"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/timeequal",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// maxText is the longest operand, as rendered in a message, that a
// diagnostic quotes; longer ones are called t and u.
const maxText = 40

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) || isTestFile(pass, file) {
			continue
		}
		c := &checker{pass: pass, file: file}
		for cur := range fileCur.Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.BinaryExpr:
				if (n.Op == token.EQL || n.Op == token.NEQ) && c.isTime(n.X) && c.isTime(n.Y) {
					c.comparison(n)
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && c.isTime(n.Tag) {
					pass.Report(analysis.Diagnostic{
						Pos: n.Tag.Pos(),
						End: n.Tag.End(),
						Message: fmt.Sprintf("switch %s compares time.Time values with ==, which also compares the monotonic clock reading and the *time.Location: use a switch with no tag and cases such as %s.Equal(u)",
							c.name(n.Tag, "t"), c.name(n.Tag, "t")),
					})
				}
			}
		}
	}
	return nil, nil
}

// isTestFile reports whether file is a _test.go file. Tests compare times
// with == on purpose, to assert that two values are identical, location
// and monotonic reading included.
func isTestFile(pass *analysis.Pass, file *ast.File) bool {
	return strings.HasSuffix(pass.Fset.Position(file.Package).Filename, "_test.go")
}

type checker struct {
	pass *analysis.Pass
	file *ast.File
	src  []byte // the file's content, read when a fix first needs it
}

func (c *checker) isTime(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && !tv.IsType() && typematch.IsType(tv.Type, "time", "Time")
}

// comparison reports x == y or x != y on two time.Time values.
func (c *checker) comparison(bin *ast.BinaryExpr) {
	not := ""
	if bin.Op == token.NEQ {
		not = "!"
	}
	x, y := bin.X, bin.Y
	if isZeroLit(y) || isZeroLit(x) {
		if isZeroLit(x) {
			x, y = y, x
		}
		if isZeroLit(x) {
			return // time.Time{} == time.Time{}
		}
		fixed := not + c.name(x, "t") + ".IsZero()"
		diag := analysis.Diagnostic{
			Pos: bin.Pos(),
			End: bin.End(),
			Message: fmt.Sprintf("comparing with time.Time{} misses zero times that carry a *time.Location, such as time.Time{}.In(loc): write %s",
				fixed),
		}
		if text, ok := c.operand(x); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Use " + fixed,
				TextEdits: []analysis.TextEdit{{Pos: bin.Pos(), End: bin.End(), NewText: []byte(not + text + ".IsZero()")}},
			}}
		}
		c.pass.Report(diag)
		return
	}
	fixed := not + c.name(x, "t") + ".Equal(" + c.name(y, "u") + ")"
	diag := analysis.Diagnostic{
		Pos: bin.Pos(),
		End: bin.End(),
		Message: fmt.Sprintf("%s on time.Time compares the wall clock, the monotonic clock reading and the *time.Location, so the same instant can compare unequal: write %s",
			bin.Op, fixed),
	}
	xText, okX := c.operand(x)
	yText, okY := c.text(y)
	if okX && okY {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use " + fixed,
			TextEdits: []analysis.TextEdit{{Pos: bin.Pos(), End: bin.End(), NewText: []byte(not + xText + ".Equal(" + yText + ")")}},
		}}
	}
	c.pass.Report(diag)
}

// isZeroLit reports whether e is time.Time{}, possibly in parentheses.
func isZeroLit(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// name returns e as a message shows it before a selector such as .Equal,
// or short if e is too long.
func (c *checker) name(e ast.Expr, short string) string {
	s := types.ExprString(e)
	if len(s) > maxText {
		return short
	}
	return parenthesize(e, s)
}

// operand returns the source text of e for use before a selector such as
// .Equal.
func (c *checker) operand(e ast.Expr) (string, bool) {
	text, ok := c.text(e)
	if !ok {
		return "", false
	}
	return parenthesize(e, text), true
}

// parenthesize returns text, the text of e, in parentheses unless e is a
// primary expression that a selector can follow.
func parenthesize(e ast.Expr, text string) string {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr, *ast.TypeAssertExpr:
		return text
	}
	return "(" + text + ")"
}

// text returns the source text of e.
func (c *checker) text(e ast.Expr) (string, bool) {
	tf := c.pass.Fset.File(e.Pos())
	if tf == nil {
		return "", false
	}
	if c.src == nil {
		src, err := c.pass.ReadFile(tf.Name())
		if err != nil || len(src) != tf.Size() {
			return "", false
		}
		c.src = src
	}
	start, end := tf.Offset(e.Pos()), tf.Offset(e.End())
	if start < 0 || end > len(c.src) || start > end {
		return "", false
	}
	return string(c.src[start:end]), true
}
