// Package timelayout defines an Analyzer that reports time layouts written
// in another language's notation, or with the day and month swapped.
package timelayout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/timeexpr"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports time layouts in another language's notation.
var Analyzer = &analysis.Analyzer{
	Name:     "timelayout",
	Doc:      analyzerdoc.MustExtract(doc, "timelayout"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/timelayout",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// vetLayout is the swapped layout that go vet's timeformat analyzer
// reports; layouts that contain it are left to vet.
const vetLayout = "2006-02-01"

// reference is how a message spells Go's reference time.
const reference = "Mon Jan 2 15:04:05 MST 2006"

func run(pass *analysis.Pass) (any, error) {
	// (time.Time).Format can be called without importing "time".
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range insp.Root().Children() {
		if generated.Skip(pass.Fset, fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if arg, vetChecks := layoutArg(pass.TypesInfo, call); arg != nil {
				check(pass, arg, vetChecks)
			}
		}
	}
	return nil, nil
}

// layoutArg returns the layout argument of a call of time.Parse,
// time.ParseInLocation, or time.Time's Format or AppendFormat method, and
// whether go vet's timeformat analyzer checks the call too.
func layoutArg(info *types.Info, call *ast.CallExpr) (arg ast.Expr, vetChecks bool) {
	fn := typeutil.Callee(info, call)
	i := -1
	switch {
	case typematch.IsFunction(fn, "time", "Parse"),
		typematch.IsMethod(fn, "time", "Time", "Format"):
		i, vetChecks = 0, true
	case typematch.IsFunction(fn, "time", "ParseInLocation"):
		i = 0
	case typematch.IsMethod(fn, "time", "Time", "AppendFormat"):
		i = 1
	}
	if i < 0 || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], vetChecks
}

// check reports the layout arg if it is a constant written in another
// language's notation or with the day before the month after the year.
// vetChecks tells whether go vet already reports the swapped "2006-02-01"
// in this call.
func check(pass *analysis.Pass, arg ast.Expr, vetChecks bool) {
	tv, ok := pass.TypesInfo.Types[arg]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	layout := constant.StringVal(tv.Value)
	chunks := timeexpr.Split(layout)
	lit, isLit := ast.Unparen(arg).(*ast.BasicLit)
	subject := strconv.Quote(layout)
	if !isLit {
		subject = types.ExprString(arg) + " (" + subject + ")"
	}
	if lt, ok := readForeign(chunks); ok {
		var msg string
		if timeexpr.Has(chunks, func(timeexpr.Elem) bool { return true }) {
			msg = fmt.Sprintf("%s mixes Go layout elements with %s, which Go copies as text: Go layouts spell the reference time %s",
				subject, list(lt.foreign), reference)
		} else {
			msg = fmt.Sprintf("%s is not a Go layout: Go layouts spell the reference time %s", subject, reference)
		}
		if lt.translated != "" {
			msg += fmt.Sprintf("; write %q", lt.translated)
		} else {
			msg += ", as in \"2006-01-02 15:04:05\""
		}
		report(pass, arg, lit, msg, lt.translated)
		return
	}
	if vetChecks && strings.Contains(layout, vetLayout) {
		return
	}
	if fixed, day, month, ok := swapped(chunks); ok {
		msg := fmt.Sprintf("%s puts the day (%s) before the month (%s) after the year: in Go's reference time 01 is the month and 02 the day; write %q",
			subject, day, month, fixed)
		report(pass, arg, lit, msg, fixed)
	}
}

// report reports msg at arg and, if arg is a literal, suggests layout
// instead.
func report(pass *analysis.Pass, arg ast.Expr, lit *ast.BasicLit, msg, layout string) {
	diag := analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Message: msg}
	if lit != nil && layout != "" {
		text := strconv.Quote(layout)
		if strings.HasPrefix(lit.Value, "`") && strconv.CanBackquote(layout) {
			text = "`" + layout + "`"
		}
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use the Go layout " + text,
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}},
		}}
	}
	pass.Report(diag)
}

// swapped finds a long year followed by a day and then a month, with the
// same separator (or none) between them, as in "2006/02/01". No calendar
// writes the year, then the day, then the month. It returns the layout
// with the day and the month exchanged.
func swapped(chunks []timeexpr.Chunk) (fixed, day, month string, ok bool) {
	for i := 0; i+2 < len(chunks); i++ {
		if chunks[i].Elem != timeexpr.LongYear {
			continue
		}
		j, sep := i+1, ""
		if chunks[j].Elem == timeexpr.Literal {
			sep = chunks[j].Text
			j++
		}
		if sep != "" && sep != "-" && sep != "/" && sep != "." && sep != " " {
			continue
		}
		if j >= len(chunks) || !isNumDay(chunks[j].Elem) {
			continue
		}
		d := j
		j++
		if sep != "" {
			if j >= len(chunks) || chunks[j].Elem != timeexpr.Literal || chunks[j].Text != sep {
				continue
			}
			j++
		}
		if j >= len(chunks) || chunks[j].Elem != timeexpr.ZeroMonth && chunks[j].Elem != timeexpr.NumMonth {
			continue
		}
		m := j
		out := make([]timeexpr.Chunk, len(chunks))
		copy(out, chunks)
		out[d], out[m] = chunks[m], chunks[d]
		return timeexpr.Join(out), chunks[d].Text, chunks[m].Text, true
	}
	return "", "", "", false
}

func isNumDay(e timeexpr.Elem) bool {
	return e == timeexpr.ZeroDay || e == timeexpr.Day || e == timeexpr.UnderDay
}

// list renders fields as "a", "a and b" or "a, b and c".
func list(fields []string) string {
	if len(fields) > 4 {
		fields = append(fields[:3:3], "…")
	}
	switch len(fields) {
	case 0:
		return "fields of another notation"
	case 1:
		return fields[0]
	}
	return strings.Join(fields[:len(fields)-1], ", ") + " and " + fields[len(fields)-1]
}
