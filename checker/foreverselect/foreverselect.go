// Package foreverselect defines an Analyzer that reports goroutines whose
// for-select loop has no way out.
package foreverselect

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines whose for-select loop has no way out.
var Analyzer = &analysis.Analyzer{
	Name:     "foreverselect",
	Doc:      analyzerdoc.MustExtract(doc, "foreverselect"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/foreverselect",
	Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:     pass,
		cfgs:     pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs),
		decls:    make(map[*types.Func]*ast.FuncDecl),
		label:    make(map[*ast.ForStmt]string),
		reported: make(map[token.Pos]bool),
	}
	var gos []inspector.Cursor
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.GoStmt)(nil), (*ast.LabeledStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.LabeledStmt:
				if loop, ok := n.Stmt.(*ast.ForStmt); ok {
					c.label[loop] = n.Label.Name
				}
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok && n.Body != nil {
					c.decls[fn] = n
				}
			case *ast.GoStmt:
				gos = append(gos, cur)
			}
		}
	}
	if len(gos) == 0 {
		return nil, nil
	}
	mainPkg := pass.Pkg.Name() == "main"
	for _, cur := range gos {
		g := cur.Node().(*ast.GoStmt)
		if mainPkg && inMainOrInit(cur) {
			continue // a goroutine of main may live as long as the program
		}
		var body *ast.BlockStmt
		switch fun := ast.Unparen(g.Call.Fun).(type) {
		case *ast.FuncLit:
			body = fun.Body
		default:
			if fn := typeutil.StaticCallee(pass.TypesInfo, g.Call); fn != nil {
				if decl := c.decls[fn.Origin()]; decl != nil {
					body = decl.Body
				}
			}
		}
		if body != nil {
			c.body(body, g)
		}
	}
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	cfgs     *ctrlflow.CFGs
	decls    map[*types.Func]*ast.FuncDecl
	label    map[*ast.ForStmt]string // the label of a labeled loop
	reported map[token.Pos]bool
}

// inMainOrInit reports whether cur is inside func main or an init function.
func inMainOrInit(cur inspector.Cursor) bool {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		d := decl.Node().(*ast.FuncDecl)
		return d.Recv == nil && (d.Name.Name == "main" || d.Name.Name == "init")
	}
	return false
}

// body reports the for-select loops without a way out in the body of a
// function that runs as a goroutine, started by go statement g.
func (c *checker) body(body *ast.BlockStmt, g *ast.GoStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs whenever it is called, not as this goroutine
		case *ast.ForStmt:
			if n.Cond == nil && hasSelect(n.Body) && !c.reported[n.For] && !c.exits(n) {
				c.reported[n.For] = true
				msg := "this goroutine's for-select loop has no way out (no return, no break, no closed channel ends it): it leaks when its caller is done; add a case <-ctx.Done(): return"
				related := []analysis.RelatedInformation{{Pos: g.Go, Message: "the goroutine is started here"}}
				if done := c.doneCase(n.Body); done.IsValid() {
					msg = "this goroutine's for-select loop has no way out: its case <-ctx.Done() does not return, so it spins once the context is done and never exits; return in that case"
					related = append(related, analysis.RelatedInformation{Pos: done, Message: "this case does not return"})
				}
				c.pass.Report(analysis.Diagnostic{Pos: n.For, End: n.Body.Lbrace, Message: msg, Related: related})
			}
		}
		return true
	})
}

// hasSelect reports whether the loop body has a select statement among its
// top-level statements.
func hasSelect(body *ast.BlockStmt) bool {
	for _, s := range body.List {
		if _, ok := s.(*ast.SelectStmt); ok {
			return true
		}
	}
	return false
}

// doneCase returns the first case of a select of the loop body that
// receives from a context's Done channel, or token.NoPos.
func (c *checker) doneCase(body *ast.BlockStmt) token.Pos {
	for _, s := range body.List {
		sel, ok := s.(*ast.SelectStmt)
		if !ok {
			continue
		}
		for _, cc := range sel.Body.List {
			var x ast.Expr
			switch comm := cc.(*ast.CommClause).Comm.(type) {
			case *ast.ExprStmt:
				x = comm.X
			case *ast.AssignStmt:
				if len(comm.Rhs) == 1 {
					x = comm.Rhs[0]
				}
			}
			recv, ok := ast.Unparen(x).(*ast.UnaryExpr)
			if !ok || recv.Op != token.ARROW {
				continue
			}
			if call, ok := ast.Unparen(recv.X).(*ast.CallExpr); ok {
				fn := typeutil.Callee(c.pass.TypesInfo, call)
				if typematch.IsMethod(fn, "context", "Context", "Done") {
					return cc.Pos()
				}
			}
		}
	}
	return token.NoPos
}

// exits reports whether control can leave loop: a return, a break or
// continue that targets it or an outer statement, a goto, a panic or a
// call that does not return.
func (c *checker) exits(loop *ast.ForStmt) bool {
	inner := make(map[string]bool) // labels declared inside the loop
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			inner[l.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	found := false
	// breakDepth counts the statements an unlabeled break would target
	// instead of loop. An unlabeled continue never leaves it.
	var walk func(n ast.Node, breakDepth int)
	walk = func(n ast.Node, breakDepth int) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			if m == n {
				return true
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				switch m.Tok {
				case token.GOTO:
					found = true
				case token.BREAK:
					found = (m.Label == nil && breakDepth == 0) || (m.Label != nil && !inner[m.Label.Name])
				case token.CONTINUE:
					// Continuing loop itself stays in it; an outer loop leaves it.
					found = m.Label != nil && !inner[m.Label.Name] && c.label[loop] != m.Label.Name
				}
			case *ast.CallExpr:
				found = c.noReturn(m)
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(m, breakDepth+1)
				return false
			}
			return !found
		})
	}
	walk(loop.Body, 0)
	return found
}

// noReturn reports whether call is panic or a call of a function that never
// returns, such as os.Exit, log.Fatal or (*testing.T).FailNow.
func (c *checker) noReturn(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(c.pass.TypesInfo, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		return c.cfgs.NoReturn(fn) || typematch.IsFunction(fn, "runtime", "Goexit") ||
			typematch.IsFunction(fn, "os", "Exit")
	}
	return false
}
