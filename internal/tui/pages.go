package tui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
)

// page is one page of the workbench. The root keeps each page in a field
// of Model and reaches the one on screen through the pages table, for
// every message, size, theme, header and help. To add a page: write its
// type with these methods, give it a state, a field in Model (built in
// newModel), and a line in pages; then open it from a key or a message.
type page interface {
	help.KeyMap // its keys, for the help bar and the help page

	// View is the page's body; SetSize sets its size.
	View() string
	SetSize(w, h int)

	// update is the page's Update, its result kept in place.
	update(tea.Msg) tea.Cmd
	// crumbs say where the learner is, for the header.
	crumbs() []string
	// capturing reports whether the page wants typed letters (a filter,
	// a form): then the workbench's letter keys are not obeyed.
	capturing() bool
	// refresh renders again what depends on the size, the theme or the
	// language; nil if nothing does.
	refresh() tea.Cmd
	// applyStyles takes the colours of the current theme.
	applyStyles()
	// back leaves the page: the state to show instead, and what leaving
	// takes (stopping a watcher...).
	back() (state, tea.Cmd)
}

// pages is the workbench's pages, by state: the state's name, and where
// Model keeps the page.
var pages = [...]struct {
	name string
	of   func(*Model) page
}{
	mapState:      {"map", func(m *Model) page { return &m.courseMap }},
	lessonState:   {"lesson", func(m *Model) page { return &m.lesson }},
	exerciseState: {"exercise", func(m *Model) page { return &m.exercise }},
	languageState: {"language", func(m *Model) page { return &m.picker }},
	helpState:     {"help", func(m *Model) page { return &m.help }},
	joinState:     {"join", func(m *Model) page { return &m.joinForm }},
}

func (s state) String() string {
	if s >= 0 && int(s) < len(pages) {
		return pages[s].name
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// pageAt is the page of state s.
func (m *Model) pageAt(s state) page { return pages[s].of(m) }

// updated runs a page's Update and keeps the page it returns in place.
func updated[P interface{ Update(tea.Msg) (P, tea.Cmd) }](p *P, msg tea.Msg) tea.Cmd {
	next, cmd := (*p).Update(msg)
	*p = next
	return cmd
}

// topicTitle is the title of topic id, or the id.
func topicTitle(c *course.Course, id string) string {
	if t, ok := c.Topic(id); ok {
		return t.Title
	}
	return id
}

// The course map.

func (m *courseMap) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *courseMap) crumbs() []string           { return []string{"Course map"} }
func (m *courseMap) refresh() tea.Cmd           { return nil }
func (m *courseMap) back() (state, tea.Cmd)     { return mapState, nil }

// A lesson.

func (m *lessonPage) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *lessonPage) capturing() bool            { return false }
func (m *lessonPage) applyStyles()               {}
func (m *lessonPage) back() (state, tea.Cmd)     { return m.from, nil }

func (m *lessonPage) crumbs() []string {
	if m.lesson == nil {
		return nil
	}
	return []string{topicTitle(m.c.course, m.lesson.Topic), m.lesson.Title}
}

// An exercise.

func (m *exercisePage) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *exercisePage) capturing() bool            { return false }

// back goes to the course map: the learner has left the exercise, so its
// grade and watcher stop.
func (m *exercisePage) back() (state, tea.Cmd) { return mapState, m.stop() }

func (m *exercisePage) crumbs() []string {
	if m.ex == nil {
		return nil
	}
	return []string{topicTitle(m.c.course, m.ex.Topic), m.ex.Title}
}

// The language picker.

func (m *pickerPage) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *pickerPage) crumbs() []string           { return []string{"Language"} }
func (m *pickerPage) capturing() bool            { return false }
func (m *pickerPage) refresh() tea.Cmd           { return nil }
func (m *pickerPage) applyStyles()               {}
func (m *pickerPage) back() (state, tea.Cmd)     { return m.from, nil }

// The help.

func (m *helpPage) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *helpPage) crumbs() []string           { return []string{"Help"} }
func (m *helpPage) capturing() bool            { return false }
func (m *helpPage) applyStyles()               { m.layout() }
func (m *helpPage) back() (state, tea.Cmd)     { return m.from, nil }

// The join form.

func (m *joinPage) update(msg tea.Msg) tea.Cmd { return updated(m, msg) }
func (m *joinPage) crumbs() []string           { return []string{"Join a workshop"} }
func (m *joinPage) capturing() bool            { return true }
func (m *joinPage) refresh() tea.Cmd           { return nil }
func (m *joinPage) applyStyles()               {}
func (m *joinPage) back() (state, tea.Cmd)     { return m.from, nil }
