package unlockpath

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/lockset"
	"github.com/accent-go/accent/checker/internal/typematch"
)

// A lock taken inside a loop and released further down the loop body is
// kept past the end of the loop by a break that skips the Unlock:
//
//	for {
//		g.mu.Lock()
//		if g.closed {
//			break // g.mu is still locked after the loop
//		}
//		g.mu.Unlock()
//	}
//
// The checks below walk the loop body's statements (the structure of
// break, switch, select and labels is the source's), and ask the lockset
// engine whether the function then returns holding the lock.

// acquisition is a Lock in a function, found by the engine, with the key
// it holds.
type acquisition struct {
	fn  *lockset.Func
	key lockset.Key
}

// loopLocks reports breaks that leave a loop with its lock held.
func loopLocks(pass *analysis.Pass, insp *inspector.Inspector, res *lockset.Result) {
	byLock := make(map[token.Pos]acquisition)
	for _, fn := range res.Funcs {
		for k, rs := range fn.Releases {
			for _, r := range rs {
				if r.LockPos.IsValid() {
					byLock[r.LockPos] = acquisition{fn, k}
				}
			}
		}
	}
	if len(byLock) == 0 {
		return
	}
	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || generated.Skip(pass.Fset, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.ExprStmt)(nil)) {
			call, ok := ast.Unparen(cur.Node().(*ast.ExprStmt).X).(*ast.CallExpr)
			if !ok {
				continue
			}
			recv, mode, ok := lockOf(pass, call)
			if !ok {
				continue
			}
			acq, ok := byLock[call.Lparen]
			if !ok || acq.fn.Fn.Synthetic != "" || lockedName(acq.fn.Fn.Name()) {
				continue
			}
			loop, body := enclosingLoop(cur)
			if loop == nil {
				continue
			}
			w := &walker{pass: pass, recv: recv, mode: mode, lock: call, loop: loop, releases: releasesOf(acq)}
			w.stmt(loopBody(loop), token.NoPos)
			if !w.unlocked.IsValid() {
				continue // the loop never releases it: held on purpose
			}
			for _, x := range w.exits {
				if ret, ok := returnsHolding(acq, x.target.End(), body); ok {
					pass.Report(breakDiagnostic(pass, w, x, ret))
				}
			}
		}
	}
}

// lockOf reports whether call is x.Lock() or x.RLock() on a sync.Mutex
// or sync.RWMutex, and returns x as written and the mode.
func lockOf(pass *analysis.Pass, call *ast.CallExpr) (string, lockset.Mode, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return "", 0, false
	}
	fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok {
		return "", 0, false
	}
	switch {
	case typematch.IsMethod(fn, "sync", "Mutex", "Lock"), typematch.IsMethod(fn, "sync", "RWMutex", "Lock"):
		return types.ExprString(sel.X), lockset.Write, true
	case typematch.IsMethod(fn, "sync", "RWMutex", "RLock"):
		return types.ExprString(sel.X), lockset.Read, true
	}
	return "", 0, false
}

// enclosingLoop returns the innermost for or range statement around cur in
// the same function, and the body of that function.
func enclosingLoop(cur inspector.Cursor) (ast.Stmt, *ast.BlockStmt) {
	var loop ast.Stmt
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ForStmt:
			if loop == nil {
				loop = n
			}
		case *ast.RangeStmt:
			if loop == nil {
				loop = n
			}
		case *ast.FuncLit:
			return loop, n.Body
		case *ast.FuncDecl:
			return loop, n.Body
		}
	}
	return nil, nil
}

func loopBody(loop ast.Stmt) *ast.BlockStmt {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

// releasesOf returns where the function releases the lock acq holds: its
// Unlocks and the calls whose callee unlocks it.
func releasesOf(acq acquisition) map[token.Pos]bool {
	out := make(map[token.Pos]bool)
	for _, r := range acq.fn.Releases[acq.key] {
		out[r.Pos] = true
	}
	return out
}

// returnsHolding reports whether the function returns holding acq's lock
// after the statement that ends at end, and nothing after it releases
// the lock; it returns the position to show for the return (the return
// statement, or the closing brace of the function). A function that
// holds the lock at every return and says so in its name or doc takes it
// for its caller on purpose.
func returnsHolding(acq acquisition, end token.Pos, body *ast.BlockStmt) (token.Pos, bool) {
	for _, r := range acq.fn.Releases[acq.key] {
		if r.Pos > end {
			return token.NoPos, false
		}
	}
	var at token.Pos
	all := len(acq.fn.Returns) > 0
	for _, r := range acq.fn.Returns {
		h, held := heldAt(r, acq.key)
		all = all && held && h.Strength == lockset.Must
		if held && !at.IsValid() && (r.Pos > end || !r.Pos.IsValid()) {
			at = r.Pos
			if !at.IsValid() {
				at = body.Rbrace
			}
		}
	}
	return at, at.IsValid() && (!all || !acquiresOnPurpose(acq.fn))
}

// acquiresOnPurpose reports whether a function that returns holding the
// lock on every path says that it hands the lock to its caller: by its
// name (lockWhenReady, acquire, waitUntil...) or its doc comment.
func acquiresOnPurpose(fn *lockset.Func) bool {
	name := strings.ToLower(fn.Fn.Name())
	for _, w := range []string{"lock", "acquire", "wait", "ready"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	if d, ok := fn.Fn.Syntax().(*ast.FuncDecl); ok && d.Doc != nil {
		text := strings.ToLower(d.Doc.Text())
		return strings.Contains(text, "lock") && (strings.Contains(text, "held") || strings.Contains(text, "hold") || strings.Contains(text, "return"))
	}
	return false
}

func heldAt(r lockset.Return, k lockset.Key) (lockset.Fact, bool) {
	for _, h := range r.Held {
		if h.Key == k {
			return h.Fact, true
		}
	}
	return lockset.Fact{}, false
}

// exit is a branch that leaves the loop with the lock held.
type exit struct {
	branch *ast.BranchStmt
	target ast.Stmt  // the statement it leaves: the loop or one around it
	lockAt token.Pos // the Lock that is still held
}

// walker follows the statements of a loop body, tracking whether the lock
// is held on every path (the position of the Lock that holds it, or
// NoPos).
type walker struct {
	pass     *analysis.Pass
	recv     string
	mode     lockset.Mode
	lock     *ast.CallExpr
	loop     ast.Stmt
	releases map[token.Pos]bool

	nested   []ast.Stmt                // breakable statements inside the loop, innermost last
	breaks   map[ast.Stmt][]token.Pos  // states at the breaks of nested statements
	labels   map[*types.Label]ast.Stmt // labeled statements
	exits    []exit
	unlocked token.Pos // the first release reached while the lock is held
}

// join merges two states that reach one point: held only if both hold.
func join(a, b token.Pos) token.Pos {
	if a.IsValid() && b.IsValid() {
		return a
	}
	return token.NoPos
}

// list walks a statement list; it returns the state at its end and
// whether control reaches the end.
func (w *walker) list(stmts []ast.Stmt, held token.Pos) (token.Pos, bool) {
	for _, s := range stmts {
		var falls bool
		held, falls = w.stmt(s, held)
		if !falls {
			return token.NoPos, false
		}
	}
	return held, true
}

func (w *walker) stmt(s ast.Stmt, held token.Pos) (token.Pos, bool) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		if s == nil {
			return held, true
		}
		return w.list(s.List, held)
	case *ast.LabeledStmt:
		if w.labels == nil {
			w.labels = make(map[*types.Label]ast.Stmt)
		}
		if l, ok := w.pass.TypesInfo.Defs[s.Label].(*types.Label); ok {
			w.labels[l] = s.Stmt
		}
		return w.stmt(s.Stmt, held)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if call == w.lock {
				return call.Lparen, true
			}
			if terminates(w.pass, call) {
				return token.NoPos, false
			}
		}
		return w.simple(s, held), true
	case *ast.ReturnStmt:
		return token.NoPos, false // unlockpath's return check
	case *ast.BranchStmt:
		return w.branch(s, held)
	case *ast.IfStmt:
		held = w.simple(s.Init, held)
		held = w.simple(s.Cond, held)
		a, fa := w.stmt(s.Body, held)
		b, fb := held, true
		if s.Else != nil {
			b, fb = w.stmt(s.Else, held)
		}
		return merge(a, fa, b, fb)
	case *ast.ForStmt, *ast.RangeStmt:
		var body *ast.BlockStmt
		if f, ok := s.(*ast.ForStmt); ok {
			held = w.simple(f.Init, held)
			held = w.simple(f.Cond, held)
			body = f.Body
		} else {
			r := s.(*ast.RangeStmt)
			held = w.simple(r.X, held)
			body = r.Body
		}
		end, falls := w.inside(s, func() (token.Pos, bool) { return w.stmt(body, held) })
		// Zero iterations keep the state before; more keep it only if
		// the body does.
		out := held
		if falls {
			out = join(out, end)
		}
		if held.IsValid() && (!falls || !end.IsValid()) {
			out = token.NoPos
		}
		return w.afterBreaks(s, out, true)
	case *ast.SwitchStmt:
		held = w.simple(s.Init, held)
		held = w.simple(s.Tag, held)
		return w.clauses(s, s.Body, held, true)
	case *ast.TypeSwitchStmt:
		held = w.simple(s.Init, held)
		held = w.simple(s.Assign, held)
		return w.clauses(s, s.Body, held, true)
	case *ast.SelectStmt:
		return w.clauses(s, s.Body, held, false)
	case *ast.GoStmt, *ast.DeferStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.SendStmt, *ast.IncDecStmt:
		return w.simple(s, held), true
	case *ast.EmptyStmt:
		return held, true
	}
	return w.simple(s, held), true
}

// merge joins the ends of two branches.
func merge(a token.Pos, fa bool, b token.Pos, fb bool) (token.Pos, bool) {
	switch {
	case fa && fb:
		return join(a, b), true
	case fa:
		return a, true
	case fb:
		return b, true
	}
	return token.NoPos, false
}

// inside walks a nested breakable statement.
func (w *walker) inside(s ast.Stmt, f func() (token.Pos, bool)) (token.Pos, bool) {
	w.nested = append(w.nested, s)
	defer func() { w.nested = w.nested[:len(w.nested)-1] }()
	return f()
}

// afterBreaks joins the state after statement s with the states at the
// breaks that leave it.
func (w *walker) afterBreaks(s ast.Stmt, out token.Pos, falls bool) (token.Pos, bool) {
	for _, b := range w.breaks[s] {
		if falls {
			out = join(out, b)
		} else {
			out, falls = b, true
		}
	}
	delete(w.breaks, s)
	return out, falls
}

// clauses walks the clauses of a switch or select statement. A switch
// without default may run none of them.
func (w *walker) clauses(s ast.Stmt, body *ast.BlockStmt, held token.Pos, isSwitch bool) (token.Pos, bool) {
	out, falls := token.NoPos, false
	hasDefault := false
	w.inside(s, func() (token.Pos, bool) {
		for _, c := range body.List {
			var stmts []ast.Stmt
			st := held
			switch c := c.(type) {
			case *ast.CaseClause:
				hasDefault = hasDefault || c.List == nil
				for _, e := range c.List {
					st = w.simple(e, st)
				}
				stmts = c.Body
			case *ast.CommClause:
				hasDefault = hasDefault || c.Comm == nil
				st = w.simple(c.Comm, st)
				stmts = c.Body
			}
			end, f := w.list(stmts, st)
			if len(stmts) > 0 {
				if br, ok := stmts[len(stmts)-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
					end, f = token.NoPos, true // the next clause's state is unknown here
				}
			}
			out, falls = merge(out, falls, end, f)
		}
		return out, falls
	})
	if isSwitch && !hasDefault {
		out, falls = merge(out, falls, held, true)
	}
	return w.afterBreaks(s, out, falls)
}

// branch handles break, continue, goto and fallthrough.
func (w *walker) branch(s *ast.BranchStmt, held token.Pos) (token.Pos, bool) {
	switch s.Tok {
	case token.FALLTHROUGH:
		return held, true
	case token.GOTO:
		return token.NoPos, false
	}
	var target ast.Stmt
	if s.Label != nil {
		if l, ok := w.pass.TypesInfo.Uses[s.Label].(*types.Label); ok {
			target = w.labels[l] // nil: a label outside the loop
		}
	} else {
		for i := len(w.nested) - 1; i >= 0; i-- {
			switch w.nested[i].(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				target = w.nested[i]
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if s.Tok == token.BREAK {
					target = w.nested[i]
				}
			}
			if target != nil {
				break
			}
		}
	}
	inner := false
	for _, n := range w.nested {
		inner = inner || n == target
	}
	if inner {
		if s.Tok == token.BREAK {
			if w.breaks == nil {
				w.breaks = make(map[ast.Stmt][]token.Pos)
			}
			w.breaks[target] = append(w.breaks[target], held)
		}
		return token.NoPos, false
	}
	// The branch leaves the loop body: a continue of the loop goes round
	// it (doublelock reports the Lock that meets itself), a break of it
	// or of a loop around it ends the loop.
	if s.Tok == token.BREAK && held.IsValid() {
		if target == nil {
			target = w.loop
			if s.Label != nil {
				target = w.outer(s.Label)
			}
		}
		if target != nil {
			w.exits = append(w.exits, exit{branch: s, target: target, lockAt: held})
		}
	}
	return token.NoPos, false
}

// outer finds the labeled statement around the loop that label names.
func (w *walker) outer(label *ast.Ident) ast.Stmt {
	l, ok := w.pass.TypesInfo.Uses[label].(*types.Label)
	if !ok {
		return nil
	}
	var found ast.Stmt
	for _, f := range w.pass.Files {
		if f.Pos() > l.Pos() || l.Pos() > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			if ls, ok := n.(*ast.LabeledStmt); ok && ls.Label.Pos() == l.Pos() {
				found = ls.Stmt
				return false
			}
			return n == nil || (n.Pos() <= l.Pos() && l.Pos() < n.End())
		})
	}
	return found
}

// simple applies the calls in a simple statement or expression: an Unlock
// of the lock (or a call that releases it, a deferred one included, and a
// function literal that does) ends the holding.
func (w *walker) simple(n ast.Node, held token.Pos) token.Pos {
	if n == nil || !held.IsValid() {
		return held
	}
	released := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || released {
			return !released
		}
		if w.releases[call.Lparen] || w.isUnlock(call) {
			released = true
		}
		return !released
	})
	if released {
		if !w.unlocked.IsValid() {
			w.unlocked = firstRelease(n, w)
		}
		return token.NoPos
	}
	return held
}

// firstRelease returns the position of the release in n.
func firstRelease(n ast.Node, w *walker) token.Pos {
	var at token.Pos
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !at.IsValid() && (w.releases[call.Lparen] || w.isUnlock(call)) {
			at = call.Pos()
		}
		return !at.IsValid()
	})
	return at
}

func (w *walker) isUnlock(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || types.ExprString(sel.X) != w.recv {
		return false
	}
	fn, ok := w.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok {
		return false
	}
	if w.mode == lockset.Read {
		return typematch.IsMethod(fn, "sync", "RWMutex", "RUnlock")
	}
	return typematch.IsMethod(fn, "sync", "Mutex", "Unlock") || typematch.IsMethod(fn, "sync", "RWMutex", "Unlock")
}

// terminates reports whether a call never returns: panic, os.Exit,
// log.Fatal and friends.
func terminates(pass *analysis.Pass, call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		_, ok := pass.TypesInfo.Uses[fun].(*types.Builtin)
		return ok && fun.Name == "panic"
	case *ast.SelectorExpr:
		fn, ok := pass.TypesInfo.Uses[fun.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
			return true
		}
	}
	return false
}

func breakDiagnostic(pass *analysis.Pass, w *walker, x exit, ret token.Pos) analysis.Diagnostic {
	locked, unlock := "locked", "Unlock"
	if w.mode == lockset.Read {
		locked, unlock = "read-locked", "RUnlock"
	}
	at := x.branch.Pos()
	msg := fmt.Sprintf("break leaves the loop with %s still %s (at %s), and the function returns holding it: every later Lock of it blocks forever; "+
		"%s before the break, as the loop's other paths do at %s, or move the locked part of the body into a function that does defer %s.%s()",
		w.recv, locked, lockset.Where(pass.Fset, w.lock.Pos(), at), unlock, lockset.Where(pass.Fset, w.unlocked, at), w.recv, unlock)
	return analysis.Diagnostic{
		Pos:     x.branch.Pos(),
		End:     x.branch.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{
			{Pos: w.lock.Pos(), Message: w.recv + " is " + locked + " here"},
			{Pos: w.unlocked, Message: "the loop's other paths " + unlock + " it here"},
			{Pos: ret, Message: "the function returns here still holding it"},
		},
	}
}
