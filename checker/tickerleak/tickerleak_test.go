package tickerleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/tickerleak"
)

// TestDefault checks the diagnostics against the // want comments and the
// fixes against the .golden files (a file without a .golden file must get
// no fix): by default unstopped tickers are reported only in files for Go
// before 1.23.
func TestDefault(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tickerleak.Analyzer, "a", "b", "c")
}

// TestStrict checks that in strict mode unstopped tickers are reported in
// files for Go 1.23 and later too.
func TestStrict(t *testing.T) {
	strict := mode.Copy(tickerleak.Analyzer, true)
	if strict == tickerleak.Analyzer {
		t.Fatal("Strict returned the shared analyzer, not a strict copy")
	}
	analysistest.Run(t, analysistest.TestData(), strict, "d")
	// The shared analyzer keeps the default mode: nothing in d's Go 1.26
	// files but time.Tick in a busy loop.
	analysistest.Run(t, analysistest.TestData(), tickerleak.Analyzer, "d1")
}

// TestAnyVersion checks that -tickerleak.anyversion, the flag of the old
// behaviour, still reports in every Go version.
func TestAnyVersion(t *testing.T) {
	if err := tickerleak.Analyzer.Flags.Set("anyversion", "true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := tickerleak.Analyzer.Flags.Set("anyversion", "false"); err != nil {
			t.Error(err)
		}
	})
	analysistest.Run(t, analysistest.TestData(), tickerleak.Analyzer, "d")
}
