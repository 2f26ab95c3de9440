package grade

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	accentchecker "github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/internal/course"
)

type analysisResult struct {
	compile  []Finding // build stage: the code does not type-check
	findings []Finding // analyze stage: required checks that reported
	err      error
}

const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// analyze is stages 1 and 2: type-check the learner's package (its
// dependencies come from export data, not source), then run the required
// analyzers on it in-process.
func (g *Grader) analyze(ctx context.Context, ex *course.Exercise, dir string, env []string) analysisResult {
	var res analysisResult
	// No tests and no overlay: an overlay makes go/packages type-check
	// every dependency from source (5-10x slower). The learner's package
	// is all the analyzers need; the test stage reports compile errors in
	// the (pristine) tests.
	cfg := &packages.Config{
		Context: ctx,
		Mode:    loadMode,
		Dir:     dir,
		Env:     env,
	}
	if ex.Race {
		// The same build tags as the test stage: a file built only with
		// -race must not escape the checks.
		cfg.BuildFlags = []string{"-race"}
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		res.err = fmt.Errorf("loading the exercise: %w", err)
		return res
	}
	var target *packages.Package
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			for _, f := range compileFindings(dir, e) {
				if key := f.Pos() + f.Message; !seen[key] {
					seen[key] = true
					res.compile = append(res.compile, f)
				}
			}
		}
		if p.ID == p.PkgPath && !strings.HasSuffix(p.PkgPath, ".test") {
			target = p
		}
	}
	if len(res.compile) > 0 {
		return res
	}
	if target == nil {
		res.err = errors.New("loading the exercise: the package is missing from go list's answer")
		return res
	}
	if res.compile = learnerImports(dir, target); len(res.compile) > 0 || len(ex.Checks) == 0 {
		return res
	}
	var analyzers []*analysis.Analyzer
	for _, name := range ex.Checks {
		c, ok := accentchecker.Lookup(name)
		if !ok {
			res.err = fmt.Errorf("exercise %s requires unknown analyzer %q", ex.ID, name)
			return res
		}
		analyzers = append(analyzers, c.Strict()) // strict: every discarded error is a lesson
	}
	// Analyze only the learner's package: facts about dependencies are not
	// needed for exercises, and skipping them keeps grading fast.
	shallow := *target
	shallow.Imports = nil
	graph, err := checker.Analyze(analyzers, []*packages.Package{&shallow}, nil)
	if err != nil {
		res.err = fmt.Errorf("analyzing: %w", err)
		return res
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			res.err = fmt.Errorf("analyzer %s: %w", act.Analyzer.Name, act.Err)
			return res
		}
		for _, d := range act.Diagnostics {
			res.findings = append(res.findings, analyzerFinding(dir, act.Package.Fset, act.Analyzer, d))
		}
	}
	res.findings = onlyLearnerFiles(res.findings)
	sort.SliceStable(res.findings, func(i, j int) bool {
		a, b := res.findings[i], res.findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return res
}

// learnerImports refuses what would let the learner's code run before
// package accentseal or reach into the test binary's memory (see seal.go):
// imports outside the standard library, unsafe, cgo, and files other than
// Go source (assembly, C, object files).
func learnerImports(dir string, p *packages.Package) []Finding {
	var out []Finding
	for _, f := range p.Syntax {
		file, _ := relPath(dir, p.Fset.Position(f.Package).Filename)
		for _, im := range f.Imports {
			path, err := strconv.Unquote(im.Path.Value)
			if err != nil {
				continue // the type checker has reported it
			}
			why := ""
			switch dep := p.Imports[path]; {
			case path == "unsafe":
				why = "package unsafe can rewrite the tests' memory, so accent does not grade code that imports it"
			case path == "C":
				why = "cgo runs C code before the tests start, so accent does not grade code that uses it"
			case dep != nil && dep.Module != nil:
				why = "exercises are graded with the standard library only, so accent does not grade code that imports " + path
			}
			if why != "" {
				pos := p.Fset.Position(im.Pos())
				out = append(out, Finding{Kind: Compile, File: file, Line: pos.Line, Col: pos.Column, Message: why})
			}
		}
	}
	for _, other := range p.OtherFiles {
		file, _ := relPath(dir, other)
		out = append(out, Finding{Kind: Compile, File: file,
			Message: "only Go source files are graded: remove " + filepath.Base(other) + " (assembly, C and object files run outside the tests' control)"})
	}
	return out
}

func analyzerFinding(dir string, fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) Finding {
	pos := fset.Position(d.Pos)
	file, _ := relPath(dir, pos.Filename)
	f := Finding{Kind: Analyzer, File: file, Line: pos.Line, Col: pos.Column, Message: d.Message, Analyzer: a.Name}
	if c, ok := accentchecker.Lookup(a.Name); ok {
		f.Lesson = c.Lesson
	}
	for _, r := range d.Related {
		rp := fset.Position(r.Pos)
		rel, ok := relPath(dir, rp.Filename)
		if !ok || rp.Line == 0 {
			continue // outside the exercise (the standard library): nothing the learner can open
		}
		f.Related = append(f.Related, Related{File: rel, Line: rp.Line, Col: rp.Column, Message: r.Message})
	}
	return f
}

// onlyLearnerFiles drops diagnostics outside the learner's own files
// (the pristine tests are not theirs to fix).
func onlyLearnerFiles(fs []Finding) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if !strings.HasSuffix(f.File, "_test.go") && !filepath.IsAbs(f.File) {
			out = append(out, f)
		}
	}
	return out
}

var (
	compileLineRE  = regexp.MustCompile(`^(\S.*?\.go):(\d+)(?::(\d+))?: (.*)$`)
	testNeedSuffix = " (the tests need this: check the names and signatures the task asks for)"
)

// compileFindings turns a go/packages error into findings. Type errors
// carry a position; errors from the go command carry "file:line:col: msg"
// lines in their message.
func compileFindings(dir string, e packages.Error) []Finding {
	if e.Pos != "" && e.Pos != "-" {
		if f, ok := compileLine(dir, "", e.Pos+": "+e.Msg); ok {
			return []Finding{f}
		}
	}
	var out []Finding
	var other []string
	for _, l := range strings.Split(e.Msg, "\n") {
		switch {
		case strings.TrimSpace(l) == "", strings.HasPrefix(l, "# "), strings.HasPrefix(l, "\t"):
			continue
		}
		if f, ok := compileLine(dir, "", l); ok {
			out = append(out, f)
		} else {
			other = append(other, strings.TrimSpace(l))
		}
	}
	if len(out) == 0 && len(other) > 0 {
		out = append(out, Finding{Kind: Compile, Message: strings.Join(other, "; ")})
	}
	return out
}

// position parses a line or column number matched by a pattern, which
// may be absent: 0 stands for unknown, as in token.Position.
func position(digits string) int {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return 0 // absent, or too long to be a position
	}
	return n
}

// compileLine parses one "file:line[:col]: msg" line from the type checker
// or the compiler. Files are named relative to the exercise directory; a
// pristine test the compiler read from overlayDir is named by its base.
func compileLine(dir, overlayDir, l string) (Finding, bool) {
	m := compileLineRE.FindStringSubmatch(l)
	if m == nil {
		return Finding{}, false
	}
	f := Finding{Kind: Compile, Message: m[4]}
	f.Line = position(m[2])
	f.Col = position(m[3])
	file := m[1]
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	if rel, ok := relPath(overlayDir, file); ok && overlayDir != "" {
		f.File = rel
	} else if rel, ok := relPath(dir, file); ok {
		f.File = rel
	} else {
		f.File = file
	}
	if strings.HasSuffix(f.File, "_test.go") {
		f.Message += testNeedSuffix
	}
	return f, true
}
