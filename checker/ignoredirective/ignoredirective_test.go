package ignoredirective_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/ignoredirective"
	"github.com/accent-go/accent/checker/internal/mode"
)

// fake reports every call to a function named bad.
var fake = &analysis.Analyzer{
	Name:     "fake",
	Doc:      "report calls to bad",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
				pass.ReportRangef(call, "call to bad")
			}
		}
		return nil, nil
	},
}

// other is a second analyzer name for directives to mention; it reports
// nothing.
var other = &analysis.Analyzer{
	Name: "other",
	Doc:  "report nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// TestSuppression checks that a wrapped analyzer's findings are silenced on
// the same line, on the next line, by file and in generated files, and only
// by well-formed directives that name it.
func TestSuppression(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{fake, other})
	analysistest.Run(t, analysistest.TestData(), wrapped[1], "a")
}

// TestMalformed checks the findings for directives without a reason, with
// an unknown analyzer, or with nothing at all.
func TestMalformed(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{fake, other})
	analysistest.Run(t, analysistest.TestData(), wrapped[0], "b")
}

// TestLineDirectives checks that a //line directive, which moves the
// reported lines past the end of the file, neither crashes the analyzer
// nor moves what a directive silences.
func TestLineDirectives(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{fake, other})
	analysistest.Run(t, analysistest.TestData(), wrapped[1], "d")
}

// TestUnused checks that directives which silence no finding of an
// analyzer they name are reported, line and file directives alike, and
// that one can itself be silenced on purpose.
func TestUnused(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{fake, other})
	analysistest.Run(t, analysistest.TestData(), wrapped[len(wrapped)-1], "c")
}

// modal has two modes: it reports calls to bad only in strict mode.
var modal = func() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "modal",
		Doc:      "report calls to bad in strict mode",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		if !mode.Strict(pass) {
			return nil, nil
		}
		return fake.Run(pass)
	}
	mode.Register(a, "report calls to bad")
	return a
}()

// TestUnusedJudgedInStrictMode checks that a directive naming a two-mode
// analyzer is judged only in strict mode: in the default one its absence
// of findings says nothing of what the directive excuses.
func TestUnusedJudgedInStrictMode(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{modal})
	analysistest.Run(t, analysistest.TestData(), wrapped[len(wrapped)-1], "e")
	strict := ignoredirective.Wrap([]*analysis.Analyzer{mode.Copy(modal, true)})
	analysistest.Run(t, analysistest.TestData(), strict[len(strict)-1], "f")
}

// TestWrapKeepsIdentity checks that wrapped analyzers keep their names,
// flags and docs, and validate as a set.
func TestWrapKeepsIdentity(t *testing.T) {
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{fake, other})
	if len(wrapped) != 4 || wrapped[0].Name != ignoredirective.Name || wrapped[3].Name != ignoredirective.UnusedName {
		t.Fatalf("Wrap returned %d analyzers, first %q; want the directive analyzer, the 2 wrapped, then %s", len(wrapped), wrapped[0].Name, ignoredirective.UnusedName)
	}
	for i, a := range []*analysis.Analyzer{fake, other} {
		w := wrapped[i+1]
		if w == a || w.Name != a.Name || w.Doc != a.Doc {
			t.Errorf("wrapped %s: got name %q doc %q", a.Name, w.Name, w.Doc)
		}
	}
	if err := analysis.Validate(wrapped); err != nil {
		t.Fatal(err)
	}
}

// TestWrapRecoversPanics checks that a crashing analyzer reports an error
// for the package instead of taking the driver down.
func TestWrapRecoversPanics(t *testing.T) {
	crash := &analysis.Analyzer{
		Name: "crash",
		Doc:  "panic on every package",
		Run:  func(*analysis.Pass) (any, error) { panic("boom") },
	}
	wrapped := ignoredirective.Wrap([]*analysis.Analyzer{crash})
	results := analysistest.Run(&recorder{T: t}, analysistest.TestData(), wrapped[1], "a")
	if len(results) != 1 || results[0].Err == nil || !strings.Contains(results[0].Err.Error(), "analyzer crash crashed on package a") {
		t.Fatalf("results = %+v, want one error naming the analyzer and package", results)
	}
}

// recorder lets a test inspect analysistest's errors instead of failing.
type recorder struct {
	*testing.T
}

func (r *recorder) Errorf(format string, args ...any) {}
