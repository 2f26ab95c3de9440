package termui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestFitBlockIsExactlyTheBox(t *testing.T) {
	got := FitBlock("a long first line\nb\nc\nd", 6, 3)
	if got != "a long\nb\nc" {
		t.Errorf("cut: %q", got)
	}
	if got := FitBlock("x", 4, 3); got != "x\n\n" {
		t.Errorf("padded: %q", got)
	}
	if got := FitBlock("\x1b[1mbold text\x1b[0m", 4, 1); !strings.HasPrefix(got, "\x1b[1mbold") || strings.Contains(got, "text") {
		t.Errorf("styled: %q", got)
	}
	if FitBlock("x", 4, 0) != "" {
		t.Error("zero height")
	}
}

func TestGuardedTurnsAPanicIntoAMessage(t *testing.T) {
	msg := Guarded(func() tea.Msg { panic("boom") })()
	c, ok := msg.(CrashedMsg)
	if !ok || c.Value != "boom" || !strings.Contains(string(c.Stack), "termui") {
		t.Errorf("got %#v", msg)
	}
	if msg := Guarded(func() tea.Msg { return 42 })(); msg != 42 {
		t.Errorf("a calm command: %v", msg)
	}
}
