package dashboard

import (
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/workshop"
)

// View draws the dashboard in the alternate screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "accent workshop"
	if m.hasSnap && m.snap.Code != "" {
		v.WindowTitle = "accent workshop · " + clean(m.snap.Code)
	}
	return v
}

// render draws the whole screen: exactly height lines of at most width
// columns, whatever the size.
func (m Model) render() string {
	w, h := m.width, m.height
	st := m.styles
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		msg := st.TooSmall.Render(fmt.Sprintf("Terminal too small: %d×%d", w, h)) + "\n" +
			st.Muted.Render(fmt.Sprintf("The dashboard needs %d×%d. q quits.", MinWidth, MinHeight))
		return fitBlock(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), w, h)
	}
	l := m.layout()
	return strings.Join([]string{
		fitBlock(m.header(w), w, 1),
		fitBlock(m.body(l), w, l.bodyH),
		fitBlock(m.statusLine(w), w, 1),
		fitBlock(" "+m.helpBar.View(m), w, 1),
	}, "\n")
}

// header is the top line: the join code, the participants, how many
// passed the exercise open now, and whether the view is live.
func (m Model) header(w int) string {
	st := m.styles
	left := st.Badge.Render("accent workshop") + " "
	var right string
	switch {
	case m.fetchErr != nil:
		right = st.Offline.Render("offline · retrying") + " "
	case !m.hasSnap:
		right = st.HeaderInfo.Render("connecting…") + " "
	case m.now().Sub(m.fetchedAt) > 2*m.every+time.Second:
		right = st.HeaderInfo.Render(fmt.Sprintf("updated %s ago", m.now().Sub(m.fetchedAt).Round(time.Second))) + " "
	default:
		right = st.Live.Render("● live") + " "
	}
	room := w - ansi.StringWidth(left) - ansi.StringWidth(right) - 1
	info := m.headerInfo(false)
	if ansi.StringWidth(info) > room {
		info = m.headerInfo(true) // the exercise by its short name
	}
	if ansi.StringWidth(info) > room {
		info = ansi.Truncate(info, max(0, room), "…")
	}
	gap := max(1, room-ansi.StringWidth(info)+1)
	return left + info + strings.Repeat(" ", gap) + right
}

// headerInfo is the room's code, its participants and how many passed
// the exercise opened last, named in full or by its short name.
func (m Model) headerInfo(short bool) string {
	st := m.styles
	if !m.hasSnap {
		return ""
	}
	n := len(m.snap.Participants)
	info := st.HeaderInfo.Render("room ") + st.Code.Render(clean(m.snap.Code)) +
		st.HeaderInfo.Render(fmt.Sprintf(" · %d joined", n))
	if cur := m.currentExercise(); cur != "" {
		name := cur
		if short {
			name = slug(cur)
		}
		info += st.HeaderInfo.Render(fmt.Sprintf(" · %d/%d passed %s", m.passedCount(cur), n, clean(name)))
	}
	return info
}

// passedCount is how many participants passed ex.
func (m Model) passedCount(ex string) int {
	n := 0
	for _, p := range m.snap.Participants {
		if p.Cells[ex].State == "passed" {
			n++
		}
	}
	return n
}

// body is everything between the header and the status line.
func (m Model) body(l layout) string {
	st := m.styles
	if m.state == helpState {
		return m.helpView(l.width, l.bodyH)
	}
	if p, ok := m.selected(); ok && m.state == detailState {
		return m.detailView(p, l.width, l.bodyH)
	}
	if !m.hasSnap {
		msg := "Connecting to the workshop server…"
		if m.fetchErr != nil {
			msg = "Cannot reach the workshop server yet (retrying): " + clean(m.fetchErr.Error())
		}
		return st.Muted.Render(" " + truncate(msg, l.width-2))
	}
	grid := m.renderGrid(l.gridW, l.gridH)
	if l.side {
		panel := m.sidePanel(l.panelW, l.bodyH)
		div := strings.TrimSuffix(strings.Repeat(st.Divider.Render(" │ ")+"\n", l.bodyH), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, fitBlock(grid, l.gridW, l.bodyH), div, panel)
	}
	return grid + "\n" + m.bottomPanel(l)
}

// findingLines are the room's most frequent findings, up to n:
// "7× analyzer:chanleak in channels/pipeline".
func (m Model) findingLines(n, w int) []string {
	st := m.styles
	var out []string
	for _, f := range m.snap.TopFindings {
		if len(out) == n {
			break
		}
		count := fmt.Sprintf("%d× ", f.Participants)
		out = append(out, " "+st.Count.Render(count)+st.Finding.Render(truncate(findingText(f), w-1-ansi.StringWidth(count))))
	}
	if len(out) == 0 {
		out = append(out, st.Muted.Render(truncate(" none right now", w)))
	}
	return out
}

// findingText is a finding and where: "analyzer:chanleak in channels/pipeline".
func findingText(f workshop.FindingCount) string {
	text := clean(f.Finding)
	if len(f.Exercises) > 0 {
		text += " in " + clean(strings.Join(f.Exercises, ", "))
	}
	return text
}

// messageLines are the last n broadcasts, oldest first.
func (m Model) messageLines(n, w int) []string {
	st := m.styles
	msgs := m.snap.Messages
	if len(msgs) > n {
		msgs = msgs[len(msgs)-n:]
	}
	var out []string
	for _, msg := range msgs {
		at := msg.At.In(m.now().Location()).Format("15:04") + " "
		out = append(out, " "+st.Muted.Render(at)+st.Text.Render(truncate(clean(msg.Text), w-1-len(at))))
	}
	if len(out) == 0 {
		out = append(out, st.Muted.Render(truncate(" none yet: b sends one to everybody", w)))
	}
	return out
}

// bottomPanel is the findings and the broadcasts under the grid, on
// narrow screens, always l.panelH lines high so that the grid does not
// jump as findings come and go.
func (m Model) bottomPanel(l layout) string {
	st := m.styles
	lines := []string{st.PanelTitle.Render(truncate(" Most frequent findings right now", l.width))}
	found := m.findingLines(l.nFind, l.width)
	lines = append(lines, found...)
	for range l.nFind - len(found) {
		lines = append(lines, "")
	}
	lines = append(lines, st.PanelTitle.Render(truncate(" Last broadcasts", l.width)))
	lines = append(lines, m.messageLines(l.nMsg, l.width)...)
	return fitBlock(strings.Join(lines, "\n"), l.width, l.panelH)
}

// sidePanel is the findings and the broadcasts right of the grid, on wide
// screens: as many broadcasts as fit.
func (m Model) sidePanel(w, h int) string {
	st := m.styles
	lines := []string{st.PanelTitle.Render(truncate("Most frequent findings right now", w))}
	for _, f := range m.snap.TopFindings {
		count := fmt.Sprintf("%d× ", f.Participants)
		wrapped := strings.Split(ansi.Wrap(findingText(f), max(1, w-ansi.StringWidth(count)), " "), "\n")
		lines = append(lines, st.Count.Render(count)+st.Finding.Render(wrapped[0]))
		for _, l := range wrapped[1:] {
			lines = append(lines, strings.Repeat(" ", ansi.StringWidth(count))+st.Finding.Render(l))
		}
	}
	if len(m.snap.TopFindings) == 0 {
		lines = append(lines, st.Muted.Render(truncate("none right now", w)))
	}
	lines = append(lines, "", st.PanelTitle.Render(truncate("Last broadcasts", w)))
	var msgs []string // newest first, wrapped, until the panel is full
	room := h - len(lines)
	for _, msg := range slices.Backward(m.snap.Messages) {
		at := msg.At.In(m.now().Location()).Format("15:04") + " "
		wrapped := strings.Split(ansi.Wrap(clean(msg.Text), max(1, w-len(at)), " "), "\n")
		if len(wrapped) > room {
			break
		}
		block := st.Muted.Render(at) + st.Text.Render(wrapped[0])
		for _, l := range wrapped[1:] {
			block += "\n" + strings.Repeat(" ", len(at)) + st.Text.Render(l)
		}
		msgs = append(msgs, block)
		room -= len(wrapped)
	}
	slices.Reverse(msgs)
	lines = append(lines, msgs...)
	if len(m.snap.Messages) == 0 {
		lines = append(lines, st.Muted.Render(truncate("none yet: b sends one to everybody", w)))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// statusLine is the line above the help bar: the broadcast being typed,
// the result of the last action, the poll's error, or where the rows are.
func (m Model) statusLine(w int) string {
	st := m.styles
	switch {
	case m.state == typingState:
		return " " + m.input.View()
	case m.state == confirmState:
		ex := clean(m.confirming)
		ask := func(name string) string {
			return fmt.Sprintf("Open %s to the whole room? y opens it, any other key cancels.", name)
		}
		text := ask(ex)
		if ansi.StringWidth(text) > w-2 {
			text = fmt.Sprintf("Open %s to the room? y: yes, other key: no", clean(slug(m.confirming)))
		}
		return st.StatusErr.Render(" " + truncate(text, w-2))
	case m.status != "":
		style := st.Status
		if m.statusErr {
			style = st.StatusErr
		}
		return style.Render(" " + truncate(clean(m.status), w-2))
	case m.fetchErr != nil:
		return st.StatusErr.Render(" " + truncate(fmt.Sprintf("Retrying every %s: %s", m.every, clean(m.fetchErr.Error())), w-2))
	case m.hasSnap && len(m.rows) > 0:
		info := "sorted by " + m.sort.String()
		if vis := m.visibleRows(); len(m.rows) > vis {
			info += fmt.Sprintf(" · rows %d–%d of %d", m.offset+1, min(len(m.rows), m.offset+vis), len(m.rows))
		}
		return st.Status.Render(" " + truncate(info, w-2))
	}
	return ""
}

// detailView is one participant in full, wrapped to the width: who, where
// they are, why they are stuck, and on every session exercise its state,
// attempts, hints and the findings of their last verdict.
func (m Model) detailView(p workshop.ParticipantState, w, h int) string {
	st := m.styles
	tw := max(10, w-4)
	wrap := func(text string, style lipgloss.Style, indent string) []string {
		var out []string
		for _, l := range strings.Split(ansi.Wrap(text, max(1, tw-ansi.StringWidth(indent)), " "), "\n") {
			out = append(out, " "+indent+style.Render(l))
		}
		return out
	}
	nameStyle := st.PanelTitle
	if p.Stuck != "" {
		nameStyle = st.StuckName
	}
	lines := wrap(clean(p.Name), nameStyle, "")
	info := fmt.Sprintf("%d/%d passed", p.Passed, len(m.snap.Exercises))
	if p.Current != "" {
		info += " · on " + clean(p.Current)
	}
	if !p.LastSeen.IsZero() {
		info += " · last seen " + p.LastSeen.In(m.now().Location()).Format("15:04")
	}
	lines = append(lines, wrap(info, st.Muted, "")...)
	if p.Stuck != "" {
		lines = append(lines, wrap("Stuck: "+clean(p.Stuck), st.StuckReason, "")...)
	}
	lines = append(lines, "")
	for _, ex := range m.snap.Exercises {
		c, ok := p.Cells[ex]
		mark, style := m.cell(c)
		if !ok || c.State == "" {
			mark, style = "·", st.Muted
		}
		var what string
		switch c.State {
		case "passed":
			what = "passed"
		case "failing":
			what = "failing"
		case "error":
			what = "does not build or test"
		case "opened":
			what = "working on it"
		default:
			what = "not started"
		}
		if !slices.Contains(m.snap.Opened, ex) {
			what += " (not opened yet)"
		}
		text := fmt.Sprintf("%s: %s · %s · %s", clean(ex), what, plural(c.Attempts, "attempt"), plural(c.Hints, "hint"))
		head := wrap(text, st.Text, "   ")
		head[0] = " " + style.Render(pad(mark, 3)) + strings.TrimPrefix(head[0], " "+"   ")
		lines = append(lines, head...)
		if len(c.Findings) > 0 {
			lines = append(lines, wrap("last verdict: "+clean(strings.Join(c.Findings, ", ")), st.Finding, "     ")...)
		}
	}
	lines = append(lines, "", st.Muted.Render(truncate(" ↑↓ another participant · esc back", w)))
	if len(lines) > h && h > 0 {
		lines = append(lines[:h-1], st.Muted.Render(truncate(" … (a taller terminal shows the rest)", w)))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// plural is "1 attempt", "3 attempts".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// helpView is the help page: every key, then what the grid means.
func (m Model) helpView(w, h int) string {
	st := m.styles
	legend := []string{
		"",
		st.PanelTitle.Render("The grid"),
		st.Pass.Render("✓") + st.Text.Render(" passed   ") + st.Fail.Render("✗3") + st.Text.Render(" failing, 3 attempts   ") +
			st.Error.Render("!") + st.Text.Render(" does not build or test   ") + st.Working.Render("●") + st.Text.Render(" working on it"),
		st.Text.Render("A blank cell: not started. Dimmed columns: not opened yet."),
		st.Text.Render("Stuck (the last column): the same failure again and again,"),
		st.Text.Render("far slower than the room's median, or idle."),
		st.Text.Render("Findings count the participants failing on them right now."),
	}
	keys := m.helpPage.View(m)
	if groups := m.FullHelp(); w < 110 { // two columns, then the third below them
		keys = m.helpPage.FullHelpView(groups[:2]) + "\n\n" + m.helpPage.FullHelpView(groups[2:])
	}
	body := st.PanelTitle.Render("Keys") + "\n" + keys + "\n" + strings.Join(legend, "\n")
	return fitBlock(indentLines(body, " "), w, h)
}

// indentLines puts prefix before every line of s.
func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
