package waitgroupmisuse

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file reports a Wait in a goroutine on a WaitGroup that the
// goroutine itself calls Done on after the Wait: it waits for itself.

// waitInCounted reports a Wait in goroutine g on a WaitGroup that g itself
// calls Done on after the Wait: g waits for itself.
func (c *checker) waitInCounted(g *ssa.Function) {
	s := c.summary(g)
	for _, w := range s.sites[wait] {
		if w.deferred {
			continue
		}
		var later *site
		for i, d := range s.sites[done] {
			if d.key != w.key {
				continue
			}
			if d.deferred || c.reaches(g, w.instr, d.instr) {
				later = &s.sites[done][i]
				break
			}
		}
		if later == nil {
			continue
		}
		name := c.wgText(append([]site{w, *later}, s.sites[done]...), w.key)
		what := name + ".Wait()"
		if w.helper != nil {
			what = c.callText(w) + " waits on " + name + " and,"
		}
		c.report(analysis.Diagnostic{
			Pos: w.instr.Common().Pos(),
			Message: what + " inside a goroutine that " + name + " counts, waits for this goroutine's own " + name +
				".Done(), which only runs later: it deadlocks; call Wait outside the goroutines it waits for",
			Related: appendRelated(nil, later.instr.Common().Pos(), laterDone(later, name)),
		})
	}
}

// laterDone describes the Done that a Wait in a goroutine waits for.
func laterDone(d *site, name string) string {
	if d.deferred {
		return "this goroutine's " + name + ".Done() is deferred here: it runs when the goroutine returns, after the Wait"
	}
	return "this goroutine's " + name + ".Done() runs here, after the Wait"
}
