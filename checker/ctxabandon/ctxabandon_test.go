package ctxabandon_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/ctxabandon"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxabandon.Analyzer, "a")
}

// TestRelated checks the related positions: the counterpart operation and
// the ctx.Done() case that gives up.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), ctxabandon.Analyzer, "related")
}
