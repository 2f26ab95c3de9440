package blockunderlock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/blockunderlock"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), blockunderlock.Analyzer, "a")
}

// TestRelated checks the related positions: the Lock held, the operation
// that would unblock, and the Lock that operation waits for.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), blockunderlock.Analyzer, "related")
}
