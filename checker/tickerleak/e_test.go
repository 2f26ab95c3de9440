package tickerleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/tickerleak"
)

// TestTimersThatFire checks timers that cannot outlive their function
// because it ends only after they fired, or because nothing could stop
// them (time.After spelled out).
func TestTimersThatFire(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tickerleak.Analyzer, "e")
}
