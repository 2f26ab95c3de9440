package durationunit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/durationunit"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files; a file without a .golden file must get no fix.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), durationunit.Analyzer, "a", "b")
}

// TestPackageNanos checks that an unmarked integer converted to a Duration
// is left alone in a package that keeps Durations as integers itself, and
// reported in one that does not.
func TestPackageNanos(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), durationunit.Analyzer, "nanos", "nonanos")
}
