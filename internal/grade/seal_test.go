package grade

import (
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/course"
)

// Every test of every exercise is instrumented, and the instrumented file
// still parses with every line where it was.
func TestInstrumentEveryExercise(t *testing.T) {
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	testFuncRE := regexp.MustCompile(`(?m)^func (Test[A-Z_0-9]\w*)\(\w+ \*testing\.T\)`)
	for _, ex := range c.Exercises {
		for name, src := range ex.Tests {
			out, tests, err := instrument(name, src, "ws/internal/accentseal")
			if err != nil {
				t.Errorf("%s/%s: %v", ex.ID, name, err)
				continue
			}
			var want []string
			for _, m := range testFuncRE.FindAllSubmatch(src, -1) {
				want = append(want, string(m[1]))
			}
			if !slices.Equal(tests, want) {
				t.Errorf("%s/%s: instrumented %v, want %v", ex.ID, name, tests, want)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), name, out, 0); err != nil {
				t.Errorf("%s/%s: the instrumented file does not parse: %v", ex.ID, name, err)
			}
			if strings.Count(string(out), "\n") != strings.Count(string(src), "\n") {
				t.Errorf("%s/%s: instrumenting moved lines", ex.ID, name)
			}
		}
	}
}

func TestInstrumentOddSignatures(t *testing.T) {
	src := "package p // the package\n\nimport tt \"testing\"\n\nfunc TestA(t *tt.T) {\n}\nfunc TestB(_ *tt.T) { _ = 1 }\nfunc TestC(*tt.T) {}\nfunc Testlower(t *tt.T) {}\nfunc TestD(t *tt.T, x int) {}\nfunc helper(t *tt.T) {}\n"
	out, tests, err := instrument("p_test.go", []byte(src), "m/internal/accentseal")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"TestA", "TestB", "TestC"}; !slices.Equal(tests, want) {
		t.Errorf("tests %v, want %v", tests, want)
	}
	want := "package p; import accentseal \"m/internal/accentseal\" // the package\n\nimport tt \"testing\"\n\n" +
		"func TestA(t *tt.T) { accentseal.Track(t);\n}\nfunc TestB(accentT *tt.T) { accentseal.Track(accentT); _ = 1 }\n" +
		"func TestC(accentT *tt.T) { accentseal.Track(accentT);}\nfunc Testlower(t *tt.T) {}\nfunc TestD(t *tt.T, x int) {}\nfunc helper(t *tt.T) {}\n"
	if string(out) != want {
		t.Errorf("instrumented:\n%s\nwant:\n%s", out, want)
	}
}
