// Package ctxfield defines an Analyzer that reports context.Context values
// stored in struct fields.
package ctxfield

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports struct fields that keep a context.Context for the
// struct's methods.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxfield",
	Doc:      analyzerdoc.MustExtract(doc, "ctxfield"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/ctxfield",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// candidate is a context.Context field of a named struct type.
type candidate struct {
	named *types.Named
	index int        // the field's index in the struct
	field *ast.Field // its declaration
	name  string     // its name, "Context" if embedded
	user  string     // a method that passes it to a call, "T.M"
	// captured tells whether a function stores a context it was given,
	// its own context.Context parameter, into the field; plain, whether
	// one that does starts no goroutine (the value is not a handle for
	// work already running under that context).
	captured, plain bool
}

func init() {
	mode.Register(Analyzer, "also report types whose methods an interface fixes (driver.Tx, a gRPC stream, "+
		"the package's own interfaces) and handles for work started under the stored context")
}

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "context") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cands := candidates(pass, insp)
	if len(cands) == 0 {
		return nil, nil
	}
	strict := mode.Strict(pass)
	methodUsers(pass, insp, cands, strict)
	captures(pass, insp, cands)
	for _, c := range cands {
		if c.user == "" || !c.captured || perOperation(pass, insp, c) {
			continue
		}
		if !strict && !c.plain {
			continue // a handle for work it started under the context
		}
		if !strict && fluent(c.named) {
			continue // a builder for one call, made from that call's context
		}
		subject := fmt.Sprintf("field %s of %s stores", c.name, c.named.Obj().Name())
		if len(c.field.Names) == 0 {
			subject = c.named.Obj().Name() + " embeds"
		}
		pass.Report(analysis.Diagnostic{
			Pos: c.field.Pos(),
			End: c.field.End(),
			Message: fmt.Sprintf("%s a caller's context.Context, and %s works under it: a stored context outlives the call it came from, and callers cannot cancel or bound one call; pass ctx as the first parameter of the methods that need it",
				subject, c.user),
		})
	}
	return nil, nil
}

// candidates returns the context.Context fields of the named struct types
// declared in the package, outside generated and test files (where fakes
// record the context they were given), except in structs
// that also keep the context's cancel function and in types that are
// contexts themselves.
func candidates(pass *analysis.Pass, insp *inspector.Inspector) []*candidate {
	var cands []*candidate
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) || strings.HasSuffix(pass.Fset.Position(file.Package).Filename, "_test.go") {
			continue
		}
		for cur := range fileCur.Preorder((*ast.TypeSpec)(nil)) {
			spec := cur.Node().(*ast.TypeSpec)
			st, ok := spec.Type.(*ast.StructType)
			if !ok {
				continue
			}
			tn, ok := pass.TypesInfo.Defs[spec.Name].(*types.TypeName)
			if !ok {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || ownsCancel(named) || isContext(named) {
				continue
			}
			index := 0
			for _, field := range st.Fields.List {
				n := max(len(field.Names), 1)
				tv, ok := pass.TypesInfo.Types[field.Type]
				if ok && typematch.IsType(tv.Type, "context", "Context") {
					for i := range n {
						name := "Context"
						if len(field.Names) > 0 {
							name = field.Names[i].Name
						}
						cands = append(cands, &candidate{named: named, index: index + i, field: field, name: name})
					}
				}
				index += n
			}
		}
	}
	return cands
}

// ownsCancel reports whether the struct type named also keeps a cancel
// function: a field of type context.CancelFunc or context.CancelCauseFunc,
// or of their underlying types func() and func(error). Then it made the
// context it keeps, for its own lifetime, and cancels it itself.
func ownsCancel(named *types.Named) bool {
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if typematch.IsType(f.Type(), "context", "CancelFunc", "CancelCauseFunc") {
			return true
		}
		sig, ok := f.Type().Underlying().(*types.Signature)
		if ok && sig.Results().Len() == 0 && !sig.Variadic() && (sig.Params().Len() == 0 ||
			sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), types.Universe.Lookup("error").Type())) {
			return true
		}
	}
	return false
}

// isContext reports whether named declares a method of context.Context:
// then it is a context that wraps its parent, like the context package's
// own types.
func isContext(named *types.Named) bool {
	for m := range named.Methods() {
		switch m.Name() {
		case "Deadline", "Done", "Err", "Value":
			return true
		}
	}
	return false
}

// methodUsers records, for each candidate, a method of its type that
// passes the stored context to a call, as in db.QueryContext(s.ctx, q):
// the method does its work under the stored context. Methods that only
// return the context, compare it with nil or watch it (s.ctx.Done(),
// s.ctx.Err()) to end the struct's own life do not count, nor do methods
// such as Read and Write whose signatures an interface fixes.
func methodUsers(pass *analysis.Pass, insp *inspector.Inspector, cands []*candidate, strict bool) {
	fixed := fixedMethods(pass.Pkg)
	var ifaces []*types.Interface
	if !strict {
		ifaces = interfaces(pass.Pkg)
	}
	byType := make(map[*types.Named][]*candidate)
	for _, c := range cands {
		byType[c.named] = append(byType[c.named], c)
	}
	var background map[*types.Func]bool
	if !strict {
		background = goOnly(pass, insp)
	}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Recv == nil || decl.Body == nil {
			continue
		}
		fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok {
			continue
		}
		named := recvNamed(fn)
		if named == nil || byType[named] == nil || fixed.has(fn) || implementsFixed(named, fn, ifaces) {
			continue
		}
		if !strict && (background[fn] || carrierMethod(named, fn)) {
			continue
		}
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, arg := range call.Args {
				sel, ok := ast.Unparen(arg).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if c := selected(pass.TypesInfo, sel, byType[named]); c != nil && c.user == "" {
					c.user = named.Obj().Name() + "." + fn.Name()
				}
			}
			return true
		})
	}
}

// recvNamed returns the named type of fn's receiver, T for both T and *T,
// as declared (generic types uninstantiated).
func recvNamed(fn *types.Func) *types.Named {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	return named.Origin()
}

// selected returns the candidate among cands that sel selects as a field,
// x.ctx, or nil.
func selected(info *types.Info, sel *ast.SelectorExpr, cands []*candidate) *candidate {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil
	}
	t := types.Unalias(s.Recv())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	for _, c := range cands {
		if named.Origin() == c.named && s.Index()[0] == c.index {
			return c
		}
	}
	return nil
}

// perOperation reports whether the values of c's type live no longer than
// the function call that makes them, so that the context they keep is the
// context of that call: the type is unexported, the package makes its
// values only with composite literals, each kept in a local variable of
// which only fields and methods are used, and nothing assigns the field
// after the literal set it.
func perOperation(pass *analysis.Pass, insp *inspector.Inspector, c *candidate) bool {
	if c.named.Obj().Exported() {
		return false
	}
	info := pass.TypesInfo
	literals := 0
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && selected(info, sel, []*candidate{c}) != nil {
					return false // the field is set after the value was made
				}
			}
		case *ast.CallExpr:
			// new(T) makes a value whose field is set elsewhere.
			if tv, ok := info.Types[n.Fun]; ok && tv.IsBuiltin() && len(n.Args) == 1 && isType(info, n.Args[0], c.named) {
				return false
			}
		case *ast.CompositeLit:
			if tv, ok := info.Types[n]; !ok || !isNamed(tv.Type, c.named) {
				continue
			}
			literals++
			if !keptLocally(info, cur) {
				return false
			}
		}
	}
	return literals > 0
}

func isType(info *types.Info, e ast.Expr, named *types.Named) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsType() && isNamed(tv.Type, named)
}

func isNamed(t types.Type, named *types.Named) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Origin() == named
}

// keptLocally reports whether the composite literal at cur (maybe behind
// &) initializes a local variable that the function uses only through
// selectors, v.f and v.m(): the value never leaves the function.
func keptLocally(info *types.Info, cur inspector.Cursor) bool {
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur, parent = parent, parent.Parent()
	}
	var id *ast.Ident
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			id, _ = p.Lhs[0].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			id = p.Names[0]
		}
	}
	if id == nil {
		return false
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	// Find the enclosing function body and check each use of v in it.
	var body ast.Node
	for c := parent; c.Valid(); c = c.Parent() {
		if fd, ok := c.Node().(*ast.FuncDecl); ok {
			body = fd.Body
			break
		}
		if fl, ok := c.Node().(*ast.FuncLit); ok {
			body = fl.Body
			break
		}
	}
	if body == nil {
		return false
	}
	local := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !local {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && info.Uses[x] == v {
				return false // v.f or v.m: fine
			}
		case *ast.Ident:
			if info.Uses[n] == v {
				local = false // v itself is passed, returned or stored
			}
		}
		return true
	})
	return local
}

// fixedSigs holds the methods of standard interfaces whose signatures
// leave no room for a context, so that a type implementing them can only
// take one through a field, as net.Conn takes deadlines.
type fixedSigs map[string][]*types.Signature

// fixedMethods returns the methods of io's reader, writer, closer and
// seeker interfaces and of http.Handler, if pkg imports their packages.
func fixedMethods(pkg *types.Package) fixedSigs {
	sigs := make(fixedSigs)
	add := func(p *types.Package, names ...string) {
		if p == nil {
			return
		}
		for _, name := range names {
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			for m := range iface.ExplicitMethods() {
				sigs[m.Name()] = append(sigs[m.Name()], m.Signature())
			}
		}
	}
	add(imported(pkg, "io"), "Reader", "Writer", "ReaderAt", "WriterAt", "ReaderFrom", "WriterTo",
		"Closer", "Seeker", "ByteReader", "ByteWriter", "RuneReader", "StringWriter")
	add(imported(pkg, "net/http"), "Handler")
	return sigs
}

// has reports whether fn has the name and signature of a fixed method.
func (f fixedSigs) has(fn *types.Func) bool {
	for _, sig := range f[fn.Name()] {
		if types.Identical(types.NewSignatureType(nil, nil, nil, fn.Signature().Params(), fn.Signature().Results(), fn.Signature().Variadic()), sig) {
			return true
		}
	}
	return false
}

// imported returns the package with the given path among pkg's imports,
// direct or indirect, or nil.
func imported(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// captures marks the candidates into which some function stores a
// context.Context parameter of its own, or a context derived from it: in a
// composite literal, T{ctx: ctx}, or by assignment, x.ctx = ctx. Such a
// field keeps a caller's context, where a context the struct made from
// elsewhere (a new root, a context from a config) is the struct's own.
func captures(pass *analysis.Pass, insp *inspector.Inspector, cands []*candidate) {
	info := pass.TypesInfo
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			tv, ok := info.Types[n]
			if !ok {
				continue
			}
			for _, c := range cands {
				if !isNamed(tv.Type, c.named) {
					continue
				}
				field := c.named.Underlying().(*types.Struct).Field(c.index)
				for i, elt := range n.Elts {
					value := elt
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						key, ok := kv.Key.(*ast.Ident)
						if !ok || info.Uses[key] != field {
							continue
						}
						value = kv.Value
					} else if i != c.index {
						continue
					}
					if isParam(info, cur, value) {
						c.captured = true
						c.plain = c.plain || !(startsGoroutine(cur) || opensHandle(info, cur, c.named))
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if c := selected(info, sel, cands); c != nil && isParam(info, cur, n.Rhs[i]) {
					c.captured = true
					c.plain = c.plain || !(startsGoroutine(cur) || opensHandle(info, cur, c.named))
				}
			}
		}
	}
}

// startsGoroutine reports whether the function around cur starts a
// goroutine: the value it stores the context in is then a handle for work
// already running under that context.
func startsGoroutine(cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		var body *ast.BlockStmt
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		default:
			continue
		}
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.GoStmt); ok {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}

// interfaces returns the interfaces with methods declared at package level
// in pkg and in the packages it imports directly: driver.Tx, a gRPC
// stream, the package's own.
func interfaces(pkg *types.Package) []*types.Interface {
	var out []*types.Interface
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || (p != pkg && !tn.Exported()) {
				continue
			}
			if _, generic := tn.Type().(*types.Named); generic && tn.Type().(*types.Named).TypeParams().Len() > 0 {
				continue
			}
			if iface, ok := tn.Type().Underlying().(*types.Interface); ok && iface.NumMethods() > 0 {
				out = append(out, iface)
			}
		}
	}
	return out
}

// implementsFixed reports whether fn, a method of named, implements a
// method of one of ifaces that takes no context.Context: its signature is
// fixed, so the type can only take a context through a field.
func implementsFixed(named *types.Named, fn *types.Func, ifaces []*types.Interface) bool {
	for _, iface := range ifaces {
		obj, _, _ := types.LookupFieldOrMethod(iface, false, nil, fn.Name())
		m, ok := obj.(*types.Func)
		if !ok || takesContext(m.Signature()) {
			continue
		}
		if types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface) {
			return true
		}
	}
	return false
}

func takesContext(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if typematch.IsType(v.Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// isParam reports whether e, at cur, is a context.Context parameter of the
// function that contains it, or a context derived from one: a call of a
// context.With... function on it, or a local variable defined as such.
func isParam(info *types.Info, cur inspector.Cursor, e ast.Expr) bool {
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			return fromParam(info, n.Type, n.Body, e, 0)
		case *ast.FuncLit:
			return fromParam(info, n.Type, n.Body, e, 0)
		}
	}
	return false
}

func fromParam(info *types.Info, ftype *ast.FuncType, body *ast.BlockStmt, e ast.Expr, depth int) bool {
	if depth > 3 || body == nil {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typeutil.Callee(info, e)
		return typematch.IsFunction(fn, "context", "WithCancel", "WithCancelCause", "WithDeadline",
			"WithDeadlineCause", "WithTimeout", "WithTimeoutCause", "WithValue") &&
			len(e.Args) > 0 && fromParam(info, ftype, body, e.Args[0], depth+1)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || !typematch.IsType(v.Type(), "context", "Context") {
			return false
		}
		for _, field := range ftype.Params.List {
			for _, name := range field.Names {
				if info.Defs[name] == v {
					return true
				}
			}
		}
		// A local variable: look at the call that defines it.
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if found || !ok || as.Tok != token.DEFINE {
				return !found
			}
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || info.Defs[id] != v {
					continue
				}
				rhs := as.Rhs[0]
				if len(as.Rhs) == len(as.Lhs) {
					rhs = as.Rhs[i]
				}
				found = fromParam(info, ftype, body, rhs, depth+1)
			}
			return !found
		})
		return found
	}
	return false
}

// goOnly returns the methods of the package that are only ever started as
// goroutines, go c.fetch(), and never called or taken as values: the work
// they do runs in the background, for the life of the value, and the
// context stored for it is the value's lifetime, not a caller's call.
func goOnly(pass *analysis.Pass, insp *inspector.Inspector) map[*types.Func]bool {
	info := pass.TypesInfo
	started := make(map[*ast.SelectorExpr]bool)
	for cur := range insp.Root().Preorder((*ast.GoStmt)(nil)) {
		if sel, ok := ast.Unparen(cur.Node().(*ast.GoStmt).Call.Fun).(*ast.SelectorExpr); ok {
			started[sel] = true
		}
	}
	only := make(map[*types.Func]bool)
	other := make(map[*types.Func]bool)
	for cur := range insp.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() != pass.Pkg || fn.Signature().Recv() == nil {
			continue
		}
		fn = fn.Origin()
		if started[sel] {
			only[fn] = true
		} else {
			other[fn] = true
		}
	}
	for fn := range other {
		delete(only, fn)
	}
	return only
}

// carrierMethod reports whether fn is Get, Set or Keys of a type that has
// all three with the signatures of OpenTelemetry's
// propagation.TextMapCarrier: a carrier that a propagator reads and writes
// through its interface, which has no room for a context, and which is
// made for one call from that call's context. The package that declares
// the carrier need not import the interface.
func carrierMethod(named *types.Named, fn *types.Func) bool {
	if fn.Name() != "Get" && fn.Name() != "Set" && fn.Name() != "Keys" {
		return false
	}
	str := types.Typ[types.String]
	want := map[string]*types.Signature{
		"Get":  types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "", str)), types.NewTuple(types.NewParam(0, nil, "", str)), false),
		"Set":  types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "", str), types.NewParam(0, nil, "", str)), nil, false),
		"Keys": types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "", types.NewSlice(str))), false),
	}
	for name, sig := range want {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, nil, name)
		m, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		got := m.Signature()
		if !types.Identical(types.NewSignatureType(nil, nil, nil, got.Params(), got.Results(), got.Variadic()), sig) {
			return false
		}
	}
	return true
}

// fluent reports whether named is a builder: named so (…Builder), or one
// of its methods returns the type itself alone, as WithScores and Limit
// do in client.NewSearchBuilder(ctx, index, q).WithScores().Limit(10).Run().
// Such a value is made for one call, from that call's context, and lives
// only for the chain, as http.NewRequestWithContext keeps its context in
// the request.
func fluent(named *types.Named) bool {
	ptr := types.NewPointer(named)
	mset := types.NewMethodSet(ptr)
	n := 0
	for sel := range mset.Methods() {
		sig := sel.Obj().(*types.Func).Signature()
		if sig.Results().Len() != 1 {
			continue
		}
		r := types.Unalias(sig.Results().At(0).Type())
		if p, ok := r.(*types.Pointer); ok {
			r = types.Unalias(p.Elem())
		}
		if rn, ok := r.(*types.Named); ok && rn.Origin() == named {
			n++
		}
	}
	return n >= 1 || strings.HasSuffix(named.Obj().Name(), "Builder")
}

// opensHandle reports whether the function around cur, which stores a
// context in a value of type named, is a method of another type that
// returns that value, and named has a Close method: an operation such as
// tx.OpenLargeObject(ctx, oid) or conn.Exec(ctx, sql) that starts work
// under the caller's context and returns a handle to it (a large object,
// a result reader, a pipeline), which the caller reads and then closes.
// The handle lives for that one operation.
func opensHandle(info *types.Info, cur inspector.Cursor, named *types.Named) bool {
	var decl *ast.FuncDecl
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = e.Node().(*ast.FuncDecl)
	}
	if decl == nil || decl.Recv == nil {
		return false
	}
	fn, ok := info.Defs[decl.Name].(*types.Func)
	if !ok || recvNamed(fn) == named {
		return false
	}
	returns := false
	for v := range fn.Signature().Results().Variables() {
		t := types.Unalias(v.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if isNamed(t, named) {
			returns = true
		}
	}
	if !returns {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, nil, "Close")
	_, ok = obj.(*types.Func)
	return ok
}
