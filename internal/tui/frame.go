package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/termui"
)

// fitBlock makes s exactly h lines of at most w columns (termui.FitBlock):
// every page body goes through it.
func fitBlock(s string, w, h int) string { return termui.FitBlock(s, w, h) }

// firstLine is s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// pager scrolls text: a viewport for the scrolling, drawn by View from the
// lines it keeps. (The viewport's own View wraps every visible line again
// on every frame, which costs milliseconds per key.)
type pager struct {
	viewport.Model
	lines []string
}

func newPager(km *KeyMap, mouse bool) pager {
	p := pager{Model: viewport.New()}
	p.MouseWheelEnabled = mouse
	p.KeyMap = viewportKeys(km)
	return p
}

// SetContent replaces the text, keeping the scroll position where it can.
func (p *pager) SetContent(s string) {
	p.lines = strings.Split(s, "\n")
	p.Model.SetContentLines(slices.Clone(p.lines))
}

// Content is the text.
func (p pager) Content() string { return strings.Join(p.lines, "\n") }

// Update scrolls for keys and the mouse wheel.
func (p pager) Update(msg tea.Msg) (pager, tea.Cmd) {
	var cmd tea.Cmd
	p.Model, cmd = p.Model.Update(msg)
	return p, cmd
}

// View draws the visible lines, exactly Width() by Height().
func (p pager) View() string {
	top := min(p.YOffset(), len(p.lines))
	bottom := min(top+p.Height(), len(p.lines))
	return fitBlock(strings.Join(p.lines[top:bottom], "\n"), p.Width(), p.Height())
}
