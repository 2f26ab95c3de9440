package finding

import "testing"

func TestLabels(t *testing.T) {
	tests := []struct {
		kind  Kind
		name  string
		label string
		named bool
	}{
		{Leak, "", "leak", false},
		{Analyzer, "chanleak", "analyzer:chanleak", true},
		{Analyzer, "", "analyzer", true},
		{Test, "TestX/case_1", "test:TestX/case_1", true},
		{Test, "TestX", "test:TestX", true},
		{Race, "", "race", false},
	}
	for _, tt := range tests {
		if got := Label(tt.kind, tt.name); got != tt.label {
			t.Errorf("Label(%s, %q) = %q, want %q", tt.kind, tt.name, got, tt.label)
		}
		if k, name := ParseLabel(tt.label); k != tt.kind || name != tt.name {
			t.Errorf("ParseLabel(%q) = %s, %q; want %s, %q", tt.label, k, name, tt.kind, tt.name)
		}
		if tt.kind.Named() != tt.named {
			t.Errorf("%s.Named() = %v", tt.kind, !tt.named)
		}
	}
}
