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

	"github.com/accent-go/accent/checker/blockunderlock"
	"github.com/accent-go/accent/checker/chanleak"
	"github.com/accent-go/accent/checker/condwait"
	"github.com/accent-go/accent/checker/ctxabandon"
	"github.com/accent-go/accent/checker/ctxbackground"
	"github.com/accent-go/accent/checker/ctxfield"
	"github.com/accent-go/accent/checker/doublelock"
	"github.com/accent-go/accent/checker/dstday"
	"github.com/accent-go/accent/checker/durationunit"
	"github.com/accent-go/accent/checker/errcompare"
	"github.com/accent-go/accent/checker/errignored"
	"github.com/accent-go/accent/checker/erroverwrite"
	"github.com/accent-go/accent/checker/errwrapverb"
	"github.com/accent-go/accent/checker/foreverselect"
	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/lockorder"
	"github.com/accent-go/accent/checker/monthindex"
	"github.com/accent-go/accent/checker/parsezone"
	"github.com/accent-go/accent/checker/recovercatchall"
	"github.com/accent-go/accent/checker/tickerleak"
	"github.com/accent-go/accent/checker/timeequal"
	"github.com/accent-go/accent/checker/timelayout"
	"github.com/accent-go/accent/checker/unclosedrange"
	"github.com/accent-go/accent/checker/unixelapsed"
	"github.com/accent-go/accent/checker/unlockpath"
	"github.com/accent-go/accent/checker/waitgroupmisuse"
)

// Family groups checks for reports and docs.
type Family string

// The families of checks.
const (
	Leaks    Family = "leaks" // leaks and blocking
	Errors   Family = "errors"
	Context  Family = "context"
	Time     Family = "time"
	Channels Family = "channels" // goroutines that never end: channels nobody closes, loops with no exit
	Vet      Family = "vet"      // go vet's own suite
)

// Check is one analyzer with accent's metadata.
type Check struct {
	Analyzer *analysis.Analyzer
	Family   Family
	Lesson   string // id of the lesson that teaches the fix, e.g. "time/durations-and-layouts"; "" if none (accent's own: from doc.go)
}

// Strict returns the check's analyzer in strict mode, the reading a
// learner's exercise wants: every discarded error, every unstopped ticker.
// It is a copy when the analyzer has two modes (the shared analyzer keeps
// its own), and the analyzer itself otherwise.
func (c Check) Strict() *analysis.Analyzer {
	return mode.Copy(c.Analyzer, true)
}

// HasModes reports whether the check's analyzer reports more in strict
// mode than in the default one.
func (c Check) HasModes() bool {
	return mode.Has(c.Analyzer)
}

// Suite returns accent's own analyzers, sorted by name. Each one's lesson
// is the one its doc.go names on its "Lesson: topic/slug." line.
func Suite() []Check {
	return withLessons([]Check{
		{Analyzer: blockunderlock.Analyzer, Family: Leaks},
		{Analyzer: chanleak.Analyzer, Family: Leaks},
		{Analyzer: condwait.Analyzer, Family: Leaks},
		{Analyzer: ctxabandon.Analyzer, Family: Leaks},
		{Analyzer: ctxbackground.Analyzer, Family: Context},
		{Analyzer: ctxfield.Analyzer, Family: Context},
		{Analyzer: doublelock.Analyzer, Family: Leaks},
		{Analyzer: dstday.Analyzer, Family: Time},
		{Analyzer: durationunit.Analyzer, Family: Time},
		{Analyzer: errcompare.Analyzer, Family: Errors},
		{Analyzer: errignored.Analyzer, Family: Errors},
		{Analyzer: erroverwrite.Analyzer, Family: Errors},
		{Analyzer: errwrapverb.Analyzer, Family: Errors},
		{Analyzer: foreverselect.Analyzer, Family: Channels},
		{Analyzer: lockorder.Analyzer, Family: Leaks},
		{Analyzer: monthindex.Analyzer, Family: Time},
		{Analyzer: parsezone.Analyzer, Family: Time},
		{Analyzer: recovercatchall.Analyzer, Family: Errors},
		{Analyzer: tickerleak.Analyzer, Family: Time},
		{Analyzer: timeequal.Analyzer, Family: Time},
		{Analyzer: timelayout.Analyzer, Family: Time},
		{Analyzer: unclosedrange.Analyzer, Family: Channels},
		{Analyzer: unixelapsed.Analyzer, Family: Time},
		{Analyzer: unlockpath.Analyzer, Family: Leaks},
		{Analyzer: waitgroupmisuse.Analyzer, Family: Leaks},
	})
}

// withLessons fills each check's Lesson from its analyzer's Doc. A doc
// that names no lesson, or more than one, leaves it empty, and
// TestSuiteLessons fails.
func withLessons(checks []Check) []Check {
	for i, c := range checks {
		if id, ok, err := analyzerdoc.Lesson(c.Analyzer.Doc); ok && err == nil {
			checks[i].Lesson = id
		}
	}
	return checks
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
