package learner

import (
	"slices"
	"strings"

	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/workshop"
)

// What a joined workshop hears: which exercise the learner opened, the hint
// tiers they revealed, each grade's status and finding kinds, and each
// first pass. Never code, file names or messages. The caller queues the
// events once what they report is recorded.

// OpenedEvents are the events for opening exercise id.
func OpenedEvents(id string) []workshop.Event {
	return []workshop.Event{{Kind: workshop.Opened, Exercise: id}}
}

// HintEvents are the events for revealing hint tier (from 1) of exercise
// id; none for tier 0 (nothing was revealed).
func HintEvents(id string, tier int) []workshop.Event {
	if tier <= 0 {
		return nil
	}
	return []workshop.Event{{Kind: workshop.Hinted, Exercise: id, Tier: tier}}
}

// GradeEvents are the events for a graded attempt at exercise id, as
// RecordAttempt recorded it: the verdict, then the pass if it was the first.
// A grade that could not run (grade.Error) is not an attempt: no events.
func GradeEvents(id string, v grade.Verdict, firstPass bool) []workshop.Event {
	if v.Status == grade.Error {
		return nil
	}
	out := []workshop.Event{{Kind: workshop.Graded, Exercise: id, Status: string(v.Status), Findings: FindingKinds(v)}}
	if firstPass {
		out = append(out, workshop.Event{Kind: workshop.Passed, Exercise: id})
	}
	return out
}

// maxFindingKinds is how many distinct finding kinds one grade reports,
// what the room accepts.
const maxFindingKinds = 16

// FindingKinds are a verdict's findings as the room sees them, each once,
// in order: "leak", "analyzer:chanleak", "test:TestX" (a subtest reported
// as its top-level test), without messages or file names.
func FindingKinds(v grade.Verdict) []string {
	var out []string
	for _, f := range v.Findings {
		if f.Kind == grade.Test {
			f.Test, _, _ = strings.Cut(f.Test, "/") // the room counts tests, not subtests
		}
		k := f.Label()
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if len(out) > maxFindingKinds {
		out = out[:maxFindingKinds]
	}
	return out
}
