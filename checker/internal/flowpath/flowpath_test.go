package flowpath_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/accent-go/accent/checker/internal/flowpath"
)

const src = `package p

func mark(int) {}

func f(n int) {
	mark(1)
	for i := 0; i < n; i++ {
		mark(2)
		if i == 3 {
			return
		}
	}
	mark(3)
}
`

func build(t *testing.T) *ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("p", "p")
	conf := &types.Config{Importer: importer.Default()}
	ssaPkg, _, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ssaPkg.Func("f")
}

// marks returns the calls mark(k) of fn, by k.
func marks(fn *ssa.Function) map[int64]ssa.Instruction {
	m := make(map[int64]ssa.Instruction)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || len(call.Call.Args) != 1 {
				continue
			}
			if k, ok := call.Call.Args[0].(*ssa.Const); ok {
				m[k.Int64()] = call
			}
		}
	}
	return m
}

func TestLoops(t *testing.T) {
	fn := build(t)
	m := marks(fn)
	l := flowpath.NewLoops(fn)
	if l.InCycle(m[1].Block()) || l.InCycle(m[3].Block()) {
		t.Errorf("mark(1) or mark(3) is on a cycle")
	}
	if !l.InCycle(m[2].Block()) {
		t.Errorf("mark(2) is not on a cycle")
	}
	if l.SameCycle(m[2].Block(), m[1].Block()) {
		t.Errorf("mark(1) and mark(2) share a cycle")
	}
}

func TestSearch(t *testing.T) {
	fn := build(t)
	m := marks(fn)
	isReturn := func(instr ssa.Instruction) bool { _, ok := instr.(*ssa.Return); return ok }

	// From mark(2), two returns are reachable: in the loop, and after mark(3).
	hits := flowpath.Search(fn, m[2], func(instr ssa.Instruction) flowpath.Step {
		if isReturn(instr) {
			return flowpath.Hit
		}
		return flowpath.Pass
	})
	if len(hits) != 2 {
		t.Errorf("got %d returns from mark(2), want 2", len(hits))
	}

	// Stopping at mark(3) leaves only the return in the loop.
	hits = flowpath.Search(fn, nil, func(instr ssa.Instruction) flowpath.Step {
		switch {
		case instr == m[3]:
			return flowpath.Stop
		case isReturn(instr):
			return flowpath.Hit
		}
		return flowpath.Pass
	})
	if len(hits) != 1 || !hits[0].Pos().IsValid() {
		t.Errorf("got %d returns avoiding mark(3), want the explicit one in the loop", len(hits))
	}

	// Not following any edge out of the entry block finds nothing.
	hits = flowpath.SearchEdges(fn, nil, func(instr ssa.Instruction) flowpath.Step {
		if isReturn(instr) {
			return flowpath.Hit
		}
		return flowpath.Pass
	}, func(b *ssa.BasicBlock, _ int) bool { return b != fn.Blocks[0] })
	if len(hits) != 0 {
		t.Errorf("got %d returns with the entry's edges cut, want 0", len(hits))
	}

	if got := flowpath.Index(m[1]); got < 0 || m[1].Block().Instrs[got] != m[1] {
		t.Errorf("Index(mark(1)) = %d", got)
	}
}
