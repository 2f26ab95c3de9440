package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/grade"
	pairmode "github.com/accent-go/accent/internal/pair"
)

// PairOptions turn on pair mode: the status line shows who drives and a
// countdown, the workbench asks the pair to swap when it reaches zero, and
// what the pair drove is logged.
type PairOptions struct {
	Session *pairmode.Session
	Log     *pairmode.Log // nil: nothing is logged
}

// pairBar is pair mode in the workbench: the roles and countdown on the
// status line, and the swap prompt, a modal that takes every key but
// ctrl+c until the pair answers it. It ticks once a second, and only in
// pair mode with a rotation.
type pairBar struct {
	c       *common
	session *pairmode.Session // nil: no pair session
	log     *pairmode.Log
	asking  bool          // the swap prompt is on screen
	every   time.Duration // how often the countdown ticks; 0 in tests that run commands in line
}

// pairTickedMsg is the once-a-second tick of a rotating pair session.
type pairTickedMsg struct{}

// pairLoggedMsg says records were appended to the pair log.
type pairLoggedMsg struct{ err error }

func newPairBar(c *common, opts *PairOptions) pairBar {
	p := pairBar{c: c, every: time.Second}
	if opts != nil && opts.Session != nil {
		p.session, p.log = opts.Session, opts.Log
	}
	return p
}

func (p pairBar) active() bool { return p.session != nil }

// start starts the tick, if the session rotates.
func (p pairBar) start() tea.Cmd {
	if !p.active() || !p.session.Rotates() {
		return nil
	}
	return p.tick()
}

// tick is the next tick of the countdown. (A tea.Tick fires once: each
// tick needs a new one.)
func (p pairBar) tick() tea.Cmd {
	if p.every <= 0 {
		return nil
	}
	return tea.Tick(p.every, func(time.Time) tea.Msg { return pairTickedMsg{} })
}

// logRecords appends recs to the pair log, off the event loop.
func (p pairBar) logRecords(recs []pairmode.Record) tea.Cmd {
	if p.log == nil || len(recs) == 0 {
		return nil
	}
	log := p.log
	return guarded(func() tea.Msg { return pairLoggedMsg{err: log.Append(recs...)} })
}

// follow logs the pair's move to the exercise id ("" for none), if it is
// one, and a pass of id when passed.
func (p pairBar) follow(id string, passedID string) tea.Cmd {
	recs := p.session.SetExercise(id)
	if passedID != "" {
		recs = append(recs, p.session.Passed(passedID)...)
	}
	return p.logRecords(recs)
}

// end ends the session and logs its last stint, synchronously: the
// workbench has stopped.
func (p pairBar) end() error {
	if !p.active() || p.log == nil {
		return nil
	}
	return p.log.Append(p.session.End()...)
}

func (p pairBar) Update(msg tea.Msg) (pairBar, tea.Cmd) {
	switch msg := msg.(type) {
	case pairTickedMsg:
		if p.active() && p.session.Due() {
			p.asking = true
		}
		return p, p.tick()
	case tea.KeyPressMsg:
		km := p.c.keys
		switch {
		case key.Matches(msg, km.ConfirmSwap):
			p.asking = false
			cmd := p.logRecords(p.session.Swap())
			text := fmt.Sprintf("%s drives now, %s navigates.", p.session.Driver().Name, p.session.Navigator().Name)
			if p.session.Rotates() {
				text += " Next swap in " + pairmode.FormatDuration(p.session.Rotate()) + "."
			}
			return p, tea.Batch(cmd, showStatus(text, false))
		case key.Matches(msg, km.LaterSwap):
			p.asking = false
			p.session.Later(pairmode.Snooze)
			return p, showStatus(fmt.Sprintf("%s drives %s more.", p.session.Driver().Name, pairmode.FormatDuration(pairmode.Snooze)), false)
		}
	}
	return p, nil
}

// countdown is the time left before the swap, as 14:59 or 1:05:00.
func countdown(d time.Duration) string {
	s := int64((d + time.Second - 1) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// shortName is a name cut for the status line.
func shortName(p pairmode.Person, w int) string { return truncate(p.Name, w) }

// statusLine is the bottom status line in pair mode: the transient
// message on the left, the roles and countdown on the right, shortened
// when both do not fit in w columns.
func (p pairBar) statusLine(left string, w int) string {
	st := p.c.styles
	s := p.session
	swap := ""
	if s.Rotates() {
		swap = "swap in " + countdown(s.Remaining())
		if p.asking || s.Due() {
			swap = "swap now"
		}
	}
	long := fmt.Sprintf("%s drives · %s navigates", shortName(s.Driver(), 16), shortName(s.Navigator(), 16))
	short := shortName(s.Driver(), 12) + " drives"
	if swap != "" {
		long += " · " + swap
		short += " · " + strings.TrimPrefix(swap, "swap in ")
	}
	right := long
	if ansi.StringWidth(left)+ansi.StringWidth(long)+3 > w {
		right = short
	}
	style := st.PairRoles
	if p.asking || s.Due() {
		style = st.PairDue
	}
	rendered := style.Render(right + " ")
	room := w - ansi.StringWidth(rendered) - 1
	left = truncate(left, room)
	return left + strings.Repeat(" ", max(1, room-ansi.StringWidth(left)+1)) + rendered
}

// promptView is the swap prompt, centred in a body of w×h.
func (p pairBar) promptView(w, h int) string {
	st := p.c.styles
	s := p.session
	next, now := s.Navigator(), s.Driver() // after the swap
	lines := []string{
		st.Title.Render("Time to swap roles"),
		"",
		st.Text.Render(fmt.Sprintf("%s drives now; %s navigates.", shortName(next, 24), shortName(now, 24))),
		st.Muted.Render(fmt.Sprintf("%s, hand the keyboard to %s.", shortName(now, 24), shortName(next, 24))),
		"",
		st.Key.Render("enter") + st.Text.Render(" swap") + st.Muted.Render("  ·  ") +
			st.Key.Render("esc") + st.Text.Render(fmt.Sprintf(" %s more", pairmode.FormatDuration(pairmode.Snooze))),
	}
	box := st.PairBox.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

// The swap prompt's help: its two keys.
func (p pairBar) ShortHelp() []key.Binding {
	return []key.Binding{p.c.keys.ConfirmSwap, p.c.keys.LaterSwap, p.c.keys.ForceQuit}
}

func (p pairBar) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// frontExercise is the exercise in front of the pair: the one open, also
// while its lesson, the help or the language picker is on top of it; ""
// on the course map and lessons reached from it.
func (m Model) frontExercise() string {
	s := m.state
	switch s {
	case helpState:
		s = m.help.from
	case languageState:
		s = m.picker.from
	}
	if s == lessonState && m.lesson.from == exerciseState {
		s = exerciseState
	}
	if s == exerciseState && m.exercise.ex != nil {
		return m.exercise.ex.ID
	}
	return ""
}

// followPair logs what the pair has in front of them after msg, and the
// pass msg brought, if any. before is the model msg was given to.
func (m Model) followPair(before Model, msg tea.Msg) tea.Cmd {
	passedID := ""
	if g, ok := msg.(exerciseGradedMsg); ok && g.verdict.Status == grade.Pass && m.exercise.ex != nil &&
		g.id == m.exercise.ex.ID && g.seq == m.exercise.seq && m.exercise.verdict != before.exercise.verdict {
		if v := before.exercise.verdict; v == nil || v.Status != grade.Pass || before.exercise.ex != m.exercise.ex {
			passedID = g.id
		}
	}
	return m.pair.follow(m.frontExercise(), passedID)
}

// trailerView is the commit trailer shown under a pass in pair mode.
func (m exercisePage) trailerView() string {
	st := m.c.styles
	t := m.c.trailer
	if t == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n" + st.Muted.Render("   For your commit message (credits you both):"))
	for _, l := range t.Lines {
		b.WriteString("\n" + st.PairTrailer.Render(l))
	}
	for _, n := range t.Notes {
		b.WriteString("\n" + st.Muted.Render("   "+truncate(n, m.width-4)))
	}
	return b.String()
}

// trailerHeight is how many lines trailerView takes.
func (m exercisePage) trailerHeight() int {
	if m.c.trailer == nil {
		return 0
	}
	return 1 + len(m.c.trailer.Lines) + len(m.c.trailer.Notes)
}
