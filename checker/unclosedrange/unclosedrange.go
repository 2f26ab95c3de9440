// Package unclosedrange defines an Analyzer that reports loops that range
// over a channel nothing closes.
package unclosedrange

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/chanflow"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/lifetime"
)

//go:embed doc.go
var doc string

// Analyzer reports loops that range over a channel nothing closes.
var Analyzer = &analysis.Analyzer{
	Name:     "unclosedrange",
	Doc:      analyzerdoc.MustExtract(doc, "unclosedrange"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/unclosedrange",
	Requires: []*analysis.Analyzer{chanflow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
	skip := make(map[*token.File]bool)
	for _, f := range pass.Files {
		if generated.Skip(pass.Fset, f) {
			skip[pass.Fset.File(f.FileStart)] = true
		}
	}
	for _, k := range res.Classes {
		// Only a class whose every close the package shows, and that has
		// none, is never closed.
		if len(k.Makes) == 0 || k.External || k.EscSend || k.Has(chanflow.Close) {
			continue
		}
		for _, op := range k.Ops {
			if op.Kind != chanflow.Recv || !op.CommaOk && op.Select == nil || skip[pass.Fset.File(op.Pos)] {
				continue
			}
			if !endsOnlyWhenClosed(res, op) {
				continue
			}
			starts := goStarts(pass, res, op.Fn)
			if len(starts) > 0 && starts[0].program {
				continue // every goroutine that runs it lives as long as the program
			}
			if k.Stored && len(starts) == 0 {
				// A channel kept in a struct field or package variable, in a
				// loop no goroutine runs: a function that serves until the
				// program ends, called by whoever means it to.
				continue
			}
			name, closable := res.Name(op.Pos)
			verb, what := "ranges over", "loop"
			if !op.Range {
				verb = "receives from"
			}
			ends := "it never ends"
			if len(starts) > 0 {
				what, ends = "goroutine", "it never exits"
			}
			never := "which is never closed"
			fix := "close it after the last send"
			if closable != "" {
				fix = "close(" + closable + ") after the last send"
			}
			if k.Stored {
				never = "which nothing in the package closes"
				ends += ", and leaks when its owner is done"
				switch {
				case closable != "":
					fix = "close(" + closable + ") in a Close or Stop method after the last send"
				case inContainer(op.Chan):
					fix = "close each channel the map or slice holds when its sender is done with it (delete it and close it)"
				default:
					fix = "close it in a Close or Stop method after the last send"
				}
			}
			var related []analysis.RelatedInformation
			for _, st := range starts {
				if !st.program {
					related = append(related, analysis.RelatedInformation{Pos: st.g.Pos(), Message: "the goroutine is started here"})
					break
				}
			}
			if len(k.Makes) == 1 && k.Makes[0].Pos().IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: k.Makes[0].Pos(), Message: name + " is made here, and nothing in the package closes it"})
			}
			pass.Report(analysis.Diagnostic{
				Pos: op.Pos,
				Message: fmt.Sprintf("this %s %s %s, %s: %s; %s (the sender owns the close)",
					what, verb, name, never, ends, fix),
				Related: related,
			})
		}
	}
	return nil, nil
}

// inContainer reports whether ch is taken out of a map, slice or array.
func inContainer(ch ssa.Value) bool {
	switch v := ch.(type) {
	case *ssa.Lookup, *ssa.Index:
		return true
	case *ssa.UnOp:
		_, ok := v.X.(*ssa.IndexAddr)
		return ok
	case *ssa.Extract:
		switch v.Tuple.(type) {
		case *ssa.Lookup, *ssa.Next:
			return true
		}
	}
	return false
}

// endsOnlyWhenClosed reports whether the receive op is in a loop that can
// end only when the receive reports that the channel is closed: a for
// range over the channel, for { v, ok := <-ch; if !ok { break } ... }, or
// a for-select whose only way out is case v, ok := <-ch: if !ok { return },
// with no other break, return, goto or panic out of the loop.
func endsOnlyWhenClosed(res *chanflow.Result, op *chanflow.Op) bool {
	var okv ssa.Value
	var b *ssa.BasicBlock
	var caseEntry *ssa.BasicBlock // for a select case, the first block of its body
	switch recv := op.Instr.(type) {
	case *ssa.UnOp:
		okv, b = extract(recv, 1), recv.Block()
	case *ssa.Select:
		okv, b = extract(recv, 1), recv.Block()
		if blk, succ, ok := chanflow.SelectCase(recv, op.Case); ok && succ < len(blk.Succs) {
			caseEntry = blk.Succs[succ]
		} else if ok := len(recv.States) == 1 && recv.Blocking; ok {
			caseEntry = recv.Block() // the only case: its body follows the select
		} else {
			return false
		}
	default:
		return false
	}
	if okv == nil {
		return false
	}
	fn := op.Fn
	var loop *chanflow.Loop
	for _, l := range res.LoopsOf(fn).Loops {
		if l.Contains(b) && (loop == nil || loop.Contains(l.Header)) {
			loop = l // the innermost loop around the receive
		}
	}
	if loop == nil {
		return false
	}
	exits := loop.Exits(fn)
	if len(exits) == 0 {
		return false
	}
	for _, e := range exits {
		from := fn.Blocks[e[0]]
		if chanflow.Impossible(from, e[1]) {
			continue
		}
		if len(from.Instrs) == 0 {
			return false
		}
		ifi, ok := from.Instrs[len(from.Instrs)-1].(*ssa.If)
		if !ok || !testsOk(ifi.Cond, okv) {
			return false
		}
		if caseEntry != nil && !caseEntry.Dominates(from) {
			return false // the ok of another case of the select
		}
	}
	return true
}

// extract returns the Extract of index i from tuple v, or nil.
func extract(v ssa.Value, i int) ssa.Value {
	for _, ref := range *v.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// testsOk reports whether cond is ok or !ok.
func testsOk(cond, ok ssa.Value) bool {
	if cond == ok {
		return true
	}
	not, isNot := cond.(*ssa.UnOp)
	return isNot && not.Op == token.NOT && not.X == ok
}

// A start is a go statement whose goroutine runs a function.
type start struct {
	g       *ssa.Go
	program bool // the goroutine lives as long as the program
}

// maxDepth is how many calls deep goStarts looks for the go statement.
const maxDepth = 3

// goStarts returns the go statements whose goroutines run fn: go fn(...),
// or a go statement of a function that calls fn, up to maxDepth calls
// deep. The ones started by a function that returns to its caller come
// first, then those that live as long as the program (started by func
// main of a main package, an init function, a package-level sync.Once...).
func goStarts(pass *analysis.Pass, res *chanflow.Result, fn *ssa.Function) []start {
	var out, program []start
	seen := map[*ssa.Function]bool{fn: true}
	level := []*ssa.Function{fn}
	for depth := 0; depth <= maxDepth && len(level) > 0; depth++ {
		var next []*ssa.Function
		for _, f := range level {
			for _, site := range res.CallSites(f) {
				if g, ok := site.(*ssa.Go); ok {
					if programLifetime(pass, g) {
						program = append(program, start{g, true})
					} else {
						out = append(out, start{g, false})
					}
					continue
				}
				if caller := site.Parent(); caller != nil && !seen[caller] {
					seen[caller] = true
					next = append(next, caller)
				}
			}
		}
		level = next
	}
	slices.SortFunc(out, func(a, b start) int { return cmp.Compare(a.g.Pos(), b.g.Pos()) })
	return append(out, program...)
}

// programLifetime reports whether go statement g runs once for the
// program, in code such as func main or init.
func programLifetime(pass *analysis.Pass, g *ssa.Go) bool {
	pos := g.Pos()
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, pos, pos)
			return lifetime.Program(pass.TypesInfo, pass.Pkg, path)
		}
	}
	return false
}
