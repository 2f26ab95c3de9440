package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

func TestVerdictIsColouredOnlyAtATerminalWithoutNoColor(t *testing.T) {
	c, err := course.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	v := grade.Verdict{Exercise: firstID, Status: grade.Fail, Findings: []grade.Finding{
		{Kind: grade.Test, File: "fetch.go", Line: 3, Message: "took 0s", Test: "TestX", Lesson: c.Lessons[0].ID},
	}}
	tests := []struct {
		name         string
		tty, noColor bool
		colour       bool
	}{
		{"terminal", true, false, true},
		{"terminal, NO_COLOR", true, true, false},
		{"piped", false, false, false},
	}
	var plain string
	for _, tt := range tests {
		s := &session{io: &IOStreams{OutTTY: tt.tty}, g: &Globals{Env: Env{NoColor: tt.noColor}}}
		var out bytes.Buffer
		printVerdict(&out, c, v, s.styles())
		got := out.String()
		if has := strings.Contains(got, "\x1b["); has != tt.colour {
			t.Errorf("%s: colour = %v, want %v:\n%q", tt.name, has, tt.colour, got)
		}
		if !tt.colour {
			plain = got
		}
		if !strings.Contains(got, "fetch.go:3") || !strings.Contains(got, "took 0s") || !strings.Contains(got, "accent lesson "+c.Lessons[0].ID) {
			t.Errorf("%s: %q", tt.name, got)
		}
	}
	want := "✗ " + firstID + ": fail (0.0s)\n  test      fetch.go:3: took 0s\n"
	if !strings.HasPrefix(plain, want) {
		t.Errorf("plain output = %q, want it to start %q", plain, want)
	}
}
