package tui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/editor"
)

// EditorFunc returns the command that opens path at line in the learner's
// editor.
type EditorFunc func(path string, line int) (*exec.Cmd, error)

// errNoEditor says no editor could be found.
var errNoEditor = errors.New("no editor found: set $VISUAL or $EDITOR (for example export EDITOR=vim)")

// SystemEditor opens command (the learner's $VISUAL, else $EDITOR, as the
// caller read them), else nano or vi, at the line, with the arguments each
// known editor expects for it (vim +12, code --goto f:12, hx f:12...).
func SystemEditor(command string) EditorFunc {
	return func(path string, line int) (*exec.Cmd, error) {
		return editorCommand(strings.Fields(command), path, line)
	}
}

func editorCommand(fields []string, path string, line int) (*exec.Cmd, error) {
	if len(fields) == 0 {
		for _, name := range []string{"nano", "vi"} {
			if p, err := exec.LookPath(name); err == nil {
				fields = []string{p}
				break
			}
		}
	}
	if len(fields) == 0 {
		return nil, errNoEditor
	}
	args := fields[1:]
	appendPath := true
	if line > 0 {
		extra, inArgs := editor.LineNumber(line)(filepath.Base(fields[0]), path)
		args = append(args, extra...)
		appendPath = !inArgs
	}
	if appendPath {
		args = append(args, path)
	}
	return exec.Command(fields[0], args...), nil
}

// openEditor hands the terminal to the editor and takes it back when the
// editor exits.
func openEditor(fn EditorFunc, path string, line int) tea.Cmd {
	return guarded(func() tea.Msg {
		cmd, err := fn(path, line) // looks the editor up in $PATH: off the event loop
		if err != nil {
			return editorClosedMsg{err: err}
		}
		return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorClosedMsg{err: err} })()
	})
}
