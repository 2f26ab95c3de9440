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
	"github.com/accent-go/accent/checker/internal/typematch"
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
	deadGates(pass, res, skip)
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

// deadGates reports the loops of goroutines whose every way out is a
// select case that receives from a channel nothing in the package sends on
// or closes: a case <-s.quit: return where no Stop ever closes s.quit.
func deadGates(pass *analysis.Pass, res *chanflow.Result, skip map[*token.File]bool) {
	type gate struct {
		op    *chanflow.Op
		class *chanflow.Class
		entry *ssa.BasicBlock // the first block of the case's body
	}
	gates := make(map[*ssa.Function][]gate)
	for _, k := range res.Classes {
		for _, op := range k.Ops {
			if op.Kind != chanflow.Recv || op.Select == nil {
				continue
			}
			blk, succ, ok := chanflow.SelectCase(op.Select, op.Case)
			if !ok || succ >= len(blk.Succs) {
				continue
			}
			gates[op.Fn] = append(gates[op.Fn], gate{op, k, blk.Succs[succ]})
		}
	}
	dead := func(k *chanflow.Class) bool {
		return len(k.Makes) > 0 && !k.External && !k.EscSend && !k.Has(chanflow.Send) && !k.Has(chanflow.Close)
	}
	for _, fn := range res.Funcs {
		gs := gates[fn]
		if len(gs) == 0 {
			continue
		}
		anyDead := false
		for _, g := range gs {
			anyDead = anyDead || dead(g.class)
		}
		if !anyDead {
			continue
		}
		loops := res.LoopsOf(fn).Loops
	loops:
		for _, l := range loops {
			for _, outer := range loops {
				if outer != l && outer.Contains(l.Header) {
					continue loops // the outermost loop decides
				}
			}
			// Walk the loop from its header without entering the body of a
			// case whose channel is dead: if that reaches a block outside
			// the loop, or a call that ends the goroutine, the loop has a
			// way out that can be taken.
			var first *gate
			barred := make(map[*ssa.BasicBlock]*gate)
			for i, g := range gs {
				if l.Contains(g.op.Instr.Block()) && dead(g.class) {
					barred[g.entry] = &gs[i]
				}
			}
			seen := make(map[*ssa.BasicBlock]bool)
			stack := []*ssa.BasicBlock{l.Header}
			seen[l.Header] = true
			for len(stack) > 0 {
				b := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !l.Contains(b) && !isDispatch(b) || endsGoroutine(b) {
					continue loops
				}
				for j, succ := range b.Succs {
					if seen[succ] || chanflow.Impossible(b, j) {
						continue
					}
					if g := barred[succ]; g != nil {
						if first == nil || g.op.Pos < first.op.Pos {
							first = g
						}
						continue
					}
					seen[succ] = true
					stack = append(stack, succ)
				}
			}
			if first == nil || skip[pass.Fset.File(first.op.Pos)] {
				continue // no way out at all: the foreverselect analyzer's
			}
			starts := goStarts(pass, res, fn)
			if len(starts) == 0 || starts[0].program {
				continue
			}
			name, closable := res.Name(first.op.Pos)
			fix := "close it in a Close or Stop method"
			if closable != "" {
				fix = "close(" + closable + ") in a Close or Stop method"
			}
			related := []analysis.RelatedInformation{{Pos: starts[0].g.Pos(), Message: "the goroutine is started here"}}
			if k := first.class; len(k.Makes) == 1 && k.Makes[0].Pos().IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: k.Makes[0].Pos(), Message: name + " is made here, and nothing in the package sends on it or closes it"})
			}
			pass.Report(analysis.Diagnostic{
				Pos: first.op.Pos,
				Message: fmt.Sprintf("this goroutine's loop ends only when it receives from %s, and nothing in the package sends on %s or closes it: it never exits, and leaks when its owner is done; %s",
					name, name, fix),
				Related: related,
			})
		}
	}
}

// isDispatch reports whether block b only picks the case a select took
// (if index == k): the blocks the SSA builder chains after a select.
func isDispatch(b *ssa.BasicBlock) bool {
	if len(b.Instrs) != 2 {
		return false
	}
	cmp, ok := b.Instrs[0].(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return false
	}
	idx, ok := cmp.X.(*ssa.Extract)
	if !ok || idx.Index != 0 {
		return false
	}
	_, isSel := idx.Tuple.(*ssa.Select)
	_, isIf := b.Instrs[1].(*ssa.If)
	return isSel && isIf
}

// endsGoroutine reports whether block b calls a function that never
// returns: panic, os.Exit, runtime.Goexit, log.Fatal and the like.
func endsGoroutine(b *ssa.BasicBlock) bool {
	if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Panic); ok {
		return true
	}
	for _, instr := range b.Instrs {
		call, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		fn, ok := call.Common().Value.(*ssa.Function)
		if !ok || fn.Object() == nil {
			continue
		}
		obj := fn.Object()
		if typematch.IsFunction(obj, "os", "Exit") || typematch.IsFunction(obj, "runtime", "Goexit") ||
			typematch.IsFunction(obj, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
			typematch.IsMethod(obj, "log", "Logger", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
			typematch.IsMethod(obj, "testing", "common", "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf") {
			return true
		}
	}
	return false
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
