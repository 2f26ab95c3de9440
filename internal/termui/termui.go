// Package termui holds what accent's two Bubble Tea programs (the
// learner's workbench and the facilitator's dashboard) share: a frame
// that never spills, and commands whose panics end the program cleanly.
package termui

import (
	"runtime/debug"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// FitBlock makes s exactly h lines of at most w columns: longer lines are
// cut, missing lines added. Every page body goes through it, so nothing a
// page draws can spill past its box and leave garbage on screen.
func FitBlock(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// CrashedMsg says a command panicked: the program quits cleanly (the
// terminal restored) and reports the panic with its stack.
type CrashedMsg struct {
	Value any
	Stack []byte
}

// Guarded runs cmd, turning a panic into a CrashedMsg.
func Guarded(cmd tea.Cmd) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = CrashedMsg{Value: r, Stack: debug.Stack()}
			}
		}()
		return cmd()
	}
}
