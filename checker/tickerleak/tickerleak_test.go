package tickerleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/tickerleak"
)

// TestPre123Only checks, with -anyversion=false, the diagnostics against the
// // want comments and the fixes against the .golden files (a file without
// a .golden file must get no fix): unstopped tickers are then reported only
// in files for Go before 1.23.
func TestPre123Only(t *testing.T) {
	if err := tickerleak.Analyzer.Flags.Set("anyversion", "false"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := tickerleak.Analyzer.Flags.Set("anyversion", "true"); err != nil {
			t.Error(err)
		}
	})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tickerleak.Analyzer, "a", "b", "c")
}

// TestDefault checks that by default unstopped tickers are reported in
// files for Go 1.23 and later too.
func TestDefault(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tickerleak.Analyzer, "d")
}
