// Package ctxabandon defines an Analyzer that reports channel operations
// left blocked forever when the other side gives up on ctx.Done().
package ctxabandon

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
)

//go:embed doc.go
var doc string

// Analyzer reports a send or receive with no way out whose every
// counterpart sits in a select that gives up on ctx.Done().
var Analyzer = &analysis.Analyzer{
	Name:     "ctxabandon",
	Doc:      analyzerdoc.MustExtract(doc, "ctxabandon"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/ctxabandon",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// key names a channel: the variable or field that holds it, or (elem) an
// element of the slice, array or map held there.
type key struct {
	obj  types.Object
	elem bool
}

type opKind int

const (
	send opKind = iota
	recv
	closeOp
)

// op is one operation on a keyed channel.
type op struct {
	kind   opKind
	node   ast.Node // the SendStmt, receive UnaryExpr, RangeStmt or close call
	key    key
	bare   bool       // not a case of a select
	sel    *selInfo   // the select it is a case of, if any
	fnName string     // the function it is in, for messages
	skip   bool       // in a generated file
	inTest bool       // in a function given a *testing.T, B or F (or a literal in one)
	funcs  []ast.Node // the functions around it, innermost first
}

// selInfo describes a select statement.
type selInfo struct {
	hasDefault bool
	ctxCase    *ast.CommClause // a case receiving from ctx.Done() that leaves
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	info := pass.TypesInfo
	a := &analysis_{pass: pass, info: info, rangeElem: map[types.Object]key{}, doneVars: map[types.Object]bool{}, escaped: map[types.Object]bool{}, buffered: map[key]bool{}, selects: map[*ast.SelectStmt]*selInfo{}}

	// First pass: variables that hold ctx.Done() or range over keyed
	// slices of channels, and channels made with a buffer.
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil), (*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, rhs := range n.Rhs {
				if a.isCtxDone(rhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						if obj := objOf(info, id); obj != nil {
							a.doneVars[obj] = true
						}
					}
				}
				if bufferedMake(info, rhs) {
					if k, ok := a.lhsKey(n.Lhs[i]); ok {
						a.buffered[k] = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if i < len(n.Names) && a.isCtxDone(v) {
					a.doneVars[info.Defs[n.Names[i]]] = true
				}
				if i < len(n.Names) && bufferedMake(info, v) {
					a.buffered[key{obj: info.Defs[n.Names[i]]}] = true
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && bufferedMake(info, n.Value) {
				if obj, ok := info.Uses[id].(*types.Var); ok && obj.IsField() {
					a.buffered[key{obj: obj}] = true
				}
			}
		case *ast.RangeStmt:
			if n.Value == nil || isChan(info.TypeOf(n.X)) {
				continue
			}
			id, ok := n.Value.(*ast.Ident)
			if !ok {
				continue
			}
			if k, ok := a.keyOf(n.X); ok && !k.elem && isChan(info.TypeOf(id)) {
				if obj := objOf(info, id); obj != nil {
					a.rangeElem[obj] = key{obj: k.obj, elem: true}
				}
			}
		}
	}

	// Second pass: the operations, and the uses that hand a channel to
	// code the analyzer does not follow.
	var ops []*op
	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok {
			continue
		}
		skip := generated.Skip(pass.Fset, file)
		for cur := range fileCur.Preorder((*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
			var o *op
			switch n := cur.Node().(type) {
			case *ast.SendStmt:
				if k, ok := a.keyOf(n.Chan); ok {
					o = &op{kind: send, node: n, key: k}
				}
			case *ast.UnaryExpr:
				if n.Op != token.ARROW || a.isCtxDone(n.X) {
					continue
				}
				if k, ok := a.keyOf(n.X); ok {
					o = &op{kind: recv, node: n, key: k}
				}
			case *ast.RangeStmt:
				if !isChan(info.TypeOf(n.X)) {
					continue
				}
				if k, ok := a.keyOf(n.X); ok {
					o = &op{kind: recv, node: n, key: k, bare: true}
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "close" && len(n.Args) == 1 {
					if _, builtin := info.Uses[id].(*types.Builtin); builtin {
						if k, ok := a.keyOf(n.Args[0]); ok {
							o = &op{kind: closeOp, node: n, key: k, bare: true}
						}
					}
				}
			case *ast.Ident:
				a.noteEscape(cur)
				continue
			}
			if o == nil {
				continue
			}
			o.skip = skip
			o.fnName = funcName(cur)
			o.inTest = inTestFunc(info, cur)
			for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
				switch n := c.Node().(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					o.funcs = append(o.funcs, n)
				}
			}
			if _, isRange := o.node.(*ast.RangeStmt); !isRange && o.kind != closeOp {
				if sel := a.selectOf(cur); sel != nil {
					o.sel = sel
				} else {
					o.bare = true
				}
			}
			ops = append(ops, o)
		}
	}

	byKey := map[key][]*op{}
	for _, o := range ops {
		byKey[o.key] = append(byKey[o.key], o)
	}
	reported := map[ast.Node]bool{}
	for _, o := range ops {
		if o.skip || !o.bare || o.kind == closeOp || a.escaped[o.key.obj] || reported[o.node] || visibleOutside(pass.Pkg, o.key.obj) {
			continue
		}
		if o.inTest {
			continue // a test that blocks fails by its timeout
		}
		if o.kind == send && a.buffered[o.key] {
			continue // a buffer may take the value
		}
		var others []*op
		abandoned := true
		for _, p := range byKey[o.key] {
			switch {
			case p.kind == closeOp && o.kind == recv:
				abandoned = false
			case o.kind == recv && p.kind == send && len(p.funcs) > 0 && slices.Contains(o.funcs, p.funcs[0]):
				// The release of a semaphore the enclosing function
				// acquired by sending: it follows its own send.
				abandoned = false
			case o.kind == send && p.kind == recv && len(p.funcs) > 0 && len(o.funcs) > 0 && p.funcs[0] == o.funcs[0]:
				// A consumer putting back what it took, for the next
				// one: it is a receiver itself.
				abandoned = false
			case (o.kind == send && p.kind == recv) || (o.kind == recv && p.kind == send):
				others = append(others, p)
				if p.sel == nil || p.sel.ctxCase == nil || p.sel.hasDefault || p.inTest {
					abandoned = false
				}
			}
		}
		if !abandoned || len(others) == 0 {
			continue
		}
		reported[o.node] = true
		p := others[0]
		name := types.ExprString(chanExpr(o.node))
		pPos := pass.Fset.Position(p.node.Pos())
		var msg string
		if o.kind == send {
			msg = fmt.Sprintf("sending on %s blocks forever once the context is cancelled: every receive from it (as in %s at line %d) is in a select that gives up on ctx.Done(); select on ctx.Done() here too", name, p.fnName, pPos.Line)
		} else {
			msg = fmt.Sprintf("receiving from %s blocks forever once the context is cancelled: every send on it (as in %s at line %d) is in a select that gives up on ctx.Done(), and nothing closes it; select on ctx.Done() here too", name, p.fnName, pPos.Line)
		}
		verb := "receive"
		if o.kind == recv {
			verb = "send"
		}
		pass.Report(analysis.Diagnostic{
			Pos:     o.node.Pos(),
			End:     o.node.End(),
			Message: msg,
			Related: []analysis.RelatedInformation{
				{Pos: p.node.Pos(), Message: "the " + verb + " that would unblock it"},
				{Pos: p.sel.ctxCase.Pos(), Message: "gives up here when the context is cancelled"},
			},
		})
	}
	return nil, nil
}

type analysis_ struct {
	pass      *analysis.Pass
	info      *types.Info
	rangeElem map[types.Object]key // range variables holding elements of keyed channels
	doneVars  map[types.Object]bool
	escaped   map[types.Object]bool
	buffered  map[key]bool
	selects   map[*ast.SelectStmt]*selInfo
}

// keyOf names the channel e evaluates to.
func (a *analysis_) keyOf(e ast.Expr) (key, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj, ok := a.info.Uses[e].(*types.Var)
		if !ok {
			return key{}, false
		}
		if k, ok := a.rangeElem[obj]; ok {
			return k, true
		}
		return key{obj: obj}, true
	case *ast.SelectorExpr:
		if s, ok := a.info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return key{obj: s.Obj()}, true
		}
		if v, ok := a.info.Uses[e.Sel].(*types.Var); ok {
			return key{obj: v}, true
		}
	case *ast.IndexExpr:
		if k, ok := a.keyOf(e.X); ok && !k.elem {
			return key{obj: k.obj, elem: true}, true
		}
	}
	return key{}, false
}

func (a *analysis_) lhsKey(e ast.Expr) (key, bool) {
	if id, ok := e.(*ast.Ident); ok {
		if obj := a.info.Defs[id]; obj != nil {
			return key{obj: obj}, true
		}
	}
	return a.keyOf(e)
}

// isCtxDone reports whether e is ctx.Done() on a context.Context, or a
// variable that holds one.
func (a *analysis_) isCtxDone(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" || len(e.Args) != 0 {
			return false
		}
		return isContext(a.info.TypeOf(sel.X))
	case *ast.Ident:
		obj := a.info.Uses[e]
		return obj != nil && a.doneVars[obj]
	}
	return false
}

// selectOf returns the select whose case cur's operation is, or nil.
func (a *analysis_) selectOf(cur inspector.Cursor) *selInfo {
	c := cur.Parent()
	if _, ok := c.Node().(*ast.ExprStmt); ok {
		c = c.Parent()
	} else if _, ok := c.Node().(*ast.AssignStmt); ok {
		c = c.Parent()
	}
	cc, ok := c.Node().(*ast.CommClause)
	if !ok || cc.Comm == nil || !contains(cc.Comm, cur.Node()) {
		return nil
	}
	selCur := c.Parent().Parent()
	sel, ok := selCur.Node().(*ast.SelectStmt)
	if !ok {
		return nil
	}
	// Directly in a loop body, an empty case goes round the loop again.
	inLoop := false
	if blk, ok := selCur.Parent().Node().(*ast.BlockStmt); ok {
		switch selCur.Parent().Parent().Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inLoop = len(blk.List) > 0 && blk.List[len(blk.List)-1] == sel
		}
	}
	if s, ok := a.selects[sel]; ok {
		return s
	}
	s := &selInfo{}
	for _, st := range sel.Body.List {
		clause := st.(*ast.CommClause)
		if clause.Comm == nil {
			s.hasDefault = true
			continue
		}
		if recvOf(clause.Comm) != nil && a.isCtxDone(recvOf(clause.Comm).X) && !goesOn(clause.Body, inLoop) {
			s.ctxCase = clause
		}
	}
	a.selects[sel] = s
	return s
}

// noteEscape marks a channel variable or field as escaped when the
// identifier at cur hands it to code the analyzer does not follow: a
// call argument, a return value, a value stored elsewhere.
func (a *analysis_) noteEscape(cur inspector.Cursor) {
	id := cur.Node().(*ast.Ident)
	obj, ok := a.info.Uses[id].(*types.Var)
	if !ok || !holdsChan(obj.Type()) {
		return
	}
	var expr ast.Node = id
	c := cur.Parent()
	if sel, ok := c.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		expr, c = sel, c.Parent()
	}
	root := obj
	if k, ok := a.rangeElem[obj]; ok {
		root = k.obj.(*types.Var)
	}
	switch p := c.Node().(type) {
	case *ast.SendStmt:
		if p.Chan == expr {
			return
		}
	case *ast.UnaryExpr:
		if p.Op == token.ARROW {
			return
		}
	case *ast.IndexExpr:
		if p.X == expr {
			return
		}
	case *ast.RangeStmt:
		if p.X == expr {
			return
		}
	case *ast.SelectorExpr:
		if p.X == expr {
			return // a field or method of the value, not the channel
		}
	case *ast.KeyValueExpr:
		if p.Key == expr {
			return
		}
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == expr {
				return
			}
		}
	case *ast.CallExpr:
		if fid, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if _, builtin := a.info.Uses[fid].(*types.Builtin); builtin {
				switch fid.Name {
				case "close", "len", "cap":
					return
				case "append":
					if len(p.Args) > 0 && p.Args[0] == expr {
						return
					}
				}
			}
		}
	case *ast.BinaryExpr:
		return // compared with nil
	}
	a.escaped[root] = true
}

func recvOf(s ast.Stmt) *ast.UnaryExpr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	return u
}

// goesOn reports whether a select case with this body leads back into
// the select: it ends in continue, or is empty in a select that ends a
// loop's body.
func goesOn(body []ast.Stmt, inLoop bool) bool {
	if len(body) == 0 {
		return inLoop
	}
	b, ok := body[len(body)-1].(*ast.BranchStmt)
	return ok && b.Tok == token.CONTINUE
}

func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

func chanExpr(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.SendStmt:
		return n.Chan
	case *ast.UnaryExpr:
		return n.X
	case *ast.RangeStmt:
		return n.X
	}
	return nil
}

func objOf(info *types.Info, id *ast.Ident) types.Object {
	if obj := info.Defs[id]; obj != nil {
		return obj
	}
	return info.Uses[id]
}

func funcName(cur inspector.Cursor) string {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return "a function literal"
		case *ast.FuncDecl:
			return n.Name.Name
		}
	}
	return "?"
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// holdsChan reports whether t is a channel, or a slice, array or map of
// channels.
func holdsChan(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return true
	case *types.Slice:
		return isChan(u.Elem())
	case *types.Array:
		return isChan(u.Elem())
	case *types.Map:
		return isChan(u.Elem())
	}
	return false
}

func isContext(t types.Type) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context" {
		return true
	}
	// A type that implements context.Context: has Done() <-chan struct{}
	// and Err() error.
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "Done") != nil && ms.Lookup(nil, "Deadline") != nil && ms.Lookup(nil, "Err") != nil
}

// bufferedMake reports whether e is make(chan T, n) with n not the
// constant 0.
func bufferedMake(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "make" || !isChan(info.TypeOf(call.Args[0])) {
		return false
	}
	if tv, ok := info.Types[call.Args[1]]; ok && tv.Value != nil && tv.Value.String() == "0" {
		return false
	}
	return true
}

// visibleOutside reports whether code in another package can reach the
// channel held in obj: an exported package-level variable or an exported
// field, outside package main.
func visibleOutside(pkg *types.Package, obj types.Object) bool {
	if pkg.Name() == "main" || !obj.Exported() {
		return false
	}
	v, ok := obj.(*types.Var)
	return ok && (v.IsField() || v.Parent() == pkg.Scope())
}

// inTestFunc reports whether cur lies in a function declaration that takes
// a *testing.T, *testing.B, *testing.F or testing.TB: a test, whose
// blocking ends with the test's timeout and whose giving up on ctx.Done()
// fails the test.
func inTestFunc(info *types.Info, cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		fd, ok := c.Node().(*ast.FuncDecl)
		if !ok {
			continue
		}
		for _, f := range fd.Type.Params.List {
			t := info.TypeOf(f.Type)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" {
				return true
			}
		}
		return false
	}
	return false
}
