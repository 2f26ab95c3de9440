package tui

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/learner"
)

// state is the page on screen (see pages).
type state int

const (
	mapState state = iota
	lessonState
	exerciseState
	languageState
	helpState
	joinState
)

// The smallest terminal the workbench draws in; below it, it says so.
const (
	MinWidth  = 60
	MinHeight = 20
)

// chrome is the lines around a page body: the header and a blank line
// above, the status line and the help bar below.
const chrome = 4

// Model is the workbench: a root that owns the shared state and one
// sub-model per page, and routes messages between them.
type Model struct {
	c     *common
	state state

	// early are the keys typed before the terminal said its size (the
	// first frame): replayed once it does, not lost.
	early []tea.KeyPressMsg

	courseMap courseMap
	lesson    lessonPage
	exercise  exercisePage
	picker    pickerPage
	joinForm  joinPage
	help      helpPage
	pair      pairBar // pair mode, when a pair session is on

	helpBar   help.Model
	status    string
	statusErr bool
	warm      map[renderKey]bool // lessons rendered ahead, so that opening them is instant
	crash     *crash             // a panic caught in Update or a command: the workbench is quitting
}

// crash is a panic the workbench caught, to report once the terminal is
// restored.
type crash struct {
	value any
	stack []byte
}

func newModel(c *common) Model {
	m := Model{
		c:         c,
		courseMap: newCourseMap(c),
		lesson:    newLessonPage(c),
		exercise:  newExercisePage(c),
		picker:    newPickerPage(c),
		joinForm:  newJoinPage(c),
		help:      newHelpPage(c),
		helpBar:   help.New(),
		warm:      map[renderKey]bool{},
	}
	m.helpBar.Styles = c.styles.Help
	if !c.languageChosen() {
		m.state = languageState
		m.picker.open(mapState, true)
	}
	return m
}

// Init asks the terminal for its background, to pick light or dark
// styles, and starts the pair countdown in pair mode.
func (m Model) Init() tea.Cmd {
	if m.c.fixTheme {
		return tea.Batch(m.pair.start(), m.c.waitNotice())
	}
	return tea.Batch(tea.RequestBackgroundColor, m.pair.start(), m.c.waitNotice())
}

// Update handles one message. A panic in it, or in a command (see
// guarded), quits the workbench cleanly, and Run reports it.
func (m Model) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.crash = &crash{value: r, stack: debug.Stack()}
			next, cmd = m, m.quit()
		}
	}()
	next, cmd = m.update(msg)
	if nm, ok := next.(Model); ok && nm.pair.active() {
		cmd = tea.Batch(cmd, nm.followPair(m, msg))
	}
	if nm, ok := next.(Model); ok && len(nm.statusLines()) != len(m.statusLines()) {
		nm.resize() // a long status takes lines from the page, so it is read in full
		next = nm
	}
	return next, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case crashedMsg:
		m.crash = &crash{value: msg.Value, stack: msg.Stack}
		return m, m.quit()

	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.resize()
		cmds := []tea.Cmd{m.refresh(), m.prerender()}
		early := m.early
		m.early = nil
		for _, k := range early { // typed ahead: in order, as if typed now
			next, cmd := m.update(k)
			m = next.(Model)
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)

	case tea.BackgroundColorMsg:
		if m.c.fixTheme || msg.IsDark() == m.c.styles.Dark {
			return m, nil
		}
		m.setTheme(msg.IsDark())
		cmd := m.refresh()
		return m, cmd

	case tea.KeyPressMsg:
		// Quitting needs no frame (and a terminal that never says its
		// size must still quit on q, as a too-small one does).
		if m.c.width == 0 && m.c.height == 0 && !key.Matches(msg, m.c.keys.ForceQuit, m.c.keys.Quit) {
			if len(m.early) < maxEarlyKeys {
				m.early = append(m.early, msg)
			}
			return m, nil
		}
		m.status, m.statusErr = "", false
		return m.updateKeys(msg)

	case tea.MouseMsg:
		return m.updatePage(msg)

	case statusShownMsg:
		m.status, m.statusErr = msg.text, msg.err
		return m, nil

	case pairTickedMsg:
		var cmd tea.Cmd
		m.pair, cmd = m.pair.Update(msg)
		return m, cmd

	case workshopNoticeMsg:
		if n := msg.notice; n.Session || n.Opened != "" || n.Joined != "" {
			m.c.refreshRoom()
			m.courseMap.roomChanged()
		}
		text, isErr := noticeText(msg.notice)
		switch {
		case text == "" || (isErr && m.status != ""):
		case msg.notice.Message == nil && (strings.HasPrefix(m.status, facilitatorSays) || strings.HasPrefix(m.status, joinedSays)):
			m.status += " · " + text // a broadcast stays readable until a key is pressed
		default:
			m.status, m.statusErr = text, isErr
		}
		return m, m.c.waitNotice()

	case workshopJoinedMsg:
		m.joinForm.busy = false
		if msg.err != nil {
			m.joinForm.err = msg.err.Error()
			return m, nil
		}
		m.c.workshop, m.c.workshopDesc = msg.w, " at "+msg.desc
		m.c.refreshRoom()
		m.courseMap.roomChanged()
		m.state = m.joinForm.from
		m.status = joinedSays + msg.desc + ": your progress (never your code) goes to the facilitator."
		cmd := m.c.waitNotice()
		if m.state == exerciseState && m.exercise.ex != nil {
			cmd = tea.Batch(cmd, m.c.report(learner.OpenedEvents(m.exercise.ex.ID)...))
		}
		return m, cmd

	case workshopReportedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
		}
		return m, nil

	case pairLoggedMsg:
		if msg.err != nil {
			m.status, m.statusErr = "Pair log: "+msg.err.Error(), true
		}
		return m, nil

	case lessonOpenedMsg:
		l, ok := m.c.course.Lesson(msg.id)
		if !ok {
			return m, showStatus("No lesson "+msg.id, true)
		}
		from := mapState
		if m.state == exerciseState || (m.state == lessonState && m.lesson.from == exerciseState) {
			from = exerciseState
		}
		m.state = lessonState
		cmd := m.lesson.open(l, from, msg.top)
		return m, cmd

	case exerciseOpenedMsg:
		ex, ok := m.c.course.Exercise(msg.id)
		if !ok {
			return m, showStatus("No exercise "+msg.id, true)
		}
		if m.exercise.ex != nil && m.exercise.ex.ID == ex.ID && m.state == lessonState && m.lesson.from == exerciseState {
			m.state = exerciseState // back to the exercise still being watched
			return m, nil
		}
		m.state = exerciseState
		m.courseMap.selectID(ex.ID)
		cmd := tea.Batch(m.exercise.open(ex), m.c.report(learner.OpenedEvents(ex.ID)...))
		return m, cmd

	case backRequestedMsg:
		return m.back()

	case progressLoadedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
			return m, nil
		}
		m.c.state = msg.state
		return m, nil

	case languageSavedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
			return m, nil
		}
		m.c.state = msg.state
		m.state = m.picker.from
		m.status = "You come from " + m.c.language().Title() + ": its idiom comes first."
		var cmds []tea.Cmd
		if m.exercise.ex != nil {
			cmds = append(cmds, readExercise(m.c.ws, m.exercise.ex, m.c.language()))
		}
		cmd := tea.Batch(append(cmds, m.refresh())...)
		return m, cmd

	case hintRevealedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
			return m, nil
		}
		m.c.state = msg.state
		next, cmd := m.updateExercise(msg)
		return next, tea.Batch(cmd, m.c.report(learner.HintEvents(msg.id, msg.tier)...))

	case documentRenderedMsg:
		cmd := m.pageAt(msg.key.page).update(msg)
		return m, cmd

	case editorClosedMsg:
		if msg.err != nil {
			m.status, m.statusErr = "The editor: "+msg.err.Error(), true
		}
		return m.updateExercise(msg)

	case watcherClosedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
		}
		return m, nil

	case exerciseReadMsg, exerciseGradedMsg, watchStartedMsg, filesChangedMsg, watchEndedMsg,
		spinner.TickMsg, celebratedMsg:
		return m.updateExercise(msg)
	}
	return m, nil
}

func (m Model) updateExercise(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.exercise, cmd = m.exercise.Update(msg)
	return m, cmd
}

func (m Model) updateKeys(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	km := m.c.keys
	if key.Matches(msg, km.ForceQuit) {
		return m, m.quit()
	}
	if m.pair.asking { // the swap prompt is modal
		var cmd tea.Cmd
		m.pair, cmd = m.pair.Update(msg)
		return m, cmd
	}
	if m.tooSmall() {
		if key.Matches(msg, km.Quit) {
			return m, m.quit()
		}
		return m, nil
	}
	if !m.capturing() {
		switch {
		case key.Matches(msg, km.Quit):
			return m, m.quit()
		case key.Matches(msg, km.Help) && m.state != helpState:
			from := m.state
			m.state = helpState
			cmd := m.help.open(m.keyMap(from), from)
			return m, cmd
		case key.Matches(msg, km.Language) && m.state != languageState:
			m.picker.open(m.state, false)
			m.state = languageState
			return m, nil
		case key.Matches(msg, km.Swap) && m.pair.active():
			m.pair.asking = true
			return m, nil
		case key.Matches(msg, km.Join) && m.state != joinState:
			if m.c.workshop != nil {
				m.status = "You are in a workshop" + m.c.workshopDesc + ". accent workshop leave (in a shell) stops reporting."
				return m, nil
			}
			if m.c.join == nil {
				return m, nil
			}
			from := m.state
			m.state = joinState
			cmd := m.joinForm.open(from)
			return m, cmd
		}
	}
	return m.updatePage(msg)
}

// updatePage hands msg to the page on screen. On the map, it then renders
// the lesson selected ahead (see prerender).
func (m Model) updatePage(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.pageAt(m.state).update(msg)
	cmd = tea.Batch(cmd, m.prerender())
	return m, cmd
}

// capturing reports whether the page on screen wants typed letters (the
// filter, the join form).
func (m Model) capturing() bool {
	return m.pageAt(m.state).capturing()
}

// back leaves the page on screen for the one it was opened from.
func (m Model) back() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.state, cmd = m.pageAt(m.state).back()
	return m, cmd
}

// quit stops the grade in flight (killing its processes) and the watcher,
// and ends the program.
func (m Model) quit() tea.Cmd {
	return tea.Batch(m.exercise.stop(), tea.Quit)
}

// prerender renders the lesson selected on the map into the renderer's
// cache in the background, so that opening it only draws. If the learner
// opens it first, the lesson page takes this rendering as its own.
func (m *Model) prerender() tea.Cmd {
	if m.state != mapState || m.c.width <= 0 || m.courseMap.sel < 0 || m.tooSmall() {
		return nil
	}
	r := m.courseMap.rows[m.courseMap.sel]
	if r.kind != lessonRow {
		return nil
	}
	k := m.lesson.keyFor(r.lesson)
	if m.warm[k] {
		return nil
	}
	m.warm[k] = true
	return renderDocument(m.c.renderer, m.c.styles, k, lessonDoc(m.c.course, r.lesson, m.c.language()))
}

// shutdown stops whatever the final model left running, and ends the
// pair session.
func (m Model) shutdown() error {
	var errs []error
	if cmd := m.exercise.stop(); cmd != nil {
		if msg, ok := cmd().(watcherClosedMsg); ok {
			errs = append(errs, msg.err)
		}
	}
	errs = append(errs, m.pair.end())
	return errors.Join(errs...)
}

func (m *Model) resize() {
	w, h := m.c.width, max(1, m.c.height-chrome-(len(m.statusLines())-1))
	for s := range pages {
		m.pageAt(state(s)).SetSize(w, h)
	}
	m.helpBar.SetWidth(w - 1)
}

// refresh re-renders what depends on the size, the theme or the language.
func (m *Model) refresh() tea.Cmd {
	cmds := make([]tea.Cmd, len(pages))
	for s := range pages {
		cmds[s] = m.pageAt(state(s)).refresh()
	}
	return tea.Batch(cmds...)
}

func (m *Model) setTheme(dark bool) {
	m.c.styles = NewStyles(dark, m.c.noColor)
	m.helpBar.Styles = m.c.styles.Help
	for s := range pages {
		m.pageAt(state(s)).applyStyles()
	}
}

// maxEarlyKeys is how many keys typed before the first frame are kept.
const maxEarlyKeys = 64

func (m Model) tooSmall() bool {
	return m.c.width < MinWidth || m.c.height < MinHeight
}

// keyMap is the help of page s.
func (m Model) keyMap(s state) help.KeyMap {
	return m.pageAt(s)
}

func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "accent"
	if m.c.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// render draws the whole screen: exactly height lines of at most width
// columns, whatever the size.
func (m Model) render() string {
	w, h := m.c.width, m.c.height
	st := m.c.styles
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.tooSmall() {
		msg := st.TooSmall.Render(fmt.Sprintf("Terminal too small: %d×%d", w, h)) + "\n" +
			st.Muted.Render(fmt.Sprintf("accent needs %d×%d. Make it bigger,", MinWidth, MinHeight)) + "\n" +
			st.Muted.Render("or run accent --plain. q quits.")
		return fitBlock(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), w, h)
	}
	var body string
	switch {
	case m.pair.asking:
		body = m.pair.promptView(w, h-chrome)
	default:
		body = m.pageView()
	}
	lines := m.statusLines()
	status := ""
	if m.status != "" {
		style := st.Status
		if m.statusErr {
			style = st.StatusErr
		}
		for i, l := range lines {
			lines[i] = style.Render(" " + l)
		}
		status = strings.Join(lines, "\n")
	}
	if m.pair.active() {
		status = m.pair.statusLine(status, w)
	}
	var km help.KeyMap = m.keyMap(m.state)
	if m.pair.asking {
		km = m.pair
	}
	return strings.Join([]string{
		fitBlock(m.header(), w, 1),
		"",
		fitBlock(body, w, h-chrome-(len(lines)-1)),
		fitBlock(status, w, len(lines)),
		fitBlock(" "+m.helpBar.View(km), w, 1),
	}, "\n")
}

// maxStatusLines is how many lines a long status (a facilitator's
// broadcast, an error) may take from the page, wrapped, so it is read in
// full; past that it is cut.
const maxStatusLines = 4

// statusLines is the status wrapped to the width: one line at least.
func (m Model) statusLines() []string {
	w := m.c.width - 2
	if m.status == "" || w <= 0 || m.tooSmall() {
		return []string{""}
	}
	lines := strings.Split(ansi.Wrap(m.status, w, " "), "\n")
	if len(lines) > maxStatusLines {
		lines = lines[:maxStatusLines]
		lines[maxStatusLines-1] = truncate(lines[maxStatusLines-1]+" …", w)
	}
	return lines
}

// pageView is the body of the page on screen.
func (m Model) pageView() string {
	return m.pageAt(m.state).View()
}

// header is the top line: the name, where the learner is, their language
// and progress.
func (m Model) header() string {
	st := m.c.styles
	crumbs := m.pageAt(m.state).crumbs()
	right := fmt.Sprintf("%s · %d/%d ", m.c.language().Title(), learner.PassedCount(m.c.state, m.c.course.Exercises), len(m.c.course.Exercises))
	if !m.c.languageChosen() {
		right = fmt.Sprintf("%d/%d ", learner.PassedCount(m.c.state, m.c.course.Exercises), len(m.c.course.Exercises))
	}
	switch {
	case m.c.room.Code != "":
		right = "room " + m.c.room.Code + " · " + right
	case m.c.workshop != nil:
		right = "workshop · " + right
	}
	left := st.Badge.Render("accent") + " "
	room := m.c.width - ansi.StringWidth(left) - ansi.StringWidth(right) - 1
	crumb := truncate(strings.Join(crumbs, " › "), room)
	gap := max(1, room-ansi.StringWidth(crumb)+1)
	return left + st.Breadcrumb.Render(crumb) + strings.Repeat(" ", gap) + st.HeaderInfo.Render(right)
}
