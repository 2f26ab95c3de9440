package spelling

import "testing"

func TestNearest(t *testing.T) {
	names := []string{"durationunit", "errignored", "erroverwrite", "chanleak"}
	tests := []struct{ in, want string }{
		{"duratonunit", "durationunit"},
		{"errignore", "errignored"},
		{"chanlek", "chanleak"},
		{"zzzzzzzz", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, names); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
