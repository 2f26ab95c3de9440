// Package parsezone defines an Analyzer that reports times parsed without
// a zone, which time.Parse reads as UTC, and then compared with the
// current time.
package parsezone

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
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

// Analyzer reports zoneless time.Parse results compared with time.Now().
var Analyzer = &analysis.Analyzer{
	Name:     "parsezone",
	Doc:      analyzerdoc.MustExtract(doc, "parsezone"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/parsezone",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// maxDepth bounds how many method calls, such as t.Add(d).Truncate(h), a
// trace follows from a parsed time or from time.Now().
const maxDepth = 4

func run(pass *analysis.Pass) (any, error) {
	// time.Parse can only be called by a package that imports "time".
	if !importsTime(pass.Pkg) {
		return nil, nil
	}
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	for _, fn := range ssainfo.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				if layout, ok := zonelessParse(call); ok && comparedWithNow(call) {
					report(pass, call, layout)
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

// zonelessParse reports whether call is time.Parse with a constant layout
// that has a year but no zone, and returns the layout.
func zonelessParse(call *ssa.Call) (string, bool) {
	common, fn := timeexpr.StaticCallee(call)
	if !typematch.IsFunction(fn, "time", "Parse") || len(common.Args) != 2 {
		return "", false
	}
	k, ok := common.Args[0].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	layout := constant.StringVal(k.Value)
	chunks := timeexpr.Split(layout)
	if !timeexpr.Has(chunks, timeexpr.Elem.IsYear) || timeexpr.Has(chunks, timeexpr.Elem.IsZone) {
		return "", false
	}
	return layout, true
}

// comparedWithNow reports whether the time that call, a time.Parse, returns
// reaches, in its function, a comparison with time.Now(): t.Before(now),
// now.Sub(t), time.Since(t) and the like, also after t.Add(d) and similar
// methods.
func comparedWithNow(call *ssa.Call) bool {
	refs := call.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if x, ok := r.(*ssa.Extract); ok && x.Index == 0 && reachesNow(x, 0) {
			return true
		}
	}
	return false
}

// reachesNow reports whether the parsed time t is compared with the
// current time, directly or after methods such as Add that keep the
// mistake.
func reachesNow(t ssa.Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	found := false
	timeexpr.Uses(t, func(u ssa.Value) {
		refs := u.Referrers()
		if found || refs == nil {
			return
		}
		for _, r := range *refs {
			v, ok := r.(ssa.Value)
			if !ok {
				continue
			}
			common, fn := timeexpr.StaticCallee(v)
			if fn == nil {
				continue
			}
			switch {
			case typematch.IsFunction(fn, "time", "Since", "Until"):
				found = true
			case typematch.IsMethod(fn, "time", "Time", "Before", "After", "Equal", "Compare", "Sub"):
				if len(common.Args) == 2 {
					other := common.Args[0]
					if other == u {
						other = common.Args[1]
					}
					found = found || isNow(other, 0)
				}
			case typematch.IsMethod(fn, "time", "Time", "Add", "AddDate", "Truncate", "Round", "In", "Local", "UTC"):
				found = found || common.Args[0] == u && reachesNow(v, depth+1)
			}
		}
	})
	return found
}

// isNow reports whether v is the current time: time.Now(), maybe through
// a local variable or methods such as Add. A time.Now().UTC() says that
// the program thinks in UTC, so it does not count.
func isNow(v ssa.Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	return timeexpr.Sources(v, func(s ssa.Value) bool {
		if timeexpr.IsNow(s) {
			return true
		}
		common, fn := timeexpr.StaticCallee(s)
		return typematch.IsMethod(fn, "time", "Time", "Add", "AddDate", "Truncate", "Round", "Local") &&
			isNow(common.Args[0], depth+1)
	})
}

func report(pass *analysis.Pass, call *ssa.Call, layout string) {
	pos, end := call.Pos(), call.Pos()
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil || generated.Skip(pass.Fset, file) {
		return
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == pos {
			pos, end = ce.Pos(), ce.End()
			break
		}
	}
	pass.Report(analysis.Diagnostic{
		Pos: pos,
		End: end,
		Message: fmt.Sprintf("time.Parse reads %q as UTC, since the layout has no zone, but the result is compared with time.Now(): if the text is local time, use time.ParseInLocation with time.Local or the *time.Location it was written in",
			layout),
	})
}
