package errwrapverb

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/accent-go/accent/checker/internal/errflow"
)

// showNames are the methods that print, log or fail with a message:
// t.Error, t.Fatalf, logger.Warn, log.Printf, slog's Error.
var showNames = regexp.MustCompile(`^(Print|Log|Debug|Info|Warn|Warning|Error|Fatal|Panic|Skip|Trace)(f|ln|w|Context)?$`)

// onlyShown reports whether the fmt.Errorf call at cur makes an error
// that is only shown to a person: passed straight to panic or to a print,
// log or test-failure call, or kept in a local variable used only so.
// Nothing inspects such an error's cause, so %w would buy nothing.
func onlyShown(info *types.Info, cur inspector.Cursor) bool {
	e := cur.Node().(ast.Expr)
	parent := cur.Parent()
	for {
		p, ok := parent.Node().(*ast.ParenExpr)
		if !ok {
			break
		}
		e, parent = p, parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		return p.Fun != e && shows(info, p)
	case *ast.AssignStmt:
		if p.Tok != token.DEFINE || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		for i, rhs := range p.Rhs {
			if rhs != e {
				continue
			}
			id, ok := p.Lhs[i].(*ast.Ident)
			if !ok {
				return false
			}
			v := info.Defs[id]
			body := enclosingBody(cur)
			if v == nil || body == nil {
				return false
			}
			return usedOnlyInShows(info, body, v)
		}
	}
	return false
}

// shows reports whether call prints, logs or panics with its arguments.
func shows(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic" || b.Name() == "print" || b.Name() == "println"
		}
	}
	fn, ok := errflow.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	if fn.Pkg() != nil && fn.Signature().Recv() == nil {
		switch fn.Pkg().Path() {
		case "fmt":
			return fn.Name() != "Errorf" && fn.Name() != "Sprintf" && fn.Name() != "Sprint" && fn.Name() != "Sprintln" &&
				fn.Name() != "Sscan" && fn.Name() != "Sscanf" && fn.Name() != "Sscanln" && fn.Name() != "Append" &&
				fn.Name() != "Appendf" && fn.Name() != "Appendln"
		case "log", "log/slog":
			return true
		}
	}
	return fn.Signature().Recv() != nil && showNames.MatchString(fn.Name())
}

// usedOnlyInShows reports whether every use of v in body is an argument of
// a call that shows it.
func usedOnlyInShows(info *types.Info, body *ast.BlockStmt, v types.Object) bool {
	ok, uses := true, 0
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && info.Uses[id] == v {
			uses++
			call, isCall := stack[len(stack)-1].(*ast.CallExpr)
			if !isCall || call.Fun == ast.Expr(id) || !shows(info, call) {
				ok = false
			}
		}
		stack = append(stack, n)
		return ok
	})
	return ok && uses > 0
}

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

// nonNil reports whether the error arg, formatted by the fmt.Errorf call
// at cur, is known not to be nil there, so that %w would wrap it: a call
// or any expression but a variable or field, or a variable or field that
// an enclosing if x != nil (or a tagless case x != nil) tests, or that an
// earlier if x == nil { return } in an enclosing block ruled out. An
// error that may be nil is formatted with %v on purpose: %w of nil
// prints %!w(<nil>).
func nonNil(info *types.Info, cur inspector.Cursor, arg ast.Expr) bool {
	arg = ast.Unparen(arg)
	switch arg.(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return true
	}
	if sel, ok := arg.(*ast.SelectorExpr); ok {
		if _, isField := info.Selections[sel]; !isField {
			if _, isVar := info.Uses[sel.Sel].(*types.Var); !isVar {
				return true
			}
		}
	}
	text := types.ExprString(arg)
	child := cur
	for c := cur.Parent(); c.Valid(); child, c = c, c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child.Node() == n.Body && tests(n.Cond, text, token.NEQ, token.LAND) {
				return true
			}
			if n.Else != nil && child.Node() == n.Else && tests(n.Cond, text, token.EQL, token.LOR) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if tests(e, text, token.NEQ, token.LAND) {
					return true
				}
			}
		case *ast.BlockStmt:
			for _, st := range n.List {
				if st.Pos() >= child.Node().Pos() {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Else == nil && tests(ifs.Cond, text, token.EQL, token.LOR) && leaves(ifs.Body) {
					return true
				}
			}
		}
	}
	return false
}

// tests reports whether cond is, or has as a top-level operand of join
// (&& for !=, || for ==), the comparison text op nil.
func tests(cond ast.Expr, text string, op, join token.Token) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if c.Op == join {
			return tests(c.X, text, op, join) || tests(c.Y, text, op, join)
		}
		if c.Op != op {
			return false
		}
		x, y := types.ExprString(ast.Unparen(c.X)), types.ExprString(ast.Unparen(c.Y))
		return (x == text && y == "nil") || (y == text && x == "nil")
	}
	return false
}

// leaves reports whether a block ends by leaving: return, break,
// continue, goto or panic.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}
