package errignored_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/errignored"
)

// Test checks the diagnostics against the // want comments.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errignored.Analyzer, "a")
}

// TestFlags checks -errignored.exclude, in errcheck's syntax, and
// -errignored.blank=false.
func TestFlags(t *testing.T) {
	set := func(name, value string) {
		t.Helper()
		if err := errignored.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	set("exclude", "os.Remove, (*flags.T).Sync,io.WriteString(io.Writer)")
	set("blank", "false")
	t.Cleanup(func() {
		set("exclude", "")
		set("blank", "true")
	})
	analysistest.Run(t, analysistest.TestData(), errignored.Analyzer, "flags")
}
