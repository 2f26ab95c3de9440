// Package flowpath answers path questions about the control-flow graph of
// an SSA function for accent's analyzers: which blocks lie on a cycle, and
// which instructions control can reach from a point without first passing
// through others. Every query is linear in the size of the function.
package flowpath

import (
	"golang.org/x/tools/go/ssa"
)

// Step classifies an instruction for [Search].
type Step int

// The classes of instructions for [Search].
const (
	Pass Step = iota // control goes on past the instruction
	Stop             // a path reaching the instruction ends there, unreported
	Hit              // a path reaching the instruction ends there, reported
)

// Search returns the instructions classified as Hit that control can reach
// from just after start, or from the entry of start's function if start is
// nil, without first reaching another Hit or a Stop. Each block is scanned
// at most once from its beginning, so the cost is linear in the size of the
// function. Hits are returned in the order found.
func Search(fn *ssa.Function, start ssa.Instruction, classify func(ssa.Instruction) Step) []ssa.Instruction {
	return SearchEdges(fn, start, classify, nil)
}

// SearchEdges is like [Search], but control goes from a block b to its
// successor b.Succs[i] only if follow(b, i) reports true; a nil follow
// follows every edge.
func SearchEdges(fn *ssa.Function, start ssa.Instruction, classify func(ssa.Instruction) Step, follow func(b *ssa.BasicBlock, i int) bool) []ssa.Instruction {
	if len(fn.Blocks) == 0 {
		return nil
	}
	var hits []ssa.Instruction
	seen := make([]bool, len(fn.Blocks))
	var queue []*ssa.BasicBlock
	// scan walks b from instruction i on and reports whether control
	// leaves b through its successors.
	scan := func(b *ssa.BasicBlock, i int) bool {
		for _, instr := range b.Instrs[i:] {
			switch classify(instr) {
			case Hit:
				hits = append(hits, instr)
				return false
			case Stop:
				return false
			}
		}
		return true
	}
	enqueue := func(b *ssa.BasicBlock) {
		for i, s := range b.Succs {
			if follow != nil && !follow(b, i) {
				continue
			}
			if !seen[s.Index] {
				seen[s.Index] = true
				queue = append(queue, s)
			}
		}
	}
	if start == nil {
		entry := fn.Blocks[0]
		seen[entry.Index] = true
		queue = append(queue, entry)
	} else {
		b := start.Block()
		if b == nil {
			return nil
		}
		if i := Index(start); i >= 0 && scan(b, i+1) {
			enqueue(b)
		}
	}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if scan(b, 0) {
			enqueue(b)
		}
	}
	return hits
}

// Index returns the position of instr in its block, or -1.
func Index(instr ssa.Instruction) int {
	b := instr.Block()
	if b == nil {
		return -1
	}
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// Loops records, for each block of a function, the strongly connected
// component of the control-flow graph it belongs to.
type Loops struct {
	comp   []int  // component number by block index
	cyclic []bool // whether a component holds a cycle, by number
}

// NewLoops computes the loops of fn with Tarjan's algorithm, iteratively,
// in time linear in the number of blocks and edges.
func NewLoops(fn *ssa.Function) *Loops {
	n := len(fn.Blocks)
	l := &Loops{comp: make([]int, n)}
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next := 0
	type frame struct{ b, succ int }
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		calls := []frame{{b: root}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			top := &calls[len(calls)-1]
			blk := fn.Blocks[top.b]
			if top.succ < len(blk.Succs) {
				s := blk.Succs[top.succ].Index
				top.succ++
				switch {
				case index[s] < 0:
					index[s], low[s] = next, next
					next++
					stack = append(stack, s)
					onStack[s] = true
					calls = append(calls, frame{b: s})
				case onStack[s]:
					low[top.b] = min(low[top.b], index[s])
				}
				continue
			}
			b := top.b
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				parent := calls[len(calls)-1].b
				low[parent] = min(low[parent], low[b])
			}
			if low[b] != index[b] {
				continue
			}
			c := len(l.cyclic)
			size := 0
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				l.comp[w] = c
				size++
				if w == b {
					break
				}
			}
			selfLoop := false
			for _, s := range blk.Succs {
				if s.Index == b {
					selfLoop = true
				}
			}
			l.cyclic = append(l.cyclic, size > 1 || selfLoop)
		}
	}
	return l
}

// InCycle reports whether b lies on a cycle: whether control can come back
// to b after leaving it.
func (l *Loops) InCycle(b *ssa.BasicBlock) bool {
	return b.Index < len(l.comp) && l.cyclic[l.comp[b.Index]]
}

// SameCycle reports whether a and b lie on a common cycle, so that control
// can go from either to the other.
func (l *Loops) SameCycle(a, b *ssa.BasicBlock) bool {
	return l.InCycle(a) && a.Index < len(l.comp) && b.Index < len(l.comp) &&
		l.comp[a.Index] == l.comp[b.Index]
}
