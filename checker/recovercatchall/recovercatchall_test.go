package recovercatchall_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/recovercatchall"
)

// Test checks the diagnostics against the // want comments.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), recovercatchall.Analyzer, "a")
}

// TestChannelGuard checks that the default mode leaves alone a recover
// that guards only a close or a send on a channel that may be closed, and
// reports its twins, which guard more.
func TestChannelGuard(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), recovercatchall.Analyzer, "changuard")
}

// TestChannelGuardStrict checks that strict mode reports the guards too.
func TestChannelGuardStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mode.Copy(recovercatchall.Analyzer, true), "changuardstrict")
}
