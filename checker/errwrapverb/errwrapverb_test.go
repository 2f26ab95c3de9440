package errwrapverb_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/errwrapverb"
	"github.com/accent-go/accent/checker/internal/mode"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files, in strict mode, which reports every error
// formatted with %v.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), mode.Copy(errwrapverb.Analyzer, true), "a")
}

// TestGo119 checks a Go 1.19 module, where one call may wrap only one
// error, in strict mode.
func TestGo119(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, filepath.Join(analysistest.TestData(), "old"), mode.Copy(errwrapverb.Analyzer, true), ".")
}

// TestDefault checks that the default mode leaves alone errors that are
// only shown (printed, logged, panicked) and errors that may be nil, and
// reports those returned and known not to be nil.
func TestDefault(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errwrapverb.Analyzer, "shown")
}
