package blockunderlock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/blockunderlock"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), blockunderlock.Analyzer, "a")
}
