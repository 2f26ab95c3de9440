package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A Mutant is one small change to one file of a reference solution: the
// bytes [start, end) of the file on disk are replaced by repl.
type Mutant struct {
	File     string `json:"file"` // base name, e.g. "fetch.go"
	Line     int    `json:"line"` // of the changed text in the file on disk (build line included)
	Col      int    `json:"col"`
	Op       string `json:"op"`
	Original string `json:"original"` // the changed text, whitespace collapsed
	Mutated  string `json:"mutated"`  // what replaces it ("" when it is removed)
	Desc     string `json:"description"`

	start, end int
	repl       string
	// alt replaces repl when repl leaves the package unable to compile
	// (a variable the removed statement used is now unused): the same
	// change, spelled so it compiles.
	alt string
	// keep is appended to the file when the mutant removed the only use
	// of an import ("var _ = sync.OnceValues").
	keep string
}

// ID names a mutant stably: the same solution gives the same ids on every
// run. "fetch.go:31:3 remove-call wg.Done()->" reads as: at line 31, column
// 3, the remove-call operator turned wg.Done() into nothing.
func (m Mutant) ID() string {
	return fmt.Sprintf("%s:%d:%d %s %s->%s", m.File, m.Line, m.Col, m.Op, short(m.Original), short(m.Mutated))
}

// Apply returns the mutated file.
func (m Mutant) Apply(src []byte) []byte {
	return m.apply(src, m.repl)
}

func (m Mutant) apply(src []byte, repl string) []byte {
	out := make([]byte, 0, len(src)+len(repl)+len(m.keep))
	out = append(out, src[:m.start]...)
	out = append(out, repl...)
	out = append(out, src[m.end:]...)
	return append(out, m.keep...)
}

// Operators lists the mutation operators and what each does.
var Operators = []struct{ Name, Does string }{
	{"boundary", "conditional boundary: < and <=, > and >= swap"},
	{"negate", "a comparison becomes its opposite: == and !=, < and >=, > and <="},
	{"not", "a ! is dropped"},
	{"arith", "+ and -, * and /, % becomes *, += and -=, *= and /="},
	{"incdec", "++ and -- swap"},
	{"bool", "true and false swap"},
	{"logical", "&& and || swap"},
	{"remove-call", "a call statement is removed (wg.Done(), close(ch), cancel(), mu.Unlock()...)"},
	{"remove-send", "a send statement is removed"},
	{"remove-recv", "a receive statement (<-ch) is removed"},
	{"remove-defer", "a defer statement is removed"},
	{"undefer", "a deferred call runs at once instead (defer mu.Unlock() becomes mu.Unlock())"},
	{"remove-go", "the go keyword is removed: the call runs in the caller's goroutine"},
	{"nil-error", "a returned error becomes nil"},
	{"drop-err-check", "the condition of an if err != nil becomes false"},
	{"chan-unbuffer", "make(chan T, n) becomes make(chan T)"},
	{"chan-buffer", "make(chan T, n) gets one more slot; make(chan T) gets one"},
	{"select-case", "a select loses its case <-ctx.Done(), <-time.After(...) or <-t.C"},
	{"select-default", "a select loses its default"},
	{"break-continue", "break and continue swap"},
	{"const", "an integer literal n becomes n+1 or n-1"},
	{"remove-once", "sync.OnceFunc/OnceValue/OnceValues(f) becomes f; once.Do(f) becomes f()"},
	{"drop-call", "a call whose result has the type of its receiver or first argument is skipped: t.In(loc) becomes t, append(s, v) becomes s"},
	{"layout", "a time layout changes: month and day swap, 15 becomes 03, 2006 becomes 06"},
}

// Package is a reference solution ready to be mutated: its files (as on
// disk, build line included), parsed and type-checked.
type Package struct {
	Files map[string][]byte // base name -> source
	fset  *token.FileSet
	asts  map[string]*ast.File
	info  *types.Info
	pkg   *types.Package
	imp   types.Importer
}

// sharedImporter reads the standard library's export data once per run.
// It is not safe for concurrent use on its own.
var sharedImporter = struct {
	sync.Mutex
	types.Importer
}{Importer: importer.Default()}

type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	sharedImporter.Lock()
	defer sharedImporter.Unlock()
	return sharedImporter.Import(path)
}

// LoadPackage parses and type-checks the files of a solution.
func LoadPackage(files map[string][]byte) (*Package, error) {
	p := &Package{Files: files, fset: token.NewFileSet(), asts: map[string]*ast.File{}, imp: lockedImporter{}}
	var list []*ast.File
	for _, name := range sortedNames(files) {
		f, err := parser.ParseFile(p.fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.asts[name] = f
		list = append(list, f)
	}
	p.info = &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Uses:  map[*ast.Ident]types.Object{},
		Defs:  map[*ast.Ident]types.Object{},

		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: p.imp}
	var err error
	if p.pkg, err = conf.Check(list[0].Name.Name, p.fset, list, p.info); err != nil {
		return nil, fmt.Errorf("the solution does not type-check: %w", err)
	}
	return p, nil
}

// Settle type-checks a mutant: when its first spelling does not compile
// and it has another, it switches to that one. A mutant that still does
// not compile is stillborn; the error says why.
func (p *Package) Settle(m *Mutant) error {
	err := p.compiles(m.File, m.Apply(p.Files[m.File]))
	if err == nil {
		m.keep = ""
		return nil
	}
	type spelling struct{ repl, keep string }
	tries := []spelling{{m.repl, m.keep}, {m.alt, ""}, {m.alt, m.keep}}
	for _, t := range tries {
		if t.repl == "" && t.keep == "" || t == (spelling{m.repl, ""}) {
			continue
		}
		if t.repl == "" && m.alt == "" && t != tries[0] {
			continue
		}
		c := *m
		c.repl, c.keep = t.repl, t.keep
		if p.compiles(m.File, c.Apply(p.Files[m.File])) == nil {
			*m = c
			m.alt = ""
			return nil
		}
	}
	return err
}

// compiles reports whether the package still type-checks with one file
// replaced.
func (p *Package) compiles(name string, src []byte) error {
	fset := token.NewFileSet()
	var list []*ast.File
	for _, n := range sortedNames(p.Files) {
		b := p.Files[n]
		if n == name {
			b = src
		}
		f, err := parser.ParseFile(fset, n, b, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		list = append(list, f)
	}
	conf := types.Config{Importer: p.imp}
	_, err := conf.Check(list[0].Name.Name, fset, list, nil)
	return err
}

// Mutants lists every mutant of every file, in file, then source, order.
func (p *Package) Mutants() []Mutant {
	var all []Mutant
	for _, name := range sortedNames(p.Files) {
		g := &generator{p: p, name: name, src: p.Files[name], tf: p.fset.File(p.asts[name].Pos())}
		g.file(p.asts[name])
		slices.SortStableFunc(g.out, func(a, b Mutant) int { return cmp.Compare(a.start, b.start) })
		all = append(all, g.out...)
	}
	// Two operators can make the same change (remove-once and drop-call
	// on sync.OnceFunc(f)): keep the first.
	type change struct {
		file       string
		start, end int
		repl       string
	}
	seen := map[change]bool{}
	out := all[:0]
	for _, m := range all {
		if c := (change{m.File, m.start, m.end, m.repl}); !seen[c] {
			seen[c] = true
			out = append(out, m)
		}
	}
	return out
}

type generator struct {
	p    *Package
	name string
	src  []byte
	tf   *token.File
	out  []Mutant
	// funcs is the stack of enclosing function types, innermost last.
	funcs []*ast.FuncType
	// skip marks literals another operator already mutates.
	skip map[ast.Node]bool
}

func (g *generator) off(pos token.Pos) int { return g.tf.Offset(pos) }

func (g *generator) text(n ast.Node) string { return string(g.src[g.off(n.Pos()):g.off(n.End())]) }

// add records a mutant replacing [from, to) by repl.
func (g *generator) add(op string, from, to token.Pos, repl, desc string) {
	g.addAlt(op, from, to, repl, "", desc)
}

// remove records a mutant that removes a statement; when that leaves a
// variable unused, the statement stays but never runs: if false { ... }.
func (g *generator) remove(op string, n ast.Node, desc string) {
	g.addAlt(op, n.Pos(), n.End(), "", "if false { "+g.text(n)+" }", desc)
}

// addAlt records a mutant replacing [from, to) by repl, or by alt when
// repl does not compile.
func (g *generator) addAlt(op string, from, to token.Pos, repl, alt, desc string) {
	pos := g.p.fset.Position(from)
	orig := string(g.src[g.off(from):g.off(to)])
	g.out = append(g.out, Mutant{
		File: g.name, Line: pos.Line, Col: pos.Column, Op: op,
		Original: collapse(orig), Mutated: collapse(repl), Desc: desc,
		start: g.off(from), end: g.off(to), repl: repl, alt: alt,
	})
}

// swap records a mutant that changes an operator token.
func (g *generator) swap(op string, at token.Pos, from, to token.Token, context ast.Node) {
	end := at + token.Pos(len(from.String()))
	g.add(op, at, end, to.String(), fmt.Sprintf("%s becomes %s in %s", from, to, quote(g.text(context))))
}

func (g *generator) file(f *ast.File) {
	g.skip = map[ast.Node]bool{}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			g.funcs = append(g.funcs, n.Type)
			ast.Inspect(n.Body, visit)
			g.funcs = g.funcs[:len(g.funcs)-1]
			return false
		case *ast.FuncLit:
			g.funcs = append(g.funcs, n.Type)
			ast.Inspect(n.Body, visit)
			g.funcs = g.funcs[:len(g.funcs)-1]
			return false
		case *ast.GenDecl:
			if n.Tok == token.IMPORT || n.Tok == token.TYPE {
				return false
			}
		case *ast.BinaryExpr:
			g.binary(n)
		case *ast.UnaryExpr:
			if n.Op == token.NOT {
				g.add("not", n.OpPos, n.OpPos+1, "", fmt.Sprintf("%s loses its !", quote(g.text(n))))
			}
		case *ast.AssignStmt:
			if to, ok := assignSwap[n.Tok]; ok {
				g.swap("arith", n.TokPos, n.Tok, to, n)
			}
		case *ast.IncDecStmt:
			to := token.DEC
			if n.Tok == token.DEC {
				to = token.INC
			}
			g.swap("incdec", n.TokPos, n.Tok, to, n)
		case *ast.Ident:
			g.boolLit(n)
		case *ast.ExprStmt:
			g.exprStmt(n)
		case *ast.SendStmt:
			if g.skip[n] { // the send of a select case
				return true
			}
			g.remove("remove-send", n, fmt.Sprintf("the send %s is removed", quote(g.text(n))))
		case *ast.DeferStmt:
			g.remove("remove-defer", n, fmt.Sprintf("%s is removed", quote(g.text(n))))
			g.add("undefer", n.Pos(), n.Call.Pos(), "", fmt.Sprintf("%s runs at once instead of when the function returns", quote(g.text(n.Call))))
		case *ast.GoStmt:
			g.add("remove-go", n.Pos(), n.Call.Pos(), "", fmt.Sprintf("%s runs in the caller's goroutine (go removed)", quote(g.text(n.Call))))
		case *ast.ReturnStmt:
			g.returnStmt(n)
		case *ast.IfStmt:
			g.ifErr(n)
		case *ast.CallExpr:
			g.makeChan(n)
			g.once(n)
			g.dropCall(n)
		case *ast.SelectStmt:
			g.selectStmt(n)
		case *ast.BranchStmt:
			g.branch(n)
		case *ast.BasicLit:
			g.intLit(n)
		}
		return true
	}
	for _, d := range f.Decls {
		ast.Inspect(d, visit)
	}
}

var (
	boundarySwap = map[token.Token]token.Token{token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR}
	negateSwap   = map[token.Token]token.Token{token.EQL: token.NEQ, token.NEQ: token.EQL, token.LSS: token.GEQ, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR}
	arithSwap    = map[token.Token]token.Token{token.ADD: token.SUB, token.SUB: token.ADD, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL}
	assignSwap   = map[token.Token]token.Token{token.ADD_ASSIGN: token.SUB_ASSIGN, token.SUB_ASSIGN: token.ADD_ASSIGN, token.MUL_ASSIGN: token.QUO_ASSIGN, token.QUO_ASSIGN: token.MUL_ASSIGN}
	logicalSwap  = map[token.Token]token.Token{token.LAND: token.LOR, token.LOR: token.LAND}
)

func (g *generator) binary(n *ast.BinaryExpr) {
	if to, ok := boundarySwap[n.Op]; ok {
		g.swap("boundary", n.OpPos, n.Op, to, n)
	}
	if to, ok := negateSwap[n.Op]; ok {
		g.swap("negate", n.OpPos, n.Op, to, n)
	}
	if to, ok := arithSwap[n.Op]; ok && !g.isString(n) {
		g.swap("arith", n.OpPos, n.Op, to, n)
	}
	if to, ok := logicalSwap[n.Op]; ok {
		g.swap("logical", n.OpPos, n.Op, to, n)
	}
}

func (g *generator) isString(e ast.Expr) bool {
	tv, ok := g.p.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func (g *generator) boolLit(id *ast.Ident) {
	if id.Name != "true" && id.Name != "false" {
		return
	}
	if obj := g.p.info.Uses[id]; obj == nil || obj.Parent() != types.Universe {
		return
	}
	to := "false"
	if id.Name == "false" {
		to = "true"
	}
	g.add("bool", id.Pos(), id.End(), to, fmt.Sprintf("%s becomes %s", id.Name, to))
}

func (g *generator) exprStmt(n *ast.ExprStmt) {
	if g.skip[n] { // the receive of a select case: select-case removes the case
		return
	}
	switch x := ast.Unparen(n.X).(type) {
	case *ast.CallExpr:
		g.remove("remove-call", n, fmt.Sprintf("the call %s is removed", quote(g.text(n))))
		if g.isWaitGroupGo(x) {
			g.add("remove-go", x.Pos(), x.End(), "("+g.text(x.Args[0])+")()", fmt.Sprintf("the function %s passes to Go runs in the caller's goroutine", quote(g.text(x.Fun))))
		}
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			g.remove("remove-recv", n, fmt.Sprintf("the receive %s is removed", quote(g.text(n))))
		}
	}
}

// isWaitGroupGo reports whether call is wg.Go(f) on a sync.WaitGroup.
func (g *generator) isWaitGroupGo(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Go" || len(call.Args) != 1 {
		return false
	}
	fn, ok := g.p.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && strings.Contains(recv.Type().String(), "WaitGroup")
}

// returnStmt turns the error a function returns into nil.
func (g *generator) returnStmt(n *ast.ReturnStmt) {
	if len(g.funcs) == 0 || len(n.Results) == 0 {
		return
	}
	ft := g.funcs[len(g.funcs)-1]
	if ft.Results == nil || ft.Results.NumFields() != len(n.Results) {
		return
	}
	last := n.Results[len(n.Results)-1]
	if id, ok := ast.Unparen(last).(*ast.Ident); ok && id.Name == "nil" {
		return
	}
	if !g.isError(ft.Results.List[len(ft.Results.List)-1].Type) {
		return
	}
	alt := "func() error { _ = " + g.text(last) + "; return nil }()"
	g.addAlt("nil-error", last.Pos(), last.End(), "nil", alt, fmt.Sprintf("returns nil instead of %s", quote(g.text(last))))
}

func (g *generator) isError(e ast.Expr) bool {
	tv, ok := g.p.info.Types[e]
	return ok && tv.Type != nil && types.Identical(tv.Type, types.Universe.Lookup("error").Type())
}

// ifErr makes `if err != nil` never true.
func (g *generator) ifErr(n *ast.IfStmt) {
	c, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if !ok || c.Op != token.NEQ {
		return
	}
	x, y := ast.Unparen(c.X), ast.Unparen(c.Y)
	if isNil(x) {
		x, y = y, x
	}
	if !isNil(y) || !g.isError(x) {
		return
	}
	g.addAlt("drop-err-check", n.Cond.Pos(), n.Cond.End(), "false", "false \x26\x26 "+g.text(n.Cond), fmt.Sprintf("the check if %s never fires", g.text(n.Cond)))
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// makeChan changes the buffer of make(chan T, n).
func (g *generator) makeChan(n *ast.CallExpr) {
	id, ok := ast.Unparen(n.Fun).(*ast.Ident)
	if !ok || id.Name != "make" || len(n.Args) == 0 {
		return
	}
	if _, ok := g.p.info.Uses[id].(*types.Builtin); !ok {
		return
	}
	if _, ok := n.Args[0].(*ast.ChanType); !ok {
		return
	}
	if len(n.Args) == 1 {
		g.add("chan-buffer", n.Args[0].End(), n.Args[0].End(), ", 1", fmt.Sprintf("%s gets a buffer of 1", quote(g.text(n))))
		return
	}
	size := n.Args[1]
	g.skip[size] = true
	g.add("chan-unbuffer", n.Args[0].End(), size.End(), "", fmt.Sprintf("%s loses its buffer", quote(g.text(n))))
	repl := plusOne(g.text(size), size)
	g.add("chan-buffer", size.Pos(), size.End(), repl, fmt.Sprintf("the buffer of %s grows by one: %s", quote(g.text(n)), repl))
}

func plusOne(text string, e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.INT {
		if v, err := strconv.ParseInt(lit.Value, 0, 64); err == nil {
			return strconv.FormatInt(v+1, 10)
		}
	}
	switch e.(type) {
	case *ast.Ident, *ast.CallExpr, *ast.SelectorExpr, *ast.ParenExpr, *ast.IndexExpr:
		return text + "+1"
	}
	return "(" + text + ")+1"
}

// selectStmt removes the cancellation, timeout and default cases of a
// select, one at a time.
func (g *generator) selectStmt(n *ast.SelectStmt) {
	for _, s := range n.Body.List {
		cc := s.(*ast.CommClause)
		if cc.Comm != nil {
			g.skip[cc.Comm] = true
		}
		if cc.Comm == nil {
			g.add("select-default", cc.Pos(), cc.End(), "", "the select loses its default case")
			continue
		}
		if ch := recvChan(cc.Comm); ch != nil && g.isStopChan(ch) {
			// When removing the case leaves a name unused, the case stays
			// but receives from a nil channel: it never fires.
			alt := ""
			if tv, ok := g.p.info.Types[ch]; ok && tv.Type != nil {
				nilChan := "(" + types.TypeString(tv.Type, types.RelativeTo(g.p.pkg)) + ")(nil)"
				text := g.text(cc)
				at := g.off(ch.Pos()) - g.off(cc.Pos())
				alt = text[:at] + nilChan + text[at+len(g.text(ch)):]
			}
			g.addAlt("select-case", cc.Pos(), cc.End(), "", alt, fmt.Sprintf("the select loses its case on %s", quote(g.text(ch))))
		}
	}
}

// recvChan returns the channel a select case receives from, or nil.
func recvChan(s ast.Stmt) ast.Expr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return ast.Unparen(u.X)
	}
	return nil
}

// isStopChan reports whether ch is a cancellation or timer channel:
// x.Done(), time.After(d), time.Tick(d), or x.C of a timer or ticker.
func (g *generator) isStopChan(ch ast.Expr) bool {
	switch ch := ch.(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(ch.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if sel.Sel.Name == "Done" {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok {
			if pn, ok := g.p.info.Uses[pkg].(*types.PkgName); ok && pn.Imported().Path() == "time" {
				return sel.Sel.Name == "After" || sel.Sel.Name == "Tick"
			}
		}
	case *ast.SelectorExpr:
		if ch.Sel.Name != "C" {
			return false
		}
		tv, ok := g.p.info.Types[ch.X]
		if !ok || tv.Type == nil {
			return false
		}
		t := tv.Type
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time"
	}
	return false
}

// once removes the "only once" of sync.Once and its helpers.
func (g *generator) once(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	fn, ok := g.p.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return
	}
	arg := g.text(call.Args[0])
	switch recv := fn.Signature().Recv(); {
	case recv == nil && strings.HasPrefix(fn.Name(), "Once"):
		g.skip[call] = true // drop-call would make the same change
		g.add("remove-once", call.Pos(), call.End(), arg, fmt.Sprintf("%s runs on every call, not once", quote(arg)))
		g.keepImport(call.Fun)
	case recv != nil && fn.Name() == "Do" && strings.Contains(recv.Type().String(), "sync.Once"):
		g.add("remove-once", call.Pos(), call.End(), "("+arg+")()", fmt.Sprintf("%s runs on every call, not once", quote(arg)))
	}
}

// keepImport lets the last mutant compile when it removed the only use of
// an import: fun is pkg.Name, and "var _ = pkg.Name" keeps pkg used.
func (g *generator) keepImport(fun ast.Expr) {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := g.p.info.Uses[id].(*types.PkgName)
	if !ok {
		return
	}
	// Declare a variable of the package's first exported, non-generic
	// type: valid whatever the removed name was (a generic function
	// cannot be named without instantiation).
	scope := pn.Imported().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue
		}
		g.out[len(g.out)-1].keep = "\nvar _ " + id.Name + "." + name + "\n"
		return
	}
}

// dropCall skips a call that returns a value of the type of its receiver
// or first argument: t.In(loc) becomes t, strings.TrimSpace(s) becomes s,
// append(s, v) becomes s, max(n, 1) becomes n.
func (g *generator) dropCall(call *ast.CallExpr) {
	if g.skip[call] {
		return
	}
	if tv, ok := g.p.info.Types[call.Fun]; !ok || tv.IsType() {
		return // a conversion
	}
	res, ok := g.p.info.Types[call]
	if !ok || res.Type == nil {
		return
	}
	if _, ok := res.Type.(*types.Tuple); ok {
		return
	}
	var x ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := g.p.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			x = sel.X
		}
	}
	if x == nil && len(call.Args) > 0 && !call.Ellipsis.IsValid() {
		x = call.Args[0]
	}
	if x == nil {
		return
	}
	tx, ok := g.p.info.Types[x]
	if !ok || tx.Type == nil || tx.IsType() || tx.Value != nil || !types.Identical(tx.Type, res.Type) {
		return // a constant first argument is a format or a prefix, not the value passed through
	}
	repl := g.text(x)
	if _, simple := ast.Unparen(x).(*ast.Ident); !simple {
		repl = "(" + repl + ")"
	}
	// When skipping the call leaves a name unused, the call still runs
	// but its result is dropped.
	alt := "func() " + types.TypeString(res.Type, types.RelativeTo(g.p.pkg)) + " { _ = " + g.text(call) + "; return " + repl + " }()"
	g.addAlt("drop-call", call.Pos(), call.End(), repl, alt, fmt.Sprintf("%s is skipped: %s is used as it is", quote(g.text(call)), quote(g.text(x))))
	g.keepImport(call.Fun)
}

// layout changes a time layout literal the way a hurried reader of Go's
// reference time would get it wrong.
func (g *generator) layout(lit *ast.BasicLit) {
	v, err := strconv.Unquote(lit.Value)
	if err != nil || !(strings.Contains(v, "2006") || strings.Contains(v, "15:04") || strings.Contains(v, "Jan")) {
		return
	}
	var muts []string
	if strings.Contains(v, "01") && strings.Contains(v, "02") {
		muts = append(muts, strings.NewReplacer("01", "02", "02", "01").Replace(v))
	}
	if strings.Contains(v, "15") {
		muts = append(muts, strings.Replace(v, "15", "03", 1))
	}
	if strings.Contains(v, "2006") {
		muts = append(muts, strings.Replace(v, "2006", "06", 1))
	}
	for _, m := range muts {
		g.add("layout", lit.Pos(), lit.End(), strconv.Quote(m), fmt.Sprintf("the layout %s becomes %s", lit.Value, strconv.Quote(m)))
	}
}

func (g *generator) branch(n *ast.BranchStmt) {
	var to token.Token
	switch n.Tok {
	case token.BREAK:
		to = token.CONTINUE
	case token.CONTINUE:
		to = token.BREAK
	default:
		return
	}
	g.add("break-continue", n.TokPos, n.TokPos+token.Pos(len(n.Tok.String())), to.String(), fmt.Sprintf("%s becomes %s", n.Tok, to))
}

func (g *generator) intLit(n *ast.BasicLit) {
	if n.Kind == token.STRING {
		g.layout(n)
		return
	}
	if n.Kind != token.INT || g.skip[n] {
		return
	}
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil {
		return
	}
	for _, d := range []int64{1, -1} {
		to := strconv.FormatInt(v+d, 10)
		if v+d < 0 {
			to = "(" + to + ")"
		}
		g.add("const", n.Pos(), n.End(), to, fmt.Sprintf("%s becomes %s", n.Value, strings.Trim(to, "()")))
	}
}

// collapse squeezes runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// short keeps an id readable: long source text is cut (the line and column
// in the id keep two long statements apart).
func short(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}

func quote(s string) string {
	s = collapse(s)
	if r := []rune(s); len(r) > 70 {
		s = string(r[:69]) + "…"
	}
	return "`" + s + "`"
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// lineOf returns line n (1-based) of src, trimmed.
func lineOf(src []byte, n int) string {
	lines := bytes.Split(src, []byte("\n"))
	if n < 1 || n > len(lines) {
		return ""
	}
	return string(bytes.TrimSpace(lines[n-1]))
}
