package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/learner"
)

// lessonPage is the lesson reader: the lesson rendered by glamour for the
// terminal's width and background, scrolled in a viewport, with the
// learner's language first.
type lessonPage struct {
	c      *common
	lesson *course.Lesson
	from   state // where back goes: the map, or the exercise that sent the learner here

	vp      pager
	pending renderKey // the rendering asked for
	shown   renderKey // the rendering on screen
	err     error

	width, height int
}

func newLessonPage(c *common) lessonPage {
	m := lessonPage{c: c, vp: newPager(c.keys, c.mouse)}
	return m
}

// viewportKeys gives a viewport the workbench's scrolling keys.
func viewportKeys(km *KeyMap) viewport.KeyMap {
	return viewport.KeyMap{
		Up: km.Up, Down: km.Down, PageUp: km.PageUp, PageDown: km.PageDown,
		HalfPageUp: km.HalfPageUp, HalfPageDown: km.HalfPageDown,
		Left: key.Binding{}, Right: key.Binding{}, // lessons wrap: nothing to scroll sideways
	}
}

// SetSize sets the size of the page body: the text and a footer line.
func (m *lessonPage) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(1, h-1))
}

// open shows lesson l, reached from page from: where the learner left it
// when it is the lesson shown last, unless top.
func (m *lessonPage) open(l *course.Lesson, from state, top bool) tea.Cmd {
	if top {
		m.vp.GotoTop()
	}
	if m.lesson == nil || m.lesson.ID != l.ID {
		m.vp.SetContent("")
		m.vp.GotoTop()
		m.shown = renderKey{}
	}
	m.lesson, m.from, m.err = l, from, nil
	return m.refresh()
}

// refresh renders the lesson again if the width, the theme or the
// language changed since it was rendered.
func (m *lessonPage) refresh() tea.Cmd {
	if m.lesson == nil || m.width <= 0 {
		return nil
	}
	k := m.keyFor(m.lesson)
	if k == m.shown || k == m.pending {
		return nil
	}
	m.pending = k
	return renderDocument(m.c.renderer, m.c.styles, k, lessonDoc(m.c.course, m.lesson, m.c.language()))
}

// keyFor names the rendering of lesson l for the page as it is now.
func (m lessonPage) keyFor(l *course.Lesson) renderKey {
	return renderKey{page: lessonState, id: l.ID, width: m.width, dark: m.c.styles.Dark, variant: string(m.c.language())}
}

// lessonDoc is the document for a lesson: its title and its body, links to
// other lessons and exercises written as ids.
func lessonDoc(c *course.Course, l *course.Lesson, lang course.Language) document {
	body := c.LinksAsIDs(l.Path, l.Body)
	if !strings.HasPrefix(body, "# ") {
		body = "# " + l.Title + "\n\n" + body
	}
	return lessonDocument(body, lang)
}

func (m lessonPage) Update(msg tea.Msg) (lessonPage, tea.Cmd) {
	km := m.c.keys
	switch msg := msg.(type) {
	case documentRenderedMsg:
		if msg.key != m.pending {
			return m, nil // an older size, theme or lesson
		}
		m.pending = renderKey{}
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		m.shown, m.err = msg.key, nil
		m.vp.SetContent(msg.out.content)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, km.Back):
			return m, navigate(backRequestedMsg{})
		case key.Matches(msg, km.Top):
			m.vp.GotoTop()
		case key.Matches(msg, km.Bottom):
			m.vp.GotoBottom()
		case key.Matches(msg, km.OpenExercise):
			if id := m.exercise(); id != "" {
				return m, navigate(exerciseOpenedMsg{id: id})
			}
			return m, showStatus("This lesson leads to no exercise.", false)
		case key.Matches(msg, km.Next):
			return m, m.step(+1)
		case key.Matches(msg, km.Previous):
			return m, m.step(-1)
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

// exercise is the lesson's exercise to go to: the first one not passed.
func (m lessonPage) exercise() string {
	return learner.LessonExercise(m.c.state, m.lesson)
}

// step opens the next (d = 1) or previous (d = -1) lesson of the course.
func (m lessonPage) step(d int) tea.Cmd {
	ls := m.c.course.Lessons
	for i, l := range ls {
		if l.ID == m.lesson.ID {
			if j := i + d; j >= 0 && j < len(ls) {
				return navigate(lessonOpenedMsg{id: ls[j].ID})
			}
		}
	}
	if d > 0 {
		return showStatus("That was the last lesson.", false)
	}
	return showStatus("This is the first lesson.", false)
}

func (m lessonPage) View() string {
	st := m.c.styles
	var body string
	switch {
	case m.err != nil:
		body = st.StatusErr.Render(" Cannot show this lesson: " + m.err.Error())
	case m.shown.id == "":
		body = st.Muted.Render(" Rendering…")
	default:
		body = m.vp.View()
	}
	body = fitBlock(body, m.width, max(1, m.height-1))
	footer := fmt.Sprintf(" %3.0f%%", m.vp.ScrollPercent()*100)
	if id := m.exercise(); id != "" {
		if ex, ok := m.c.course.Exercise(id); ok {
			footer += " · x: exercise " + quote(ex.Title)
		}
	}
	return body + "\n" + st.Muted.Render(truncate(footer, m.width))
}

func (m lessonPage) ShortHelp() []key.Binding {
	km := m.c.keys
	return []key.Binding{
		relabel(km.Down, "↑↓", "scroll"), relabel(km.PageDown, "space", "page"), withHelp(km.OpenExercise, "exercise"),
		relabel(km.Next, "n/p", "next/previous"), km.Help, km.Back, km.Quit,
	}
}

func (m lessonPage) FullHelp() [][]key.Binding {
	km := m.c.keys
	return [][]key.Binding{
		{km.Up, km.Down, km.PageUp, km.PageDown, km.HalfPageUp, km.HalfPageDown, km.Top, km.Bottom},
		{withHelp(km.OpenExercise, "open its exercise"), km.Next, km.Previous, km.Back},
		{km.Language, km.Help, km.Quit, km.ForceQuit},
	}
}

// quote puts a title in curly quotes.
func quote(s string) string { return "“" + s + "”" }
