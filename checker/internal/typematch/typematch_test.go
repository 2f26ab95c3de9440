package typematch_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/accent-go/accent/checker/internal/typematch"
)

const src = `package p

import (
	"context"
	"time"
)

type Duration int64

func Sleep(time.Duration) {}

var (
	d   time.Duration
	own Duration
	t   *time.Timer
	ctx context.Context
)

type alias = time.Duration

var a alias
`

func check(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestMatch(t *testing.T) {
	pkg := check(t, src)
	lookup := func(name string) types.Object { return pkg.Scope().Lookup(name) }
	timePkg := pkg.Imports()[1]
	if timePkg.Path() != "time" {
		t.Fatalf("second import is %s, want time", timePkg.Path())
	}
	timer := timePkg.Scope().Lookup("Timer").Type()
	reset, _, _ := types.LookupFieldOrMethod(timer, true, timePkg, "Reset")

	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"time.Duration is Duration", typematch.IsType(lookup("d").Type(), "time", "Duration"), true},
		{"an alias of time.Duration is Duration", typematch.IsType(lookup("a").Type(), "time", "Duration"), true},
		{"p.Duration is not time.Duration", typematch.IsType(lookup("own").Type(), "time", "Duration"), false},
		{"time.Duration is one of Time, Duration", typematch.IsType(lookup("d").Type(), "time", "Time", "Duration"), true},
		{"time.Sleep is time.Sleep", typematch.IsFunction(timePkg.Scope().Lookup("Sleep"), "time", "Sleep"), true},
		{"p.Sleep is not time.Sleep", typematch.IsFunction(lookup("Sleep"), "time", "Sleep"), false},
		{"a method is not a function", typematch.IsFunction(reset, "time", "Reset"), false},
		{"(*time.Timer).Reset is Timer.Reset", typematch.IsMethod(reset, "time", "Timer", "Reset"), true},
		{"(*time.Timer).Reset is not Ticker.Reset", typematch.IsMethod(reset, "time", "Ticker", "Reset"), false},
		{"a function is not a method", typematch.IsMethod(timePkg.Scope().Lookup("Sleep"), "time", "Timer", "Sleep"), false},
		{"nil is nothing", typematch.IsFunction(nil, "time", "Sleep") || typematch.IsMethod(nil, "time", "Timer", "Reset"), false},
		{"p imports time", typematch.ImportsTransitively(pkg, "time"), true},
		{"p imports time through context", typematch.ImportsTransitively(check(t, "package q\nimport \"context\"\nvar _ context.Context\n"), "time"), true},
		{"p does not import net/http", typematch.ImportsTransitively(pkg, "net/http"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
