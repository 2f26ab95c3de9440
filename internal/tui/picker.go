package tui

import (
	_ "embed"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
)

//go:embed content/welcome.md
var welcomeText string

// pickerPage asks which language the learner comes from. It opens by
// itself on the first run, and with L from anywhere later.
type pickerPage struct {
	c     *common
	sel   int
	from  state // where to go once chosen
	first bool  // the first run: there is nowhere to go back to

	width, height int
}

func newPickerPage(c *common) pickerPage {
	return pickerPage{c: c}
}

func (m *pickerPage) SetSize(w, h int) { m.width, m.height = w, h }

// open shows the picker, the learner's language selected.
func (m *pickerPage) open(from state, first bool) {
	m.from, m.first = from, first
	m.sel = 0
	for i, l := range course.Languages {
		if l == m.c.language() {
			m.sel = i
		}
	}
}

func (m pickerPage) Update(msg tea.Msg) (pickerPage, tea.Cmd) {
	km := m.c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, km.Up):
			m.sel = max(0, m.sel-1)
		case key.Matches(msg, km.Down):
			m.sel = min(len(course.Languages)-1, m.sel+1)
		case key.Matches(msg, km.Choose):
			return m, saveLanguage(m.c.store, course.Languages[m.sel])
		case key.Matches(msg, km.Back) && !m.first:
			return m, navigate(backRequestedMsg{})
		}
	case tea.MouseClickMsg:
		if i := msg.Mouse().Y - bodyTop - m.listTop(); i >= 0 && i < len(course.Languages) {
			if i == m.sel {
				return m, saveLanguage(m.c.store, course.Languages[m.sel])
			}
			m.sel = i
		}
	}
	return m, nil
}

// intro is the welcome text wrapped to the page.
func (m pickerPage) intro() []string {
	return strings.Split(ansi.Wordwrap(strings.Join(strings.Fields(welcomeText), " "), max(20, min(m.width-2, 72)), " "), "\n")
}

// listTop is the body line of the first language: below the title, a
// blank line, the intro and another blank line.
func (m pickerPage) listTop() int { return 2 + len(m.intro()) + 1 }

// knownFor is what each language's learners reach for, to recognize it by.
var knownFor = map[course.Language]string{
	course.Node:   "Promise.all, async/await, AbortController",
	course.Python: "asyncio.gather, threads, exceptions",
	course.Java:   "ExecutorService, Future, exceptions",
}

func (m pickerPage) View() string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(" " + st.Title.Render("Where are you coming from?") + "\n\n")
	for _, line := range m.intro() {
		b.WriteString(" " + st.Text.Render(line) + "\n")
	}
	b.WriteString("\n")
	for i, l := range course.Languages {
		cursor, name := "   ", st.Row.Render(fmt.Sprintf("%-8s", l.Title()))
		if i == m.sel {
			cursor, name = st.Cursor.Render(" › "), st.Selected.Render(fmt.Sprintf("%-8s", l.Title()))
		}
		b.WriteString(cursor + name + "  " + st.Muted.Render(truncate(knownFor[l], m.width-14)) + "\n")
	}
	if m.c.languageChosen() {
		b.WriteString("\n" + st.Muted.Render(" Now: "+m.c.language().Title()))
	}
	return b.String()
}

func (m pickerPage) ShortHelp() []key.Binding {
	km := m.c.keys
	return []key.Binding{km.Up, km.Down, km.Choose, enabled(km.Back, !m.first), km.Quit}
}

func (m pickerPage) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.ShortHelp()}
}
