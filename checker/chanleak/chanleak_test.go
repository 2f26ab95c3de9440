package chanleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/chanleak"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files; a file without a .golden file must get no fix.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), chanleak.Analyzer, "a", "b", "c", "future", "futuremain")
}

// TestRelated checks the related positions: the go statement and the
// return of a leak, the make of a channel nothing serves.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), chanleak.Analyzer, "related")
}
