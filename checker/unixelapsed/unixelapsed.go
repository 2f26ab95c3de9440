// Package unixelapsed defines an Analyzer that reports elapsed time
// measured by subtracting Unix timestamps of time.Now().
package unixelapsed

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/timeexpr"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports time.Now().Unix() - start and the like.
var Analyzer = &analysis.Analyzer{
	Name:     "unixelapsed",
	Doc:      analyzerdoc.MustExtract(doc, "unixelapsed"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/unixelapsed",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// maxText is the longest subtraction, as rendered in a message, that a
// diagnostic quotes.
const maxText = 60

func run(pass *analysis.Pass) (any, error) {
	// time.Now can only be called by a package that imports "time".
	if !importsTime(pass.Pkg) {
		return nil, nil
	}
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	for _, fn := range ssainfo.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				bin, ok := instr.(*ssa.BinOp)
				if !ok || bin.Op != token.SUB {
					continue
				}
				if mx, ok := unixOfNow(bin.X, 0); ok {
					if my, ok := unixOfNow(bin.Y, 0); ok {
						report(pass, bin, mx, my)
					}
				}
			}
		}
	}
	return nil, nil
}

func importsTime(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "time" {
			return true
		}
	}
	return false
}

// unixOfNow reports whether every value v can hold is a Unix timestamp of
// the current time, such as time.Now().UnixNano(), maybe converted,
// scaled by a constant (time.Now().UnixNano() / 1e6), or kept in a local
// variable. It returns the name of the Unix method.
func unixOfNow(v ssa.Value, depth int) (string, bool) {
	if depth > 2 {
		return "", false
	}
	method := ""
	ok := timeexpr.Sources(v, func(s ssa.Value) bool {
		if bin, ok := s.(*ssa.BinOp); ok && (bin.Op == token.QUO || bin.Op == token.MUL) {
			x := bin.X
			if !isConst(bin.Y) {
				if bin.Op == token.QUO || !isConst(bin.X) {
					return false
				}
				x = bin.Y
			}
			m, ok := unixOfNow(x, depth+1)
			method = m
			return ok
		}
		common, fn := timeexpr.StaticCallee(s)
		if !typematch.IsMethod(fn, "time", "Time", "Unix", "UnixMilli", "UnixMicro", "UnixNano") {
			return false
		}
		method = fn.Name()
		return timeexpr.Sources(common.Args[0], timeexpr.IsNow)
	})
	return method, ok
}

func isConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() != constant.Unknown
}

func report(pass *analysis.Pass, bin *ssa.BinOp, mx, my string) {
	pos, end := bin.Pos(), bin.Pos()
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil || generated.Skip(pass.Fset, file) {
		return
	}
	subject := fmt.Sprintf("subtracting %s() readings of time.Now()", mx)
	if mx != my {
		subject = fmt.Sprintf("subtracting %s() and %s() readings of time.Now()", mx, my)
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		if e, ok := n.(*ast.BinaryExpr); ok && e.OpPos == pos {
			pos, end = e.Pos(), e.End()
			if s := types.ExprString(e); len(s) <= maxText {
				subject = s
			}
			break
		}
	}
	pass.Report(analysis.Diagnostic{
		Pos: pos,
		End: end,
		Message: fmt.Sprintf("%s measures elapsed time on the wall clock, which jumps when the system clock is set: keep start := time.Now() and use time.Since(start), which reads the monotonic clock",
			subject),
	})
}
