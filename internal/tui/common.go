package tui

import (
	"context"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/learner"
	pairmode "github.com/accent-go/accent/internal/pair"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/render"
	"github.com/accent-go/accent/internal/workspace"
)

// common is what every page shares: the terminal size, the styles and
// keys, the course, the workspace and the latest progress. The root model
// owns it and is the only one to change it, in Update.
type common struct {
	width, height int // the whole terminal

	styles   *Styles
	keys     *KeyMap
	renderer *render.Renderer

	course *course.Course
	ws     *workspace.Workspace
	store  *progress.Store
	state  *progress.State // the latest snapshot; replaced, never changed in place

	grade    GradeFunc
	watch    func(dir string, gen int) tea.Cmd // starts watch mode (startWatch)
	editor   EditorFunc
	jobs     *jobs           // grades in flight, waited for at exit
	ctx      context.Context // canceled when the workbench stops
	mouse    bool
	noColor  bool
	home     string // shown as ~ in paths (Options.Home)
	fixTheme bool   // the theme was chosen by the caller: ignore the terminal's answer
	animate  bool   // spinner and celebration frames (off in tests that run commands in line)

	workshop     Workshop          // the workshop joined; nil if none
	workshopDesc string            // " at HOST:PORT as NAME", once known
	room         learner.Room      // the workshop's session (refreshRoom); zero if none
	join         JoinFunc          // joins one from the workbench (W); nil: not offered
	pairing      bool              // a pair session is on
	trailer      *pairmode.Trailer // pair mode: the Co-authored-by lines shown after a pass
}

// displayPath is path as the workbench shows it: under the learner's home
// directory, with ~ for it.
func (c *common) displayPath(path string) string {
	if c.home == "" {
		return path
	}
	rel, err := filepath.Rel(c.home, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	if rel == "." {
		return "~"
	}
	return "~" + string(filepath.Separator) + rel
}

// language is the learner's source language, Node.js until they choose.
func (c *common) language() course.Language { return learner.Language(c.state) }

// languageChosen reports whether the learner has picked a language.
func (c *common) languageChosen() bool { return learner.LanguageChosen(c.state) }
