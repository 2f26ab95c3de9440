package waitgroupmisuse

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/fixes"
	"github.com/accent-go/accent/checker/internal/flowpath"
)

// This file reports a return in a goroutine that skips the Done the
// goroutine calls on its other paths, and suggests deferring the Done.

// missingDone reports the returns of goroutine g that skip the Done it
// calls on other paths.
func (c *checker) missingDone(g *ssa.Function) {
	s := c.summary(g)
	var keys []key
	seen := make(map[key]bool)
	for _, st := range s.sites[done] {
		if st.helper == nil && !st.deferred && !seen[st.key] {
			seen[st.key] = true
			keys = append(keys, st.key)
		}
	}
	loops := c.loopsOf(g)
keys:
	for _, k := range keys {
		for _, a := range s.sites[add] {
			if a.key == k {
				continue keys // the goroutine counts itself
			}
		}
		var directs []site
		doneAt := make(map[ssa.Instruction]bool)
		for _, st := range s.sites[done] {
			if st.key != k {
				continue
			}
			if st.deferred || loops.InCycle(st.instr.Block()) {
				// Deferred: every path calls it. In a loop: Done
				// counts iterations, not the goroutine.
				continue keys
			}
			doneAt[st.instr] = true
			if st.helper == nil {
				directs = append(directs, st)
			}
		}
		handoff := false
		hits := flowpath.SearchEdges(g, nil, func(instr ssa.Instruction) flowpath.Step {
			switch instr := instr.(type) {
			case *ssa.Return:
				return flowpath.Hit
			case ssa.CallInstruction:
				if doneAt[instr] {
					return flowpath.Stop
				}
				summarized := c.ours(instr.Common().StaticCallee()) != nil && !instr.Common().IsInvoke()
				if handsOff(instr, k, summarized) {
					handoff = true
					return flowpath.Stop
				}
			default:
				if handsOff(instr, k, false) {
					handoff = true
					return flowpath.Stop
				}
			}
			return flowpath.Pass
		}, func(b *ssa.BasicBlock, i int) bool {
			return !nilEdge(b, i, k)
		})
		if len(hits) == 0 {
			continue
		}
		name := c.recvText(directs[0])
		var fix []analysis.SuggestedFix
		if !handoff && len(directs) == 1 && len(doneAt) == 1 {
			fix = c.deferDoneFix(g, directs[0], name)
		}
		for _, h := range hits {
			pos := h.Pos()
			msg := "this return skips " + name + ".Done(): " + name + ".Wait() blocks forever; call defer " + name + ".Done() first thing in the goroutine"
			if !pos.IsValid() {
				pos = bodyEnd(g)
				msg = "the goroutine can end here without calling " + name + ".Done(): " + name + ".Wait() blocks forever; call defer " + name + ".Done() first thing in the goroutine"
			}
			related := appendRelated(nil, c.waitFor(g, k), name+".Wait() waits here for the Done that this path skips")
			related = appendRelated(related, directs[0].instr.Common().Pos(), "the other paths call "+name+".Done() here")
			c.report(analysis.Diagnostic{Pos: pos, Message: msg, SuggestedFixes: fix, Related: related})
			fix = nil // one copy of the fix is enough
		}
	}
}

// nilEdge reports whether the edge from b to b.Succs[i] is taken only when
// the WaitGroup of k, or what holds it, is nil, as in the else branch of
// "if wg != nil { wg.Done() }": a nil WaitGroup counts nothing.
func nilEdge(b *ssa.BasicBlock, i int, k key) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return false
	}
	v := bin.X
	if isNil(v) {
		v = bin.Y
	} else if !isNil(bin.Y) {
		return false
	}
	if !hasPrefixKey(v, k) {
		return false
	}
	nilSucc := 0 // the true branch of ==
	if bin.Op == token.NEQ {
		nilSucc = 1
	}
	return i == nilSucc
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// body returns the body of fn's syntax.
func body(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}

func bodyEnd(fn *ssa.Function) token.Pos {
	if b := body(fn); b != nil {
		return b.Rbrace
	}
	return token.NoPos
}

// deferDoneFix moves the Done call d, the last statement of g, to a defer
// at the top of g, if that is certainly the same WaitGroup there.
func (c *checker) deferDoneFix(g *ssa.Function, d site, name string) []analysis.SuggestedFix {
	b := body(g)
	if b == nil || len(b.List) < 2 {
		return nil
	}
	last, ok := b.List[len(b.List)-1].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := last.X.(*ast.CallExpr)
	if !ok || call.Lparen != d.instr.Common().Pos() || len(call.Args) != 0 {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !c.stable(sel.X, b) {
		return nil
	}
	tf, src, ok := fixes.Source(c.pass, b.Pos())
	if !ok {
		return nil
	}
	first := b.List[0]
	if tf.PositionFor(first.Pos(), false).Column == 1 || tf.Line(first.Pos()) == tf.Line(b.Lbrace) {
		return nil
	}
	prevEnd := b.List[len(b.List)-2].End()
	if c.commented(prevEnd, lineEnd(src, tf, last.End())) {
		return nil // keep comments next to the Done where they are
	}
	text := string(src[tf.Offset(call.Pos()):tf.Offset(call.End())])
	insert, ok := fixes.LineBefore(c.pass, first.Pos(), "defer "+text)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Call defer " + name + ".Done() first thing in the goroutine",
		TextEdits: []analysis.TextEdit{insert, {Pos: prevEnd, End: last.End()}},
	}}
}

// commented reports whether a comment of the package lies in [from, to).
func (c *checker) commented(from, to token.Pos) bool {
	for _, f := range c.pass.Files {
		if f.FileStart > from || from >= f.FileEnd {
			continue
		}
		for _, cg := range f.Comments {
			if cg.Pos() < to && cg.End() > from {
				return true
			}
		}
	}
	return false
}

// lineEnd returns the position of the end of the line holding pos.
func lineEnd(src []byte, tf *token.File, pos token.Pos) token.Pos {
	off := tf.Offset(pos)
	for off < len(src) && src[off] != '\n' {
		off++
	}
	return tf.Pos(off)
}

// stable reports whether e, made of identifiers and field selections,
// denotes the same variable at the top of body as at its end: its root
// variable is declared outside body and never assigned inside it.
func (c *checker) stable(e ast.Expr, body *ast.BlockStmt) bool {
	var root *ast.Ident
	for root == nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			root = x
		case *ast.SelectorExpr:
			if _, isPkg := c.pass.TypesInfo.Uses[identOf(x.X)].(*types.PkgName); isPkg {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
	obj, ok := c.pass.TypesInfo.Uses[root].(*types.Var)
	if !ok || (obj.Pos() >= body.Pos() && obj.Pos() < body.End()) {
		return false
	}
	assigned := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.RangeStmt:
			lhs = []ast.Expr{n.Key, n.Value}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == obj {
				assigned = true
			}
		}
		return !assigned
	})
	return !assigned
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
