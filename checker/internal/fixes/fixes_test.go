package fixes

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const src = `package p

func f() {
	t := newT() // a comment
	mu.Lock(); x := 1
	return
}

func g() { return }
`

// parse returns a pass over src and the statements of its functions, in
// order; read replaces the file's text as pass.ReadFile returns it.
func parse(t *testing.T, read string) (*analysis.Pass, []ast.Stmt) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var stmts []ast.Stmt
	ast.Inspect(f, func(n ast.Node) bool {
		if b, ok := n.(*ast.BlockStmt); ok {
			stmts = append(stmts, b.List...)
		}
		return true
	})
	pass := &analysis.Pass{Fset: fset, ReadFile: func(name string) ([]byte, error) {
		if name != "p.go" {
			return nil, errors.New("not in the package: " + name)
		}
		return []byte(read), nil
	}}
	return pass, stmts
}

// apply returns src with edit applied.
func apply(pass *analysis.Pass, e analysis.TextEdit) string {
	tf := pass.Fset.File(e.Pos)
	return src[:tf.Offset(e.Pos)] + string(e.NewText) + src[tf.Offset(e.End):]
}

func TestLineAfter(t *testing.T) {
	pass, stmts := parse(t, src)
	e, ok := LineAfter(pass, stmts[0].Pos(), stmts[0].End(), "defer t.Stop()")
	if !ok {
		t.Fatal("LineAfter refused a statement alone on its line with a trailing comment")
	}
	want := "\tt := newT() // a comment\n\tdefer t.Stop()\n\tmu.Lock(); x := 1\n"
	if got := apply(pass, e); !strings.Contains(got, want) {
		t.Errorf("LineAfter gave\n%s\nwant it to contain\n%s", got, want)
	}
	// mu.Lock() is followed by another statement on its line; x := 1 does
	// not start its line.
	if _, ok := LineAfter(pass, stmts[1].Pos(), stmts[1].End(), "defer mu.Unlock()"); ok {
		t.Error("LineAfter accepted a statement followed by code on its line")
	}
	if _, ok := LineAfter(pass, stmts[2].Pos(), stmts[2].End(), "defer x.Close()"); ok {
		t.Error("LineAfter accepted a statement that does not start its line")
	}
}

func TestLineBefore(t *testing.T) {
	pass, stmts := parse(t, src)
	e, ok := LineBefore(pass, stmts[3].Pos(), "mu.Unlock()")
	if !ok {
		t.Fatal("LineBefore refused a return alone on its line")
	}
	want := "\tmu.Unlock()\n\treturn\n"
	if got := apply(pass, e); !strings.Contains(got, want) {
		t.Errorf("LineBefore gave\n%s\nwant it to contain\n%s", got, want)
	}
	// g's return follows its opening brace on the same line.
	if _, ok := LineBefore(pass, stmts[4].Pos(), "mu.Unlock()"); ok {
		t.Error("LineBefore accepted a statement that does not start its line")
	}
}

func TestSourceChanged(t *testing.T) {
	pass, stmts := parse(t, src+"// edited since\n")
	if _, ok := LineBefore(pass, stmts[3].Pos(), "mu.Unlock()"); ok {
		t.Error("LineBefore accepted a file whose text changed since it was parsed")
	}
	if _, ok := LineAfter(pass, stmts[0].Pos(), stmts[0].End(), "defer t.Stop()"); ok {
		t.Error("LineAfter accepted a file whose text changed since it was parsed")
	}
	if _, _, ok := Source(pass, token.NoPos); ok {
		t.Error("Source accepted a position in no file")
	}
}
