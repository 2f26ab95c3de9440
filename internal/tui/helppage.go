package tui

import (
	_ "embed"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

//go:embed content/help.md
var guideText string

// helpPage is the full help: every key of the page the learner came from,
// generated from the KeyMap, then a short guide to the workbench.
type helpPage struct {
	c    *common
	of   help.KeyMap // the page being explained
	from state

	keys    help.Model
	vp      pager
	pending renderKey
	shown   renderKey
	guide   string

	width, height int
}

func newHelpPage(c *common) helpPage {
	m := helpPage{c: c, keys: help.New(), vp: newPager(c.keys, c.mouse)}
	m.keys.ShowAll = true
	return m
}

func (m *helpPage) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(h)
	m.layout()
}

// open explains the page of, reached from state from.
func (m *helpPage) open(of help.KeyMap, from state) tea.Cmd {
	m.of, m.from = of, from
	m.vp.GotoTop()
	m.layout()
	return m.refresh()
}

// refresh renders the guide for the current width and theme.
func (m *helpPage) refresh() tea.Cmd {
	if m.width <= 0 {
		return nil
	}
	k := renderKey{page: helpState, id: "guide", width: m.width, dark: m.c.styles.Dark}
	if k == m.shown || k == m.pending {
		return nil
	}
	m.pending = k
	return renderDocument(m.c.renderer, m.c.styles, k, document{{markdown: guideText}})
}

// layout puts the keys and the guide in the viewport.
func (m *helpPage) layout() {
	m.keys.Styles = m.c.styles.Help
	keys := ""
	if m.of != nil {
		keys = indent(m.columns(m.of.FullHelp()), " ")
	}
	m.vp.SetContent(keys + "\n\n" + m.guide)
}

// columns lays the groups of keys out side by side, starting a new row of
// groups when the next one would not fit.
func (m helpPage) columns(groups [][]key.Binding) string {
	var rows, row []string
	width := 0
	for _, g := range groups {
		col := m.keys.FullHelpView([][]key.Binding{g})
		w := lipgloss.Width(col) + 4
		if len(row) > 0 && width+w > m.width-2 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, width = nil, 0
		}
		row = append(row, col+"    ")
		width += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}

func (m helpPage) Update(msg tea.Msg) (helpPage, tea.Cmd) {
	km := m.c.keys
	switch msg := msg.(type) {
	case documentRenderedMsg:
		if msg.key != m.pending {
			return m, nil
		}
		m.pending = renderKey{}
		if msg.err == nil {
			m.shown, m.guide = msg.key, msg.out.content
			m.layout()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, km.Back), key.Matches(msg, km.Help):
			return m, navigate(backRequestedMsg{})
		case key.Matches(msg, km.Top):
			m.vp.GotoTop()
		case key.Matches(msg, km.Bottom):
			m.vp.GotoBottom()
		default:
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return m, cmd
		}
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m helpPage) View() string {
	return fitBlock(m.vp.View(), m.width, m.height)
}

func (m helpPage) ShortHelp() []key.Binding {
	km := m.c.keys
	return []key.Binding{withHelp(km.Down, "scroll"), withHelp(km.Back, "close help"), km.Quit}
}

func (m helpPage) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
