package unlockpath_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/relatedtest"
	"github.com/accent-go/accent/checker/unlockpath"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files; a file without a .golden file must get no fix.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unlockpath.Analyzer, "a")
}

// TestRelated checks the related positions: the Lock and the Unlock the
// return skips.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), unlockpath.Analyzer, "related")
}

// TestLoops checks locks kept past a loop by a break, or into the next
// iteration by a continue.
func TestLoops(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unlockpath.Analyzer, "loops")
}
