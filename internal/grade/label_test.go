package grade

import "testing"

func TestFindingLabel(t *testing.T) {
	tests := []struct {
		f    Finding
		want string
	}{
		{Finding{Kind: Leak, Test: "TestX", File: "a.go", Message: "m"}, "leak"},
		{Finding{Kind: Panic, Test: "TestX"}, "panic"},
		{Finding{Kind: Analyzer, Analyzer: "chanleak", Test: "TestX"}, "analyzer:chanleak"},
		{Finding{Kind: Analyzer}, "analyzer"},
		{Finding{Kind: Test, Test: "TestX/case_1"}, "test:TestX/case_1"},
		{Finding{Kind: Test}, "test"},
		{Finding{Kind: Compile, File: "a.go", Line: 3}, "compile"},
	}
	for _, tt := range tests {
		if got := tt.f.Label(); got != tt.want {
			t.Errorf("%+v: Label() = %q, want %q", tt.f, got, tt.want)
		}
	}
}
