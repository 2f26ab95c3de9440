package mode_test

import (
	"flag"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker/internal/mode"
)

func newAnalyzer(name string) (*analysis.Analyzer, *string) {
	a := &analysis.Analyzer{Name: name, Doc: name + ": test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	other := a.Flags.String("other", "x", "another flag")
	return a, other
}

func TestCopyLeavesTheSharedAnalyzerAlone(t *testing.T) {
	a, other := newAnalyzer("a")
	mode.Register(a, "more")
	strict := mode.Copy(a, true)
	if strict == a {
		t.Fatal("Copy returned a itself")
	}
	if !mode.Strict(&analysis.Pass{Analyzer: strict}) {
		t.Error("the copy is not strict")
	}
	if mode.Strict(&analysis.Pass{Analyzer: a}) {
		t.Error("copying made the shared analyzer strict")
	}
	// Other flags are shared: setting one through the copy shows in a.
	if err := strict.Flags.Set("other", "y"); err != nil {
		t.Fatal(err)
	}
	if *other != "y" {
		t.Errorf("other = %q through the copy, want y", *other)
	}
	if mode.Copy(strict, true) != strict {
		t.Error("Copy of an analyzer already in the mode is not the analyzer itself")
	}
}

func TestCopyWithoutModes(t *testing.T) {
	a, _ := newAnalyzer("plain")
	if mode.Copy(a, true) != a || mode.Has(a) {
		t.Error("an analyzer without -strict was copied or has modes")
	}
	if mode.Strict(&analysis.Pass{Analyzer: a}) {
		t.Error("an analyzer without -strict is strict")
	}
}

func TestAllSetsEveryAnalyzerWithTheFlag(t *testing.T) {
	a, _ := newAnalyzer("a")
	b, _ := newAnalyzer("b")
	plain, _ := newAnalyzer("plain")
	mode.Register(a, "more")
	mode.Register(b, "more")
	fs := flag.NewFlagSet("vet", flag.ContinueOnError)
	fs.Var(mode.All{a, b, plain}, mode.FlagName, "strict")
	fs.Var(b.Flags.Lookup(mode.FlagName).Value, "b."+mode.FlagName, "b's own") // go vet's -NAME.flag
	if err := fs.Parse([]string{"-strict", "-b.strict=false"}); err != nil {
		t.Fatal(err)
	}
	if !mode.Strict(&analysis.Pass{Analyzer: a}) {
		t.Error("-strict did not make a strict")
	}
	if mode.Strict(&analysis.Pass{Analyzer: b}) {
		t.Error("-b.strict=false after -strict did not win")
	}
}
