package analyzerdoc_test

import (
	"testing"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
)

const multi = `// Copyright notice.

// Package food defines analyzers about meals.
//
// # Irrelevant heading
//
// This is irrelevant.
//
// # Analyzer nocolon
//
// This one has the wrong form for this line.
//
// # Analyzer food
//
// food: report dining opportunities
//
// The food analyzer reports
// dining opportunities.
//
// # Analyzer foodie
//
// foodie: report dining opportunists
//
// The foodie analyzer reports people.
//
// # Analyzer empty
//
// empty:
package food
`

func TestExtract(t *testing.T) {
	tests := []struct {
		content, name string
		want          string // extracted doc; "" means an error is expected
	}{
		{multi, "food", "report dining opportunities\n\nThe food analyzer reports\ndining opportunities."},
		{multi, "foodie", "report dining opportunists\n\nThe foodie analyzer reports people."},
		{multi, "nocolon", ""},
		{multi, "empty", ""},
		{multi, "missing", ""},
		{multi, "foo", ""}, // a prefix of a heading is not a match
		{"package food\n", "food", ""},
		{"not go", "food", ""},
		{"", "food", ""},
	}
	for _, tt := range tests {
		got, err := analyzerdoc.Extract(tt.content, tt.name)
		if tt.want == "" {
			if err == nil {
				t.Errorf("Extract(%s) = %q, want an error", tt.name, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("Extract(%s): %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Extract(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMustExtractPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustExtract of a missing analyzer did not panic")
		}
	}()
	analyzerdoc.MustExtract(multi, "missing")
}

func TestLesson(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string
		found     bool
		err       bool
	}{
		{"last line with period", "summary\n\nLong text.\n\nLesson: time/instants-and-zones.", "time/instants-and-zones", true, false},
		{"no period, trailing newline", "summary\n\nLesson: errors/errors-are-values\n", "errors/errors-are-values", true, false},
		{"indented", "summary\n\n  Lesson:  context/cancellation.\n", "context/cancellation", true, false},
		{"none", "summary\n\nThe lesson is elsewhere.", "", false, false},
		{"mentioned mid-line is not a lesson line", "summary\n\nsee the Lesson: x/y line", "", false, false},
		{"empty", "summary\n\nLesson: .", "", false, true},
		{"two", "summary\n\nLesson: a/b.\nLesson: c/d.", "", false, true},
	}
	for _, tt := range tests {
		got, found, err := analyzerdoc.Lesson(tt.doc)
		if got != tt.want || found != tt.found || (err != nil) != tt.err {
			t.Errorf("%s: Lesson = %q, %v, %v; want %q, %v, error %v", tt.name, got, found, err, tt.want, tt.found, tt.err)
		}
	}
}
