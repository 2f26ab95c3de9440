package errignored_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/errignored"
	"github.com/accent-go/accent/checker/internal/mode"
)

// Test checks the diagnostics against the // want comments.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errignored.Analyzer, "a")
}

// TestFlags checks -errignored.exclude, in errcheck's syntax, and
// -errignored.blank=false.
func TestFlags(t *testing.T) {
	set := func(name, value string) {
		t.Helper()
		if err := errignored.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	set("exclude", "os.Remove, (*flags.T).Sync,io.WriteString(io.Writer)")
	set("blank", "false")
	t.Cleanup(func() {
		set("exclude", "")
		set("blank", "true")
	})
	analysistest.Run(t, analysistest.TestData(), errignored.Analyzer, "flags")
}

// TestDeliberate checks the default mode on errors discarded with _ on
// purpose (explained, kept elsewhere, documented as ignorable) and on
// their twins, which stay reported: unexplained, a value used, a write
// lost.
func TestDeliberate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errignored.Analyzer, "deliberate")
}

// TestStrict checks that strict mode reports every discard of the same
// shapes.
func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mode.Copy(errignored.Analyzer, true), "strictmode")
}
