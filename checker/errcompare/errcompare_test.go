package errcompare_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/errcompare"
	"github.com/accent-go/accent/checker/internal/mode"
)

// TestStrict checks the diagnostics against the // want comments and the
// fixes against the .golden files, in strict mode, where every comparison
// with a sentinel is reported; a file without a .golden file must get no
// fix.
func TestStrict(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), mode.Copy(errcompare.Analyzer, true), "a", "b", "c")
}

// TestDefault checks that the default mode leaves == against the
// package's own sentinels that it never wraps alone, and reports the
// others.
func TestDefault(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errcompare.Analyzer, "b", "c", "own")
}

// TestModule checks, in module mode, that the default mode also leaves
// alone == against a sentinel of another package of the module that the
// package never wraps, and reports one it wraps and one of another module.
func TestModule(t *testing.T) {
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "mod"), errcompare.Analyzer, "./store")
}
