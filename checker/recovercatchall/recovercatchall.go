// Package recovercatchall defines an Analyzer that reports recover() used
// as a catch-all that swallows panics.
package recovercatchall

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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

// Analyzer reports recover() calls that swallow the panic.
var Analyzer = &analysis.Analyzer{
	Name:     "recovercatchall",
	Doc:      analyzerdoc.MustExtract(doc, "recovercatchall"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/recovercatchall",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() {
	mode.Register(Analyzer, "also report a recover that guards only a close or a send on a channel that may be closed")
}

const message = "recover() swallows the panic: a panic is a bug, not an exception; " +
	"let it crash, or turn it into a returned error by assigning a named result"

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// The functions that defer each named function of the package: a
	// handler such as func logPanic() { ... recover() ... } stops the
	// panics of the functions that defer it.
	deferrers := make(map[*types.Func][]ast.Node)
	for cur := range insp.Root().Preorder((*ast.DeferStmt)(nil)) {
		d := cur.Node().(*ast.DeferStmt)
		callee := errflow.CalleeFunc(pass.TypesInfo, d.Call)
		if callee == nil || callee.Pkg() != pass.Pkg {
			continue
		}
		if fn := enclosingFunc(cur); fn != nil {
			deferrers[callee.Origin()] = append(deferrers[callee.Origin()], fn)
		}
	}
	strict := mode.Strict(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if !errflow.IsBuiltin(pass.TypesInfo, call, "recover") {
				continue
			}
			var fn ast.Node
			for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				fn = e.Node()
				break
			}
			if fn == nil {
				continue
			}
			c := &checker{pass: pass, fn: fn}
			if !strict && (guardsChannelOnly(pass.TypesInfo, cur) || explainedEmpty(pass, file, cur)) {
				continue
			}
			if f, errVar := c.returnsError(cur, deferrers); f != nil {
				if !c.handsOn(errVar) {
					pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: nilErrorMessage(f, errVar)})
				}
				continue
			}
			if !c.valueUsed(cur) && !c.acts() && !c.expectsPanic(cur) {
				pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: message})
			}
		}
	}
	return nil, nil
}

// enclosingFunc returns the innermost FuncDecl or FuncLit around cur.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return e.Node()
	}
	return nil
}

// nilErrorMessage says that f, whose panic a deferred recover stops,
// returns a nil error, and how to return the panic instead.
func nilErrorMessage(f ast.Node, errVar *types.Var) string {
	name := "the function literal"
	if d, ok := f.(*ast.FuncDecl); ok {
		name = d.Name.Name
	}
	fix := fmt.Sprintf("name the error result (err error) and set it in the deferred function: err = fmt.Errorf(\"%s: panic: %%v\", r)", name)
	if errVar != nil && errVar.Name() != "" && errVar.Name() != "_" {
		fix = fmt.Sprintf("set the error result in the deferred function: %s = fmt.Errorf(\"%s: panic: %%v\", r)", errVar.Name(), name)
	}
	return fmt.Sprintf("recover() stops the panic, but %s then returns a nil error: its caller sees success and goes on after a bug; %s, or let it crash",
		name, fix)
}

// returnsError returns the function whose panic the recover at cur stops,
// if that function's last result is an error, and that result's variable
// when the recover can set it. The recover's function is deferred by that
// function: defer func() { ... }() in it, or defer handler() where handler
// makes the recover.
func (c *checker) returnsError(cur inspector.Cursor, deferrers map[*types.Func][]ast.Node) (ast.Node, *types.Var) {
	info := c.pass.TypesInfo
	errResult := func(f ast.Node) *types.Var {
		sig := errflow.FuncSignature(info, f)
		if sig == nil || sig.Results().Len() == 0 {
			return nil
		}
		last := sig.Results().At(sig.Results().Len() - 1)
		if !errflow.IsError(last.Type()) {
			return nil
		}
		return last
	}
	switch fn := c.fn.(type) {
	case *ast.FuncLit:
		var litCur inspector.Cursor
		for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
			litCur = e
			break
		}
		call, ok := litCur.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != fn {
			return nil, nil
		}
		deferCur := litCur.Parent().Parent()
		if _, ok := deferCur.Node().(*ast.DeferStmt); !ok {
			return nil, nil
		}
		f := enclosingFunc(deferCur)
		if f == nil {
			return nil, nil
		}
		if v := errResult(f); v != nil {
			return f, v
		}
	case *ast.FuncDecl:
		obj, ok := info.Defs[fn.Name].(*types.Func)
		if !ok {
			return nil, nil
		}
		for _, f := range deferrers[obj] {
			if errResult(f) != nil {
				return f, nil // the handler cannot name f's result
			}
		}
	}
	return nil, nil
}

// handsOn reports whether the deferred function passes the panic on
// rather than letting the function that defers it return a nil error: it
// sets errVar (that function's error result), passes its address on,
// assigns through a pointer or stores an error outside itself, panics
// again, exits, sends on a channel, or fails a test.
func (c *checker) handsOn(errVar *types.Var) bool {
	info := c.pass.TypesInfo
	isErrVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && errVar != nil && info.ObjectOf(id) == errVar
	}
	found := false
	ast.Inspect(c.body(), func(n ast.Node) bool {
		if found {
			return false
		}
		// Function literals count too: they mostly run there and then,
		// as in once.Do(func() { g.err = ... }).
		switch n := n.(type) {
		case *ast.SendStmt:
			found = true
		case *ast.UnaryExpr:
			found = n.Op == token.AND && isErrVar(n.X)
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if isErrVar(l) {
					found = true
				}
				if _, star := ast.Unparen(l).(*ast.StarExpr); star {
					found = true
				}
				if c.nonLocal(l) && len(n.Lhs) == len(n.Rhs) && errflow.ImplementsError(info.TypeOf(n.Rhs[i])) {
					found = true // the error is kept elsewhere
				}
			}
		case *ast.CallExpr:
			found = c.stops(n) || c.recordsError(n)
		}
		return !found
	})
	return found
}

// recordsError reports whether call is a method call on a value from
// outside the deferred function that is given an error made there, as in
// cmd.SetErr(fmt.Errorf("panic: %v", r)): the panic is kept, as an
// error, by a command or result object that the caller reads.
func (c *checker) recordsError(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal || !c.nonLocal(sel.X) {
		return false
	}
	for _, a := range call.Args {
		if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && errflow.ImplementsError(info.TypeOf(a)) {
			fn := errflow.Callee(info, inner)
			if typematch.IsFunction(fn, "fmt", "Errorf") || typematch.IsFunction(fn, "errors", "New") {
				return true
			}
		}
	}
	return false
}

// stops reports whether call panics again, ends the program or the
// goroutine, or fails a test.
func (c *checker) stops(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if errflow.IsBuiltin(info, call, "panic") {
		return true
	}
	fn := errflow.Callee(info, call)
	return typematch.IsFunction(fn, "os", "Exit") ||
		typematch.IsFunction(fn, "runtime", "Goexit") ||
		typematch.IsFunction(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		typematch.IsMethod(fn, "log", "Logger", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		failsTest(fn)
}

// checker checks one recover() call and the function that makes it.
type checker struct {
	pass *analysis.Pass
	fn   ast.Node // the FuncDecl or FuncLit that calls recover
}

// body returns the body of the function.
func (c *checker) body() *ast.BlockStmt {
	switch fn := c.fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// local reports whether v is declared inside the function.
func (c *checker) local(v *types.Var) bool {
	return c.fn.Pos() <= v.Pos() && v.Pos() < c.fn.End()
}

// valueUsed reports whether the recovered value goes anywhere: logged,
// wrapped, re-panicked, stored outside the function. Dropping it,
// assigning it to _, or only comparing it with nil does not count.
func (c *checker) valueUsed(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		return false
	case *ast.BinaryExpr:
		return !nilComparison(info, p)
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return true
		}
		for i, r := range p.Rhs {
			if ast.Unparen(r) != cur.Node() {
				continue
			}
			id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident)
			if !ok {
				return true // stored in a field or an element
			}
			if id.Name == "_" {
				return false
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok || !c.local(v) {
				return true // stored outside the function
			}
			return c.varUsed(v)
		}
		return true
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if ast.Unparen(val) != cur.Node() || i >= len(p.Names) {
				continue
			}
			if p.Names[i].Name == "_" {
				return false
			}
			if v, ok := info.Defs[p.Names[i]].(*types.Var); ok {
				return c.varUsed(v)
			}
		}
		return true
	}
	return true
}

// varUsed reports whether the variable holding the recovered value is used
// other than in a comparison with nil.
func (c *checker) varUsed(v *types.Var) bool {
	info := c.pass.TypesInfo
	used := false
	ast.Inspect(c.body(), func(n ast.Node) bool {
		if used {
			return false
		}
		if b, ok := n.(*ast.BinaryExpr); ok && nilComparison(info, b) {
			// Skip the operand that is v; look inside the other.
			for _, e := range []ast.Expr{b.X, b.Y} {
				if id, ok := ast.Unparen(e).(*ast.Ident); ok && info.Uses[id] == v {
					continue
				}
				ast.Inspect(e, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
						used = true
					}
					return !used
				})
			}
			return false
		}
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			used = true
		}
		return !used
	})
	return used
}

// nilComparison reports whether b is x == nil or x != nil.
func nilComparison(info *types.Info, b *ast.BinaryExpr) bool {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	isNil := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		return ok && tv.IsNil()
	}
	return isNil(b.X) || isNil(b.Y)
}

// acts reports whether the function does something about the panic even
// without its value: panics again, exits, sends on a channel, sets a
// variable or field outside itself (a named result, a flag), fails a
// test, or answers an HTTP request with an error status.
func (c *checker) acts() bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(c.body(), func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			found = true
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if c.nonLocal(l) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = c.nonLocal(n.X)
		case *ast.CallExpr:
			fn := errflow.Callee(info, n)
			// An HTTP handler that answers 500 tells the client.
			found = c.stops(n) ||
				typematch.IsFunction(fn, "net/http", "Error") ||
				typematch.IsMethod(fn, "net/http", "ResponseWriter", "WriteHeader")
		}
		return !found
	})
	return found
}

// expectsPanic reports whether the function is deferred by a test that
// expects a panic and fails if there is none:
//
//	defer func() { recover() }()
//	mustPanic()
//	t.Fatal("mustPanic did not panic")
func (c *checker) expectsPanic(cur inspector.Cursor) bool {
	lit, ok := c.fn.(*ast.FuncLit)
	if !ok {
		return false
	}
	var litCur inspector.Cursor
	for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
		litCur = e
		break
	}
	if litCur.Node() != lit {
		return false
	}
	call, ok := litCur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != lit {
		return false
	}
	deferCur := litCur.Parent().Parent()
	def, ok := deferCur.Node().(*ast.DeferStmt)
	if !ok {
		return false
	}
	var body *ast.BlockStmt
	for e := range deferCur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := e.Node().(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
		break
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if n.Pos() > def.End() && failsTest(errflow.Callee(c.pass.TypesInfo, n)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// nonLocal reports whether assigning to e changes something outside the
// function: a variable declared outside it, a field, an element, a
// pointed-to value.
func (c *checker) nonLocal(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return false
		}
		v, ok := c.pass.TypesInfo.ObjectOf(e).(*types.Var)
		return ok && !c.local(v)
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	}
	return false
}

// failsTest reports whether fn is a method of package testing (of T, B, F
// or TB) that marks a test as failed or skipped.
func failsTest(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	return slices.Contains([]string{"Error", "Errorf", "Fatal", "Fatalf", "Fail", "FailNow", "Skip", "Skipf", "SkipNow"}, fn.Name())
}

// guardsChannelOnly reports whether the recover at cur is made by a
// function literal deferred by a function whose statements after the
// defer, the only ones the recover can guard, end with a close of a
// channel or a send on one (ch <- v, close(ch), or reflect's v.Send and
// v.Close, with plain operands), before at most a bare return: the "close
// unless already closed" and "send unless closed" idioms, whose point is
// the runtime's panic for a closed channel.
func guardsChannelOnly(info *types.Info, cur inspector.Cursor) bool {
	var lit inspector.Cursor
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		lit = e
		break
	}
	if _, ok := lit.Node().(*ast.FuncLit); !ok {
		return false
	}
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != lit.Node() {
		return false
	}
	deferCur := lit.Parent().Parent()
	if _, ok := deferCur.Node().(*ast.DeferStmt); !ok {
		return false
	}
	block, ok := deferCur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	if _, ok := deferCur.Parent().Parent().Node().(*ast.FuncDecl); !ok {
		if _, ok := deferCur.Parent().Parent().Node().(*ast.FuncLit); !ok {
			return false // the defer must sit in the function's own body
		}
	}
	i := slices.Index(block.List, ast.Stmt(deferCur.Node().(*ast.DeferStmt)))
	if i < 0 {
		return false
	}
	rest := block.List[i+1:]
	if n := len(rest); n > 0 {
		if ret, ok := rest[n-1].(*ast.ReturnStmt); ok && len(ret.Results) == 0 {
			rest = rest[:n-1]
		}
	}
	if len(rest) == 0 {
		return false
	}
	switch st := rest[len(rest)-1].(type) {
	case *ast.SendStmt:
		return simple(st.Chan) && simple(st.Value)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		return ok && channelOp(info, call)
	}
	return false
}

// channelOp reports whether call is close(ch) or reflect's v.Send(x) or
// v.Close(), with plain operands.
func channelOp(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if !simple(a) {
			return false
		}
	}
	if errflow.IsBuiltin(info, call, "close") {
		return true
	}
	fn, ok := errflow.Callee(info, call).(*types.Func)
	return ok && typematch.IsMethod(fn, "reflect", "Value", "Send", "Close")
}

// simple reports whether e cannot panic by itself: a name, a field, a
// constant, or the address or dereference-free composite of those.
func simple(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return simple(e.X)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !simple(elt) {
				return false
			}
		}
		return true
	case *ast.UnaryExpr:
		return e.Op == token.AND && simple(e.X)
	}
	return false
}

// explainedEmpty reports whether the recover at cur is the condition of an
// if whose body is empty but for a comment that says why, as in
//
//	if r := recover(); r != nil {
//		// a mock: several listeners may close it
//	}
//
// a swallow made on purpose, and said so, as errignored takes a commented
// discard.
func explainedEmpty(pass *analysis.Pass, file *ast.File, cur inspector.Cursor) bool {
	var ifStmt *ast.IfStmt
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil)) {
		ifStmt, _ = e.Node().(*ast.IfStmt)
		break
	}
	if ifStmt == nil || len(ifStmt.Body.List) > 0 || ifStmt.Else != nil {
		return false
	}
	call := cur.Node()
	if call.Pos() < ifStmt.Pos() || call.End() > ifStmt.Body.Pos() {
		return false // the recover is not in the if's header
	}
	for _, g := range file.Comments {
		// A test expectation (// want "..."), as analysistest reads
		// them, says nothing about the code.
		if text := strings.TrimSpace(g.Text()); g.Pos() > ifStmt.Body.Lbrace && g.End() < ifStmt.Body.Rbrace &&
			text != "" && !strings.HasPrefix(text, "want ") {
			return true
		}
	}
	return false
}
