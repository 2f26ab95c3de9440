// Package mode is accentvet's two readings of code: the default, precise
// one for a team's CI, which reports only what a reviewer would accept a
// fix for, and the strict one for a learner's exercise, where every
// discarded error and every unstopped ticker is a lesson.
//
// An analyzer whose findings differ between the two registers a boolean
// flag named "strict" on itself (Register) and reads it from its pass
// (Strict), so the mode travels with the analyzer: go vet passes it as
// -NAME.strict, accentvet's -strict sets it on every analyzer that has it,
// and an in-process driver such as the grader runs a strict copy of the
// analyzer (Copy) without changing the shared one.
package mode

import (
	"flag"

	"golang.org/x/tools/go/analysis"
)

// FlagName is the name of the flag, on each analyzer that has two modes.
const FlagName = "strict"

// Register adds the -strict flag to a, defaulting to false. usage says
// what the strict mode adds to the default one.
func Register(a *analysis.Analyzer, usage string) {
	a.Flags.Bool(FlagName, false, "strict mode, for a learner's exercise: "+usage)
}

// Has reports whether a has the -strict flag.
func Has(a *analysis.Analyzer) bool {
	return a.Flags.Lookup(FlagName) != nil
}

// Strict reports whether the analyzer of pass runs in strict mode.
func Strict(pass *analysis.Pass) bool {
	return isStrict(pass.Analyzer)
}

// Partial reports whether a has two modes and runs in the default one,
// which leaves some of what a can report to strict mode: then the absence
// of a finding says nothing of what strict mode would find.
func Partial(a *analysis.Analyzer) bool {
	return Has(a) && !isStrict(a)
}

func isStrict(a *analysis.Analyzer) bool {
	f := a.Flags.Lookup(FlagName)
	if f == nil {
		return false
	}
	if g, ok := f.Value.(flag.Getter); ok {
		b, _ := g.Get().(bool)
		return b
	}
	return f.Value.String() == "true"
}

// Copy returns a copy of a whose -strict flag is set to strict, and whose
// other flags are a's own (shared, not copied). The copy has flags of its
// own, so setting its mode leaves a, and every other user of a, as it was.
// An analyzer without the flag is returned as it is.
func Copy(a *analysis.Analyzer, strict bool) *analysis.Analyzer {
	if !Has(a) || isStrict(a) == strict {
		return a
	}
	cp := *a
	cp.Flags = flag.FlagSet{}
	cp.Flags.Init(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) {
		if f.Name == FlagName {
			cp.Flags.Bool(FlagName, strict, f.Usage)
			return
		}
		cp.Flags.Var(f.Value, f.Name, f.Usage)
	})
	return &cp
}

// All is a flag.Value that sets -strict on every analyzer of a list that
// has it: accentvet's -strict, in go vet's unit runs.
type All []*analysis.Analyzer

func (all All) String() string { return "false" }

// IsBoolFlag makes -strict a boolean flag.
func (all All) IsBoolFlag() bool { return true }

// Set sets -strict to s on every analyzer of all that has it.
func (all All) Set(s string) error {
	for _, a := range all {
		if Has(a) {
			if err := a.Flags.Set(FlagName, s); err != nil {
				return err
			}
		}
	}
	return nil
}
