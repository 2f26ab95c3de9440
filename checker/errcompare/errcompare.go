// Package errcompare defines an Analyzer that reports errors compared with
// == or inspected with type assertions, which wrapped errors defeat.
package errcompare

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/format"
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

// Analyzer reports comparisons and type assertions of errors.
var Analyzer = &analysis.Analyzer{
	Name:     "errcompare",
	Doc:      analyzerdoc.MustExtract(doc, "errcompare"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/errcompare",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() {
	mode.Register(Analyzer, "also report == against the package's own sentinels that the package never wraps")
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var bare map[types.Object]bool
	if !mode.Strict(pass) {
		bare = bareSentinels(pass, insp)
	}
	nodeTypes := []ast.Node{
		(*ast.BinaryExpr)(nil),
		(*ast.SwitchStmt)(nil),
		(*ast.TypeAssertExpr)(nil),
		(*ast.TypeSwitchStmt)(nil),
	}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		if bare != nil && strings.HasSuffix(pass.Fset.File(file.Pos()).Name(), "_test.go") {
			// A test that compares with == or asserts a type checks the
			// exact error on purpose, and fails loudly if it is ever
			// wrapped: left to strict mode.
			continue
		}
		c := &checker{pass: pass, file: file, sources: make(map[ast.Node]map[*types.Var][]source), bare: bare}
		for cur := range fileCur.Preorder(nodeTypes...) {
			switch n := cur.Node().(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					c.comparison(cur, n)
				}
			case *ast.SwitchStmt:
				c.valueSwitch(cur, n)
			case *ast.TypeAssertExpr:
				if n.Type != nil { // x.(type) is a type switch
					c.assertion(cur, n)
				}
			case *ast.TypeSwitchStmt:
				c.typeSwitch(cur, n)
			}
		}
	}
	return nil, nil
}

// checker checks one file.
type checker struct {
	pass *analysis.Pass
	file *ast.File
	// sources maps each outermost function to the values assigned to
	// its variables, for tracing where an error came from.
	sources map[ast.Node]map[*types.Var][]source
	// bare are the package's own sentinels that it never wraps, which
	// == matches (nil in strict mode).
	bare map[types.Object]bool
}

// comparison checks err == target and err != target.
func (c *checker) comparison(cur inspector.Cursor, bin *ast.BinaryExpr) {
	errSide, target, ok := c.operands(bin.X, bin.Y)
	if !ok || c.allowed(cur, errSide, target) || c.bare[c.sentinelObj(target)] {
		return
	}
	errText, targetText := c.text(errSide), c.text(target)
	replacement := "errors.Is(" + errText + ", " + targetText + ")"
	if bin.Op == token.NEQ {
		replacement = "!" + replacement
	}
	diag := analysis.Diagnostic{
		Pos: bin.Pos(),
		End: bin.End(),
		Message: fmt.Sprintf("comparing %s %s %s misses wrapped errors: use %s",
			shorten(errText), bin.Op, shorten(targetText), shorten(replacement)),
	}
	if qual, edits, ok := c.errorsQualifier(bin.Pos()); ok {
		newText := qual + "Is(" + errText + ", " + targetText + ")"
		if bin.Op == token.NEQ {
			newText = "!" + newText
		}
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use errors.Is",
			TextEdits: append([]analysis.TextEdit{{Pos: bin.Pos(), End: bin.End(), NewText: []byte(newText)}}, edits...),
		}}
	}
	c.pass.Report(diag)
}

// operands sorts the operands of a comparison into the error being tested
// and the sentinel it is compared with. It reports false unless one side is
// an error and the other a sentinel: a package-level variable or constant
// of an error type. Comparisons with nil, and identity comparisons of two
// local values, are left alone.
func (c *checker) operands(x, y ast.Expr) (errSide, target ast.Expr, ok bool) {
	info := c.pass.TypesInfo
	xs, ys := c.sentinel(x), c.sentinel(y)
	switch {
	case ys && !xs && errflow.IsError(info.TypeOf(x)):
		return x, y, true
	case xs && !ys && errflow.IsError(info.TypeOf(y)):
		return y, x, true
	}
	return nil, nil, false
}

// sentinel reports whether e names a package-level variable or constant of
// an error type, such as io.EOF or syscall.ENOENT.
func (c *checker) sentinel(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	switch obj.(type) {
	case *types.Var, *types.Const:
	default:
		return false
	}
	return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() && errflow.ImplementsError(obj.Type())
}

// sentinelObj returns the object a sentinel expression names.
func (c *checker) sentinelObj(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		return c.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// valueSwitch checks switch err { case io.EOF: ... }.
func (c *checker) valueSwitch(cur inspector.Cursor, sw *ast.SwitchStmt) {
	if sw.Tag == nil || !errflow.IsError(c.pass.TypesInfo.TypeOf(sw.Tag)) {
		return
	}
	for _, stmt := range sw.Body.List {
		cc, ok := stmt.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			if !c.sentinel(e) || c.allowed(cur, sw.Tag, e) || c.bare[c.sentinelObj(e)] {
				continue
			}
			tag, target := c.text(sw.Tag), c.text(e)
			c.pass.Report(analysis.Diagnostic{
				Pos: e.Pos(),
				End: e.End(),
				Message: fmt.Sprintf("switch %s compares with ==, so case %s misses wrapped errors: "+
					"use a switch with no tag and case errors.Is(%s, %s)",
					shorten(tag), shorten(target), shorten(tag), shorten(target)),
			})
		}
	}
}

// assertion checks err.(*MyErr).
func (c *checker) assertion(cur inspector.Cursor, ta *ast.TypeAssertExpr) {
	info := c.pass.TypesInfo
	if !errflow.IsError(info.TypeOf(ta.X)) || c.inIsMethod(cur) {
		return
	}
	t := info.TypeOf(ta.Type)
	if !errorTarget(t) || c.typeAllowed(cur, ta.X, t) || c.bareType(t) {
		return
	}
	tt := types.TypeString(t, types.RelativeTo(c.pass.Pkg))
	c.pass.Report(analysis.Diagnostic{
		Pos: ta.Pos(),
		End: ta.End(),
		Message: fmt.Sprintf("type assertion %s misses wrapped errors: use errors.As(%s, &target) with a target of type %s",
			shorten(c.text(ta)), shorten(c.text(ta.X)), tt),
	})
}

// typeSwitch checks switch err.(type) { case *MyErr: ... }.
func (c *checker) typeSwitch(cur inspector.Cursor, sw *ast.TypeSwitchStmt) {
	info := c.pass.TypesInfo
	var x ast.Expr
	switch a := sw.Assign.(type) {
	case *ast.ExprStmt:
		x = a.X
	case *ast.AssignStmt:
		if len(a.Rhs) == 1 {
			x = a.Rhs[0]
		}
	}
	ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
	if !ok || !errflow.IsError(info.TypeOf(ta.X)) || c.inIsMethod(cur) {
		return
	}
	for _, stmt := range sw.Body.List {
		cc, ok := stmt.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			if !errorTarget(info.TypeOf(e)) || c.typeAllowed(cur, ta.X, info.TypeOf(e)) || c.bareType(info.TypeOf(e)) {
				continue
			}
			c.pass.Report(analysis.Diagnostic{
				Pos: sw.Pos(),
				End: sw.Body.Lbrace,
				Message: fmt.Sprintf("type switch on %s misses wrapped errors: use errors.As for each error type, as in errors.As(%s, &target) for case %s",
					shorten(c.text(ta.X)), shorten(c.text(ta.X)), types.TypeString(info.TypeOf(e), types.RelativeTo(c.pass.Pkg))),
			})
			return
		}
	}
}

// errorTarget reports whether a type assertion or case to t is a test for
// an error type that errors.As could find in a chain: a concrete error type
// or an interface that embeds error, but not error itself nor an interface
// for a behaviour, like interface{ Timeout() bool }, that errors.As also
// handles but which is not reported.
func errorTarget(t types.Type) bool {
	if t == nil || errflow.IsError(t) {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	return errflow.ImplementsError(t)
}

// inIsMethod reports whether cur is inside a method Is(error) bool, where
// comparing and asserting the target is the job.
func (c *checker) inIsMethod(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		if decl.Recv == nil || decl.Name.Name != "Is" {
			return false
		}
		sig := errflow.FuncSignature(c.pass.TypesInfo, decl)
		return sig != nil && sig.Params().Len() == 1 && errflow.IsError(sig.Params().At(0).Type()) &&
			sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
	}
	return false
}

// allowed reports whether comparing errSide with the sentinel target is
// right as it stands: inside an Is method, or because every value errSide
// can hold comes straight from a function documented to return target
// itself, never wrapped (Read and io.EOF, ctx.Err() and context.Canceled).
func (c *checker) allowed(cur inspector.Cursor, errSide, target ast.Expr) bool {
	if c.inIsMethod(cur) {
		return true
	}
	obj := c.sentinelObj(target)
	if obj == nil {
		return false
	}
	calls, ok := c.origins(cur, errSide)
	if !ok || len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		if !returnsUnwrapped(c.pass.TypesInfo, call, obj) {
			return false
		}
	}
	return true
}

// typeAllowed reports whether asserting x to the error type t is right as
// it stands, because every value x can hold comes straight from a function
// documented to return a bare t (cmd.Run and *exec.ExitError, os.Open and
// *fs.PathError).
func (c *checker) typeAllowed(cur inspector.Cursor, x ast.Expr, t types.Type) bool {
	calls, ok := c.origins(cur, x)
	if !ok || len(calls) == 0 {
		return false
	}
	key := types.TypeString(t, nil)
	for _, call := range calls {
		fn := errflow.CalleeFunc(c.pass.TypesInfo, call)
		if fn == nil || !returnsType(fn, key) {
			return false
		}
	}
	return true
}

// returnsType reports whether fn is documented to return errors of the
// type named key (as types.TypeString writes it) unwrapped.
func returnsType(fn *types.Func, key string) bool {
	switch key {
	case "*os/exec.ExitError":
		return typematch.IsMethod(fn, "os/exec", "Cmd", "Run", "Wait", "Output", "CombinedOutput")
	case "*os/exec.Error":
		return typematch.IsFunction(fn, "os/exec", "LookPath") ||
			typematch.IsMethod(fn, "os/exec", "Cmd", "Start", "Run", "Output", "CombinedOutput")
	case "*io/fs.PathError":
		return typematch.IsFunction(fn, "os", "Open", "Create", "OpenFile", "Stat", "Lstat", "Mkdir",
			"Chdir", "Chmod", "Chown", "Lchown", "Chtimes", "Truncate", "Remove", "Readlink")
	case "*go/build.NoGoError":
		return typematch.IsFunction(fn, "go/build", "Import", "ImportDir") ||
			typematch.IsMethod(fn, "go/build", "Context", "Import", "ImportDir")
	case "go/scanner.ErrorList":
		return typematch.IsFunction(fn, "go/parser", "ParseFile", "ParseDir", "ParseExpr", "ParseExprFrom")
	}
	return false
}

// origins returns the calls whose results e may hold: e itself if it is a
// call, or the calls assigned to the local variable e names before e. It
// reports false if e may hold anything else but nil.
//
// The tracing is a cheap stand-in for reaching definitions: of the
// assignments that come before e in the source, the last one whose block
// encloses e hides the earlier ones, and assignments after e are ignored,
// as in a loop that reads a line into err and later reuses err.
func (c *checker) origins(cur inspector.Cursor, e ast.Expr) ([]*ast.CallExpr, bool) {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return []*ast.CallExpr{e}, true
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		sources := c.varSources(cur)
		var calls []*ast.CallExpr
		type use struct {
			v   *types.Var
			pos token.Pos
		}
		seen := map[*types.Var]bool{v: true}
		work := []use{{v, e.Pos()}}
		for len(work) > 0 {
			u := work[0]
			work = work[1:]
			srcs, declared := sources[u.v]
			if !declared {
				return nil, false // a parameter, a global, a captured variable
			}
			var reaching []source
			for _, src := range srcs {
				if src.pos >= u.pos {
					continue
				}
				if src.block.Pos() <= u.pos && u.pos < src.block.End() {
					reaching = reaching[:0]
				}
				reaching = append(reaching, src)
			}
			if len(reaching) == 0 {
				return nil, false
			}
			for _, src := range reaching {
				if src.expr == nil {
					continue // the zero value, nil
				}
				switch x := ast.Unparen(src.expr).(type) {
				case *ast.CallExpr:
					calls = append(calls, x)
				case *ast.Ident:
					if tv, ok := info.Types[x]; ok && tv.IsNil() {
						continue
					}
					w, ok := info.Uses[x].(*types.Var)
					if !ok {
						return nil, false
					}
					if !seen[w] {
						seen[w] = true
						work = append(work, use{w, src.pos})
					}
				default:
					return nil, false
				}
			}
		}
		return calls, true
	}
	return nil, false
}

// A source is a value assigned to a variable, with the position of the
// assignment and the block that holds it.
type source struct {
	expr  ast.Expr // nil for the zero value of a declaration
	pos   token.Pos
	block ast.Node
}

// varSources returns, for the outermost function around cur, the values
// assigned to each variable declared in it. A variable assigned something
// that cannot be traced (a range value, an address taken) gets a source
// that origins rejects.
func (c *checker) varSources(cur inspector.Cursor) map[*types.Var][]source {
	var fn ast.Node
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = e.Node()
	}
	if fn == nil {
		return nil
	}
	if m, ok := c.sources[fn]; ok {
		return m
	}
	info := c.pass.TypesInfo
	m := make(map[*types.Var][]source)
	c.sources[fn] = m
	untraceable := &ast.BadExpr{}
	var blocks []ast.Node // enclosing blocks, innermost last
	add := func(id *ast.Ident, e ast.Expr) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			return
		}
		var block ast.Node = fn
		if len(blocks) > 0 {
			block = blocks[len(blocks)-1]
		}
		m[v] = append(m[v], source{expr: e, pos: id.Pos(), block: block})
	}
	assign := func(lhs, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			switch {
			case len(lhs) == len(rhs):
				add(id, rhs[i])
			case len(rhs) == 1:
				add(id, rhs[0])
			case len(rhs) == 0:
				add(id, nil) // var err error: the zero value
			default:
				add(id, untraceable)
			}
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			blocks = append(blocks, n)
			for _, child := range children(n) {
				ast.Inspect(child, visit)
			}
			blocks = blocks[:len(blocks)-1]
			return false
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				for _, r := range n.Rhs {
					ast.Inspect(r, visit)
				}
				assign(n.Lhs, n.Rhs)
				return false
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(lhs, n.Values)
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					add(id, untraceable)
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				add(id, untraceable)
			}
		}
		return true
	}
	ast.Inspect(fn, visit)
	return m
}

// children returns the statements of a block or clause.
func children(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		if n.Comm != nil {
			return append([]ast.Stmt{n.Comm}, n.Body...)
		}
		return n.Body
	}
	return nil
}

// returnsUnwrapped reports whether call is documented to return the
// sentinel obj itself, so that == finds it.
func returnsUnwrapped(info *types.Info, call *ast.CallExpr, obj types.Object) bool {
	fn := errflow.CalleeFunc(info, call)
	if fn == nil || obj.Pkg() == nil {
		return false
	}
	sentinel := obj.Pkg().Path() + "." + obj.Name()
	switch sentinel {
	case "io.EOF", "io.ErrUnexpectedEOF":
		return readsToEOF(fn)
	case "context.Canceled", "context.DeadlineExceeded":
		return typematch.IsMethod(fn, "context", "Context", "Err")
	case "net/http.ErrServerClosed":
		return typematch.IsMethod(fn, "net/http", "Server", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS") ||
			typematch.IsFunction(fn, "net/http", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS")
	case "database/sql.ErrNoRows":
		return typematch.IsMethod(fn, "database/sql", "Row", "Scan")
	}
	// An Errno constant from a system call.
	if fn.Pkg() != nil && fn.Pkg().Path() == obj.Pkg().Path() {
		switch obj.Pkg().Path() {
		case "syscall", "golang.org/x/sys/unix", "golang.org/x/sys/windows":
			return true
		}
	}
	return false
}

// readsToEOF reports whether fn is documented to return io.EOF itself at
// the end of its input: the io interfaces' Read methods ("callers will test
// for EOF using ==") and the standard library's readers and decoders.
func readsToEOF(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() != nil {
		switch fn.Name() {
		case "Read", "ReadAt", "ReadByte", "ReadRune":
			// Any implementation of io.Reader, io.ReaderAt,
			// io.ByteReader, io.RuneReader: the contract is the
			// interface's.
			return true
		case "Recv", "RecvMsg":
			// A gRPC stream (one with RecvMsg(m any) error, as
			// grpc.ClientStream and the generated stream types have):
			// RecvMsg "returns io.EOF when the stream completes
			// successfully", and the generated Recv returns its error.
			return grpcStream(sig.Recv().Type())
		}
	}
	switch {
	case typematch.IsFunction(fn, "io", "ReadFull", "ReadAtLeast"),
		typematch.IsMethod(fn, "bufio", "Reader", "ReadString", "ReadBytes", "ReadLine", "ReadSlice", "Peek", "Discard"),
		typematch.IsMethod(fn, "bytes", "Buffer", "ReadString", "ReadBytes"),
		typematch.IsMethod(fn, "archive/tar", "Reader", "Next"),
		typematch.IsMethod(fn, "encoding/csv", "Reader", "Read"),
		typematch.IsMethod(fn, "encoding/json", "Decoder", "Decode", "Token"),
		typematch.IsMethod(fn, "encoding/xml", "Decoder", "Decode", "Token", "RawToken"),
		typematch.IsMethod(fn, "encoding/gob", "Decoder", "Decode"),
		typematch.IsMethod(fn, "mime/multipart", "Reader", "NextPart", "NextRawPart"),
		typematch.IsMethod(fn, "os", "File", "ReadDir", "Readdir", "Readdirnames"),
		typematch.IsFunction(fn, "encoding/binary", "Read"):
		return true
	}
	return false
}

// errorsQualifier returns how the file can refer to package errors at pos
// ("errors." or another name) and the edits that add the import if the
// file lacks it. It reports false if no name is safe to use.
func (c *checker) errorsQualifier(pos token.Pos) (string, []analysis.TextEdit, bool) {
	info := c.pass.TypesInfo
	scope := info.Scopes[c.file]
	if scope == nil {
		return "", nil, false
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	for _, spec := range c.file.Imports {
		pn := info.PkgNameOf(spec)
		if pn == nil || pn.Imported().Path() != "errors" {
			continue
		}
		switch pn.Name() {
		case "_":
			continue
		case ".":
			if _, obj := scope.LookupParent("Is", pos); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "errors" {
				return "", nil, true
			}
		default:
			if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
				return pn.Name() + ".", nil, true
			}
		}
	}
	// Add the import, if the name errors is free here.
	if _, obj := scope.LookupParent("errors", pos); obj != nil {
		return "", nil, false
	}
	// Imports come first in a file: add to the first import declaration.
	if len(c.file.Decls) > 0 {
		if gd, ok := c.file.Decls[0].(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			if gd.Lparen.IsValid() {
				return "errors.", []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"errors\"")}}, true
			}
			return "errors.", []analysis.TextEdit{{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import \"errors\"\n")}}, true
		}
	}
	return "errors.", []analysis.TextEdit{{Pos: c.file.Name.End(), End: c.file.Name.End(), NewText: []byte("\n\nimport \"errors\"")}}, true
}

// text renders an expression as gofmt would.
func (c *checker) text(e ast.Expr) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, e); err != nil {
		return types.ExprString(e)
	}
	return buf.String()
}

// shorten returns s, or a shorter form of a long expression.
func shorten(s string) string {
	const limit = 40
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= limit {
		return s
	}
	return s[:limit-3] + "..."
}

// bareType reports whether t, or the type t points to, is one of the
// package's own error types that it only ever makes bare (default mode).
func (c *checker) bareType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && c.bare[named.Obj()]
}

// grpcStream reports whether t has a method RecvMsg(m any) error.
func grpcStream(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RecvMsg")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !errflow.IsError(sig.Results().At(0).Type()) {
		return false
	}
	iface, ok := sig.Params().At(0).Type().Underlying().(*types.Interface)
	return ok && iface.Empty()
}
