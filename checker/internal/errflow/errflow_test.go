package errflow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/accent-go/accent/checker/internal/errflow"
)

const src = `package p

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
)

type myErr struct{}

func (myErr) Error() string { return "" }

func two() (int, error)   { return 0, nil }
func concrete() *fs.PathError { return nil }
func plain() int          { return 0 }

func calls(buf *bytes.Buffer, f *os.File) {
	two()
	concrete()
	plain()
	_ = error(myErr{})
	recover()
	errors.New("x")
	buf.WriteString("x")
	f.WriteString("x")
}
`

func TestErrflow(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Uses:  make(map[*ast.Ident]types.Object),
		Defs:  make(map[*ast.Ident]types.Object),
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	calls := map[string]*ast.CallExpr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			calls[types.ExprString(call)] = call
		}
		return true
	})
	tests := []struct {
		call       string
		hasErr     bool
		name       string
		cannotFail bool
	}{
		{"two()", true, "two", false},
		{"concrete()", true, "concrete", false},
		{"plain()", false, "plain", false},
		{"error(myErr{})", false, "error", false}, // a conversion
		{"recover()", false, "recover", false},
		{`errors.New("x")`, true, "errors.New", false},
		{`buf.WriteString("x")`, true, "buf.WriteString", true},
		{`f.WriteString("x")`, true, "f.WriteString", false},
	}
	for _, tt := range tests {
		call, ok := calls[tt.call]
		if !ok {
			t.Errorf("no call %s in the source", tt.call)
			continue
		}
		if got := errflow.HasErrorResult(info, call); got != tt.hasErr {
			t.Errorf("HasErrorResult(%s) = %v, want %v", tt.call, got, tt.hasErr)
		}
		if got := errflow.CallName(info, call); got != tt.name {
			t.Errorf("CallName(%s) = %q, want %q", tt.call, got, tt.name)
		}
		if got := errflow.CannotFail(info, call); got != tt.cannotFail {
			t.Errorf("CannotFail(%s) = %v, want %v", tt.call, got, tt.cannotFail)
		}
	}
	if !errflow.IsBuiltin(info, calls["recover()"], "recover") || errflow.IsBuiltin(info, calls["two()"], "recover") {
		t.Error("IsBuiltin does not tell recover() from two()")
	}
}
