package errwrapverb_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/errwrapverb"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), errwrapverb.Analyzer, "a")
}

// TestGo119 checks a Go 1.19 module, where one call may wrap only one error.
func TestGo119(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, filepath.Join(analysistest.TestData(), "old"), errwrapverb.Analyzer, ".")
}
