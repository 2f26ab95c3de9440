// Package condwait defines an Analyzer that reports sync.Cond waits that
// can block forever or wake up before their condition holds.
package condwait

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
)

//go:embed doc.go
var doc string

// Analyzer reports sync.Cond Waits that nothing signals, Waits outside a
// loop that rechecks the condition, and producers that signal on one path
// only.
var Analyzer = &analysis.Analyzer{
	Name:     "condwait",
	Doc:      analyzerdoc.MustExtract(doc, "condwait"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/condwait",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// use is one reference to a Cond method: c.Wait(), c.Signal, c.L.
type use struct {
	sel    *ast.SelectorExpr // X.Method
	method string            // Wait, Signal, Broadcast
	called bool              // X.Method(...), not a method value
	key    types.Object      // the variable or field holding the Cond, nil if unknown
	inLoop bool              // inside a for or range loop of its own function
	loop   *ast.ForStmt      // the innermost for loop around it in its function, if any
	inCond bool              // inside an if, switch or select of its own function
	fn     ast.Node          // the innermost *ast.FuncDecl or *ast.FuncLit
	skip   bool              // in a generated file
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var uses []*use
	signalled := map[types.Object]bool{}
	made := map[types.Object]token.Pos{} // where the Cond of a key is made
	// calledInLoop[f] is false once some call of f is outside a loop.
	calledInLoop := map[*types.Func]bool{}
	escaped := map[types.Object]bool{}

	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok {
			continue
		}
		skip := generated.Skip(pass.Fset, file)
		for cur := range fileCur.Preorder((*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				if f, ok := typeutilCallee(pass.TypesInfo, n).(*types.Func); ok && f.Pkg() == pass.Pkg {
					loop, _, _ := context(cur)
					if prev, seen := calledInLoop[f]; !seen || prev {
						calledInLoop[f] = loop
					}
				}
				if isNewCond(pass.TypesInfo, n) {
					if k := assignedKey(pass.TypesInfo, cur); k != nil {
						made[k] = n.Pos()
					}
				}
			case *ast.SelectorExpr:
				method, ok := condMethod(pass.TypesInfo, n)
				if !ok {
					continue
				}
				u := &use{sel: n, method: method, key: condKey(pass.TypesInfo, n), skip: skip}
				if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && call.Fun == n {
					u.called = true
				}
				u.inLoop, u.inCond, u.fn = context(cur)
				u.loop = innermostFor(cur)
				if method == "Signal" || method == "Broadcast" {
					if u.key == nil {
						// A Cond we cannot name is signalled: any Cond
						// of its type might be the one.
						signalled[nil] = true
					}
					signalled[u.key] = true
				}
				uses = append(uses, u)
			case *ast.Ident:
				obj, ok := pass.TypesInfo.Uses[n].(*types.Var)
				if !ok || !isCondType(obj.Type()) {
					continue
				}
				if escapes(cur) {
					escaped[obj] = true
				}
			}
		}
	}

	// A producer that signals on one branch only.
	decls := map[*types.Func]*ast.FuncDecl{}
	signallers := map[*types.Func]map[types.Object]bool{}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if f, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
			decls[f] = fd
		}
	}
	for _, u := range uses {
		if u.method == "Wait" || u.key == nil {
			continue
		}
		if fd, ok := u.fn.(*ast.FuncDecl); ok {
			if f, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				if signallers[f] == nil {
					signallers[f] = map[types.Object]bool{}
				}
				signallers[f][u.key] = true
			}
		}
	}
	if watch := watched(pass, uses, decls); len(watch) > 0 {
		for fileCur := range insp.Root().Children() {
			file, ok := fileCur.Node().(*ast.File)
			if !ok || generated.Skip(pass.Fset, file) {
				continue
			}
			for cur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				switch n := cur.Node().(type) {
				case *ast.FuncDecl:
					if n.Body != nil {
						checkPaths(pass, n.Body, watch, signallers, decls)
					}
				case *ast.FuncLit:
					checkPaths(pass, n.Body, watch, signallers, decls)
				}
			}
		}
	}

	for _, u := range uses {
		if u.skip || u.method != "Wait" {
			continue
		}
		name := types.ExprString(u.sel.X)
		switch {
		case !u.called:
			pass.Report(analysis.Diagnostic{
				Pos: u.sel.Pos(), End: u.sel.End(),
				Message: name + ".Wait is passed as a function value: it runs with no loop to recheck the condition, and without " + name + ".L held by the goroutine that runs it; call " + name + ".Wait() in a for loop that checks the condition, with the lock held",
			})
			continue
		case !u.inLoop && !wrapper(pass.TypesInfo, u, calledInLoop):
			pass.Report(analysis.Diagnostic{
				Pos: u.sel.Pos(), End: u.sel.End(),
				Message: name + ".Wait() is not in a loop: Wait returns when some goroutine signals, not when the condition holds (a Broadcast wakes every waiter, another may get there first); write for !condition { " + name + ".Wait() }",
			})
			continue
		}
		if u.loop != nil && frozen(pass.TypesInfo, u.loop, u.fn) {
			cond := types.ExprString(u.loop.Cond)
			pass.Report(analysis.Diagnostic{
				Pos: u.sel.Pos(), End: u.sel.End(),
				Message: "the loop around " + name + ".Wait() checks " + cond + ", which only local variables decide and nothing changes while it waits: no Signal can end it, so it waits forever; loop on the shared state that the signalling goroutine changes",
				Related: []analysis.RelatedInformation{{Pos: u.loop.Cond.Pos(), End: u.loop.Cond.End(), Message: "the condition nothing changes"}},
			})
			continue
		}
		if u.key == nil || signalled[u.key] || signalled[nil] || escaped[u.key] || visibleOutside(pass.Pkg, u.key) || !known(u.key, made) {
			continue
		}
		d := analysis.Diagnostic{
			Pos: u.sel.Pos(), End: u.sel.End(),
			Message: "nothing in this package calls " + name + ".Signal or " + name + ".Broadcast: this Wait blocks forever once the condition is false; Broadcast (or Signal) after changing the state the waiters check",
		}
		if pos, ok := made[u.key]; ok {
			d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "the Cond is made here"}}
		}
		pass.Report(d)
	}
	return nil, nil
}

// context reports whether cur lies in a for or range loop, and in an if,
// switch or select, of its own function, and returns that function.
func context(cur inspector.Cursor) (loop, cond bool, fn ast.Node) {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = true
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			cond = true
		case *ast.FuncDecl, *ast.FuncLit:
			return loop, cond, n
		}
	}
	return loop, cond, nil
}

// wrapper reports whether the Wait of u is the whole point of a named
// function that its callers loop around: a Wait on the function's own
// path (not under an if), in a function that every call in the package
// makes from a loop, or that the package never calls.
func wrapper(info *types.Info, u *use, calledInLoop map[*types.Func]bool) bool {
	fd, ok := u.fn.(*ast.FuncDecl)
	if !ok || u.inCond {
		return false
	}
	f, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	inLoop, called := calledInLoop[f]
	return !called || inLoop
}

// condMethod reports whether sel is X.Wait, X.Signal or X.Broadcast of a
// sync.Cond (X itself, or a struct embedding one).
func condMethod(info *types.Info, sel *ast.SelectorExpr) (string, bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return "", false
	}
	f := s.Obj().(*types.Func)
	if f.Pkg() == nil || f.Pkg().Path() != "sync" {
		return "", false
	}
	recv := f.Type().(*types.Signature).Recv()
	if recv == nil || !isCondType(recv.Type()) {
		return "", false
	}
	switch f.Name() {
	case "Wait", "Signal", "Broadcast":
		return f.Name(), true
	}
	return "", false
}

// isCondType reports whether t is sync.Cond or *sync.Cond.
func isCondType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Cond"
}

// condKey names the Cond whose method sel selects: the struct field or
// the variable that holds it, or the embedded field for a promoted
// method. It returns nil when the Cond is reached some other way.
func condKey(info *types.Info, sel *ast.SelectorExpr) types.Object {
	s := info.Selections[sel]
	if idx := s.Index(); len(idx) > 1 {
		// Promoted through embedding: the embedded field, one level deep.
		if len(idx) != 2 {
			return nil
		}
		t := s.Recv()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		return st.Field(idx[0])
	}
	return exprKey(info, sel.X)
}

// exprKey names the variable or field e reads, or nil.
func exprKey(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return s.Obj()
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok { // pkg.Var
			return v
		}
	case *ast.StarExpr:
		return exprKey(info, e.X)
	}
	return nil
}

// isNewCond reports whether call is sync.NewCond(...).
func isNewCond(info *types.Info, call *ast.CallExpr) bool {
	f, ok := typeutilCallee(info, call).(*types.Func)
	return ok && f.Pkg() != nil && f.Pkg().Path() == "sync" && f.Name() == "NewCond"
}

// typeutilCallee returns the function or method call statically calls, or nil.
func typeutilCallee(info *types.Info, call *ast.CallExpr) types.Object {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return info.Uses[fun]
	case *ast.SelectorExpr:
		if s, ok := info.Selections[fun]; ok {
			if s.Kind() == types.MethodVal {
				return s.Obj()
			}
			return nil
		}
		return info.Uses[fun.Sel]
	}
	return nil
}

// assignedKey returns the variable or field that the sync.NewCond call at
// cur is stored in: x = sync.NewCond(...), x := ..., T{f: ...}.
func assignedKey(info *types.Info, cur inspector.Cursor) types.Object {
	call := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == call && i < len(p.Lhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					if obj := info.Defs[id]; obj != nil {
						return obj
					}
				}
				return exprKey(info, p.Lhs[i])
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok {
			return info.Uses[id]
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == call && i < len(p.Names) {
				return info.Defs[p.Names[i]]
			}
		}
	}
	return nil
}

// escapes reports whether the Cond-typed variable or field referenced at
// the identifier cur is handed to other code: anything but calling its
// methods, reading its L, assigning to it, or naming it as a composite
// literal key.
func escapes(cur inspector.Cursor) bool {
	id := cur.Node().(*ast.Ident)
	var expr ast.Node = id
	c := cur.Parent()
	if sel, ok := c.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		expr, c = sel, c.Parent()
	}
	switch p := c.Node().(type) {
	case *ast.SelectorExpr:
		return p.X != expr // the field of a selector: not this Cond
	case *ast.KeyValueExpr:
		return p.Key != expr || !newCondExpr(p.Value)
	case *ast.AssignStmt:
		// Stored into: fine when what is stored is a new Cond.
		for i, lhs := range p.Lhs {
			if lhs == expr {
				return len(p.Rhs) != len(p.Lhs) || !newCondExpr(p.Rhs[i])
			}
		}
		return true
	case *ast.ValueSpec:
		for _, name := range p.Names {
			if name == expr {
				return false
			}
		}
		return true
	}
	return true
}

// visibleOutside reports whether code in another package can reach the
// Cond held in obj: an exported package-level variable or an exported
// field, outside package main.
func visibleOutside(pkg *types.Package, obj types.Object) bool {
	if pkg.Name() == "main" || !obj.Exported() {
		return false
	}
	v, ok := obj.(*types.Var)
	return ok && (v.IsField() || v.Parent() == pkg.Scope())
}

// newCondExpr reports whether e makes a new Cond: sync.NewCond(...),
// &sync.Cond{...} or sync.Cond{...}.
func newCondExpr(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "NewCond"
	case *ast.CompositeLit:
		sel, ok := e.Type.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Cond"
	}
	return false
}

// known reports whether the analyzer knows every Cond that key can hold:
// a field or package-level variable of type sync.Cond (its zero value is
// ready to use), or one of type *sync.Cond, or a local variable, that
// the package sets from sync.NewCond. Parameters, receivers and results
// hold a Cond made elsewhere.
func known(key types.Object, made map[types.Object]token.Pos) bool {
	v, ok := key.(*types.Var)
	if !ok {
		return false
	}
	switch v.Kind() {
	case types.FieldVar, types.PackageVar:
		if _, ptr := v.Type().(*types.Pointer); !ptr {
			return true
		}
	case types.LocalVar:
	default:
		return false
	}
	_, ok = made[key]
	return ok
}

// innermostFor returns the innermost for statement around cur in its own
// function, or nil.
func innermostFor(cur inspector.Cursor) *ast.ForStmt {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.ForStmt:
			return n
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// frozen reports whether the condition of loop reads only local variables
// of fn (and constants) that neither the loop body nor any function
// literal of fn assigns, whose address fn never takes, and the body has
// no way out (break, return, goto): a condition no Signal can change.
func frozen(info *types.Info, loop *ast.ForStmt, fn ast.Node) bool {
	if loop.Cond == nil || fn == nil {
		return false
	}
	vars := map[types.Object]bool{}
	ok := true
	ast.Inspect(loop.Cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.UnaryExpr:
			if u, isUnary := n.(*ast.UnaryExpr); !isUnary || u.Op == token.ARROW || u.Op == token.AND {
				ok = false
			}
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.Var:
				if obj.Kind() != types.LocalVar {
					ok = false
				}
				vars[obj] = true
			case *types.Const, *types.Nil:
			default:
				ok = false
			}
		}
		return ok
	})
	if !ok || len(vars) == 0 {
		return false
	}
	// No way out of the body, no change of the variables in it.
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			ok = false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO {
				ok = false
			}
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); isIdent && id.Name == "panic" {
				ok = false
			}
		}
		return ok
	})
	if loop.Post != nil {
		return false
	}
	// Nothing in the function assigns the variables after their
	// declaration, inside the loop or in a closure, nor takes their
	// address.
	var body ast.Node
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			inLoopOrClosure := n.Pos() >= loop.Pos() && n.End() <= loop.End()
			for _, lhs := range n.Lhs {
				if id, isIdent := lhs.(*ast.Ident); isIdent && vars[info.Uses[id]] {
					if inLoopOrClosure || n.Tok != token.DEFINE {
						ok = false
					}
				}
			}
		case *ast.IncDecStmt:
			if id, isIdent := n.X.(*ast.Ident); isIdent && vars[info.Uses[id]] {
				ok = false
			}
		case *ast.UnaryExpr:
			if id, isIdent := n.X.(*ast.Ident); isIdent && n.Op == token.AND && vars[info.Uses[id]] {
				ok = false
			}
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if a, isAssign := m.(*ast.AssignStmt); isAssign {
					for _, lhs := range a.Lhs {
						if id, isIdent := lhs.(*ast.Ident); isIdent && vars[info.Uses[id]] {
							ok = false
						}
					}
				}
				return ok
			})
		}
		return ok
	})
	return ok
}
