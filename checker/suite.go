// Package checker lists accent's analyzers and the metadata that grading,
// reports and docs need about each: its family and the lesson that teaches
// the fix.
package checker

import (
	"cmp"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/nilness"
	"golang.org/x/tools/go/analysis/suite/vet"

	"github.com/accent-go/accent/checker/durationunit"
)

// Family groups checks for reports and docs.
type Family string

// The families of checks.
const (
	Leaks    Family = "leaks" // leaks and blocking
	Errors   Family = "errors"
	Context  Family = "context"
	Time     Family = "time"
	Channels Family = "channels"
	Vet      Family = "vet" // go vet's own suite
)

// Check is one analyzer with accent's metadata.
type Check struct {
	Analyzer *analysis.Analyzer
	Family   Family
	Lesson   string // id of the lesson that teaches the fix, e.g. "time/durations-and-layouts"; "" if none
}

// Suite returns accent's own analyzers, sorted by name.
func Suite() []Check {
	return []Check{
		{Analyzer: durationunit.Analyzer, Family: Time, Lesson: "time/durations-and-layouts"},
	}
}

// vetLessons links go vet's analyzers to the lessons that teach their fixes.
var vetLessons = map[string]string{
	"copylocks":  "goroutines/sharing-memory",
	"errorsas":   "errors/wrapping-and-inspecting",
	"lostcancel": "context/cancellation",
	"timeformat": "time/durations-and-layouts",
	"waitgroup":  "goroutines/wait-for-all",
}

// vetAnalyzers returns go vet's suite plus the x/tools analyzers that accent
// also runs but go vet leaves out.
func vetAnalyzers() []*analysis.Analyzer {
	return append(slices.Clone(vet.Suite), nilness.Analyzer)
}

// All returns accent's own analyzers and go vet's suite (with nilness),
// sorted by name, each name once. Where an accent analyzer and a vet one
// share a name, accent's wins.
func All() []Check {
	all := Suite()
	seen := make(map[string]bool, len(all))
	for _, c := range all {
		seen[c.Analyzer.Name] = true
	}
	for _, a := range vetAnalyzers() {
		if seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		all = append(all, Check{Analyzer: a, Family: Vet, Lesson: vetLessons[a.Name]})
	}
	slices.SortFunc(all, func(x, y Check) int { return cmp.Compare(x.Analyzer.Name, y.Analyzer.Name) })
	return all
}

// Lookup returns the check of All with the given analyzer name.
func Lookup(name string) (Check, bool) {
	all := All()
	i, found := slices.BinarySearchFunc(all, name, func(c Check, name string) int {
		return cmp.Compare(c.Analyzer.Name, name)
	})
	if !found {
		return Check{}, false
	}
	return all[i], true
}

// Analyzers returns the analyzers of checks, in order, for a driver such as
// multichecker or checker.Analyze.
func Analyzers(checks []Check) []*analysis.Analyzer {
	analyzers := make([]*analysis.Analyzer, len(checks))
	for i, c := range checks {
		analyzers[i] = c.Analyzer
	}
	return analyzers
}
