package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// JoinFunc joins a workshop from the workbench (W): it records the room
// and the name (no network: the client then sends in the background) and
// returns the workshop and how to describe it ("10.0.0.5:7777 as Ana").
type JoinFunc func(server, code, name string) (Workshop, string, error)

// workshopJoinedMsg says the learner joined a workshop from the workbench.
type workshopJoinedMsg struct {
	w    Workshop
	desc string
	err  error
}

// joinPage asks for the workshop's address, its join code and the name the
// facilitator will see: what accent --join takes on the command line.
type joinPage struct {
	c      *common
	fields [3]textinput.Model // server, code, name
	focus  int
	err    string
	busy   bool
	from   state

	width, height int
}

var joinLabels = [3]string{"Server (HOST:PORT)", "Join code", "Your name"}

func newJoinPage(c *common) joinPage {
	m := joinPage{c: c}
	placeholders := [3]string{"192.168.1.20:7777", "K7QX-M2PA", "the name the facilitator sees"}
	for i := range m.fields {
		f := textinput.New()
		f.Prompt = "  "
		f.Placeholder = placeholders[i]
		f.CharLimit = 80
		f.SetVirtualCursor(true)
		m.fields[i] = f
	}
	return m
}

func (m *joinPage) SetSize(w, h int) {
	m.width, m.height = w, h
	for i := range m.fields {
		m.fields[i].SetWidth(max(10, min(w-6, 60)))
	}
}

// open shows the form, the cursor in the first empty field.
func (m *joinPage) open(from state) tea.Cmd {
	m.from, m.err, m.busy = from, "", false
	m.focus = 0
	for i := range m.fields {
		if m.fields[i].Value() == "" {
			m.focus = i
			break
		}
	}
	return m.focusField()
}

func (m *joinPage) focusField() tea.Cmd {
	var cmd tea.Cmd
	for i := range m.fields {
		if i == m.focus {
			cmd = m.fields[i].Focus()
		} else {
			m.fields[i].Blur()
		}
	}
	return cmd
}

func (m joinPage) Update(msg tea.Msg) (joinPage, tea.Cmd) {
	km := m.c.keys
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, km.JoinCancel):
			return m, navigate(backRequestedMsg{})
		case key.Matches(msg, km.JoinNext):
			m.focus = (m.focus + 1) % len(m.fields)
			return m, m.focusField()
		case key.Matches(msg, km.JoinPrev):
			m.focus = (m.focus + len(m.fields) - 1) % len(m.fields)
			return m, m.focusField()
		case key.Matches(msg, km.JoinSubmit):
			for i := range m.fields {
				if strings.TrimSpace(m.fields[i].Value()) == "" {
					if i == m.focus {
						m.err = joinLabels[i] + " is needed."
					}
					m.focus = i
					return m, m.focusField()
				}
			}
			if m.busy || m.c.join == nil {
				return m, nil
			}
			m.busy, m.err = true, ""
			join := m.c.join
			server, code, name := m.fields[0].Value(), m.fields[1].Value(), m.fields[2].Value()
			return m, guarded(func() tea.Msg {
				w, desc, err := join(strings.TrimSpace(server), strings.TrimSpace(code), name)
				return workshopJoinedMsg{w: w, desc: desc, err: err}
			})
		}
	}
	var cmd tea.Cmd
	m.fields[m.focus], cmd = m.fields[m.focus].Update(msg)
	return m, cmd
}

func (m joinPage) View() string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(" " + st.Title.Render("Join a workshop") + "\n\n")
	b.WriteString(" " + st.Text.Render(truncate("What the facilitator's screen shows. The room sees your progress, never your code.", m.width-2)) + "\n\n")
	for i := range m.fields {
		label := st.Muted.Render(" " + joinLabels[i])
		if i == m.focus {
			label = st.Selected.Render(" " + joinLabels[i])
		}
		b.WriteString(label + "\n" + m.fields[i].View() + "\n\n")
	}
	switch {
	case m.busy:
		b.WriteString(st.Muted.Render(" Joining…"))
	case m.err != "":
		b.WriteString(st.StatusErr.Render(" " + truncate(m.err, m.width-2)))
	}
	return b.String()
}

func (m joinPage) ShortHelp() []key.Binding {
	km := m.c.keys
	return []key.Binding{km.JoinNext, km.JoinSubmit, km.JoinCancel, km.ForceQuit}
}

func (m joinPage) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
