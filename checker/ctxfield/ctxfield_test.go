package ctxfield_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/ctxfield"
	"github.com/accent-go/accent/checker/internal/mode"
)

// Test checks the diagnostics against the // want comments, in the
// default mode: types whose methods an interface fixes and handles for
// work started under the context are not reported.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxfield.Analyzer, "a", "modes")
}

// TestStrict checks that strict mode reports them too.
func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mode.Copy(ctxfield.Analyzer, true), "modesstrict")
}
