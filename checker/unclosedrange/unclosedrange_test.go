package unclosedrange_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/relatedtest"
	"github.com/accent-go/accent/checker/unclosedrange"
)

// Test checks the diagnostics against the // want comments.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosedrange.Analyzer, "a", "mainpkg", "fields")
}

// TestRelated checks the related positions: the go statement and the
// make of the channel.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), unclosedrange.Analyzer, "related")
}
