package course

import (
	"testing"

	"github.com/accent-go/accent/internal/finding"
)

func TestExpectCatches(t *testing.T) {
	tests := []struct {
		expect string
		kind   finding.Kind
		name   string
		want   bool
	}{
		{"leak", finding.Leak, "", true},
		{"leak", finding.Deadlock, "", false},
		{"test", finding.Test, "TestAnything", true},
		{"test:TestFirstWins", finding.Test, "TestFirstWins", true},
		{"test:TestFirstWins", finding.Test, "TestFirstWins/two_senders", true},
		{"test:TestFirstWins", finding.Test, "TestFirstWinsAgain", false},
		{"test:TestFirstWins", finding.Test, "", false},
		{"analyzer:lostcancel", finding.Analyzer, "lostcancel", true},
		{"analyzer:lostcancel", finding.Analyzer, "chanleak", false},
		{"analyzer:lostcancel", finding.Test, "lostcancel", false},
	}
	for _, tt := range tests {
		e, err := ParseExpect(tt.expect)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Catches(tt.kind, tt.name); got != tt.want {
			t.Errorf("%s catches %s: %v, want %v", e, finding.Label(tt.kind, tt.name), got, tt.want)
		}
		if e.String() != tt.expect {
			t.Errorf("ParseExpect(%q).String() = %q", tt.expect, e.String())
		}
	}
}

// Every kind a wrong variant may expect is a finding kind, spelt as the
// grader spells it, and only the named kinds take a name.
func TestExpectKindsAreFindingKinds(t *testing.T) {
	for _, k := range ExpectKinds {
		if _, err := ParseExpect(string(k)); err != nil && k != finding.Analyzer {
			t.Errorf("%s: %v", k, err)
		}
		_, err := ParseExpect(string(k) + ":X")
		if k.Named() && err != nil || !k.Named() && err == nil {
			t.Errorf("%s:X: named %v, error %v", k, k.Named(), err)
		}
	}
	for _, bad := range []string{"internal", "forged", "output", "memory", "leaks", ""} {
		if _, err := ParseExpect(bad); err == nil {
			t.Errorf("ParseExpect(%q) accepted a kind a wrong variant cannot expect", bad)
		}
	}
}
