package grade

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/imports"

	accentchecker "github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/ignoredirective"
	"github.com/accent-go/accent/internal/course"
)

// BlockReport is the outcome of checking the Go code blocks of a course.
type BlockReport struct {
	Compiled  int // complete blocks (files and declarations): type-checked and analyzed
	Unparsed  int // unmarked blocks that are neither a file nor declarations
	Fragments int // blocks marked fragment: parsed as statements
	Wrong     int // blocks marked wrong: exempt
	Problems  []course.Problem
}

// blockPkg is the package name a block of declarations is compiled in.
const blockPkg = "lesson"

// goBlock is one block to compile: a file of its own, or declarations
// wrapped into one, in directory dir of the scratch module.
type goBlock struct {
	course.CodeBlock
	dir   string
	decls *ast.File // the parsed declarations ("package lesson" + Code); nil for a file
	fset  *token.FileSet
	first int // the line of block.go that holds the block's first line
}

// mdLine maps a line of block.go to the line of the Markdown file.
func (gb *goBlock) mdLine(line int) int {
	if line < gb.first {
		return gb.Line
	}
	return gb.Line + line - gb.first
}

// CheckGoBlocks proves the Go code blocks of lessons and READMEs, as the
// course rules ask:
//
//   - a block marked wrong is a deliberately wrong example and is skipped;
//   - a block marked fragment must parse as statements (a function body);
//   - any other block must be a file (it has a package clause) or
//     top-level declarations. Declarations are compiled in a package of
//     their own, with the imports they use added, together with the
//     declarations of the earlier blocks of the same Markdown file (so a
//     lesson can declare a type once and use it further down); the
//     block's own declarations win over earlier ones of the same name.
//     Each block must type-check and pass every analyzer of accentvet.
//
// Problems are located at lines of the Markdown files.
func (g *Grader) CheckGoBlocks(ctx context.Context, blocks []course.CodeBlock) (rep BlockReport, err error) {
	type lined struct {
		line int
		p    course.Problem
	}
	var problems []lined
	add := func(b course.CodeBlock, line int, format string, args ...any) {
		problems = append(problems, lined{line, course.Problem{File: b.File,
			Msg: fmt.Sprintf("line %d (the Go block at line %d): %s", line, b.Line, fmt.Sprintf(format, args...))}})
	}
	// Report in file and line order, whichever stage found the problem.
	defer func() {
		slices.SortStableFunc(problems, func(a, b lined) int {
			return cmp.Or(strings.Compare(a.p.File, b.p.File), cmp.Compare(a.line, b.line))
		})
		for _, l := range problems {
			rep.Problems = append(rep.Problems, l.p)
		}
	}()
	root, err := os.MkdirTemp("", "accent-codeblocks-")
	if err != nil {
		return rep, fmt.Errorf("creating a scratch module: %w", err)
	}
	defer func() {
		if err := os.RemoveAll(root); err != nil {
			fmt.Fprintf(os.Stderr, "accent: removing %s: %v\n", root, err)
		}
	}()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module accentcodeblocks\n\ngo 1.26\n"), 0o644); err != nil {
		return rep, fmt.Errorf("creating a scratch module: %w", err)
	}
	std, err := g.stdNames(ctx)
	if err != nil {
		return rep, err
	}
	var compile []*goBlock
	earlier := map[string][]*goBlock{} // Markdown file -> its declaration blocks so far
	for i, b := range blocks {
		if b.Lang != "go" {
			continue
		}
		switch b.Marker {
		case course.MarkWrong:
			rep.Wrong++
			continue
		case course.MarkFragment:
			rep.Fragments++
			if err := parseFragment(b); err != nil {
				add(b, errLine(b, err), "a fragment must parse as statements (the body of a function): %s", errMsg(err))
			}
			continue
		case "":
		default:
			continue // course.Rules reports the unknown marker
		}
		gb := &goBlock{CodeBlock: b, dir: filepath.Join(root, fmt.Sprintf("b%03d", i)), fset: token.NewFileSet()}
		if err := os.MkdirAll(gb.dir, 0o755); err != nil {
			return rep, err
		}
		if f, err := parser.ParseFile(token.NewFileSet(), "", b.Code, parser.PackageClauseOnly); err == nil && f.Name != nil {
			// A file of its own, compiled as it is written.
			gb.first = 1
			if err := os.WriteFile(filepath.Join(gb.dir, "block.go"), []byte(b.Code), 0o644); err != nil {
				return rep, err
			}
			rep.Compiled++
			compile = append(compile, gb)
			continue
		}
		// No comments: the line directive would become the first
		// declaration's doc comment, and follow it into earlier.go.
		f, err := parser.ParseFile(gb.fset, "block.go", "package "+blockPkg+"\n"+lineDirective(b)+b.Code, 0)
		if err != nil {
			rep.Unparsed++
			if parseFragment(b) == nil {
				add(b, b.Line, "statements, not a file or top-level declarations: mark it ```go %s, or make it a function", course.MarkFragment)
			} else {
				add(b, errLine(b, err), "does not parse as a Go file or as declarations: %s", errMsg(err))
			}
			continue
		}
		gb.decls = f
		if err := gb.writeDecls(std, earlier[b.File]); err != nil {
			return rep, err
		}
		earlier[b.File] = append(earlier[b.File], gb)
		rep.Compiled++
		compile = append(compile, gb)
	}
	if len(compile) == 0 {
		return rep, nil
	}
	byDir := map[string]*goBlock{}
	for _, gb := range compile {
		byDir[gb.dir] = gb
	}
	pkgs, err := packages.Load(&packages.Config{Context: ctx, Mode: loadMode, Dir: root, Env: goEnv()}, "./...")
	if err != nil {
		return rep, fmt.Errorf("loading the code blocks: %w", err)
	}
	var clean []*packages.Package
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		gb := byDir[filepath.Dir(p.GoFiles[0])]
		if gb == nil {
			continue
		}
		if len(p.Errors) == 0 {
			shallow := *p
			shallow.Imports = nil
			clean = append(clean, &shallow)
			continue
		}
		seen := map[string]bool{}
		for _, e := range p.Errors {
			for _, l := range gb.locate(e) {
				if key := fmt.Sprint(l.line, l.msg); !seen[key] {
					seen[key] = true
					add(gb.CodeBlock, l.line, "does not compile: %s", l.msg)
				}
			}
		}
	}
	if len(clean) == 0 {
		return rep, nil
	}
	analyzers := ignoredirective.Wrap(accentchecker.Analyzers(accentchecker.All()))
	graph, err := checker.Analyze(analyzers, clean, nil)
	if err != nil {
		return rep, fmt.Errorf("analyzing the code blocks: %w", err)
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		gb := byDir[filepath.Dir(act.Package.GoFiles[0])]
		if act.Err != nil {
			add(gb.CodeBlock, gb.Line, "analyzer %s failed: %v", act.Analyzer.Name, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			if filepath.Base(pos.Filename) != "block.go" {
				continue // in an earlier block's declarations: reported there
			}
			msg := lineRefRE.ReplaceAllStringFunc(d.Message, func(ref string) string {
				return "line " + strconv.Itoa(gb.mdLine(position(strings.TrimPrefix(ref, "line "))))
			})
			add(gb.CodeBlock, gb.mdLine(pos.Line), "accentvet: %s: %s", act.Analyzer.Name, msg)
		}
	}
	return rep, nil
}

// lineDirective maps the lines after it to the block's lines in its
// Markdown file, so the parser reports those. (Compiled files have none:
// analyzers may take a line directive's lines for the file's own.)
func lineDirective(b course.CodeBlock) string {
	return fmt.Sprintf("//line %s:%d:1\n", b.File, b.Line)
}

// parseFragment parses a block as the statements of a function body.
func parseFragment(b course.CodeBlock) error {
	src := "package " + blockPkg + "\nfunc _() {\n" + lineDirective(b) + b.Code + "\n}\n"
	_, err := parser.ParseFile(token.NewFileSet(), "fragment.go", src, parser.SkipObjectResolution)
	return err
}

// errLine returns the Markdown line of a parse error, or the block's.
func errLine(b course.CodeBlock, err error) int {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 && list[0].Pos.Filename == b.File && list[0].Pos.Line > 0 {
		return list[0].Pos.Line
	}
	return b.Line
}

// errMsg is a parse error without its position.
func errMsg(err error) string {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0].Msg
	}
	return err.Error()
}

// writeDecls writes the block's declarations as block.go, with the
// imports they need, and the earlier blocks' declarations (minus those the
// block declares itself) as earlier.go.
func (gb *goBlock) writeDecls(std map[string]bool, earlier []*goBlock) error {
	own := declNames(gb.decls)
	kept := map[string]bool{}
	var decls []string
	for _, e := range slices.Backward(earlier) {
		for _, d := range e.decls.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				continue
			}
			names := namesOf(d)
			if slices.ContainsFunc(names, func(n string) bool { return own[n] || kept[n] }) {
				continue
			}
			for _, n := range names {
				kept[n] = true
			}
			var buf bytes.Buffer
			if err := printer.Fprint(&buf, e.fset, d); err != nil {
				return fmt.Errorf("printing %s: %w", e.CodeBlock, err)
			}
			decls = append(decls, buf.String())
		}
	}
	if len(decls) > 0 {
		slices.Reverse(decls)
		src := "package " + blockPkg + "\n\n" + strings.Join(decls, "\n\n") + "\n"
		src, err := withImports(std, filepath.Join(gb.dir, "earlier.go"), src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(gb.dir, "earlier.go"), []byte(src), 0o644); err != nil {
			return err
		}
	}
	// block.go is the block's text as it is, after the package clause and
	// the imports on its first line, so that its lines are the block's
	// (and analyzers that name lines in their messages name the right ones).
	gb.first = 1
	header := "package " + blockPkg
	imps, err := importsFor(std, filepath.Join(gb.dir, "block.go"), "package "+blockPkg+"\n"+gb.Code)
	if err != nil {
		return err
	}
	if len(imps) > 0 {
		header += "; import (" + strings.Join(imps, "; ") + ")"
	}
	return os.WriteFile(filepath.Join(gb.dir, "block.go"), []byte(header+"; "+gb.Code), 0o644)
}

// declNames returns the names a file declares at top level: "F", "T",
// "T.M" for methods.
func declNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	for _, d := range f.Decls {
		for _, n := range namesOf(d) {
			names[n] = true
		}
	}
	return names
}

func namesOf(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			return []string{recvName(d.Recv.List[0].Type) + "." + d.Name.Name}
		}
		out = append(out, d.Name.Name)
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// withImports returns src with the imports it needs added.
func withImports(std map[string]bool, filename, src string) (string, error) {
	imps, err := importsFor(std, filename, src)
	if err != nil || len(imps) == 0 {
		return src, err
	}
	pkgLine, rest, _ := strings.Cut(src, "\n")
	return pkgLine + "\n\nimport (\n\t" + strings.Join(imps, "\n\t") + "\n)\n" + rest, nil
}

// importsFor returns the import specs (`"sync"`, `rand "math/rand/v2"`)
// the Go file src, to be written as filename, needs: those it has and the
// standard library packages it uses without importing them. Only the
// standard library is searched: a name that is not one of its packages is
// left undefined, for the type checker to report.
func importsFor(std map[string]bool, filename, src string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, 0)
	if err != nil {
		return nil, nil // the type checker reports it
	}
	// Declare the unresolved selector roots that name no standard package,
	// so that goimports does not search the module cache for them.
	var stubs []string
	seen := map[string]bool{}
	unresolved := map[*ast.Ident]bool{}
	for _, id := range f.Unresolved {
		unresolved[id] = true
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && unresolved[id] && !std[id.Name] && !seen[id.Name] {
				seen[id.Name] = true
				stubs = append(stubs, "var "+id.Name+" int")
			}
		}
		return true
	})
	out, err := imports.Process(filename, []byte(src+"\n"+strings.Join(stubs, "\n")+"\n"), &imports.Options{Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		return nil, nil // the type checker reports it
	}
	fixed, err := parser.ParseFile(token.NewFileSet(), filename, out, parser.ImportsOnly)
	if err != nil {
		return nil, nil
	}
	var specs []string
	for _, imp := range fixed.Imports {
		s := imp.Path.Value
		if imp.Name != nil {
			s = imp.Name.Name + " " + s
		}
		specs = append(specs, s)
	}
	return specs, nil
}

// stdNames returns the names of the standard library's importable
// packages (the last element of the path, "rand" for math/rand/v2).
func (g *Grader) stdNames(ctx context.Context) (map[string]bool, error) {
	cmd := exec.CommandContext(ctx, g.goCmd(), "list", "std")
	cmd.Env = goEnv()
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the standard library: %w", err)
	}
	std := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor/") {
			continue
		}
		elems := strings.Split(p, "/")
		name := elems[len(elems)-1]
		if len(elems) > 1 && isMajorVersion(name) {
			name = elems[len(elems)-2]
		}
		std[name] = true
	}
	return std, nil
}

func isMajorVersion(s string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(s, "v"))
	return strings.HasPrefix(s, "v") && err == nil && n >= 2
}

// blockLineRE matches the compiler's "file:line[:col]: msg" lines.
var blockLineRE = regexp.MustCompile(`^(\S.*?\.go):(\d+)(?::(\d+))?: (.*)$`)

// lineRefRE finds the lines analyzers name in their messages ("the
// goroutine started at line 12"): lines of block.go, which are the block's.
var lineRefRE = regexp.MustCompile(`\bline \d+\b`)

type located struct {
	line int
	msg  string
}

// locate turns a package error (a type error, or the compiler's output
// through go list) into lines of the block's Markdown file and messages.
// Errors in the earlier blocks' declarations are left out: they are
// reported with those blocks.
func (gb *goBlock) locate(e packages.Error) []located {
	if e.Pos != "" && e.Pos != "-" && !strings.Contains(e.Msg, "\n") {
		if l, ok := gb.parseLine(e.Pos + ": " + e.Msg); ok {
			return []located{l}
		}
		return nil
	}
	var out []located
	other := false
	for _, line := range strings.Split(e.Msg, "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "# "), strings.HasPrefix(line, "\t"):
			continue
		}
		if l, ok := gb.parseLine(line); ok {
			out = append(out, l)
		} else if !blockLineRE.MatchString(line) {
			other = true
		}
	}
	if len(out) == 0 && other {
		out = append(out, located{gb.Line, strings.TrimSpace(e.Msg)})
	}
	return out
}

// parseLine parses "file:line[:col]: msg" and keeps it if file is the
// block's block.go (named absolute, or relative to the scratch module).
func (gb *goBlock) parseLine(s string) (located, bool) {
	m := blockLineRE.FindStringSubmatch(s)
	if m == nil || (m[1] != filepath.Join(gb.dir, "block.go") && m[1] != filepath.Join(filepath.Base(gb.dir), "block.go")) {
		return located{}, false
	}
	return located{gb.mdLine(position(m[2])), m[4]}, true
}
