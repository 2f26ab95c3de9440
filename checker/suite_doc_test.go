package checker_test

import (
	"strings"
	"testing"

	"github.com/accent-go/accent/checker"
)

// TestDocs checks what accentvet -explain promises for every accent
// analyzer: the coming-from paragraphs, the lesson line matching the
// suite's link, and a documentation URL.
func TestDocs(t *testing.T) {
	for _, c := range checker.Suite() {
		a := c.Analyzer
		for _, want := range []string{"Coming from Node.js:", "Coming from Python:", "Coming from Java:"} {
			if !strings.Contains(a.Doc, want) {
				t.Errorf("%s: doc lacks a %q paragraph", a.Name, want)
			}
		}
		if want := "Lesson: " + c.Lesson + "."; !strings.Contains(a.Doc, want) {
			t.Errorf("%s: doc does not end with %q, the lesson the suite links", a.Name, want)
		}
		if !strings.HasPrefix(a.URL, "https://pkg.go.dev/github.com/accent-go/accent/checker/"+a.Name) {
			t.Errorf("%s: URL %q", a.Name, a.URL)
		}
		if strings.Contains(a.Doc, "DRAFT") || strings.Contains(a.Doc, "TODO:") || strings.Contains(a.Doc, "XXX") {
			t.Errorf("%s: doc is marked unfinished", a.Name)
		}
	}
}
