package doublelock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/doublelock"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/relatedtest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), doublelock.Analyzer, "a", "readers", "callbacks")
}

// TestStrict checks that strict mode reports read locks stacked on a
// mutex that nothing write-locks too.
func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mode.Copy(doublelock.Analyzer, true), "readersstrict")
}

// TestRelated checks the related positions: the first lock, and the call
// through which the second is taken.
func TestRelated(t *testing.T) {
	relatedtest.Run(t, analysistest.TestData(), doublelock.Analyzer, "related")
}
