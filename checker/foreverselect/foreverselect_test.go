package foreverselect_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/foreverselect"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

// Test checks the diagnostics against the // want comments.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), foreverselect.Analyzer, "a", "mainpkg", "loops", "ticks", "lifetime", "afterfunc")
}

// TestRelated checks the related positions: the go statement, and the
// Done case that does not return.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), foreverselect.Analyzer, "related")
}
