package waitgroupmisuse_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/relatedtest"
	"github.com/accent-go/accent/checker/waitgroupmisuse"
)

// Test checks the diagnostics against the // want comments and the fixes
// against the .golden files; a file without a .golden file must get no fix.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), waitgroupmisuse.Analyzer, "a", "b", "c", "d", "e")
}

// TestRelated checks the related positions of a blocked Wait and of a
// return that skips Done.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), waitgroupmisuse.Analyzer, "related")
}
