package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/learner"
)

type rowKind int

const (
	topicRow rowKind = iota
	lessonRow
	exerciseRow
)

// maxRowWidth keeps a row's status near its title on wide terminals.
const maxRowWidth = 96

// mapRow is one line of the course map.
type mapRow struct {
	kind   rowKind
	topic  *course.Topic
	lesson *course.Lesson
	ex     *course.Exercise
	num    int // the number to jump to it (1-based); 0 for topics
}

func (r mapRow) id() string {
	switch r.kind {
	case lessonRow:
		return r.lesson.ID
	case exerciseRow:
		return r.ex.ID
	}
	return r.topic.ID
}

func (r mapRow) title() string {
	switch r.kind {
	case lessonRow:
		return r.lesson.Title
	case exerciseRow:
		return r.ex.Title
	}
	return r.topic.Title
}

// courseMap is the home page: every topic with its lessons and exercises,
// the learner's progress, a filter and "continue where I left off".
type courseMap struct {
	c *common

	rows    []mapRow
	visible []int // indexes into rows that pass the filter
	sel     int   // index into rows of the selected row
	offset  int   // first line of the list on screen

	filter    textinput.Model
	filtering bool   // the filter has the keyboard
	jump      string // digits typed so far
	unlock    string // a locked exercise the learner asked to open once already

	bar           progress.Model
	width, height int
}

func newCourseMap(c *common) courseMap {
	m := courseMap{c: c}
	n := 0
	for _, t := range c.course.Topics {
		m.rows = append(m.rows, mapRow{kind: topicRow, topic: t})
		for _, l := range t.Lessons {
			n++
			m.rows = append(m.rows, mapRow{kind: lessonRow, topic: t, lesson: l, num: n})
		}
		for _, ex := range t.Exercises {
			n++
			m.rows = append(m.rows, mapRow{kind: exerciseRow, topic: t, ex: ex, num: n})
		}
	}
	m.filter = textinput.New()
	m.filter.Prompt = "/ "
	m.filter.Placeholder = "type to filter lessons and exercises"
	m.filter.SetVirtualCursor(true)
	m.bar = progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('━', '─'))
	m.applyStyles()
	m.applyFilter()
	m.selectContinue()
	return m
}

// applyStyles takes the colours of the current theme.
func (m *courseMap) applyStyles() {
	m.filter.SetStyles(m.c.styles.Filter)
	m.bar.FullColor, m.bar.EmptyColor = m.c.styles.BarFull, m.c.styles.BarEmpty
}

// SetSize sets the size of the page body.
func (m *courseMap) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(max(10, w-4))
	m.offset = 0 // from the top, as far as the selection allows
	m.scrollToSelection()
}

// listHeight is how many rows fit: the body minus the progress line, the
// filter line and the details line.
func (m courseMap) listHeight() int { return max(1, m.height-3) }

// capturing reports whether typed keys belong to the filter.
func (m courseMap) capturing() bool { return m.filtering }

func (m courseMap) Update(msg tea.Msg) (courseMap, tea.Cmd) {
	km := m.c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.filtering {
			return m.updateFilter(msg)
		}
		if !key.Matches(msg, km.Jump) {
			m.jump = ""
		}
		if !key.Matches(msg, km.Open) {
			m.unlock = ""
		}
		switch {
		case key.Matches(msg, km.Up):
			m.move(-1)
		case key.Matches(msg, km.Down):
			m.move(+1)
		case key.Matches(msg, km.PageUp):
			m.move(-m.listHeight())
		case key.Matches(msg, km.PageDown):
			m.move(+m.listHeight())
		case key.Matches(msg, km.Top):
			m.move(-len(m.rows))
		case key.Matches(msg, km.Bottom):
			m.move(+len(m.rows))
		case key.Matches(msg, km.Continue):
			m.filter.Reset()
			m.applyFilter()
			m.selectContinue()
		case key.Matches(msg, km.Jump):
			cmd := m.jumpTo(msg.String())
			return m, cmd
		case key.Matches(msg, km.Filter):
			m.filtering = true
			cmd := m.filter.Focus()
			return m, cmd
		case key.Matches(msg, km.ClearFilter) && m.filter.Value() != "":
			m.filter.Reset()
			m.applyFilter()
		case key.Matches(msg, km.Open):
			cmd := m.open()
			return m, cmd
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			cmd := m.click(msg.Mouse().Y)
			return m, cmd
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(+1)
		}
	}
	return m, nil
}

// bodyTop is the line of the terminal the page body starts on (below the
// header); mouse clicks arrive in terminal coordinates.
const bodyTop = 2

func (m *courseMap) click(y int) tea.Cmd {
	line := y - bodyTop - 2 // the progress and filter lines
	if line < 0 || line >= m.listHeight() || m.offset+line >= len(m.visible) {
		return nil
	}
	r := m.visible[m.offset+line]
	if m.rows[r].kind == topicRow {
		return nil
	}
	if m.sel == r {
		return m.open()
	}
	m.sel = r
	m.scrollToSelection()
	return nil
}

func (m courseMap) updateFilter(msg tea.KeyPressMsg) (courseMap, tea.Cmd) {
	km := m.c.keys
	switch {
	case key.Matches(msg, km.ClearFilter):
		m.filtering = false
		m.filter.Blur()
		m.filter.Reset()
		m.applyFilter()
		return m, nil
	case key.Matches(msg, km.AcceptFilter):
		m.filtering = false
		m.filter.Blur()
		if key.Matches(msg, km.Up) {
			m.move(-1)
		}
		if key.Matches(msg, km.Down) {
			m.move(+1)
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.applyFilter()
	return m, cmd
}

// applyFilter keeps the rows whose title or id contain the filter (any
// case), with their topics; a topic that matches keeps all its rows.
func (m *courseMap) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.visible = m.visible[:0]
	matches := func(r mapRow) bool {
		return q == "" || strings.Contains(strings.ToLower(r.title()), q) || strings.Contains(r.id(), q)
	}
	for i := 0; i < len(m.rows); {
		t := m.rows[i]
		end := i + 1
		for end < len(m.rows) && m.rows[end].kind != topicRow {
			end++
		}
		all := matches(t)
		var kept []int
		for j := i + 1; j < end; j++ {
			if all || matches(m.rows[j]) {
				kept = append(kept, j)
			}
		}
		if len(kept) > 0 {
			m.visible = append(m.visible, i)
			m.visible = append(m.visible, kept...)
		}
		i = end
	}
	if !m.isVisible(m.sel) || m.rows[m.sel].kind == topicRow {
		m.sel = -1
		for _, r := range m.visible {
			if m.rows[r].kind != topicRow {
				m.sel = r
				break
			}
		}
	}
	m.scrollToSelection()
}

func (m courseMap) isVisible(r int) bool {
	for _, v := range m.visible {
		if v == r {
			return true
		}
	}
	return false
}

// position is where row r is in the visible list, or -1.
func (m courseMap) position(r int) int {
	for i, v := range m.visible {
		if v == r {
			return i
		}
	}
	return -1
}

// move moves the selection by d selectable rows, stopping at the ends.
func (m *courseMap) move(d int) {
	p := m.position(m.sel)
	if p < 0 {
		return
	}
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for ; d > 0; d-- {
		next := p + step
		for next >= 0 && next < len(m.visible) && m.rows[m.visible[next]].kind == topicRow {
			next += step
		}
		if next < 0 || next >= len(m.visible) {
			break
		}
		p = next
	}
	m.sel = m.visible[p]
	m.scrollToSelection()
}

// selectContinue selects the exercise to continue with.
func (m *courseMap) selectContinue() {
	if ex := learner.Continue(m.c.course, m.c.state); ex != nil {
		m.selectID(ex.ID)
	}
}

func (m *courseMap) selectID(id string) {
	for i, r := range m.rows {
		if r.kind != topicRow && r.id() == id && m.isVisible(i) {
			m.sel = i
			m.scrollToSelection()
			return
		}
	}
}

// jumpTo selects the row numbered by the digits typed so far plus d; if
// there is none, by d alone.
func (m *courseMap) jumpTo(d string) tea.Cmd {
	for _, digits := range []string{m.jump + d, d} {
		n, err := strconv.Atoi(digits)
		if err != nil {
			continue
		}
		for i, r := range m.rows {
			if r.num == n {
				if !m.isVisible(i) {
					m.filter.Reset()
					m.applyFilter()
				}
				m.jump = digits
				m.sel = i
				m.scrollToSelection()
				return nil
			}
		}
	}
	m.jump = ""
	return showStatus(fmt.Sprintf("Nothing is numbered %s.", d), true)
}

func (m *courseMap) scrollToSelection() {
	p := m.position(m.sel)
	h := m.listHeight()
	if p < 0 {
		m.offset = 0
		return
	}
	top := p
	if top > 0 && m.rows[m.visible[top-1]].kind == topicRow {
		top-- // show the topic above its first row
	}
	if top < m.offset {
		m.offset = top
	}
	if p >= m.offset+h {
		m.offset = p - h + 1
	}
	m.offset = max(0, min(m.offset, len(m.visible)-h))
}

func (m *courseMap) open() tea.Cmd {
	if m.sel < 0 {
		return nil
	}
	r := m.rows[m.sel]
	switch r.kind {
	case lessonRow:
		return navigate(lessonOpenedMsg{id: r.lesson.ID})
	case exerciseRow:
		if learner.StandingOf(m.c.course, m.c.state, r.ex) == learner.Locked && m.unlock != r.ex.ID {
			m.unlock = r.ex.ID
			prev := learner.Previous(m.c.course, r.ex)
			return showStatus(fmt.Sprintf("%q opens when %q passes. Press enter again to open it anyway.", r.ex.Title, prev.Title), false)
		}
		m.unlock = ""
		return navigate(exerciseOpenedMsg{id: r.ex.ID})
	}
	return nil
}

func (m courseMap) View() string {
	st := m.c.styles
	var b strings.Builder

	done, total := learner.PassedCount(m.c.state, m.c.course.Exercises), len(m.c.course.Exercises)
	label := fmt.Sprintf("%d of %d exercises passed", done, total)
	pct := 0.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	barW := m.width - len(label) - 10
	line := " " + st.Text.Render(label)
	if barW >= 10 {
		bar := m.bar
		bar.SetWidth(min(barW, 40))
		line += "  " + bar.ViewAs(pct) + st.Muted.Render(fmt.Sprintf(" %3.0f%%", pct*100))
	}
	b.WriteString(line + "\n")

	switch {
	case m.filtering || m.filter.Value() != "":
		b.WriteString(" " + m.filter.View())
	case m.jump != "":
		b.WriteString(st.Muted.Render(" jump to " + m.jump))
	}
	b.WriteString("\n")

	h := m.listHeight()
	numW := len(strconv.Itoa(len(m.rows)))
	for i := m.offset; i < m.offset+h; i++ {
		if i < len(m.visible) {
			b.WriteString(m.rowView(m.rows[m.visible[i]], m.visible[i] == m.sel, numW))
		} else if i == 0 {
			b.WriteString(st.Muted.Render("   Nothing matches " + strconv.Quote(m.filter.Value()) + ". esc clears the filter."))
		}
		b.WriteString("\n")
	}
	b.WriteString(m.detailView())
	return b.String()
}

func (m courseMap) rowView(r mapRow, selected bool, numW int) string {
	st := m.c.styles
	if r.kind == topicRow {
		done := learner.PassedCount(m.c.state, r.topic.Exercises)
		return " " + st.Topic.Render(r.topic.Title) + st.Muted.Render(fmt.Sprintf("  %d/%d", done, len(r.topic.Exercises)))
	}
	cursor := "  "
	if selected {
		cursor = st.Cursor.Render("› ")
	}
	num := st.Number.Render(fmt.Sprintf("%*d", numW, r.num))
	var mark, word string
	markStyle, titleStyle := st.LessonMark, st.Row
	if r.kind == lessonRow {
		mark, word = "≡", "lesson"
	} else {
		s := learner.StandingOf(m.c.course, m.c.state, r.ex)
		word = s.String()
		switch s {
		case learner.Done:
			mark, markStyle = "✓", st.Done
		case learner.Current:
			mark, markStyle = "●", st.Current
		case learner.Open:
			mark, markStyle = "○", st.Open
		case learner.Locked:
			mark, markStyle, titleStyle = "·", st.Locked, st.Locked
		}
	}
	if selected {
		titleStyle = st.Selected
	}
	left := " " + cursor + num + " " + markStyle.Render(mark) + " "
	leftW := 1 + 2 + numW + 3
	// The status word goes at the right edge when there is room for it.
	wordW := len("current") + 2
	titleW := min(m.width, maxRowWidth) - leftW - wordW - 1
	if titleW < 16 {
		titleW, word = m.width-leftW-1, ""
	}
	title := truncate(r.title(), titleW)
	out := left + titleStyle.Render(title)
	if word != "" {
		out += strings.Repeat(" ", max(1, titleW-ansi.StringWidth(title)+2)) + markStyle.Render(fmt.Sprintf("%-7s", word))
	}
	return out
}

// detailView says more about the selected row on the last line.
func (m courseMap) detailView() string {
	st := m.c.styles
	if m.sel < 0 {
		return ""
	}
	r := m.rows[m.sel]
	var s string
	switch r.kind {
	case lessonRow:
		s = fmt.Sprintf("Lesson %s · leads to %d exercise(s) · enter to read", r.lesson.ID, len(r.lesson.Exercises))
	case exerciseRow:
		p, _ := learner.Lookup(m.c.state, r.ex.ID)
		s = fmt.Sprintf("Exercise %s · %s · %s", r.ex.ID, plural(p.Attempts, "attempt"), plural(p.HintsUsed, "hint"))
		if p.Passed() {
			s += " · passed " + p.FirstPass.Local().Format("Jan 2")
		}
	}
	return st.Muted.Render(" " + truncate(s, m.width-2))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// truncate cuts s to w columns, ending it with an ellipsis if it was cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

func (m courseMap) ShortHelp() []key.Binding {
	km := m.c.keys
	if m.filtering {
		return []key.Binding{km.AcceptFilter, km.ClearFilter}
	}
	return []key.Binding{
		relabel(km.Down, "↑↓", "move"), km.Open, km.Filter, withHelp(km.Continue, "continue"), km.Help, km.Language, km.Quit,
	}
}

func (m courseMap) FullHelp() [][]key.Binding {
	km := m.c.keys
	return [][]key.Binding{
		{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom},
		{km.Open, km.Jump, km.Continue, km.Filter, km.ClearFilter},
		{km.Language, enabled(km.Join, m.c.join != nil), enabled(km.Swap, m.c.pairing), km.Help, km.Back, km.Quit, km.ForceQuit},
	}
}

// navigate is a command that asks the root for another page.
func navigate(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}

// showStatus shows a one-line message above the help bar until the next
// key press.
func showStatus(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusShownMsg{text: text, err: isErr} }
}
