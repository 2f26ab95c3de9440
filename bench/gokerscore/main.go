// Command gokerscore measures accentvet's recall on the GoKer blocking-bug
// kernels that ship with Go (GOROOT/src/runtime/testdata/
// testgoroutineleakprofile/goker, MIT, from the GoBench suite).
//
// For every kernel listed in the suite's README it reads the bug class
// from the README's table and the leaking functions from the runtime's own
// test (GOROOT/src/runtime/goroutineleakprofile_test.go, which lists, per
// kernel, the functions whose goroutines leak and what they block on). It
// runs accentvet on a copy of the kernels and counts a kernel as caught
// when a finding of a leak or blocking analyzer lies on the stack of a
// leaking goroutine: inside one of its leaking functions or a function of
// the kernel that one of them calls (directly or through further calls,
// matched by name), where the goroutine blocks. A finding elsewhere in the
// kernel's file is counted separately, as "in the file". For the few
// kernels whose leak the runtime test does not list (flaky ones), any such
// finding in the kernel's file counts as at the site.
//
// Usage: go run ./bench/gokerscore -accentvet /path/to/accentvet [-v]
package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/vetcmd"
)

func main() {
	accentvet := flag.String("accentvet", "", "path of the accentvet binary to measure")
	verbose := flag.Bool("v", false, "list every kernel with its findings")
	gobench := flag.String("gobench", "", "score the 68 blocking kernels of this upstream GoBench snapshot (a checkout or a git directory) instead of the GOROOT copy")
	flag.Parse()
	if *accentvet == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gokerscore -accentvet /path/to/accentvet [-gobench snapshot] [-v]")
		os.Exit(2)
	}
	var err error
	if *gobench != "" {
		err = runUpstream(*accentvet, *gobench, *verbose)
	} else {
		err = run(*accentvet, *verbose)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gokerscore: %v\n", err)
		os.Exit(1)
	}
}

// kernel is one GoKer bug.
type kernel struct {
	name      string   // e.g. Cockroach1055
	file      string   // e.g. cockroach1055.go
	dir       string   // upstream mode: the kernel directory, e.g. cockroach/1055
	class     string   // e.g. "Resource / Double locking"
	leaking   []string // the functions on a blocked goroutine's stack
	siteLines []int    // upstream mode: the lines the README names
	spans     []span
	atSite    []finding
	inFile    []finding
	notFound  []string // leaking functions not found in the source
}

type span struct{ start, end int } // lines, inclusive

type finding struct {
	analyzer string
	line     int
	message  string
}

func run(accentvet string, verbose bool) error {
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	src := filepath.Join(goroot, "src", "runtime", "testdata", "testgoroutineleakprofile", "goker")
	kernels, err := readREADME(filepath.Join(src, "README.md"))
	if err != nil {
		return err
	}
	leaks, err := readLeaks(filepath.Join(goroot, "src", "runtime", "goroutineleakprofile_test.go"))
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "goker")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := copyKernels(src, dir); err != nil {
		return err
	}
	funcs, calls, err := functionSpans(dir)
	if err != nil {
		return err
	}
	findings, err := vet(accentvet, dir, ".")
	if err != nil {
		return err
	}

	for _, k := range kernels {
		k.leaking = leaks[k.name]
		for _, fn := range k.leaking {
			if _, ok := funcs[k.file][fn]; !ok {
				k.notFound = append(k.notFound, fn)
				continue
			}
			for _, name := range onStack(fn, funcs[k.file], calls[k.file]) {
				k.spans = append(k.spans, funcs[k.file][name])
			}
		}
		for _, f := range findings[k.file] {
			// The runtime lists no leaking stack for a few flaky kernels;
			// for those, the kernel file (one bug each) is the site.
			if len(k.leaking) == 0 || slices.ContainsFunc(k.spans, func(s span) bool { return s.start <= f.line && f.line <= s.end }) {
				k.atSite = append(k.atSite, f)
			} else {
				k.inFile = append(k.inFile, f)
			}
		}
	}
	report(kernels, verbose)
	return nil
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// readREADME reads the kernels and their classes from the tables of the
// suite's README: | [cockroach#10214] | ... | Resource | AB-BA leak |.
func readREADME(path string) ([]*kernel, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	row := regexp.MustCompile(`^\|\[([a-z]+)#(\d+)\]\|.*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$`)
	var out []*kernel
	for line := range strings.SplitSeq(string(data), "\n") {
		m := row.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		project, number := m[1], m[2]
		out = append(out, &kernel{
			name:  strings.ToUpper(project[:1]) + project[1:] + number,
			file:  project + number + ".go",
			class: m[3] + " / " + m[4],
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no kernel table rows found", path)
	}
	return out, nil
}

// readLeaks reads makeTest / makeFlakyTest calls from the runtime test:
// the kernel's name and a regexp per leaking goroutine, such as
// `\(\*Server_grpc795\)\.Serve\(.* \[sync\.Mutex\.Lock\]`, from which it
// keeps the function, (*Server_grpc795).Serve.
func readLeaks(path string) (map[string][]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || (id.Name != "makeTest" && id.Name != "makeFlakyTest") || len(call.Args) == 0 {
			return true
		}
		name, ok := stringLit(call.Args[0])
		if !ok {
			return true
		}
		for _, arg := range call.Args[1:] {
			pattern, ok := stringLit(arg)
			if !ok {
				continue
			}
			for _, end := range []string{`\(.*`, `.*`, ` \[`} {
				pattern, _, _ = strings.Cut(pattern, end)
			}
			fn := strings.ReplaceAll(pattern, `\`, "")
			if fn != "" && !slices.Contains(out[name], fn) {
				out[name] = append(out[name], fn)
			}
		}
		return true
	})
	return out, nil
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// copyKernels copies the kernels into dir as module goker.
func copyKernels(src, dir string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module goker\n\ngo 1.26\n"), 0o644)
}

// onStack returns fn and the functions of its file it calls, transitively:
// those that can be on the stack of a goroutine blocked in fn. calls maps a
// function to the bare names it calls (F, or M for x.M()); a name matches
// every function or method of the file so named.
func onStack(fn string, spans map[string]span, calls map[string][]string) []string {
	byBare := map[string][]string{}
	for name := range spans {
		bare := name[strings.LastIndexByte(name, '.')+1:]
		byBare[bare] = append(byBare[bare], name)
	}
	seen := map[string]bool{fn: true}
	queue := []string{fn}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, callee := range calls[cur] {
			for _, name := range byBare[callee] {
				if !seen[name] {
					seen[name] = true
					queue = append(queue, name)
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// functionSpans names every function and closure of every file the way
// goroutine stacks do ((*T).M, T.M, F, F.func1, F.func1.2) and returns its
// lines, and the names each one calls.
func functionSpans(dir string) (map[string]map[string]span, map[string]map[string][]string, error) {
	fset := token.NewFileSet()
	out := map[string]map[string]span{}
	allCalls := map[string]map[string][]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		spans := map[string]span{}
		calls := map[string][]string{}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			name := funcName(fd)
			spans[name] = lines(fset, fd)
			calls[name] = calledNames(fd.Body)
			closures(fset, fd.Body, name, spans)
		}
		// A closure's calls are those of its own body.
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				ln := lines(fset, lit)
				for name, s := range spans {
					if s == ln && strings.Contains(name, ".func") {
						calls[name] = calledNames(lit.Body)
					}
				}
			}
			return true
		})
		out[filepath.Base(path)] = spans
		allCalls[filepath.Base(path)] = calls
		return nil
	})
	return out, allCalls, err
}

// calledNames returns the bare names of the calls in body: F for F(), M for
// x.M().
func calledNames(body ast.Node) []string {
	var names []string
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch fun := call.Fun.(type) {
		case *ast.Ident:
			names = append(names, fun.Name)
		case *ast.SelectorExpr:
			names = append(names, fun.Sel.Name)
		}
		return true
	})
	return names
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if idx, ok := t.(*ast.IndexExpr); ok {
		t = idx.X
	}
	if star, ok := t.(*ast.StarExpr); ok {
		base := star.X
		if idx, ok := base.(*ast.IndexExpr); ok {
			base = idx.X
		}
		if id, ok := base.(*ast.Ident); ok {
			return "(*" + id.Name + ")." + fd.Name.Name
		}
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// closures numbers the function literals directly inside body as
// outer.func1, outer.func2, ... and those nested in them as
// outer.func1.1, and so on, as the compiler does.
func closures(fset *token.FileSet, body ast.Node, outer string, spans map[string]span) {
	n := 0
	var visit func(node ast.Node, prefix string, counter *int)
	visit = func(node ast.Node, prefix string, counter *int) {
		ast.Inspect(node, func(x ast.Node) bool {
			lit, ok := x.(*ast.FuncLit)
			if !ok {
				return true
			}
			*counter++
			var name string
			if prefix == outer {
				name = fmt.Sprintf("%s.func%d", outer, *counter)
			} else {
				name = fmt.Sprintf("%s.%d", prefix, *counter)
			}
			spans[name] = lines(fset, lit)
			inner := 0
			visit(lit.Body, name, &inner)
			return false
		})
	}
	visit(body, outer, &n)
}

func lines(fset *token.FileSet, n ast.Node) span {
	return span{fset.Position(n.Pos()).Line, fset.Position(n.End()).Line}
}

// blocking is the set of checker families that target leaks and blocking.
var blocking = []checker.Family{checker.Leaks, checker.Channels}

// vet runs accentvet -json on dir and returns the findings of leak and
// blocking analyzers by file name.
func vet(accentvet, dir, pattern string) (map[string][]finding, error) {
	cmd := exec.Command(accentvet, "-json", pattern)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			return nil, fmt.Errorf("accentvet: %w\n%s", err, stderr.String())
		}
	}
	r, err := vetcmd.ParseReport(&stdout, dir)
	if err != nil {
		return nil, fmt.Errorf("accentvet -json: %w", err)
	}
	out := map[string][]finding{}
	for _, f := range r.Findings {
		c, ok := checker.Lookup(f.Analyzer)
		if !ok || !slices.Contains(blocking, c.Family) {
			continue
		}
		file := filepath.Base(f.Pos.File)
		out[file] = append(out[file], finding{f.Analyzer, f.Pos.Line, f.Message})
	}
	return out, nil
}

func report(kernels []*kernel, verbose bool) {
	type tally struct{ total, site, file int }
	byClass := map[string]*tally{}
	var classes []string
	site, inFile := 0, 0
	// Classes are spelled inconsistently ("AB-BA Deadlock", "AB-BA
	// deadlock"): group them case-insensitively, under the first spelling.
	spelling := map[string]string{}
	for _, k := range kernels {
		key := strings.ToLower(k.class)
		if spelling[key] == "" {
			spelling[key] = k.class
		}
		k.class = spelling[key]
		t := byClass[k.class]
		if t == nil {
			t = &tally{}
			byClass[k.class] = t
			classes = append(classes, k.class)
		}
		t.total++
		switch {
		case len(k.atSite) > 0:
			t.site++
			site++
		case len(k.inFile) > 0:
			t.file++
			inFile++
		}
	}
	slices.SortFunc(classes, func(a, b string) int {
		return cmp.Or(cmp.Compare(byClass[b].total, byClass[a].total), cmp.Compare(a, b))
	})
	width := 44
	for _, c := range classes {
		width = max(width, len(c))
	}
	fmt.Printf("%-*s %6s %8s %8s\n", width, "bug class", "kernels", "at site", "in file")
	for _, c := range classes {
		t := byClass[c]
		fmt.Printf("%-*s %6d %8d %8d\n", width, c, t.total, t.site, t.file)
	}
	fmt.Printf("%-*s %6d %8d %8d\n", width, "all", len(kernels), site, inFile)
	fmt.Printf("\ncaught at the buggy site: %d of %d (%.0f%%)\n", site, len(kernels), 100*float64(site)/float64(len(kernels)))
	for _, k := range kernels {
		if !verbose && len(k.atSite) == 0 {
			continue
		}
		mark := "caught"
		if len(k.atSite) == 0 {
			mark = "missed"
		}
		stack := strings.Join(k.leaking, ", ")
		switch {
		case k.dir != "" && stack == "" && k.siteLines == nil:
			stack = "(the README names no function or line: cannot be caught)"
		case stack == "" && k.siteLines == nil:
			stack = "(none listed: the whole file is the site)"
		}
		if k.siteLines != nil {
			stack = strings.TrimPrefix(stack+fmt.Sprintf("; lines %s", strings.Trim(fmt.Sprint(k.siteLines), "[]")), "; ")
		}
		site := "leaking"
		if k.dir != "" {
			site = "buggy site"
		}
		fmt.Printf("\n%s %s (%s) %s: %s\n", mark, k.name, k.class, site, stack)
		for _, f := range k.atSite {
			fmt.Printf("  at site  %s:%d: %s (%s)\n", k.file, f.line, f.message, f.analyzer)
		}
		for _, f := range k.inFile {
			fmt.Printf("  in file  %s:%d: %s (%s)\n", k.file, f.line, f.message, f.analyzer)
		}
		for _, fn := range k.notFound {
			fmt.Printf("  (leaking function %s not found in %s)\n", fn, k.file)
		}
	}
}
