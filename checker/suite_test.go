package checker_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker"
)

func TestAllNamesUniqueAndSorted(t *testing.T) {
	all := checker.All()
	seen := make(map[string]bool)
	for _, c := range all {
		if c.Analyzer == nil {
			t.Fatalf("a check has no analyzer")
		}
		if seen[c.Analyzer.Name] {
			t.Errorf("analyzer %s appears twice", c.Analyzer.Name)
		}
		seen[c.Analyzer.Name] = true
		if c.Family == "" {
			t.Errorf("analyzer %s has no family", c.Analyzer.Name)
		}
	}
	names := make([]string, len(all))
	for i, c := range all {
		names[i] = c.Analyzer.Name
	}
	if !slices.IsSorted(names) {
		t.Errorf("All is not sorted by name: %v", names)
	}
	for _, c := range checker.Suite() {
		if !seen[c.Analyzer.Name] {
			t.Errorf("accent analyzer %s is missing from All", c.Analyzer.Name)
		}
	}
}

// lessonID is the form of a lesson id: topic/slug.
var lessonID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$`)

func TestLessonIDs(t *testing.T) {
	for _, c := range checker.All() {
		if c.Lesson != "" && !lessonID.MatchString(c.Lesson) {
			t.Errorf("%s: lesson %q is not of the form topic/slug", c.Analyzer.Name, c.Lesson)
		}
	}
}

func TestAllValidates(t *testing.T) {
	if err := analysis.Validate(checker.Analyzers(checker.All())); err != nil {
		t.Fatal(err)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name   string
		family checker.Family
		lesson string
	}{
		{"durationunit", checker.Time, "time/durations-and-layouts"},
		{"lostcancel", checker.Vet, "context/cancellation"},
		{"timeformat", checker.Vet, "time/durations-and-layouts"},
		{"errorsas", checker.Vet, "errors/wrapping-and-inspecting"},
		{"copylocks", checker.Vet, "goroutines/sharing-memory"},
		{"waitgroup", checker.Vet, "goroutines/wait-for-all"},
		{"nilness", checker.Vet, ""},
		{"unusedresult", checker.Vet, ""},
		{"printf", checker.Vet, ""},
	}
	for _, tt := range tests {
		c, ok := checker.Lookup(tt.name)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", tt.name)
			continue
		}
		if c.Analyzer.Name != tt.name || c.Family != tt.family || c.Lesson != tt.lesson {
			t.Errorf("Lookup(%q) = {%s %s %q}, want {%s %s %q}",
				tt.name, c.Analyzer.Name, c.Family, c.Lesson, tt.name, tt.family, tt.lesson)
		}
	}
	if c, ok := checker.Lookup("nosuchcheck"); ok {
		t.Errorf("Lookup(nosuchcheck) = %s, want nothing", c.Analyzer.Name)
	}
}

// TestSuiteDocs checks accent's own analyzers' documentation. Doc.go reads
// "name: summary" under "# Analyzer name"; extraction drops the "name:"
// (the drivers print the name themselves, as for x/tools' passes), so Doc's
// first line is the summary: lowercase, one line, no trailing period.
func TestSuiteDocs(t *testing.T) {
	for _, c := range checker.Suite() {
		a := c.Analyzer
		summary, long, _ := strings.Cut(a.Doc, "\n")
		switch {
		case strings.TrimSpace(a.Doc) == "":
			t.Errorf("%s: empty Doc", a.Name)
		case strings.HasPrefix(summary, a.Name+":"):
			t.Errorf("%s: Doc repeats the name: %q", a.Name, summary)
		case !unicode.IsLower([]rune(summary)[0]), strings.HasSuffix(summary, "."):
			t.Errorf("%s: summary %q should be lowercase with no trailing period", a.Name, summary)
		case strings.TrimSpace(long) == "":
			t.Errorf("%s: Doc has a summary but no long text", a.Name)
		}
		if a.URL == "" {
			t.Errorf("%s: no URL", a.Name)
		}
		if c.Lesson != "" && !strings.Contains(a.Doc, c.Lesson) {
			t.Errorf("%s: Doc does not mention its lesson %s", a.Name, c.Lesson)
		}
	}
}
