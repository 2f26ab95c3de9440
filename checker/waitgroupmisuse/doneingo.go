package waitgroupmisuse

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file reports a Done called in a function started by wg.Go, which
// counts it already.

// doneInGo reports a Done, in a function passed to WaitGroup.Go, on the
// same WaitGroup: Go already calls Done when the function returns.
func (c *checker) doneInGo(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := call.Common()
			if m, ok := wgMethod(common); !ok || m != goMethod || len(common.Args) != 2 {
				continue
			}
			k := canon(common.Args[0])
			f := common.Args[1]
			callee := c.ours(staticFunc(f))
			if callee == nil {
				continue
			}
			at := &ssa.CallCommon{Value: f}
			for _, d := range c.summary(callee).sites[done] {
				if !portable(d.key) {
					continue
				}
				if dk, ok := translate(d.key, callee, at); !ok || dk != k {
					continue
				}
				name := c.recvText(site{instr: call, key: k})
				what := "this " + c.wgText([]site{d}, d.key) + ".Done()"
				if d.helper != nil {
					what = c.callText(d) + ", which calls " + name + ".Done(),"
				}
				c.report(analysis.Diagnostic{
					Pos: d.instr.Common().Pos(),
					Message: name + ".Go already calls Done when the function returns: " + what +
						" drives the counter negative and panics; remove it",
				})
			}
		}
	}
}

// staticFunc returns the function a func value denotes, if known.
func staticFunc(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn
	}
	return nil
}
