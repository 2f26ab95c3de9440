package waitgroupmisuse

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file reports the Waits on a WaitGroup that is added to but never
// done anywhere in the package.

// usage records which WaitGroup methods are called on one WaitGroup
// variable, and whether its address goes anywhere else.
type usage struct {
	called  [nMethods]bool
	waits   []site
	escaped bool
}

// use records the uses of v, the address of a WaitGroup variable, following
// it into the closures that capture it.
func (u *usage) use(v ssa.Value, depth int) {
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Val == v {
				u.escaped = true
			}
		case ssa.CallInstruction:
			common := r.Common()
			m, ok := wgMethod(common)
			if !ok || common.Args[0] != v || containsValue(common.Args[1:], v) {
				u.escaped = true
				continue
			}
			if m == add && len(common.Args) == 2 && negative(common.Args[1]) {
				// Add(-n) releases what Add(n) counted, as Done does:
				// a start gate that holds goroutines at Wait.
				m = done
			}
			u.called[m] = true
			if m == wait && r.Common().Pos().IsValid() {
				u.waits = append(u.waits, site{instr: r, key: canon(v)})
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok || depth > 8 {
				u.escaped = true
				continue
			}
			for i, b := range r.Bindings {
				if b == v && i < len(fn.FreeVars) {
					u.use(fn.FreeVars[i], depth+1)
				}
			}
		default:
			u.escaped = true
		}
	}
}

// negative reports whether delta, the argument of an Add, is a negative
// constant or a negation (-n).
func negative(delta ssa.Value) bool {
	switch d := delta.(type) {
	case *ssa.Const:
		return d.Value != nil && d.Value.Kind() == constant.Int && constant.Sign(d.Value) < 0
	case *ssa.UnOp:
		return d.Op == token.SUB
	case *ssa.Convert:
		return negative(d.X)
	}
	return false
}

func containsValue(vs []ssa.Value, v ssa.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// neverDone reports the Waits on a WaitGroup that is added to but never
// done: a local variable whose address goes nowhere else, or an unexported
// field whose address goes nowhere else in the package.
func (c *checker) neverDone(funcs []*ssa.Function) {
	fields := make(map[*types.Var]*usage)
	var fieldOrder []*types.Var
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					if ptr, ok := instr.Type().Underlying().(*types.Pointer); ok && isWaitGroup(ptr.Elem()) {
						u := &usage{}
						u.use(instr, 0)
						c.reportNeverDone(u)
					}
				case *ssa.FieldAddr:
					field := fieldOf(instr.X.Type(), instr.Field)
					if field == nil || field.Exported() || field.Embedded() || !isWaitGroup(field.Type()) {
						continue
					}
					u := fields[field]
					if u == nil {
						u = &usage{}
						fields[field] = u
						fieldOrder = append(fieldOrder, field)
					}
					u.use(instr, 0)
				}
			}
		}
	}
	for _, f := range fieldOrder {
		c.reportNeverDone(fields[f])
	}
}

func (c *checker) reportNeverDone(u *usage) {
	if u.escaped || !u.called[add] || !u.called[wait] || u.called[done] || u.called[goMethod] {
		return
	}
	for _, w := range u.waits {
		name := c.recvText(w)
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: "nothing calls " + name + ".Done(), so " + name + ".Wait() blocks forever once " + name +
				".Add has run: call defer " + name + ".Done() in each goroutine that Add counts",
		})
	}
}
