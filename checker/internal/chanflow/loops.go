package chanflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// A Loop is a natural loop of a function's control flow graph.
type Loop struct {
	Header *ssa.BasicBlock
	Blocks []bool // indexed by BasicBlock.Index
}

// Contains reports whether b is in the loop.
func (l *Loop) Contains(b *ssa.BasicBlock) bool {
	return b.Index < len(l.Blocks) && l.Blocks[b.Index]
}

// Exits returns the edges that leave the loop, as (from, successor index).
func (l *Loop) Exits(fn *ssa.Function) [][2]int {
	var exits [][2]int
	for _, b := range fn.Blocks {
		if !l.Contains(b) {
			continue
		}
		for j, s := range b.Succs {
			if !l.Contains(s) {
				exits = append(exits, [2]int{b.Index, j})
			}
		}
	}
	return exits
}

// Loops describes the loops and cycles of one function.
type Loops struct {
	Loops []*Loop
	// Cyclic is true, per block index, for a block on a cycle (including
	// irreducible ones), so that it may run more than once per call.
	Cyclic []bool
	comp   []int   // strongly connected component of each block
	comps  [][]int // blocks of each component, in reverse topological order
}

// LoopsOf returns the loops of fn, computing them once.
func (r *Result) LoopsOf(fn *ssa.Function) *Loops {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := r.loops[fn]; ok {
		return l
	}
	l := computeLoops(fn)
	r.loops[fn] = l
	return l
}

func computeLoops(fn *ssa.Function) *Loops {
	n := len(fn.Blocks)
	ls := &Loops{Cyclic: make([]bool, n)}
	byHeader := make(map[*ssa.BasicBlock]*Loop)
	for _, u := range fn.Blocks {
		for _, h := range u.Succs {
			if !h.Dominates(u) {
				continue
			}
			l := byHeader[h]
			if l == nil {
				l = &Loop{Header: h, Blocks: make([]bool, n)}
				l.Blocks[h.Index] = true
				byHeader[h] = l
				ls.Loops = append(ls.Loops, l)
			}
			// Everything that reaches u without passing h is in the loop.
			stack := []*ssa.BasicBlock{u}
			for len(stack) > 0 {
				b := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if l.Blocks[b.Index] {
					continue
				}
				l.Blocks[b.Index] = true
				stack = append(stack, b.Preds...)
			}
		}
	}
	ls.tarjan(fn)
	return ls
}

// tarjan computes the strongly connected components of fn's blocks.
func (ls *Loops) tarjan(fn *ssa.Function) {
	n := len(fn.Blocks)
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	ls.comp = make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next := 0
	type frame struct{ b, succ int }
	for _, root := range fn.Blocks {
		if index[root.Index] >= 0 {
			continue
		}
		// Iterative Tarjan, so that huge functions cannot overflow the stack.
		call := []frame{{root.Index, 0}}
		index[root.Index], low[root.Index] = next, next
		next++
		stack = append(stack, root.Index)
		on[root.Index] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			b := fn.Blocks[top.b]
			if top.succ < len(b.Succs) {
				s := b.Succs[top.succ].Index
				top.succ++
				switch {
				case index[s] < 0:
					index[s], low[s] = next, next
					next++
					stack = append(stack, s)
					on[s] = true
					call = append(call, frame{s, 0})
				case on[s]:
					low[top.b] = min(low[top.b], index[s])
				}
				continue
			}
			v := top.b
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].b
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				var members []int
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					on[w] = false
					ls.comp[w] = len(ls.comps)
					members = append(members, w)
					if w == v {
						break
					}
				}
				ls.comps = append(ls.comps, members)
				cyclic := len(members) > 1
				if !cyclic {
					for _, s := range b.Succs {
						if s.Index == v {
							cyclic = true
						}
					}
				}
				if cyclic {
					for _, w := range members {
						ls.Cyclic[w] = true
					}
				}
			}
		}
	}
}

// Many stands for a count that a loop makes unbounded.
const Many = -1

// MaxPerCall returns the most times the instructions of fn selected by
// count can run in one call: the largest sum of count over the blocks of a
// path from the entry, or Many if a counted block is on a cycle.
func (ls *Loops) MaxPerCall(fn *ssa.Function, count func(b *ssa.BasicBlock) int) int {
	if len(fn.Blocks) == 0 {
		return 0
	}
	best := make([]int, len(ls.comps))
	for c, members := range ls.comps { // successors' components come first
		w, succ := 0, 0
		for _, bi := range members {
			n := count(fn.Blocks[bi])
			if n > 0 && ls.Cyclic[bi] {
				return Many
			}
			w += n
			for _, s := range fn.Blocks[bi].Succs {
				if sc := ls.comp[s.Index]; sc != c {
					succ = max(succ, best[sc])
				}
			}
		}
		best[c] = w + succ
	}
	return best[ls.comp[0]]
}

// SelectCase returns the edge of fn's control flow graph that enters the
// body of case k of sel, as the block and the index of its successor.
func SelectCase(sel *ssa.Select, k int) (*ssa.BasicBlock, int, bool) {
	for _, ref := range *sel.Referrers() {
		idx, ok := ref.(*ssa.Extract)
		if !ok || idx.Index != 0 {
			continue
		}
		for _, ref := range *idx.Referrers() {
			cmp, ok := ref.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok || c.Value == nil || c.Int64() != int64(k) {
				continue
			}
			for _, ref := range *cmp.Referrers() {
				if ifi, ok := ref.(*ssa.If); ok {
					return ifi.Block(), 0, true
				}
			}
		}
	}
	return nil, 0, false
}

// Impossible reports whether the edge from b to its successor succ can
// never be taken: the else branch after the last case of a blocking
// select, which the SSA builder fills with a panic.
func Impossible(b *ssa.BasicBlock, succ int) bool {
	if succ != 1 || len(b.Instrs) == 0 {
		return false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return false
	}
	idx, ok := cmp.X.(*ssa.Extract)
	if !ok || idx.Index != 0 {
		return false
	}
	sel, ok := idx.Tuple.(*ssa.Select)
	k, isConst := cmp.Y.(*ssa.Const)
	return ok && isConst && sel.Blocking && k.Value != nil && k.Int64() == int64(len(sel.States)-1)
}

// Name returns how a message calls the channel that the op at pos uses,
// and how a fix that closes it can name it ("" if it cannot: the channel
// is a call's result, or an element of something).
func (r *Result) Name(pos token.Pos) (name, closable string) {
	e := chanExprAt(r.files, pos)
	if e == nil {
		return "the channel", ""
	}
	text := types.ExprString(e)
	if len(text) > 40 {
		return "the channel", ""
	}
	if _, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return "the channel " + text + " returns", ""
	}
	if simple(e) {
		return text, text
	}
	return text, ""
}

// simple reports whether e is a variable or a chain of field selections.
func simple(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simple(e.X)
	}
	return false
}

// Files returns the files the Result was built from.
func (r *Result) Files() []*ast.File { return r.files }

func chanExprAt(files []*ast.File, pos token.Pos) ast.Expr {
	for _, f := range files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			switch n := n.(type) {
			case *ast.SendStmt:
				if n.Arrow == pos {
					return n.Chan
				}
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && n.OpPos == pos {
					return n.X
				}
			case *ast.RangeStmt:
				if n.For == pos {
					return n.X
				}
			case *ast.CallExpr:
				if n.Lparen == pos && len(n.Args) == 1 {
					return n.Args[0]
				}
			}
		}
	}
	return nil
}
