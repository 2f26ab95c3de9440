package waitgroupmisuse

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/flowpath"
)

// This file reports a Wait inside the loop that starts the goroutines it
// waits for, when their Add comes before the loop.

// waitInSpawnLoop reports a Wait inside the loop that starts the goroutines
// it waits for, when their Add comes before the loop: the first Wait waits
// for goroutines that the loop has not started yet.
func (c *checker) waitInSpawnLoop(fn *ssa.Function) {
	s := c.summary(fn)
	if len(s.sites[wait]) == 0 {
		return
	}
	loops := c.loopsOf(fn)
	for _, w := range s.sites[wait] {
		if w.helper != nil || w.deferred || !loops.InCycle(w.instr.Block()) {
			continue
		}
		if !c.spawnsInLoop(fn, loops, w) {
			continue
		}
		addInLoop, addBefore := false, false
		var addAt token.Pos
		for _, a := range s.sites[add] {
			if a.key != w.key {
				continue
			}
			if loops.SameCycle(a.instr.Block(), w.instr.Block()) {
				addInLoop = true
			} else if c.reaches(fn, a.instr, w.instr) {
				addBefore = true
				if !addAt.IsValid() {
					addAt = a.instr.Common().Pos()
				}
			}
		}
		if addInLoop || !addBefore {
			continue
		}
		name := c.recvText(w)
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: name + ".Wait() inside the loop that starts the goroutines waits for all that " + name +
				".Add counted before the loop, but only one has started: it blocks forever; move " + name + ".Wait() after the loop",
			Related: appendRelated(nil, addAt, name+".Add counts the goroutines here, before the loop"),
		})
	}
}

// spawnsInLoop reports whether a go statement on the loop of the Wait w
// starts a goroutine that calls Done on w's WaitGroup.
func (c *checker) spawnsInLoop(fn *ssa.Function, loops *flowpath.Loops, w site) bool {
	for _, b := range fn.Blocks {
		if !loops.SameCycle(b, w.instr.Block()) {
			continue
		}
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			if m, ok := wgMethod(g.Common()); ok && m == done && canon(g.Call.Args[0]) == w.key {
				return true // go wg.Done()
			}
			callee := c.ours(g.Call.StaticCallee())
			if callee == nil || g.Call.IsInvoke() {
				continue
			}
			for _, d := range c.summary(callee).sites[done] {
				if !portable(d.key) {
					continue
				}
				if k, ok := translate(d.key, callee, g.Common()); ok && k == w.key {
					return true
				}
			}
		}
	}
	return false
}
