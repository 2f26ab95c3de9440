// Package unclosedrange defines an Analyzer that reports loops that range
// over a channel nothing closes.
package unclosedrange

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/chanflow"
	"github.com/accent-go/accent/checker/internal/generated"
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
		// none, is never closed. A channel kept in a struct field or a
		// package variable belongs to a longer-lived object, whose owner
		// may mean its goroutine to live as long as the object: leave it.
		if len(k.Makes) == 0 || k.External || k.EscSend || k.Stored || k.Has(chanflow.Close) {
			continue
		}
		for _, op := range k.Ops {
			if op.Kind != chanflow.Recv || !op.CommaOk || op.Select != nil || skip[pass.Fset.File(op.Pos)] {
				continue
			}
			if !endsOnlyWhenClosed(res, op) {
				continue
			}
			goroutine, forever := startedBy(res, op.Fn, pass.Pkg.Name() == "main")
			if forever {
				continue
			}
			name, closable := res.Name(op.Pos)
			fix := "close it after the last send"
			if closable != "" {
				fix = "close(" + closable + ") after the last send"
			}
			verb, what := "ranges over", "loop"
			if !op.Range {
				verb = "receives from"
			}
			ends := "it never ends"
			if goroutine {
				what, ends = "goroutine", "it never exits"
			}
			var related []analysis.RelatedInformation
			if g := firstGo(res, op.Fn); g != nil {
				related = append(related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine is started here"})
			}
			if len(k.Makes) == 1 && k.Makes[0].Pos().IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: k.Makes[0].Pos(), Message: name + " is made here, and nothing in the package closes it"})
			}
			pass.Report(analysis.Diagnostic{
				Pos: op.Pos,
				Message: fmt.Sprintf("this %s %s %s, which is never closed: %s; %s (the sender owns the close)",
					what, verb, name, ends, fix),
				Related: related,
			})
		}
	}
	return nil, nil
}

// endsOnlyWhenClosed reports whether the receive op is in a loop that can
// end only when the receive reports that the channel is closed: a for
// range over the channel, or for { v, ok := <-ch; if !ok { break } ... },
// with no other break, return, goto or panic out of the loop.
func endsOnlyWhenClosed(res *chanflow.Result, op *chanflow.Op) bool {
	recv, ok := op.Instr.(*ssa.UnOp)
	if !ok {
		return false
	}
	var okv ssa.Value
	for _, ref := range *recv.Referrers() {
		if e, isExtract := ref.(*ssa.Extract); isExtract && e.Index == 1 {
			okv = e
		}
	}
	if okv == nil {
		return false
	}
	fn := op.Fn
	b := recv.Block()
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
	}
	return true
}

// testsOk reports whether cond is ok or !ok.
func testsOk(cond, ok ssa.Value) bool {
	if cond == ok {
		return true
	}
	not, isNot := cond.(*ssa.UnOp)
	return isNot && not.Op == token.NOT && not.X == ok
}

// startedBy reports whether fn runs as a goroutine (some go statement
// starts it), and whether every such go statement is in func main or init
// of a main package, where a goroutine may live as long as the program.
func startedBy(res *chanflow.Result, fn *ssa.Function, mainPkg bool) (goroutine, forever bool) {
	forever = true
	for _, site := range res.CallSites(fn) {
		g, ok := site.(*ssa.Go)
		if !ok {
			continue
		}
		goroutine = true
		if !mainPkg || !inMainOrInit(g.Parent()) {
			forever = false
		}
	}
	return goroutine, goroutine && forever
}

// firstGo returns the first go statement that starts fn, or nil.
func firstGo(res *chanflow.Result, fn *ssa.Function) *ssa.Go {
	var first *ssa.Go
	for _, site := range res.CallSites(fn) {
		if g, ok := site.(*ssa.Go); ok && g.Pos().IsValid() && (first == nil || g.Pos() < first.Pos()) {
			first = g
		}
	}
	return first
}

// inMainOrInit reports whether fn is func main or an init function, or a
// function literal inside one.
func inMainOrInit(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && decl.Recv == nil && (decl.Name.Name == "main" || decl.Name.Name == "init")
}
