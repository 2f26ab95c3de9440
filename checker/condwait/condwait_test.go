package condwait_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/condwait"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), condwait.Analyzer, "a")
}

// TestRelated checks the related position of a Wait nothing signals: where
// the Cond is made.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), condwait.Analyzer, "related")
}
