// Package finding is the vocabulary of what grading finds: the kinds of
// finding, and the labels that name one ("leak", "analyzer:chanleak",
// "test:TestX"). The grader's verdicts, the course's wrong variants (the
// finding that must catch each), the course check and the workshop's
// reports all speak it.
package finding

import "strings"

// Kind is the kind of a finding.
type Kind string

// The finding kinds.
const (
	Compile  Kind = "compile"
	Analyzer Kind = "analyzer"
	Test     Kind = "test"
	Leak     Kind = "leak"
	Deadlock Kind = "deadlock"
	Timeout  Kind = "timeout"
	Panic    Kind = "panic"
	Race     Kind = "race"     // the race detector reported a data race (exercises with race: true)
	Output   Kind = "output"   // the tests printed more than the limit
	Memory   Kind = "memory"   // the tests held more memory than the limit
	Forged   Kind = "forged"   // the test output carries a result line accent did not sign
	Internal Kind = "internal" // grading failed; the verdict's status is error
)

// Named reports whether a finding of kind k is narrowed by a name in its
// label: the analyzer's for Analyzer, the test's for Test.
func (k Kind) Named() bool { return k == Analyzer || k == Test }

// Label names a finding of kind k: the kind, then ":" and the name if
// there is one ("leak", "analyzer:chanleak", "test:TestX/case").
func Label(k Kind, name string) string {
	if name == "" {
		return string(k)
	}
	return string(k) + ":" + name
}

// ParseLabel splits a label into its kind and name. It does not check
// that the kind is known; the caller says which kinds it accepts.
func ParseLabel(s string) (Kind, string) {
	k, name, _ := strings.Cut(s, ":")
	return Kind(k), name
}
