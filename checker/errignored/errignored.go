// Package errignored defines an Analyzer that reports errors that are
// dropped or discarded without a word.
package errignored

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

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

// Analyzer reports ignored errors.
var Analyzer = &analysis.Analyzer{
	Name:     "errignored",
	Doc:      analyzerdoc.MustExtract(doc, "errignored"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/errignored",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// Flags.
var (
	excludeFlag string
	blankFlag   = true
)

func init() {
	Analyzer.Flags.StringVar(&excludeFlag, "exclude", "",
		"comma-separated functions whose errors may be ignored, in errcheck's syntax: "+
			"pkg.Func, (pkg.T).Method, (*pkg.T).Method, or pkg.Func(argtype) to match the type (or os.Stdout, os.Stderr) of the first argument")
	Analyzer.Flags.BoolVar(&blankFlag, "blank", true,
		"report errors discarded with the blank identifier, as in _ = f() or x, _ := f()")
	mode.Register(Analyzer, "report every error discarded with _, also those explained by a comment, "+
		"made on an API that keeps the error elsewhere or documented as ignorable")
}

// defaultExcludes are the calls, in errcheck's syntax, whose errors may be
// dropped because they are documented never to fail. Writes to a sink that
// cannot fail or has nowhere to report failure (see sinkWriter) are
// excluded by rule rather than by name.
var defaultExcludes = []string{
	"(*bytes.Buffer).Write",
	"(*bytes.Buffer).WriteByte",
	"(*bytes.Buffer).WriteRune",
	"(*bytes.Buffer).WriteString",
	"(*strings.Builder).Write",
	"(*strings.Builder).WriteByte",
	"(*strings.Builder).WriteRune",
	"(*strings.Builder).WriteString",
	"(*bufio.Writer).Write",
	"(*bufio.Writer).WriteByte",
	"(*bufio.Writer).WriteRune",
	"(*bufio.Writer).WriteString",
	"(*hash/maphash.Hash).Write",
	"(*hash/maphash.Hash).WriteByte",
	"(*hash/maphash.Hash).WriteString",
	"fmt.Print",
	"fmt.Printf",
	"fmt.Println",
	"math/rand.Read",
	"(*math/rand.Rand).Read",
	"crypto/rand.Read",
	"(*io.PipeReader).CloseWithError",
	"(*io.PipeWriter).CloseWithError",

	// csv.Writer buffers through a bufio.Writer and keeps its error for
	// Flush and Error.
	"(*encoding/csv.Writer).Write",

	// The unusedresult analyzer of go vet reports these calls as
	// statements; one report is enough.
	"errors.New",
	"fmt.Errorf",
}

func run(pass *analysis.Pass) (any, error) {
	ex := newExclusions(pass.Pkg, defaultExcludes, excludeFlag)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	nodeTypes := []ast.Node{
		(*ast.ExprStmt)(nil),
		(*ast.GoStmt)(nil),
		(*ast.DeferStmt)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
	}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		c := &checker{pass: pass, ex: ex, files: make(map[ast.Node]*fileFacts), file: file, strict: mode.Strict(pass)}
		for cur := range fileCur.Preorder(nodeTypes...) {
			switch n := cur.Node().(type) {
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					c.dropped(cur, call, false)
				}
			case *ast.GoStmt:
				c.dropped(cur, n.Call, false)
			case *ast.DeferStmt:
				c.dropped(cur, n.Call, true)
			case *ast.AssignStmt:
				if blankFlag && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					c.blank(cur, n.Lhs, n.Rhs)
				}
			case *ast.ValueSpec:
				if blankFlag && len(n.Values) > 0 {
					lhs := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						lhs[i] = id
					}
					c.blank(cur, lhs, n.Values)
				}
			}
		}
	}
	return nil, nil
}

// checker checks the statements of one file.
type checker struct {
	pass   *analysis.Pass
	ex     *exclusions
	files  map[ast.Node]*fileFacts // by outermost enclosing function
	file   *ast.File
	strict bool
	docs   map[types.Object]*ast.CommentGroup // the package's own functions' docs, built on first use
}

// dropped checks a call whose results are all dropped: a call statement,
// or a go or defer statement.
func (c *checker) dropped(cur inspector.Cursor, call *ast.CallExpr, deferred bool) {
	info := c.pass.TypesInfo
	if !errflow.HasErrorResult(info, call) || c.ex.excluded(info, call) || c.printing(cur, call) {
		return
	}
	if deferred {
		fn := errflow.Callee(info, call)
		// defer tx.Rollback() is the documented idiom: a no-op after
		// Commit. A deferred removal of a temporary file is best effort.
		if typematch.IsMethod(fn, "database/sql", "Tx", "Rollback") ||
			typematch.IsFunction(fn, "os", "Remove", "RemoveAll") {
			return
		}
	}
	if recv, ok := closeReceiver(info, call); ok {
		what, v := c.writer(cur, recv)
		if what == "" || (v != nil && c.facts(cur).checkedClose[v]) {
			return
		}
		if deferred {
			c.pass.Report(analysis.Diagnostic{
				Pos: call.Pos(),
				End: call.End(),
				Message: fmt.Sprintf("deferred %s drops the error of %s: a failed flush is lost; "+
					"close explicitly and check the error, or use a named result", shorten(types.ExprString(call)), what),
			})
			return
		}
	}
	if !deferred && c.cleanupOnFailure(cur, call) {
		return
	}
	c.report(call.Pos(), call.End(), call)
}

// printing reports whether call is formatted output, fmt.Fprint, Fprintf or
// Fprintln, to anything but a file opened for writing in the function.
// Like fmt.Printf, such output is usually a report to a person, with
// nowhere to report its own failure; data written to a file is another
// matter.
func (c *checker) printing(cur inspector.Cursor, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if !typematch.IsFunction(errflow.Callee(info, call), "fmt", "Fprint", "Fprintf", "Fprintln") || len(call.Args) == 0 {
		return false
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && c.facts(cur).opened[v] {
			return false
		}
	}
	return true
}

// blank checks an assignment for errors assigned to the blank identifier.
func (c *checker) blank(cur inspector.Cursor, lhs, rhs []ast.Expr) {
	info := c.pass.TypesInfo
	check := func(id ast.Expr, call *ast.CallExpr, isErr bool) {
		if !isErr || !isBlank(id) || c.ex.excluded(info, call) || c.printing(cur, call) {
			return
		}
		if recv, ok := closeReceiver(info, call); ok {
			if what, _ := c.writer(cur, recv); what == "" {
				return
			}
		}
		if c.cleanupOnFailure(cur, call) {
			return
		}
		own := lhs // the left side that call's results go to
		if len(lhs) == len(rhs) {
			own = []ast.Expr{id}
		}
		if !c.strict && c.deliberate(cur, call, own) {
			return
		}
		c.report(id.Pos(), id.End(), call)
	}
	if len(rhs) == 1 && len(lhs) > 1 {
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		res := errflow.ErrorResults(info, call)
		if len(res) != len(lhs) {
			return
		}
		for i, id := range lhs {
			check(id, call, res[i])
		}
		return
	}
	if len(lhs) != len(rhs) {
		return
	}
	for i, id := range lhs {
		call, ok := ast.Unparen(rhs[i]).(*ast.CallExpr)
		if !ok {
			continue
		}
		res := errflow.ErrorResults(info, call)
		check(id, call, len(res) == 1 && res[0])
	}
}

func (c *checker) report(pos, end token.Pos, call *ast.CallExpr) {
	c.pass.Report(analysis.Diagnostic{
		Pos: pos,
		End: end,
		Message: fmt.Sprintf("the error from %s is ignored: handle it or return it "+
			"(if ignoring is right, say why with //accent:ignore errignored <reason>)",
			errflow.CallName(c.pass.TypesInfo, call)),
	})
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// shorten returns s, or a shorter form of a long call.
func shorten(s string) string {
	const limit = 50
	if len(s) <= limit {
		return s
	}
	return s[:limit-3] + "..."
}

// closeReceiver reports whether call is x.Close() for a Close method that
// takes nothing and returns only an error, and returns x.
func closeReceiver(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" || len(call.Args) != 0 {
		return nil, false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return nil, false
	}
	sig, ok := s.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !errflow.IsError(sig.Results().At(0).Type()) {
		return nil, false
	}
	return sel.X, true
}

// flushingWriters are the writers whose Close writes buffered data or a
// trailer, so that a failed Close means a truncated output.
var flushingWriters = []struct{ pkg, name string }{
	{"compress/gzip", "Writer"},
	{"compress/zlib", "Writer"},
	{"compress/flate", "Writer"},
	{"compress/lzw", "Writer"},
	{"archive/zip", "Writer"},
	{"archive/tar", "Writer"},
	{"mime/multipart", "Writer"},
}

// writer says what x is, for a diagnostic about x.Close(), if closing it
// can lose written data: "a file opened for writing", "a *gzip.Writer", or
// "" if x is a reader, a connection, or a file not known to be written. It
// also returns the local variable x names, if any.
func (c *checker) writer(cur inspector.Cursor, x ast.Expr) (string, *types.Var) {
	info := c.pass.TypesInfo
	t := info.TypeOf(x)
	if t == nil {
		return "", nil
	}
	var v *types.Var
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		v, _ = info.Uses[id].(*types.Var)
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		if typematch.IsType(ptr.Elem(), "os", "File") {
			if v != nil && c.facts(cur).writable[v] && !c.facts(cur).synced[v] {
				return "a file opened for writing", v
			}
			return "", nil
		}
		for _, w := range flushingWriters {
			if typematch.IsType(ptr.Elem(), w.pkg, w.name) {
				return "a " + types.TypeString(t, types.RelativeTo(nil)), v
			}
		}
		return "", nil
	}
	if types.IsInterface(t) && hasMethod(t, "Write") && !hasMethod(t, "Read") {
		return "a writer", v
	}
	return "", nil
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// cleanupCalls are the calls whose error is secondary when the function is
// already failing.
func isCleanup(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	return fn.Name() == "Close" && fn.Signature().Recv() != nil ||
		typematch.IsFunction(fn, "os", "Remove", "RemoveAll") ||
		typematch.IsMethod(fn, "database/sql", "Tx", "Rollback") ||
		typematch.IsMethod(fn, "os", "Process", "Kill")
}

// cleanupOnFailure reports whether call is a cleanup call (Close, Remove,
// Rollback) on a failure path: in the body of an if err != nil, or in a
// block that returns a new error. The function is already failing, and its
// first error is the one to report.
func (c *checker) cleanupOnFailure(cur inspector.Cursor, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if !isCleanup(errflow.Callee(info, call)) {
		return false
	}
	stmt := cur
	if _, ok := stmt.Node().(*ast.ValueSpec); ok {
		stmt = stmt.Parent().Parent() // GenDecl, DeclStmt
	}
	block := stmt.Parent()
	var list []ast.Stmt
	switch b := block.Node().(type) {
	case *ast.BlockStmt:
		list = b.List
		if ifStmt, ok := block.Parent().Node().(*ast.IfStmt); ok && ifStmt.Body == b && checksErr(info, ifStmt.Cond) {
			return true
		}
	case *ast.CaseClause:
		list = b.Body
		for _, e := range b.List {
			if checksErr(info, e) {
				return true
			}
		}
	case *ast.CommClause:
		list = b.Body
	default:
		return false
	}
	if len(list) == 0 {
		return false
	}
	ret, ok := list[len(list)-1].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for _, r := range ret.Results {
		if errflow.IsError(info.TypeOf(r)) && newError(info, r) {
			return true
		}
	}
	return false
}

// checksErr reports whether cond contains a test x != nil of an error x.
func checksErr(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.NEQ {
			if (errflow.ImplementsError(info.TypeOf(b.X)) && isNil(info, b.Y)) ||
				(errflow.ImplementsError(info.TypeOf(b.Y)) && isNil(info, b.X)) {
				found = true
			}
		}
		_, isLit := n.(*ast.FuncLit)
		return !found && !isLit
	})
	return found
}

// newError reports whether e is certainly a non-nil error: a call to
// errors.New or fmt.Errorf, or a package-level error variable.
func newError(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn := errflow.Callee(info, call)
		return typematch.IsFunction(fn, "errors", "New") || typematch.IsFunction(fn, "fmt", "Errorf")
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// fileFacts are facts about the *os.File variables of a function.
type fileFacts struct {
	writable     map[*types.Var]bool // opened for writing, or written to
	opened       map[*types.Var]bool // opened for writing here
	checkedClose map[*types.Var]bool // closed somewhere with the error used
	synced       map[*types.Var]bool // synced somewhere with the error used
}

// facts returns the facts of the outermost function around cur.
func (c *checker) facts(cur inspector.Cursor) *fileFacts {
	var fn ast.Node
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = e.Node()
	}
	if fn == nil {
		return &fileFacts{}
	}
	if f, ok := c.files[fn]; ok {
		return f
	}
	f := &fileFacts{
		writable:     make(map[*types.Var]bool),
		opened:       make(map[*types.Var]bool),
		checkedClose: make(map[*types.Var]bool),
		synced:       make(map[*types.Var]bool),
	}
	c.files[fn] = f
	info := c.pass.TypesInfo
	fileVar := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			return nil
		}
		if ptr, ok := types.Unalias(v.Type()).(*types.Pointer); ok && typematch.IsType(ptr.Elem(), "os", "File") {
			return v
		}
		return nil
	}
	// A file opened for writing but only closed or named, as when a
	// temporary file is created for its name, has nothing to lose.
	opened := f.opened
	used := make(map[*types.Var]bool)
	quiet := make(map[*ast.Ident]bool) // uses that do not write
	opens := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(rhs) != 1 || len(lhs) == 0 {
			return
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		if v := fileVar(lhs[0]); v != nil && opensForWriting(info, call) {
			opened[v] = true
		}
	}
	// Uses of a Close result that count as checking it.
	unchecked := make(map[*ast.CallExpr]bool)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
				unchecked[call] = true
			}
		case *ast.DeferStmt:
			unchecked[n.Call] = true
		case *ast.GoStmt:
			unchecked[n.Call] = true
		case *ast.AssignStmt:
			opens(n.Lhs, n.Rhs)
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					quiet[id] = true
				}
			}
			for i, l := range n.Lhs {
				if isBlank(l) && len(n.Lhs) == len(n.Rhs) {
					if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
						unchecked[call] = true
					}
				}
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			opens(lhs, n.Values)
		case *ast.SelectorExpr:
			switch n.Sel.Name {
			case "Close", "Name", "Stat", "Fd":
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					quiet[id] = true
				}
			}
		case *ast.Ident:
			if v := fileVar(n); v != nil && !quiet[n] && info.Uses[n] == v {
				used[v] = true
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if v := fileVar(sel.X); v != nil {
					switch sel.Sel.Name {
					case "Write", "WriteString", "WriteAt", "ReadFrom", "Truncate":
						f.writable[v] = true
					case "Sync":
						// A checked Sync has flushed what was written: a
						// later Close has nothing left to lose. A Sync
						// alone writes nothing (fsync of a directory).
						if !unchecked[n] {
							f.synced[v] = true
						}
					case "Close":
						if !unchecked[n] {
							f.checkedClose[v] = true
						}
					}
				}
			}
			sig, ok := info.TypeOf(n.Fun).(*types.Signature)
			if !ok {
				break
			}
			for i, arg := range n.Args {
				v := fileVar(arg)
				if v == nil {
					continue
				}
				if p := paramType(sig, i); p != nil && types.IsInterface(p) && hasMethod(p, "Write") {
					f.writable[v] = true
				}
			}
		}
		return true
	})
	for v := range opened {
		if used[v] {
			f.writable[v] = true
		}
	}
	return f
}

// paramType returns the type of the parameter that receives argument i.
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	}
	if i < params.Len() {
		return params.At(i).Type()
	}
	return nil
}

// opensForWriting reports whether call opens a file for writing:
// os.Create, os.CreateTemp, ioutil.TempFile, or os.OpenFile with a
// constant flag that asks for writing.
func opensForWriting(info *types.Info, call *ast.CallExpr) bool {
	fn := errflow.Callee(info, call)
	switch {
	case typematch.IsFunction(fn, "os", "Create", "CreateTemp"),
		typematch.IsFunction(fn, "io/ioutil", "TempFile"):
		return true
	case typematch.IsFunction(fn, "os", "OpenFile"):
		if len(call.Args) < 2 {
			return false
		}
		tv, ok := info.Types[call.Args[1]]
		if !ok || tv.Value == nil {
			return false
		}
		flag, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok {
			return false
		}
		var mask int64
		for _, name := range []string{"O_WRONLY", "O_RDWR", "O_APPEND", "O_CREATE", "O_TRUNC"} {
			if k, ok := fn.Pkg().Scope().Lookup(name).(*types.Const); ok {
				if m, ok := constant.Int64Val(constant.ToInt(k.Val())); ok {
					mask |= m
				}
			}
		}
		return flag&mask != 0
	}
	return false
}

// exclusions are the calls whose errors may be ignored.
type exclusions struct {
	names map[string]bool
	hash  *types.Interface // hash.Hash, if the package can see it
}

func newExclusions(pkg *types.Package, defaults []string, extra string) *exclusions {
	ex := &exclusions{names: make(map[string]bool)}
	for _, n := range defaults {
		ex.names[n] = true
	}
	for n := range strings.SplitSeq(extra, ",") {
		if n = strings.TrimSpace(n); n != "" {
			ex.names[n] = true
		}
	}
	ex.hash = lookupInterface(pkg, "hash", "Hash")
	return ex
}

// lookupInterface finds the interface type pkgPath.name among the packages
// pkg imports, directly or not.
func lookupInterface(pkg *types.Package, pkgPath, name string) *types.Interface {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) *types.Package
	visit = func(p *types.Package) *types.Package {
		for _, imp := range p.Imports() {
			if imp.Path() == pkgPath {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				if found := visit(imp); found != nil {
					return found
				}
			}
		}
		return nil
	}
	found := visit(pkg)
	if found == nil {
		return nil
	}
	tn, ok := found.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	iface, _ := tn.Type().Underlying().(*types.Interface)
	return iface
}

// excluded reports whether the error of call may be ignored.
func (ex *exclusions) excluded(info *types.Info, call *ast.CallExpr) bool {
	fn := errflow.CalleeFunc(info, call)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	names := []string{fn.FullName()}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			names = append(names, "("+types.TypeString(s.Recv(), nil)+")."+fn.Name())
			switch fn.Name() {
			case "Write", "WriteString", "WriteByte", "WriteRune":
				if ex.sink(info, sel.X) {
					return true
				}
			case "WriteTo":
				if len(call.Args) == 1 && ex.sink(info, call.Args[0]) {
					return true
				}
			case "Fprint":
				if typematch.IsMethod(fn, "go/printer", "Config", "Fprint") && len(call.Args) > 0 && ex.sink(info, call.Args[0]) {
					return true
				}
			}
		}
	}
	switch {
	case typematch.IsFunction(fn, "fmt", "Fprint", "Fprintf", "Fprintln"),
		typematch.IsFunction(fn, "io", "WriteString"),
		typematch.IsFunction(fn, "go/ast", "Fprint"),
		typematch.IsFunction(fn, "go/printer", "Fprint"):
		if len(call.Args) > 0 && ex.sink(info, call.Args[0]) {
			return true
		}
	case typematch.IsFunction(fn, "io", "Copy"):
		if len(call.Args) == 2 && memoryWriter(info.TypeOf(call.Args[0])) && memoryReader(info.TypeOf(call.Args[1])) {
			return true
		}
	}
	arg0 := ""
	if len(call.Args) > 0 {
		if isStdStream(info, call.Args[0]) {
			arg0 = "os." + ast.Unparen(call.Args[0]).(*ast.SelectorExpr).Sel.Name
		} else if t := info.TypeOf(call.Args[0]); t != nil {
			arg0 = types.TypeString(t, nil)
		}
	}
	for _, n := range names {
		if ex.names[n] || (arg0 != "" && ex.names[n+"("+arg0+")"]) {
			return true
		}
	}
	return false
}

// sink reports whether writing to w cannot fail, keeps its error for a
// later call that is checked, or has nowhere to report failure:
//
//   - in-memory buffers, *bytes.Buffer and *strings.Builder, and hashes;
//   - a *bufio.Writer, whose first error sticks and comes back from Flush;
//   - os.Stdout and os.Stderr;
//   - a fmt.State, in a Format method that cannot return an error;
//   - an http.ResponseWriter, once the response has started.
func (ex *exclusions) sink(info *types.Info, w ast.Expr) bool {
	if isStdStream(info, w) {
		return true
	}
	t := info.TypeOf(w)
	if t == nil {
		return false
	}
	if memoryWriter(t) || isPtrTo(t, "bufio", "Writer") ||
		typematch.IsType(t, "fmt", "State") || typematch.IsType(t, "net/http", "ResponseWriter") {
		return true
	}
	return ex.hash != nil && (types.Implements(t, ex.hash) || types.Implements(types.NewPointer(t), ex.hash))
}

// isPtrTo reports whether t is *pkg.name, or pkg.name itself (an
// addressable variable of it has the pointer methods).
func isPtrTo(t types.Type, pkg, name string) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return typematch.IsType(t, pkg, name)
}

// memoryWriter reports whether t is *bytes.Buffer or *strings.Builder.
func memoryWriter(t types.Type) bool {
	return isPtrTo(t, "bytes", "Buffer") || isPtrTo(t, "strings", "Builder")
}

// memoryReader reports whether t reads from memory.
func memoryReader(t types.Type) bool {
	return isPtrTo(t, "bytes", "Buffer") || isPtrTo(t, "bytes", "Reader") || isPtrTo(t, "strings", "Reader")
}

// isStdStream reports whether e is os.Stdout or os.Stderr.
func isStdStream(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Parent() == v.Pkg().Scope() &&
		(v.Name() == "Stdout" || v.Name() == "Stderr")
}
