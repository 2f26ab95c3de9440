package dashboard

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/termui"
	"github.com/accent-go/accent/internal/workshop"
)

// sortRows puts the snapshot's participants in the chosen order.
func (m *Model) sortRows() {
	rows := slices.Clone(m.snap.Participants)
	nameOrder := func(a, b workshop.ParticipantState) int {
		return cmp.Or(
			cmp.Compare(strings.ToLower(clean(a.Name)), strings.ToLower(clean(b.Name))),
			cmp.Compare(a.Name, b.Name),
			cmp.Compare(a.ID, b.ID),
		)
	}
	switch m.sort {
	case byStuck:
		slices.SortStableFunc(rows, func(a, b workshop.ParticipantState) int {
			return cmp.Or(cmp.Compare(stuckRank(a), stuckRank(b)), nameOrder(a, b))
		})
	case byName:
		slices.SortStableFunc(rows, nameOrder)
	case byProgress:
		slices.SortStableFunc(rows, func(a, b workshop.ParticipantState) int {
			return cmp.Or(cmp.Compare(a.Passed, b.Passed), nameOrder(a, b))
		})
	}
	m.rows = rows
}

func stuckRank(p workshop.ParticipantState) int {
	if p.Stuck != "" {
		return 0
	}
	return 1
}

// layout is where things go on a screen of a given size.
type layout struct {
	width, height int
	bodyH         int // between the header and the status line

	side   bool // the panel is on the right (wide screens), else below
	panelW int  // side panel width
	panelH int  // bottom panel height
	nFind  int  // findings lines in the bottom panel
	nMsg   int  // message lines in the bottom panel

	gridW, gridH int // the grid, its column header included
}

// chrome is the lines around the body: the header, the status line and
// the help bar.
const chrome = 3

// sideMinWidth is the width from which the panel goes to the right.
const sideMinWidth = 110

func (m Model) layout() layout {
	l := layout{width: m.width, height: m.height, bodyH: max(0, m.height-chrome)}
	if l.width >= sideMinWidth {
		l.side = true
		l.panelW = min(50, l.width/3)
		l.gridW = l.width - l.panelW - 3 // " │ "
		l.gridH = l.bodyH
		return l
	}
	l.gridW = l.width
	switch {
	case l.bodyH >= 18:
		l.nFind, l.nMsg = 3, 2
	case l.bodyH >= 12:
		l.nFind, l.nMsg = 2, 1
	default:
		l.nFind, l.nMsg = 1, 1
	}
	l.panelH = 2 + l.nFind + l.nMsg
	l.gridH = max(0, l.bodyH-l.panelH)
	return l
}

// visibleRows is how many participants fit on screen at once.
func (m Model) visibleRows() int {
	return max(1, m.layout().gridH-1)
}

// columns is how the grid's columns are laid out in a given width.
type columns struct {
	nameW, doneW, cellW, stuckW int
	first, count                int // the exercises shown: Exercises[first:first+count]
}

const (
	minNameW  = 8
	maxNameW  = 22
	minCellW  = 4  // "✗12" and a space
	maxCellW  = 26 // the longest short names in full, when the width allows
	minStuckW = 12
)

func (m Model) columns(width int) columns {
	exs := m.snap.Exercises
	var c columns
	c.nameW = len("name")
	for _, p := range m.rows {
		c.nameW = max(c.nameW, ansi.StringWidth(clean(p.Name)))
	}
	c.nameW = min(c.nameW, maxNameW, max(minNameW, width/4))
	c.doneW = max(len("done"), len(fmt.Sprintf("%d/%d", len(exs), len(exs))))
	c.cellW = minCellW
	for _, ex := range exs {
		c.cellW = max(c.cellW, ansi.StringWidth(clean(slug(ex)))+1)
	}
	c.cellW = min(c.cellW, maxCellW)
	// The stuck column gets a quarter of the width: why someone is stuck
	// matters more than the exercises' names in full.
	// No more than the longest reason needs, so that the exercises' names
	// get the rest (the selected participant's details show a reason in full).
	stuckNeed := minStuckW
	for _, p := range m.rows {
		stuckNeed = max(stuckNeed, ansi.StringWidth(clean(p.Stuck)))
	}
	room := width - 1 - c.nameW - 1 - c.doneW - 1 - min(stuckNeed, max(minStuckW, width/4)) // a leading space and the gaps
	if n := len(exs); n > 0 {
		if room < n*c.cellW {
			c.cellW = max(minCellW, room/n)
		}
		c.count = min(n, max(1, room/c.cellW))
		// Too many to show at once: keep the exercise opened last in view.
		if c.count < n {
			cur := slices.Index(exs, m.currentExercise())
			c.first = min(max(0, cur-c.count+2), n-c.count)
		}
	}
	c.stuckW = max(0, width-1-c.nameW-1-c.doneW-1-c.count*c.cellW)
	return c
}

// currentExercise is the exercise opened last, or "".
func (m Model) currentExercise() string {
	for _, ex := range slices.Backward(m.snap.Opened) {
		if slices.Contains(m.snap.Exercises, ex) {
			return ex
		}
	}
	return ""
}

// renderGrid draws the column header and the rows on screen, width by
// height lines.
func (m Model) renderGrid(width, height int) string {
	st := m.styles
	if len(m.rows) == 0 {
		msg := "No participants yet. They join with: accent --join " + m.joinHint()
		return fitBlock(st.Muted.Render(" "+truncate(msg, width-2)), width, height)
	}
	c := m.columns(width)
	exs := m.snap.Exercises[c.first : c.first+c.count]
	cur := m.currentExercise()

	var b strings.Builder
	b.WriteString(" " + st.ColumnTitle.Render(pad("name", c.nameW)) + " " + st.ColumnTitle.Render(padLeft("done", c.doneW)) + " ")
	for _, ex := range exs {
		style := st.ColumnTitle
		switch {
		case ex == cur:
			style = st.ColumnCurrent
		case !slices.Contains(m.snap.Opened, ex):
			style = st.ColumnClosed
		}
		b.WriteString(style.Render(truncate(clean(slug(ex)), c.cellW-1)) + strings.Repeat(" ", c.cellW-ansi.StringWidth(truncate(clean(slug(ex)), c.cellW-1))))
	}
	if c.stuckW > 0 {
		b.WriteString(st.ColumnTitle.Render(truncate("stuck", c.stuckW)))
	}
	for i := m.offset; i < len(m.rows) && i-m.offset < height-1; i++ {
		row := m.renderRow(m.rows[i], c, exs)
		if i == m.sel {
			row = st.Cursor.Render("›") + strings.TrimPrefix(row, " ")
		}
		b.WriteString("\n" + row)
	}
	return fitBlock(b.String(), width, height)
}

// renderRow draws one participant.
func (m Model) renderRow(p workshop.ParticipantState, c columns, exs []string) string {
	st := m.styles
	nameStyle := st.Name
	if p.Stuck != "" {
		nameStyle = st.StuckName
	}
	var b strings.Builder
	b.WriteString(" " + nameStyle.Render(pad(truncate(clean(p.Name), c.nameW), c.nameW)) + " ")
	b.WriteString(st.Done.Render(padLeft(fmt.Sprintf("%d/%d", p.Passed, len(m.snap.Exercises)), c.doneW)) + " ")
	for _, ex := range exs {
		text, style := m.cell(p.Cells[ex])
		text = truncate(text, c.cellW-1)
		b.WriteString(style.Render(text) + strings.Repeat(" ", c.cellW-ansi.StringWidth(text)))
	}
	if p.Stuck != "" && c.stuckW > 0 {
		b.WriteString(st.StuckReason.Render(truncate(clean(p.Stuck), c.stuckW)))
	}
	return b.String()
}

// cell is a participant's mark on one exercise: ✓ passed, ✗ failing (with
// the attempts), ! an error, ● working, blank for not started.
func (m Model) cell(cs workshop.CellState) (string, lipgloss.Style) {
	st := m.styles
	switch cs.State {
	case "passed":
		return "✓", st.Pass
	case "failing":
		return fmt.Sprintf("✗%d", cs.Attempts), st.Fail
	case "error":
		return "!", st.Error
	case "opened":
		return "●", st.Working
	}
	return "", st.Text
}

// joinHint is HOST:PORT --code CODE, for the empty room's message.
func (m Model) joinHint() string {
	host := "HOST:PORT"
	if f, ok := m.api.(*workshop.Facilitator); ok && f != nil {
		host = f.Server().Host
	}
	return host + " --code " + clean(m.snap.Code) + " --name NAME"
}

// slug is an exercise's short name: "channels/pipeline" -> "pipeline".
func slug(ex string) string {
	if i := strings.LastIndexByte(ex, '/'); i >= 0 {
		return ex[i+1:]
	}
	return ex
}

// clean makes text from the server safe to draw: control and format
// characters (escape sequences included) are dropped, and line breaks and
// tabs become spaces. The server sanitises names already; the dashboard
// does not rely on it.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == unicode.ReplacementChar:
			return -1
		}
		return r
	}, s)
}

// truncate cuts s to w columns, with an ellipsis when it cuts.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad fills s with spaces to w columns.
func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// padLeft right-aligns s in w columns.
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + s
}

// fitBlock makes s exactly h lines of at most w columns (termui.FitBlock).
func fitBlock(s string, w, h int) string { return termui.FitBlock(s, w, h) }
