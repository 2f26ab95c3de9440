// Package foreverselect defines an Analyzer that reports goroutines whose
// loop has no way out.
package foreverselect

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/lifetime"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines whose loop has no way out.
var Analyzer = &analysis.Analyzer{
	Name:     "foreverselect",
	Doc:      analyzerdoc.MustExtract(doc, "foreverselect"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/foreverselect",
	Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	Run:      run,
}

// maxDepth is how many calls deep the analyzer follows a goroutine into the
// package's functions.
const maxDepth = 3

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:     pass,
		insp:     insp,
		cfgs:     pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs),
		decls:    make(map[*types.Func]*ast.FuncDecl),
		label:    make(map[ast.Stmt]string),
		reported: make(map[token.Pos]bool),
		skip:     make(map[*token.File]bool),
	}
	var gos []inspector.Cursor
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if generated.Skip(pass.Fset, file) {
			c.skip[pass.Fset.File(file.FileStart)] = true
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.GoStmt)(nil), (*ast.LabeledStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.LabeledStmt:
				switch loop := n.Stmt.(type) {
				case *ast.ForStmt, *ast.RangeStmt:
					c.label[loop] = n.Label.Name
				}
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok && n.Body != nil {
					c.decls[fn] = n
				}
			case *ast.GoStmt:
				if !c.skip[pass.Fset.File(n.Pos())] {
					gos = append(gos, cur)
				}
			}
		}
	}
	c.selfScheduling()
	for _, cur := range gos {
		g := cur.Node().(*ast.GoStmt)
		if lifetime.Program(pass.TypesInfo, pass.Pkg, path(cur)) {
			continue // a goroutine started once, meant to live as long as the program
		}
		var body *ast.BlockStmt
		switch fun := ast.Unparen(g.Call.Fun).(type) {
		case *ast.FuncLit:
			body = fun.Body
		default:
			if decl := c.decl(g.Call); decl != nil {
				body = decl.Body
			}
		}
		if body != nil {
			c.goroutine(body, g, nil, map[*ast.BlockStmt]bool{body: true})
		}
	}
	return nil, nil
}

// selfScheduling reports functions that schedule themselves again with
// time.AfterFunc each time they run and throw the timer away: the
// recursive setTimeout of Node.js, a chain of goroutines nothing can stop.
func (c *checker) selfScheduling() {
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.ExprStmt)(nil)) {
		call, ok := cur.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 || c.skip[c.pass.Fset.File(call.Pos())] ||
			!typematch.IsFunction(typeutil.Callee(info, call), "time", "AfterFunc") {
			continue
		}
		// The statement must be at the top level of a declared function,
		// which it schedules again, with no return before it.
		block, ok := cur.Parent().Node().(*ast.BlockStmt)
		if !ok {
			continue
		}
		decl, ok := cur.Parent().Parent().Node().(*ast.FuncDecl)
		if !ok || decl.Body != block {
			continue
		}
		fn, ok := info.Defs[decl.Name].(*types.Func)
		if !ok || !c.schedules(call.Args[1], fn) || c.returnsBefore(decl.Body, call.Pos()) {
			continue
		}
		if c.onlyProgramCalls(fn) {
			continue
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("%s schedules itself again with time.AfterFunc each time it runs and drops the *time.Timer: nothing can stop the chain, so it runs until the program ends and leaks when its caller is done; "+
				"keep the timer and Stop it in Stop or Close, or run a goroutine that selects on a ticker and <-ctx.Done()", decl.Name.Name),
			Related: []analysis.RelatedInformation{{Pos: decl.Name.Pos(), Message: "the function it schedules"}},
		})
	}
}

// schedules reports whether f, the function passed to time.AfterFunc, is
// fn or a function literal that calls fn.
func (c *checker) schedules(f ast.Expr, fn *types.Func) bool {
	info := c.pass.TypesInfo
	switch f := ast.Unparen(f).(type) {
	case *ast.Ident:
		return info.Uses[f] == fn
	case *ast.SelectorExpr:
		return info.Uses[f.Sel] == fn
	case *ast.FuncLit:
		found := false
		ast.Inspect(f.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if callee := typeutil.StaticCallee(info, call); callee != nil && callee.Origin() == fn {
					found = true
				}
			}
			_, lit := n.(*ast.FuncLit)
			return !found && !lit
		})
		return found
	}
	return false
}

// returnsBefore reports whether body has a return, or a call that never
// returns, before pos, outside function literals: a way out of the chain.
func (c *checker) returnsBefore(body *ast.BlockStmt, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.CallExpr:
			found = c.noReturn(n)
		}
		return !found
	})
	return found
}

// onlyProgramCalls reports whether every call of fn is in code that runs
// once for the program (func main, init...), and code outside the package
// cannot call it.
func (c *checker) onlyProgramCalls(fn *types.Func) bool {
	if fn.Exported() && c.pass.Pkg.Name() != "main" {
		return false
	}
	calls := 0
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		callee := typeutil.StaticCallee(c.pass.TypesInfo, call)
		if callee == nil || callee.Origin() != fn {
			continue
		}
		if self := c.decls[fn]; self != nil && self.Pos() <= call.Pos() && call.Pos() < self.End() {
			continue // the function scheduling itself
		}
		calls++
		if !lifetime.Program(c.pass.TypesInfo, c.pass.Pkg, path(cur)) {
			return false
		}
	}
	return calls > 0
}

// path returns the nodes enclosing cur, innermost first, as
// astutil.PathEnclosingInterval does.
func path(cur inspector.Cursor) []ast.Node {
	var p []ast.Node
	for c := range cur.Enclosing() {
		p = append(p, c.Node())
	}
	return p
}

type checker struct {
	pass     *analysis.Pass
	insp     *inspector.Inspector
	cfgs     *ctrlflow.CFGs
	decls    map[*types.Func]*ast.FuncDecl
	label    map[ast.Stmt]string // the label of a labeled loop
	reported map[token.Pos]bool
	skip     map[*token.File]bool // generated files

	assigns map[types.Object][]ast.Expr // built on first use by tickerChan
}

// decl returns the declaration of the package function that call calls
// statically, or nil.
func (c *checker) decl(call *ast.CallExpr) *ast.FuncDecl {
	if fn := typeutil.StaticCallee(c.pass.TypesInfo, call); fn != nil {
		return c.decls[fn.Origin()]
	}
	return nil
}

// goroutine reports the loops without a way out in body, which runs as
// the goroutine that g starts, through the calls in via (outermost
// first). It follows the calls of the package's functions, up to maxDepth
// deep; seen holds the bodies already on the way.
func (c *checker) goroutine(body *ast.BlockStmt, g *ast.GoStmt, via []*ast.CallExpr, seen map[*ast.BlockStmt]bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs whenever it is called, not as this goroutine
		case *ast.CallExpr:
			var callee *ast.BlockStmt
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				callee = lit.Body // func() { ... }(): runs here and now
			} else if decl := c.decl(n); decl != nil {
				callee = decl.Body
			}
			if callee != nil && !seen[callee] && len(via) < maxDepth {
				seen[callee] = true
				c.goroutine(callee, g, append(via[:len(via):len(via)], n), seen)
				delete(seen, callee)
			}
		case *ast.ForStmt:
			if c.forever(n.Cond) && !c.exits(n, n.Body) {
				c.report(n, g, via)
				return false // loops inside it are part of the same finding
			}
		case *ast.RangeStmt:
			if kind := c.tickerChan(n.X, 0); kind != notTicker && !c.exits(n, n.Body) {
				c.report(n, g, via)
				return false
			}
		}
		return true
	})
}

// forever reports whether a for loop with condition cond never ends by its
// condition: it has none, or it is the constant true.
func (c *checker) forever(cond ast.Expr) bool {
	if cond == nil {
		return true
	}
	tv, ok := c.pass.TypesInfo.Types[cond]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// report reports loop, which has no way out, in the goroutine g starts.
func (c *checker) report(loop ast.Stmt, g *ast.GoStmt, via []*ast.CallExpr) {
	if c.reported[loop.Pos()] || c.skip[c.pass.Fset.File(loop.Pos())] {
		return
	}
	c.reported[loop.Pos()] = true
	var body *ast.BlockStmt
	var end token.Pos
	switch loop := loop.(type) {
	case *ast.ForStmt:
		body, end = loop.Body, loop.Body.Lbrace
	case *ast.RangeStmt:
		body, end = loop.Body, loop.Body.Lbrace
	}
	related := []analysis.RelatedInformation{{Pos: g.Go, Message: "the goroutine is started here"}}
	for _, call := range via {
		related = append(related, analysis.RelatedInformation{
			Pos:     call.Lparen,
			Message: fmt.Sprintf("the goroutine calls %s here, and the call never returns", calleeName(call)),
		})
	}
	msg := c.message(loop, body)
	if done := c.doneCase(body); done.IsValid() {
		msg = "this goroutine's for-select loop has no way out: its case <-ctx.Done() does not return, so it spins once the context is done and never exits; return in that case"
		related = append(related, analysis.RelatedInformation{Pos: done, Message: "this case does not return"})
	}
	c.pass.Report(analysis.Diagnostic{Pos: loop.Pos(), End: end, Message: msg, Related: related})
}

// calleeName returns how a message names the function call calls.
func calleeName(call *ast.CallExpr) string {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		return "a function literal"
	case *ast.SelectorExpr:
		return fun.Sel.Name
	case *ast.IndexExpr:
		return types.ExprString(fun.X)
	case *ast.IndexListExpr:
		return types.ExprString(fun.X)
	}
	return types.ExprString(call.Fun)
}

// The way out a message suggests: the owner's off switch.
const offSwitch = "<-ctx.Done() (or a done channel its owner closes in Stop or Close)"

// message says what the loop waits for, that it never ends, and the fix.
func (c *checker) message(loop ast.Stmt, body *ast.BlockStmt) string {
	if r, ok := loop.(*ast.RangeStmt); ok {
		what := shortText(r.X, "the ticker's channel")
		if c.tickerChan(r.X, 0) == tick {
			return fmt.Sprintf("this goroutine ranges over %s, a ticker's channel, which is never closed: the loop never ends and the goroutine never exits, so it leaks when its caller is done; "+
				"use time.NewTicker with defer ticker.Stop(), select on ticker.C and %s, and return there", what, offSwitch)
		}
		stop := "the ticker"
		if sel, ok := ast.Unparen(r.X).(*ast.SelectorExpr); ok && len(what) <= 40 {
			stop = types.ExprString(sel.X) + ".Stop()"
		}
		return fmt.Sprintf("this goroutine ranges over %s, a ticker's channel, which is never closed (Stop does not close it): the loop never ends and the goroutine never exits, so it leaks when its caller is done; "+
			"select on %s and %s, return there, and defer %s", what, what, offSwitch, stop)
	}
	const leaks = "no way out (no return, no break, no closed channel ends it): it never exits, and leaks when its caller is done"
	if hasSelect(body) {
		return "this goroutine's for-select loop has " + leaks + "; add a case <-ctx.Done(): return (or a done channel its owner closes in Stop or Close)"
	}
	switch kind, what := c.waits(body); kind {
	case waitSleep:
		return "this goroutine's sleep-and-poll loop has " + leaks + "; replace time.Sleep with a select on a time.Ticker's C and " + offSwitch + ", and return there"
	case waitTicker:
		return fmt.Sprintf("this goroutine's loop waits on %s, a ticker's channel, and has %s; select on %s and %s, return there, and Stop the ticker", what, leaks, what, offSwitch)
	case waitTimer:
		return fmt.Sprintf("this goroutine's loop waits on %s, a timer's channel, and has %s; select on %s and %s, and return there", what, leaks, what, offSwitch)
	case waitRecv:
		return fmt.Sprintf("this goroutine's loop receives from %s and has %s; select on %s and %s and return there, or range over %s and have its sender close it", what, leaks, what, offSwitch, what)
	}
	return "this goroutine's for loop has " + leaks + "; check " + offSwitch + " each time round and return when it is done"
}

// shortText returns the source text of e, or alt if it is too long for a
// message.
func shortText(e ast.Expr, alt string) string {
	if text := types.ExprString(e); len(text) <= 40 {
		return text
	}
	return alt
}

// What a loop body waits for, as far as its message goes.
const (
	waitNothing = iota
	waitSleep
	waitTicker
	waitTimer
	waitRecv
)

// waits returns what the loop body waits for, in order of preference: a
// time.Sleep, a ticker's channel, a receive (with the channel's text).
func (c *checker) waits(body *ast.BlockStmt) (kind int, what string) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if typematch.IsFunction(typeutil.Callee(c.pass.TypesInfo, n), "time", "Sleep") {
				kind, what = waitSleep, ""
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW || kind == waitSleep {
				break
			}
			text := shortText(n.X, "the channel")
			if c.tickerChan(n.X, 0) != notTicker {
				kind, what = waitTicker, text
			} else if c.timerChan(n.X) {
				if kind != waitTicker {
					kind, what = waitTimer, text
				}
			} else if kind == waitNothing {
				kind, what = waitRecv, text
			}
		}
		return kind != waitSleep
	})
	return kind, what
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

// timerChan reports whether e is a timer's channel: t.C of a *time.Timer,
// or time.After(d).
func (c *checker) timerChan(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return typematch.IsFunction(typeutil.Callee(info, x), "time", "After")
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal && x.Sel.Name == "C" {
			t := sel.Recv()
			if p, ok := t.Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			return typematch.IsType(t, "time", "Timer")
		}
	}
	return false
}

// Kinds of ticker channel.
const (
	notTicker = iota
	ticker    // a time.Ticker's C
	tick      // what time.Tick returns
)

// tickerChan reports whether e is a ticker's channel, which nothing ever
// closes: t.C of a *time.Ticker, time.Tick(d), or a variable, field or
// parameter that only ever holds one.
func (c *checker) tickerChan(e ast.Expr, depth int) int {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if typematch.IsFunction(typeutil.Callee(info, x), "time", "Tick") {
			return tick
		}
		return notTicker
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal && x.Sel.Name == "C" {
			t := sel.Recv()
			if p, ok := t.Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			if typematch.IsType(t, "time", "Ticker") {
				return ticker
			}
		}
	}
	// A variable, field or parameter: a ticker's channel if everything
	// assigned to it is one.
	var obj types.Object
	switch x := e.(type) {
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		obj = info.Uses[x.Sel]
	}
	v, ok := obj.(*types.Var)
	if !ok || depth > 3 {
		return notTicker
	}
	if v.IsField() && v.Exported() && v.Pkg() == c.pass.Pkg && c.pass.Pkg.Name() != "main" {
		return notTicker // other packages may assign it
	}
	if v.Pkg() != c.pass.Pkg {
		return notTicker
	}
	if c.assigns == nil {
		c.assigns = c.collectAssigns()
	}
	vals, known := c.assigns[v]
	if !known || len(vals) == 0 {
		return notTicker
	}
	kind := notTicker
	for _, val := range vals {
		if val == nil {
			return notTicker // something the analyzer cannot see
		}
		k := c.tickerChan(val, depth+1)
		if k == notTicker {
			return notTicker
		}
		kind = max(kind, k)
	}
	return kind
}

// collectAssigns maps each variable, field and parameter of the package
// to the values assigned to it: by assignment, declaration, composite
// literal or call. A nil value stands for one the analyzer cannot see (a
// parameter of a function that other packages or function values may
// call, a variable whose address is taken).
func (c *checker) collectAssigns() map[types.Object][]ast.Expr {
	info := c.pass.TypesInfo
	m := make(map[types.Object][]ast.Expr)
	objOf := func(e ast.Expr) types.Object {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if obj := info.Defs[x]; obj != nil {
				return obj
			}
			return info.Uses[x]
		case *ast.SelectorExpr:
			return info.Uses[x.Sel]
		}
		return nil
	}
	add := func(obj types.Object, val ast.Expr) {
		if obj != nil {
			m[obj] = append(m[obj], val)
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						add(objOf(l), n.Rhs[i])
					}
				} else {
					for _, l := range n.Lhs {
						add(objOf(l), nil)
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) && len(n.Values) == len(n.Names) {
						add(info.Defs[name], n.Values[i])
					} else if len(n.Values) > 0 {
						add(info.Defs[name], nil)
					}
				}
			case *ast.CompositeLit:
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
								add(v, kv.Value)
							}
						}
					} else if tv, ok := info.Types[n]; ok {
						if st, ok := tv.Type.Underlying().(*types.Struct); ok {
							for i, el := range n.Elts {
								if i < st.NumFields() {
									add(st.Field(i), el)
								}
							}
							break
						}
					}
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					add(objOf(n.Key), nil)
				}
				if n.Value != nil {
					add(objOf(n.Value), nil)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					add(objOf(n.X), nil) // its address escapes
				}
			case *ast.CallExpr:
				fn := typeutil.StaticCallee(info, n)
				if fn == nil {
					break
				}
				fn = fn.Origin()
				decl := c.decls[fn]
				if decl == nil {
					break
				}
				params := fn.Signature().Params()
				for i := 0; i < params.Len() && i < len(n.Args); i++ {
					if fn.Signature().Variadic() && i == params.Len()-1 {
						add(params.At(i), nil)
						continue
					}
					add(params.At(i), n.Args[i])
				}
			}
			return true
		})
	}
	// A parameter of a function that code the analyzer does not see may
	// call (exported, or used as a value) can hold anything.
	used := c.valueUses()
	for fn := range c.decls {
		if fn.Exported() && c.pass.Pkg.Name() != "main" || used[fn] {
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				add(params.At(i), nil)
			}
		}
	}
	return m
}

// valueUses returns the package's functions that are used other than by
// being called: as a function value, a method value or expression.
func (c *checker) valueUses() map[*types.Func]bool {
	used := make(map[*types.Func]bool)
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || c.decls[fn.Origin()] == nil {
			continue
		}
		var fun ast.Node = id
		parent := cur.Parent()
		if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			fun, parent = sel, parent.Parent()
		}
		for {
			if p, ok := parent.Node().(*ast.ParenExpr); ok {
				fun, parent = p, parent.Parent()
				continue
			}
			break
		}
		if call, ok := parent.Node().(*ast.CallExpr); !ok || call.Fun != fun {
			used[fn.Origin()] = true
		}
	}
	return used
}

// exits reports whether control can leave loop, whose body is body: a
// return, a break or continue that targets it or an outer statement, a
// goto, a panic or a call that does not return.
func (c *checker) exits(loop ast.Stmt, body *ast.BlockStmt) bool {
	inner := make(map[string]bool) // labels declared inside the loop
	ast.Inspect(body, func(n ast.Node) bool {
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
	walk(body, 0)
	return found
}

// noReturn reports whether call is panic or a call of a function that never
// returns, such as os.Exit, log.Fatal or (*testing.T).FailNow.
func (c *checker) noReturn(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(c.pass.TypesInfo, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		// The names are known as well as learned from ctrlflow's facts,
		// which a driver may not compute for dependencies.
		return c.cfgs.NoReturn(fn) || typematch.IsFunction(fn, "runtime", "Goexit") ||
			typematch.IsFunction(fn, "os", "Exit") ||
			typematch.IsFunction(fn, "log", noReturnLog...) ||
			typematch.IsMethod(fn, "log", "Logger", noReturnLog...) ||
			typematch.IsMethod(fn, "testing", "common", "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf")
	}
	return false
}

// noReturnLog are the functions and Logger methods of package log that
// never return.
var noReturnLog = []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
