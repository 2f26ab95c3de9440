// Package erroverwrite defines an Analyzer that reports an error assigned
// to a variable and overwritten before anything reads it.
package erroverwrite

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/errflow"
	"github.com/accent-go/accent/checker/internal/generated"
)

//go:embed doc.go
var doc string

// Analyzer reports errors overwritten before they are checked.
var Analyzer = &analysis.Analyzer{
	Name:     "erroverwrite",
	Doc:      analyzerdoc.MustExtract(doc, "erroverwrite"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/erroverwrite",
	Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	Run:      run,
}

// maxPasses bounds the liveness fixpoint, in passes over the blocks; a
// function that needs more is skipped. Liveness converges in a few passes
// on real code.
const maxPasses = 50

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var (
				g    *cfg.CFG
				body *ast.BlockStmt
			)
			switch fn := cur.Node().(type) {
			case *ast.FuncDecl:
				if fn.Body == nil {
					continue
				}
				if _, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func); !ok {
					continue
				}
				g, body = cfgs.FuncDecl(fn), fn.Body
			case *ast.FuncLit:
				g, body = cfgs.FuncLit(fn), fn.Body
			}
			if g != nil {
				checkFunc(pass, cur.Node(), body, g)
			}
		}
	}
	return nil, nil
}

// function is the analysis of one function.
type function struct {
	pass    *analysis.Pass
	effects map[ast.Node]effect // memoized effectsOf
	vars    []*types.Var        // the tracked error variables
	index   map[*types.Var]int  // position in vars
	comm    map[*ast.AssignStmt]bool
}

// checkFunc reports the dead error stores of one function.
func checkFunc(pass *analysis.Pass, fn ast.Node, body *ast.BlockStmt, g *cfg.CFG) {
	f := &function{
		pass:    pass,
		index:   make(map[*types.Var]int),
		comm:    make(map[*ast.AssignStmt]bool),
		effects: make(map[ast.Node]effect),
	}
	f.collect(fn, body)
	if len(f.vars) == 0 {
		return
	}
	n := len(f.vars)
	type blockSets struct{ gen, kill, in, out bitset }
	sets := make([]blockSets, len(g.Blocks))
	for _, b := range g.Blocks {
		s := &sets[b.Index]
		s.gen, s.kill, s.in, s.out = newBitset(n), newBitset(n), newBitset(n), newBitset(n)
		for _, node := range b.Nodes {
			reads, writes := f.effectsOf(node)
			for _, i := range reads {
				if !s.kill.has(i) {
					s.gen.set(i)
				}
			}
			for _, i := range writes {
				s.kill.set(i)
			}
		}
	}
	// Backward liveness. Leaving the function counts as a read: the
	// value may be returned, or read by a deferred call.
	converged := false
	for range maxPasses {
		changed := false
		for i := len(g.Blocks) - 1; i >= 0; i-- {
			b := g.Blocks[i]
			s := &sets[b.Index]
			out := newBitset(n)
			if len(b.Succs) == 0 {
				out.fill(n)
			}
			for _, succ := range b.Succs {
				out.union(sets[succ.Index].in)
			}
			in := out.clone()
			in.minus(s.kill)
			in.union(s.gen)
			if !in.equal(s.in) || !out.equal(s.out) {
				s.in, s.out = in, out
				changed = true
			}
		}
		if !changed {
			converged = true
			break
		}
	}
	if !converged {
		return
	}
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		live := sets[b.Index].out.clone()
		for j := len(b.Nodes) - 1; j >= 0; j-- {
			node := b.Nodes[j]
			for _, st := range f.callStores(node) {
				if !live.has(st.v) {
					f.report(g, b, j, st)
				}
			}
			reads, writes := f.effectsOf(node)
			for _, i := range writes {
				live.clear(i)
			}
			for _, i := range reads {
				live.set(i)
			}
		}
	}
}

// collect finds the error variables of the function that only its own
// code touches: declared in it, never captured by a function literal, never
// addressed.
func (f *function) collect(fn ast.Node, body *ast.BlockStmt) {
	info := f.pass.TypesInfo
	excluded := make(map[*types.Var]bool)
	var candidates []*types.Var
	litVars := make(map[*types.Var]bool) // declared in a nested literal
	ownVar := func(id *ast.Ident) *types.Var {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || !errflow.IsError(v.Type()) ||
			v.Pos() < fn.Pos() || v.Pos() >= fn.End() {
			return nil
		}
		return v
	}
	var visit func(n ast.Node, depth int)
	visit = func(n ast.Node, depth int) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				visit(n.Type, depth+1)
				visit(n.Body, depth+1)
				return false
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if v := ownVar(id); v != nil {
							excluded[v] = true
						}
					}
				}
			case *ast.CommClause:
				if as, ok := n.Comm.(*ast.AssignStmt); ok {
					f.comm[as] = true
				}
			case *ast.Ident:
				v := ownVar(n)
				if v == nil {
					return true
				}
				if depth > 0 && info.Defs[n] == v {
					litVars[v] = true // declarations come before uses
				}
				if litVars[v] {
					return true
				}
				if depth > 0 {
					excluded[v] = true // captured by a literal
				}
				if !excluded[v] {
					if _, seen := f.index[v]; !seen {
						f.index[v] = -1
						candidates = append(candidates, v)
					}
				}
			}
			return true
		})
	}
	visit(body, 0)
	for _, v := range candidates {
		if excluded[v] {
			delete(f.index, v)
			continue
		}
		f.index[v] = len(f.vars)
		f.vars = append(f.vars, v)
	}
}

// tracked returns the index of the tracked variable id names, or -1.
func (f *function) tracked(id *ast.Ident) int {
	v, ok := f.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return -1
	}
	if i, ok := f.index[v]; ok {
		return i
	}
	return -1
}

// An effect is what a CFG node does to the tracked variables.
type effect struct{ reads, writes []int }

// effectsOf returns the tracked variables a CFG node reads and then writes.
func (f *function) effectsOf(node ast.Node) (reads, writes []int) {
	if e, ok := f.effects[node]; ok {
		return e.reads, e.writes
	}
	reads, writes = f.computeEffects(node)
	f.effects[node] = effect{reads, writes}
	return reads, writes
}

func (f *function) computeEffects(node ast.Node) (reads, writes []int) {
	addReads := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				if i := f.tracked(n); i >= 0 {
					reads = append(reads, i)
				}
			}
			return true
		})
	}
	switch n := node.(type) {
	case *ast.AssignStmt:
		for _, r := range n.Rhs {
			addReads(r)
		}
		for _, l := range n.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				addReads(l)
				continue
			}
			i := f.tracked(id)
			switch {
			case i < 0:
			case f.comm[n] || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE):
				// A select case may not run; an op-assignment reads.
				reads = append(reads, i)
			default:
				writes = append(writes, i)
			}
		}
	case *ast.ValueSpec:
		for _, v := range n.Values {
			addReads(v)
		}
		for _, id := range n.Names {
			if i := f.tracked(id); i >= 0 {
				writes = append(writes, i)
			}
		}
	default:
		addReads(node)
	}
	return reads, writes
}

// store is an error result of a call stored in a tracked variable.
type store struct {
	v    int
	call *ast.CallExpr
}

// callStores returns the stores of call results into tracked variables
// that a node makes.
func (f *function) callStores(node ast.Node) []store {
	var lhs, rhs []ast.Expr
	switch n := node.(type) {
	case *ast.AssignStmt:
		if f.comm[n] || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
			return nil
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	default:
		return nil
	}
	var out []store
	add := func(l ast.Expr, call *ast.CallExpr) {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			return
		}
		if i := f.tracked(id); i >= 0 && !errflow.CannotFail(f.pass.TypesInfo, call) {
			out = append(out, store{i, call})
		}
	}
	info := f.pass.TypesInfo
	if len(rhs) == 1 && len(lhs) > 1 {
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			res := errflow.ErrorResults(info, call)
			for i, l := range lhs {
				if i < len(res) && res[i] {
					add(l, call)
				}
			}
		}
		return out
	}
	if len(lhs) != len(rhs) {
		return nil
	}
	for i, l := range lhs {
		if call, ok := ast.Unparen(rhs[i]).(*ast.CallExpr); ok {
			if res := errflow.ErrorResults(info, call); len(res) == 1 && res[0] {
				add(l, call)
			}
		}
	}
	return out
}

// report reports the store st, made by node j of block b, after finding the
// nearest store that overwrites it.
func (f *function) report(g *cfg.CFG, b *cfg.Block, j int, st store) {
	over := f.nextWrite(g, b, j, st.v)
	if over == nil {
		return // no path goes on to overwrite it: it loops forever
	}
	info := f.pass.TypesInfo
	fset := f.pass.Fset
	name := f.vars[st.v].Name()
	f.pass.Report(analysis.Diagnostic{
		Pos: st.call.Pos(),
		End: st.call.End(),
		Message: fmt.Sprintf("%s from %s() is overwritten by %s at line %d before it is checked: the first failure is lost",
			name, errflow.CallName(info, st.call), f.describe(over, st.v), fset.Position(over.Pos()).Line),
	})
}

// nextWrite returns the first node, in breadth-first order from node j of
// block b, that writes the variable.
func (f *function) nextWrite(g *cfg.CFG, b *cfg.Block, j int, v int) ast.Node {
	writes := func(node ast.Node) bool {
		_, ws := f.effectsOf(node)
		for _, w := range ws {
			if w == v {
				return true
			}
		}
		return false
	}
	for _, node := range b.Nodes[j+1:] {
		if writes(node) {
			return node
		}
	}
	seen := make([]bool, len(g.Blocks))
	queue := append([]*cfg.Block(nil), b.Succs...)
	for len(queue) > 0 {
		blk := queue[0]
		queue = queue[1:]
		if seen[blk.Index] {
			continue
		}
		seen[blk.Index] = true
		for _, node := range blk.Nodes {
			if writes(node) {
				return node
			}
		}
		queue = append(queue, blk.Succs...)
	}
	return nil
}

// describe says what a store writes into the variable: b() for a call,
// nil, or the expression.
func (f *function) describe(node ast.Node, v int) string {
	var lhs, rhs []ast.Expr
	switch n := node.(type) {
	case *ast.AssignStmt:
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	}
	var val ast.Expr
	switch {
	case len(rhs) == 1:
		val = rhs[0]
	case len(lhs) == len(rhs):
		for i, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && f.tracked(id) == v {
				val = rhs[i]
			}
		}
	}
	if val == nil {
		return "a new declaration"
	}
	if call, ok := ast.Unparen(val).(*ast.CallExpr); ok {
		return errflow.CallName(f.pass.TypesInfo, call) + "()"
	}
	s := types.ExprString(val)
	if len(s) > 30 {
		return "another value"
	}
	return s
}

// bitset is a set of small integers.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (s bitset) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s bitset) set(i int)      { s[i/64] |= 1 << (i % 64) }
func (s bitset) clear(i int)    { s[i/64] &^= 1 << (i % 64) }
func (s bitset) clone() bitset  { return append(bitset(nil), s...) }
func (s bitset) union(t bitset) {
	for i := range s {
		s[i] |= t[i]
	}
}
func (s bitset) minus(t bitset) {
	for i := range s {
		s[i] &^= t[i]
	}
}
func (s bitset) fill(n int) {
	for i := range n {
		s.set(i)
	}
}
func (s bitset) equal(t bitset) bool {
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}
