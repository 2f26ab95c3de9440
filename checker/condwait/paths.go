package condwait

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// A producer that signals on one branch only: a function that changes a
// field the waiters' loop checks and signals the Cond on some paths, but
// has a path from the change to its end that does not.

// watched returns, for each Cond key, the fields that the loops around
// its Waits check: the for condition, the conditions of ifs in the loop
// body that leave the loop, and the bodies of the package's functions
// and methods called there (one level).
func watched(pass *analysis.Pass, uses []*use, decls map[*types.Func]*ast.FuncDecl) map[types.Object]map[types.Object]bool {
	out := map[types.Object]map[types.Object]bool{}
	for _, u := range uses {
		if u.method != "Wait" || !u.called || u.key == nil || u.loop == nil {
			continue
		}
		set := out[u.key]
		if set == nil {
			set = map[types.Object]bool{}
			out[u.key] = set
		}
		var conds []ast.Expr
		if u.loop.Cond != nil {
			conds = append(conds, u.loop.Cond)
		}
		for _, st := range u.loop.Body.List {
			if ifs, ok := st.(*ast.IfStmt); ok && leaves(ifs.Body) {
				conds = append(conds, ifs.Cond)
			}
		}
		for _, c := range conds {
			fieldsRead(pass.TypesInfo, c, set)
			ast.Inspect(c, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if f, ok := typeutilCallee(pass.TypesInfo, call).(*types.Func); ok {
						if fd := decls[f]; fd != nil && fd.Body != nil {
							fieldsRead(pass.TypesInfo, fd.Body, set)
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// leaves reports whether body ends in break or return.
func leaves(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch s := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK
	}
	return false
}

func fieldsRead(info *types.Info, n ast.Node, set map[types.Object]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal && !isCondType(s.Obj().Type()) {
				set[s.Obj()] = true
			}
		}
		return true
	})
}

// checkPaths reports, in every function body that signals the Cond key on
// some path, a change of a watched field from which a path reaches the
// end of the function without signalling it.
func checkPaths(pass *analysis.Pass, body *ast.BlockStmt, watch map[types.Object]map[types.Object]bool, signallers map[*types.Func]map[types.Object]bool, decls map[*types.Func]*ast.FuncDecl) {
	if len(watch) == 0 {
		return
	}
	info := pass.TypesInfo
	// signals returns the Cond keys that n signals, directly or through a
	// call of a package function that does; deferred reports a defer.
	signals := func(n ast.Node) map[types.Object]bool {
		out := map[types.Object]bool{}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SelectorExpr:
				if m, ok := condMethod(info, n); ok && m != "Wait" {
					if k := condKey(info, n); k != nil {
						out[k] = true
					}
				}
			case *ast.CallExpr:
				if f, ok := typeutilCallee(info, n).(*types.Func); ok {
					for k := range signallers[f] {
						out[k] = true
					}
				}
			}
			return true
		})
		return out
	}
	all := signals(body)
	deferred := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			for k := range signals(n.Call) {
				deferred[k] = true
			}
		}
		return true
	})
	var keys []types.Object
	for k := range all {
		if watch[k] != nil && !deferred[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return
	}
	g := cfg.New(body, func(call *ast.CallExpr) bool {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
			return false
		}
		return true
	})
	for _, k := range keys {
		// Every signal of k under an if that reads a watched field is a
		// deliberate, state-dependent signal (only on the transition to
		// non-empty, say): not reported.
		if stateDependent(info, body, k, watch[k], decls) {
			continue
		}
		var signalAt token.Pos
		condName := k.Name()
		ast.Inspect(body, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if m, ok := condMethod(info, sel); ok && m != "Wait" && condKey(info, sel) == k {
					condName = types.ExprString(sel.X)
					return false
				}
			}
			return true
		})
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if signalAt == token.NoPos && n != nil && n != ast.Node(body) {
				if _, isBlock := n.(*ast.BlockStmt); !isBlock {
					if st, ok := n.(ast.Stmt); ok && signals(st)[k] && !hasBlock(st) {
						signalAt = st.Pos()
					}
				}
			}
			return true
		})
		for _, b := range g.Blocks {
			for i, n := range b.Nodes {
				w := writeOf(info, n, watch[k])
				if w == nil {
					continue
				}
				if signals(n)[k] || !reachesEnd(g, b, i+1, func(n ast.Node) bool { return signals(n)[k] }) {
					continue
				}
				name := types.ExprString(w)
				d := analysis.Diagnostic{
					Pos: n.Pos(), End: n.End(),
					Message: name + " changes here, but a path from here to the end of the function does not Signal or Broadcast " + condName + " while another does: a goroutine waiting for this change sleeps on; signal on every path after the change (defer the Broadcast, or signal before the early return)",
				}
				if signalAt != token.NoPos {
					d.Related = []analysis.RelatedInformation{{Pos: signalAt, Message: "the path that signals"}}
				}
				pass.Report(d)
				goto next
			}
		}
	next:
	}
}

func hasBlock(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.LabeledStmt:
		return true
	}
	return false
}

// stateDependent reports whether every signal of k in body sits under an
// if whose condition depends on the state the waiters check: it reads a
// watched field, calls a package function that reads one, or reads a
// variable of body that holds such a value (wasEmpty := p.empty()) or
// that body stores into a watched field (fc.pending = pending; if
// !pending { Broadcast }).
func stateDependent(info *types.Info, body *ast.BlockStmt, k types.Object, fields map[types.Object]bool, decls map[*types.Func]*ast.FuncDecl) bool {
	readsState := func(e ast.Node, vars map[types.Object]bool) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if s, ok := info.Selections[n]; ok && s.Kind() == types.FieldVal && fields[s.Obj()] {
					found = true
				}
			case *ast.Ident:
				if obj := info.Uses[n]; obj != nil && vars[obj] {
					found = true
				}
			case *ast.CallExpr:
				if f, ok := typeutilCallee(info, n).(*types.Func); ok {
					if fd := decls[f]; fd != nil && fd.Body != nil {
						read := map[types.Object]bool{}
						fieldsRead(info, fd.Body, read)
						for o := range read {
							if fields[o] {
								found = true
							}
						}
					}
				}
			}
			return !found
		})
		return found
	}
	vars := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != len(a.Rhs) {
			return true
		}
		for i, lhs := range a.Lhs {
			if writeOf(info, &ast.AssignStmt{Lhs: []ast.Expr{lhs}, Tok: a.Tok, Rhs: []ast.Expr{a.Rhs[i]}}, fields) != nil {
				// What is stored into the state is state.
				ast.Inspect(a.Rhs[i], func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() {
							vars[v] = true
						}
					}
					return true
				})
			}
			if id, ok := lhs.(*ast.Ident); ok && readsState(a.Rhs[i], nil) {
				if obj := objOfIdent(info, id); obj != nil {
					vars[obj] = true
				}
			}
		}
		return true
	})
	found, all := false, true
	var visit func(n ast.Node, guarded bool)
	visit = func(n ast.Node, guarded bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				g := guarded || readsState(n.Cond, vars)
				if n.Init != nil {
					visit(n.Init, guarded)
				}
				visit(n.Body, g)
				if n.Else != nil {
					visit(n.Else, g)
				}
				return false
			case *ast.SelectorExpr:
				if m, ok := condMethod(info, n); ok && m != "Wait" && condKey(info, n) == k {
					found = true
					if !guarded {
						all = false
					}
				}
			}
			return true
		})
	}
	visit(body, false)
	return found && all
}

func objOfIdent(info *types.Info, id *ast.Ident) types.Object {
	if obj := info.Defs[id]; obj != nil {
		return obj
	}
	return info.Uses[id]
}

// writeOf returns the watched field that the statement n changes, or nil.
func writeOf(info *types.Info, n ast.Node, fields map[types.Object]bool) ast.Expr {
	field := func(e ast.Expr) ast.Expr {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.SelectorExpr:
				if s, ok := info.Selections[x]; ok && s.Kind() == types.FieldVal && fields[s.Obj()] {
					return x
				}
			}
			return nil
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if f := field(lhs); f != nil {
				return f
			}
		}
	case *ast.IncDecStmt:
		return field(n.X)
	case *ast.ExprStmt:
		if call, ok := n.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "delete" && len(call.Args) == 2 {
				return field(call.Args[0])
			}
		}
	}
	return nil
}

// reachesEnd reports whether a path from node i of block b reaches the
// end of the function without passing a node for which stop is true.
func reachesEnd(g *cfg.CFG, b *cfg.Block, i int, stop func(ast.Node) bool) bool {
	seen := map[*cfg.Block]bool{}
	var walk func(b *cfg.Block, i int) bool
	walk = func(b *cfg.Block, i int) bool {
		for ; i < len(b.Nodes); i++ {
			if stop(b.Nodes[i]) {
				return false
			}
		}
		if !b.Live {
			return false
		}
		if len(b.Succs) == 0 {
			return !endsInPanic(b)
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if walk(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return walk(b, i)
}

func endsInPanic(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	return ok && id.Name == "panic"
}
