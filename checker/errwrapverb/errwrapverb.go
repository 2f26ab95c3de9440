// Package errwrapverb defines an Analyzer that reports fmt.Errorf calls that
// format an error with %v or %s instead of wrapping it with %w.
package errwrapverb

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/errflow"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports errors formatted with %v where %w is meant.
var Analyzer = &analysis.Analyzer{
	Name:     "errwrapverb",
	Doc:      analyzerdoc.MustExtract(doc, "errwrapverb"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/errwrapverb",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() {
	mode.Register(Analyzer, "also report errors formatted with %v in a message that is only printed, logged or panicked, "+
		"and errors that may be nil there")
}

func run(pass *analysis.Pass) (any, error) {
	importsFmt := false
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "fmt" {
			importsFmt = true
		}
	}
	if !importsFmt {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		if !mode.Strict(pass) && strings.HasSuffix(pass.Fset.File(file.Pos()).Name(), "_test.go") {
			// A test's errors go to t.Error and t.Fatal to be read by a
			// person, not inspected with errors.Is: strict mode only.
			continue
		}
		goVersion := pass.TypesInfo.FileVersions[file]
		if goVersion != "" && version.Compare(goVersion, "go1.13") < 0 {
			continue // no %w before Go 1.13
		}
		multiWrap := goVersion == "" || version.Compare(goVersion, "go1.20") >= 0
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if typematch.IsFunction(errflow.Callee(pass.TypesInfo, call), "fmt", "Errorf") {
				var keep func(arg ast.Expr) bool
				if !mode.Strict(pass) {
					if onlyShown(pass.TypesInfo, cur) {
						continue // a diagnostic message: nothing inspects its cause
					}
					keep = func(arg ast.Expr) bool { return nonNil(pass.TypesInfo, cur, arg) }
				}
				check(pass, call, multiWrap, keep)
			}
		}
	}
	return nil, nil
}

// check reports the error arguments of an fmt.Errorf call that its format
// flattens with %v or %s.
// keep, if not nil, says which error arguments to report.
func check(pass *analysis.Pass, call *ast.CallExpr, multiWrap bool, keep func(arg ast.Expr) bool) {
	if len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return
	}
	info := pass.TypesInfo
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	verbs, ok := parse(constant.StringVal(tv.Value))
	if !ok {
		return
	}
	for _, v := range verbs {
		if v.verb == 'w' {
			// The author chose what to wrap; a second cause in the
			// text may be deliberate, as in "%w: %v", ErrInvalid, err.
			return
		}
	}
	args := call.Args[1:]
	// Edits are offered for the raw literal only when its verbs line up
	// with the value's, that is, when no escape sequence hides a %.
	var rawVerbs []verb
	lit, _ := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if lit != nil && lit.Kind == token.STRING && len(lit.Value) >= 2 {
		if raw, ok := parse(lit.Value[1 : len(lit.Value)-1]); ok && sameVerbs(raw, verbs) {
			rawVerbs = raw
		}
	}
	fixed := 0
	for i, v := range verbs {
		if (v.verb != 'v' && v.verb != 's') || v.arg < 0 || v.arg >= len(args) {
			continue
		}
		if strings.Contains(v.flags, "#") {
			continue // %#v asks for Go syntax, a debugging dump
		}
		arg := args[v.arg]
		t := info.TypeOf(arg)
		if t == nil || !errflow.ImplementsError(t) {
			continue
		}
		if tv, ok := info.Types[arg]; ok && tv.IsNil() {
			continue
		}
		if keep != nil && !keep(arg) {
			continue
		}
		name := types.ExprString(arg)
		if len(name) > 30 {
			name = "the error"
		}
		diag := analysis.Diagnostic{
			Pos: arg.Pos(),
			End: arg.End(),
			Message: fmt.Sprintf("fmt.Errorf formats %s with %%%c, which keeps only its text: "+
				"errors.Is and errors.As cannot see the cause; use %%w to wrap it", name, v.verb),
		}
		if rawVerbs != nil && v.flags == "" && (multiWrap || fixed == 0) {
			pos := lit.Pos() + 1 + token.Pos(rawVerbs[i].end) - 1
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Wrap with %%w instead of %%%c", v.verb),
				TextEdits: []analysis.TextEdit{{Pos: pos, End: pos + 1, NewText: []byte("w")}},
			}}
			fixed++
		}
		pass.Report(diag)
	}
}

// A verb is one formatting directive of a format string.
type verb struct {
	verb  rune
	flags string // flags, width and precision, as written
	arg   int    // index of its operand among the arguments after the format
	end   int    // byte offset just past the verb letter
}

// parse finds the verbs of a printf format string and the operands they
// take, following package fmt's rules for flags, widths, precisions, '*'
// and explicit argument indexes. It reports false for a format it cannot
// follow.
func parse(s string) ([]verb, bool) {
	var verbs []verb
	arg := 0
	for i := 0; i < len(s); {
		if s[i] != '%' {
			i++
			continue
		}
		i++
		start := i
		index := func() bool {
			if i < len(s) && s[i] == '[' {
				j := strings.IndexByte(s[i:], ']')
				if j < 0 {
					return false
				}
				n, err := strconv.Atoi(s[i+1 : i+j])
				if err != nil || n < 1 {
					return false
				}
				arg = n - 1
				i += j + 1
			}
			return true
		}
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			i++
		}
		if !index() {
			return nil, false
		}
		if i < len(s) && s[i] == '*' {
			arg++
			i++
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			if !index() {
				return nil, false
			}
			if i < len(s) && s[i] == '*' {
				arg++
				i++
			}
			for i < len(s) && '0' <= s[i] && s[i] <= '9' {
				i++
			}
		}
		flagsEnd := i
		if !index() {
			return nil, false
		}
		if i >= len(s) {
			return nil, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '%' {
			continue
		}
		verbs = append(verbs, verb{verb: r, flags: s[start:flagsEnd], arg: arg, end: i})
		arg++
	}
	return verbs, true
}

// sameVerbs reports whether two parses found the same verbs and operands.
func sameVerbs(x, y []verb) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].verb != y[i].verb || x[i].arg != y[i].arg || x[i].flags != y[i].flags {
			return false
		}
	}
	return true
}
