package errignored

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/errflow"
)

// deliberate reports whether an error discarded with _ by call, in the
// assignment or declaration at cur whose left side for call is lhs, is a
// decision the default mode leaves alone:
//
//   - explained by a comment;
//   - made in a test file, where a failure shows as a failing test;
//   - when no write is lost and no value filled in by the call is used
//     after it: the whole result discarded in plain sight (_ = f(), as
//     errcheck leaves it without -blank), or a result kept from an API
//     that keeps the error elsewhere or documents that it may be ignored.
//
// An unexplained discard whose value is then used (n, _ := strconv.Atoi(s);
// _ = json.Unmarshal(b, &cfg) and then cfg), or that loses a write, is
// not a decision but the habit of a language with exceptions, and stays
// reported.
func (c *checker) deliberate(cur inspector.Cursor, call *ast.CallExpr, lhs []ast.Expr) bool {
	stmt := statement(cur)
	if c.explained(stmt) || c.inTest() {
		return true
	}
	if c.fillsUsedValue(cur, stmt, call) || c.losesWrite(cur, call) {
		return false
	}
	if !valueKept(lhs) {
		return true
	}
	return keptElsewhere(c.pass.TypesInfo, call) || c.documentedIgnorable(call)
}

// inTest reports whether the file checked is a test file.
func (c *checker) inTest() bool {
	return strings.HasSuffix(c.pass.Fset.File(c.file.Pos()).Name(), "_test.go")
}

// statement returns the statement at cur: the assignment, or the
// declaration statement of a value spec.
func statement(cur inspector.Cursor) ast.Node {
	if _, ok := cur.Node().(*ast.ValueSpec); ok {
		if decl, ok := cur.Parent().Parent().Node().(*ast.DeclStmt); ok {
			return decl
		}
		return cur.Parent().Node()
	}
	return cur.Node()
}

// explained reports whether a comment stands at the end of stmt's last
// line or on the line just above it, aligned with it (not the trailing
// comment of the statement before), and says something: a line of text or
// a //nolint directive. A comment is how a reviewer tells a decision from
// an oversight.
func (c *checker) explained(stmt ast.Node) bool {
	fset := c.pass.Fset
	start, end := fset.Position(stmt.Pos()), fset.Position(stmt.End())
	for _, g := range c.file.Comments {
		gs, ge := fset.Position(g.Pos()), fset.Position(g.End())
		switch {
		case gs.Line == end.Line && g.Pos() >= stmt.End():
		case ge.Line == start.Line-1 && gs.Column <= start.Column:
		default:
			continue
		}
		if says(g) {
			return true
		}
	}
	return false
}

// says reports whether g has text, or a //nolint directive. A test
// expectation (// want "..."), as analysistest reads them, says nothing
// about the code.
func says(g *ast.CommentGroup) bool {
	text, _, _ := strings.Cut(g.Text(), "// want ")
	if text = strings.TrimSpace(text); text != "" && !strings.HasPrefix(text, "want ") {
		return true
	}
	for _, cm := range g.List {
		if strings.HasPrefix(cm.Text, "//nolint") {
			return true
		}
	}
	return false
}

// valueKept reports whether the assignment keeps a result of the call
// (x, _ := f()): the value is used though the error that says whether it
// is valid was dropped.
func valueKept(lhs []ast.Expr) bool {
	if len(lhs) < 2 {
		return false
	}
	for _, e := range lhs {
		if !isBlank(e) {
			return true
		}
	}
	return false
}

// fillNames are the calls that fill in a value passed by pointer:
// json.Unmarshal(b, &cfg), dec.Decode(&v), rows.Scan(&id).
var fillNames = regexp.MustCompile(`^(Unmarshal|Decode|Scan|Read|Parse|Load|Fill|Bind|Get|Populate)`)

// fillsUsedValue reports whether call fills in a variable, through &x or a
// pointer argument of a call named like a decoder, that the function uses
// after stmt: _ = json.Unmarshal(b, &cfg) and then cfg.
func (c *checker) fillsUsedValue(cur inspector.Cursor, stmt ast.Node, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	fn := errflow.Callee(info, call)
	fills := fn != nil && fillNames.MatchString(fn.Name())
	var vars []types.Object
	for _, arg := range call.Args {
		arg = ast.Unparen(arg)
		if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if v := rootVar(info, u.X); v != nil {
				vars = append(vars, v)
			}
			continue
		}
		if !fills {
			continue
		}
		if _, ok := types.Unalias(info.TypeOf(arg)).(*types.Pointer); ok {
			if v := rootVar(info, arg); v != nil {
				vars = append(vars, v)
			}
		}
	}
	if len(vars) == 0 {
		return false
	}
	body := enclosingBody(cur)
	if body == nil {
		return false
	}
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() > stmt.End() {
			for _, v := range vars {
				if info.Uses[id] == v {
					used = true
				}
			}
		}
		return !used
	})
	return used
}

// rootVar returns the variable at the root of e: x in x, x.f, x[i].g.
func rootVar(info *types.Info, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			if _, ok := info.Selections[x]; !ok {
				return nil // a qualified identifier
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// enclosingBody returns the body of the innermost function around cur.
func enclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := c.Node().(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}

// writeNames are the calls whose failure loses data written.
var writeNames = regexp.MustCompile(`^(Write|Flush|Sync|Commit|Encode|Copy|Save|Store|Rename|Put|Send|Marshal)`)

// losesWrite reports whether call writes something that its failure
// loses: a Write, Flush, Sync, Commit, Encode, io.Copy (but to
// io.Discard), or a Close of something written to.
func (c *checker) losesWrite(cur inspector.Cursor, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if recv, ok := closeReceiver(info, call); ok {
		what, _ := c.writer(cur, recv)
		return what != ""
	}
	fn := errflow.Callee(info, call)
	if fn == nil || !writeNames.MatchString(fn.Name()) {
		return false
	}
	if bufferedWrite(info, call) {
		return false // the error sticks and comes back from Flush
	}
	if len(call.Args) > 0 && isDiscard(info, call.Args[0]) {
		return false // io.Copy(io.Discard, r): draining, nothing kept
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isDiscard(info, sel.X) {
		return false
	}
	return true
}

func isDiscard(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "io" && v.Name() == "Discard"
}

// keptElsewhere reports whether call's API keeps the error elsewhere, so
// that dropping the returned copy loses nothing: the error result is a
// record of a concrete type (gin's c.Error(err) returns the *gin.Error it
// appended to c.Errors), the receiver keeps a sticky error (an Err()
// method, as bufio.Scanner and csv.Writer have), or another result is a
// command or result object that carries it (an Err() method).
func keptElsewhere(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if t == nil {
		return false
	}
	results := []types.Type{t}
	if tuple, ok := t.(*types.Tuple); ok {
		results = results[:0]
		for v := range tuple.Variables() {
			results = append(results, v.Type())
		}
	}
	for _, r := range results {
		if errflow.ImplementsError(r) && !types.IsInterface(r) {
			return true
		}
		if !errflow.IsError(r) && hasErrMethod(r) {
			return true
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && hasErrMethod(s.Recv()) {
			return true
		}
	}
	return bufferedWrite(info, call)
}

// bufferedWrite reports whether call is a Write method (Write,
// WriteString, WriteByte, WriteRune) of a buffered writer, a value with a
// Flush() error method, such as goldmark's util.BufWriter: as in
// bufio.Writer, a failed write sticks, later writes do nothing, and Flush
// returns the error.
func bufferedWrite(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !strings.HasPrefix(sel.Sel.Name, "Write") || sel.Sel.Name == "WriteTo" {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(s.Recv(), true, nil, "Flush")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && errflow.IsError(sig.Results().At(0).Type())
}

// hasErrMethod reports whether t has a method Err() error.
func hasErrMethod(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Err")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && errflow.IsError(sig.Results().At(0).Type())
}

// ignorableDoc matches documentation that says a function's error may be
// ignored.
var ignorableDoc = regexp.MustCompile(`(?i)(error\b[^.]*\b(can|may|is safe to|could) (safely )?be (safely )?ignored|safe to ignore|never returns? (an? |a non-nil )?err|always returns? (a )?nil|error is always nil|never fails)`)

// documentedIgnorable reports whether the function call calls, declared in
// this package, is documented as safe to ignore.
func (c *checker) documentedIgnorable(call *ast.CallExpr) bool {
	fn := errflow.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	if c.docs == nil {
		c.docs = make(map[types.Object]*ast.CommentGroup)
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
					if obj := c.pass.TypesInfo.Defs[fd.Name]; obj != nil {
						c.docs[obj] = fd.Doc
					}
				}
			}
		}
	}
	doc := c.docs[fn]
	return doc != nil && ignorableDoc.MatchString(strings.Join(strings.Fields(doc.Text()), " "))
}
