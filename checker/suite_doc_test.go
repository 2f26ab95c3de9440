package checker_test

import (
	"strings"
	"testing"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/internal/analyzerdoc"
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
		if want := "Lesson: " + c.Lesson + "."; !strings.HasSuffix(strings.TrimSpace(a.Doc), want) {
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

// TestSuiteLessons checks that every accent analyzer's doc.go names, on
// one "Lesson: topic/slug." line, the lesson the suite links to it: the
// suite reads it from there. That the lesson exists in the course is
// checked where the course is, in internal/course (TestAnalyzerLessons).
func TestSuiteLessons(t *testing.T) {
	for _, c := range checker.Suite() {
		a := c.Analyzer
		id, ok, err := analyzerdoc.Lesson(a.Doc)
		switch {
		case err != nil:
			t.Errorf("%s: doc.go: %v", a.Name, err)
		case !ok:
			t.Errorf("%s: doc.go names no lesson: end it with a line \"Lesson: topic/slug.\"", a.Name)
		case !lessonID.MatchString(id):
			t.Errorf("%s: doc.go names lesson %q, not of the form topic/slug", a.Name, id)
		case c.Lesson != id:
			t.Errorf("%s: suite links lesson %q, doc.go names %q", a.Name, c.Lesson, id)
		}
	}
}
