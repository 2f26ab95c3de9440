// Package dashboard is the facilitator's live view of a workshop room in
// the terminal (accent workshop dashboard): one row per participant, one
// column per session exercise, who is stuck and why, the room's most
// frequent findings, a participant's details, and keys to open the next
// exercise (after a confirmation) and broadcast a message. It polls the
// server through workshop.Facilitator and never blocks on it: a failed
// poll keeps the last snapshot on screen.
package dashboard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/workshop"
)

// Options are what the dashboard needs from its caller.
type Options struct {
	Facilitator *workshop.Facilitator // the server, with the facilitator token

	In  io.Reader // the terminal; default stdin
	Out io.Writer // the terminal; default stdout

	NoColor bool             // NO_COLOR: no colours, only bold, faint and reverse
	Now     func() time.Time // default time.Now
	Every   time.Duration    // how often to poll the room (default 1s)
}

// state is what the dashboard shows.
type state int

const (
	boardState   state = iota // the room
	typingState               // the room, with a broadcast being typed
	helpState                 // every key, and what the cells mean
	confirmState              // the room, asking whether to open the next exercise
	detailState               // one participant: every exercise, findings, why stuck
)

func (s state) String() string {
	switch s {
	case boardState:
		return "board"
	case typingState:
		return "typing"
	case helpState:
		return "help"
	case confirmState:
		return "confirm"
	case detailState:
		return "detail"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// sortMode is the order of the rows.
type sortMode int

const (
	byStuck    sortMode = iota // stuck first, then by name
	byName                     // by name
	byProgress                 // fewest passed first, then by name
	sortModes
)

func (s sortMode) String() string {
	switch s {
	case byStuck:
		return "stuck first"
	case byName:
		return "name"
	case byProgress:
		return "progress (behind first)"
	}
	return fmt.Sprintf("sortMode(%d)", int(s))
}

// The smallest terminal the dashboard draws in; below it, it says so.
const (
	MinWidth  = 50
	MinHeight = 12
)

// Model is the dashboard. Update is the only place its state changes, and
// it never waits on the network: every request runs in a tea.Cmd.
type Model struct {
	// ctx is the dashboard's own lifetime, made by newModel and ended by
	// cancel when it stops: requests in flight then end too.
	ctx    context.Context
	cancel context.CancelFunc
	api    room
	keys   KeyMap
	styles *Styles
	now    func() time.Time
	every  time.Duration
	// timer starts the next poll; tests set it to nil to poll by hand.
	timer func(d time.Duration, gen int) tea.Cmd

	width, height int
	state         state
	noColor       bool

	snap      workshop.Snapshot
	hasSnap   bool
	fetchedAt time.Time // when snap arrived
	fetchErr  error     // the last poll failed: retrying
	fetching  bool      // a poll is in flight
	gen       int       // the poll timer that counts; older ones are dropped

	sort   sortMode
	rows   []workshop.ParticipantState // snap.Participants in sort order
	offset int                         // the first row on screen
	sel    int                         // the selected row (index into rows)
	selID  string                      // the selected participant, kept across polls and sorts

	confirming string // the exercise o asks to open, until y (or anything else)

	opening string // an exercise being opened
	sending bool   // a broadcast in flight
	input   textinput.Model

	helpBar   help.Model
	helpPage  help.Model
	status    string
	statusErr bool
	crash     *crash
}

// crash is a panic the dashboard caught, to report once the terminal is
// restored.
type crash struct {
	value any
	stack []byte
}

// New builds the dashboard's model. Run runs it; tests drive it directly.
func New(opts Options) Model {
	return newModel(context.Background(), opts)
}

func newModel(parent context.Context, opts Options) Model {
	ctx, cancel := context.WithCancel(parent)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Every <= 0 {
		opts.Every = time.Second
	}
	m := Model{
		ctx:      ctx,
		cancel:   cancel,
		keys:     DefaultKeyMap(),
		styles:   NewStyles(true, opts.NoColor),
		now:      opts.Now,
		every:    opts.Every,
		timer:    pollTimer,
		noColor:  opts.NoColor,
		helpBar:  help.New(),
		helpPage: help.New(),
		input:    textinput.New(),
	}
	if opts.Facilitator != nil {
		m.api = opts.Facilitator
	}
	m.helpPage.ShowAll = true
	m.input.Prompt = "say: "
	m.input.Placeholder = "a message for every participant (enter sends, esc cancels)"
	m.input.CharLimit = 280
	m.input.SetVirtualCursor(true)
	m.applyStyles()
	return m
}

// Run runs the dashboard until the facilitator quits. The terminal is
// restored however it ends: a quit, Ctrl-C, a canceled ctx or a panic,
// which becomes an error.
func Run(ctx context.Context, opts Options) error {
	if opts.Facilitator == nil {
		return errors.New("dashboard: Options.Facilitator is required")
	}
	progOpts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.In != nil {
		progOpts = append(progOpts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Out))
	}
	m := newModel(ctx, opts)
	defer m.Stop()
	p := tea.NewProgram(m, progOpts...)
	final, runErr := p.Run()
	if fm, ok := final.(Model); ok && fm.crash != nil {
		return fmt.Errorf("the dashboard stopped on an internal error (a bug; please report it with what follows). The room is safe on the server.\npanic: %v\n\n%s", fm.crash.value, fm.crash.stack)
	}
	switch {
	case runErr == nil, errors.Is(runErr, tea.ErrInterrupted):
		return nil
	case errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil:
		return nil // interrupted from outside (a signal): a clean exit
	}
	return fmt.Errorf("the dashboard: %w", runErr)
}

// Stop ends the dashboard's requests in flight. Run calls it; tests that
// build a Model with New call it when done.
func (m Model) Stop() { m.cancel() }

// Init asks the terminal for its background, to pick light or dark
// styles, and fetches the room.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.fetch())
}

// fetch starts a poll, unless one is in flight. It is a method on a value
// because it only builds the command; Update marks the poll in flight.
func (m Model) fetch() tea.Cmd {
	if m.api == nil {
		return nil
	}
	return fetchRoom(m.ctx, m.api)
}

// startFetch marks a poll in flight and returns it; nil if one already is.
func (m *Model) startFetch() tea.Cmd {
	if m.fetching || m.api == nil {
		return nil
	}
	m.fetching = true
	return m.fetch()
}

// Update handles one message. A panic in it, or in a command, quits the
// dashboard cleanly, and Run reports it.
func (m Model) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.crash = &crash{value: r, stack: debug.Stack()}
			next, cmd = m, tea.Quit
		}
	}()
	return m.update(msg)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case crashedMsg:
		m.crash = &crash{value: msg.Value, stack: msg.Stack}
		return m, tea.Quit

	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.helpBar.SetWidth(max(0, m.width-2))
		m.helpPage.SetWidth(max(0, m.width-2))
		m.input.SetWidth(max(10, m.width-len(m.input.Prompt)-3))
		m.clampOffset()
		return m, nil

	case tea.BackgroundColorMsg:
		if msg.IsDark() != m.styles.Dark {
			m.styles = NewStyles(msg.IsDark(), m.noColor)
			m.applyStyles()
		}
		return m, nil

	case roomFetchedMsg:
		m.fetching = false
		if msg.err != nil {
			m.fetchErr = msg.err
		} else {
			m.fetchErr = nil
			m.setSnapshot(msg.snap)
		}
		return m, m.schedule()

	case pollTickedMsg:
		if msg.gen != m.gen {
			return m, nil // superseded by a refresh
		}
		return m, m.startFetch()

	case exerciseOpenedMsg:
		m.opening = ""
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
			return m, nil
		}
		if !slices.Contains(m.snap.Opened, msg.exercise) {
			m.snap.Opened = append(slices.Clone(m.snap.Opened), msg.exercise)
		}
		m.status, m.statusErr = "Opened "+clean(msg.exercise)+" to the room.", false
		return m, m.startFetch()

	case messageBroadcastMsg:
		m.sending = false
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
			return m, nil
		}
		m.status, m.statusErr = "Sent to every participant: "+clean(msg.text), false
		return m, m.startFetch()

	case tea.KeyPressMsg:
		return m.updateKeys(msg)

	case tea.PasteMsg:
		if m.state == typingState {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

// schedule starts the timer of the next poll; a newer timer makes any
// older one stale, so there is only ever one poll loop.
func (m *Model) schedule() tea.Cmd {
	m.gen++
	if m.timer == nil {
		return nil
	}
	return m.timer(m.every, m.gen)
}

func (m Model) updateKeys(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	km := m.keys
	if key.Matches(msg, km.ForceQuit) {
		return m, tea.Quit
	}
	switch m.state {
	case typingState:
		return m.updateTyping(msg)
	case helpState:
		switch {
		case key.Matches(msg, km.Quit):
			return m, tea.Quit
		case key.Matches(msg, km.Back):
			m.state = boardState
		}
		return m, nil
	case confirmState:
		// Opening reaches every participant's workbench: only y opens.
		ex := m.confirming
		m.state, m.confirming = boardState, ""
		if key.Matches(msg, km.Confirm) {
			return m.open(ex)
		}
		m.status, m.statusErr = "Nothing opened.", false
		return m, nil
	case detailState:
		switch {
		case key.Matches(msg, km.Quit):
			return m, tea.Quit
		case key.Matches(msg, km.Cancel), key.Matches(msg, km.Details):
			m.state = boardState
		case key.Matches(msg, km.Up):
			m.moveSel(-1)
		case key.Matches(msg, km.Down):
			m.moveSel(1)
		}
		return m, nil
	}
	m.status, m.statusErr = "", false
	switch {
	case key.Matches(msg, km.Quit):
		return m, tea.Quit
	case key.Matches(msg, km.Help):
		m.state = helpState
	case key.Matches(msg, km.Up):
		m.moveSel(-1)
	case key.Matches(msg, km.Down):
		m.moveSel(1)
	case key.Matches(msg, km.PageUp):
		m.moveSel(-max(1, m.visibleRows()-1))
	case key.Matches(msg, km.PageDown):
		m.moveSel(max(1, m.visibleRows()-1))
	case key.Matches(msg, km.Top):
		m.moveSel(-len(m.rows))
	case key.Matches(msg, km.Bottom):
		m.moveSel(len(m.rows))
	case key.Matches(msg, km.Details):
		if len(m.rows) == 0 {
			m.status = "No participants yet."
			return m, nil
		}
		m.state = detailState
	case key.Matches(msg, km.Sort):
		m.sort = (m.sort + 1) % sortModes
		m.sortRows()
		m.offset = 0
		m.sel = 0
		if len(m.rows) > 0 {
			m.selID = m.rows[0].ID
		}
		m.status = "Sorted by " + m.sort.String() + "."
	case key.Matches(msg, km.Refresh):
		if cmd := m.startFetch(); cmd != nil {
			m.gen++ // the poll timer running now is superseded
			return m, cmd
		}
		m.status = "A refresh is already on its way."
	case key.Matches(msg, km.Open):
		return m.openNext()
	case key.Matches(msg, km.Broadcast):
		if m.sending {
			m.status = "A broadcast is still on its way."
			return m, nil
		}
		m.state = typingState
		m.input.Reset()
		cmd := m.input.Focus()
		return m, cmd
	}
	return m, nil
}

// openNext opens the first session exercise not open yet.
func (m Model) openNext() (tea.Model, tea.Cmd) {
	switch {
	case m.api == nil:
		return m, nil
	case m.opening != "":
		m.status = "Opening " + clean(m.opening) + "…"
		return m, nil
	case !m.hasSnap:
		m.status, m.statusErr = "The room has not loaded yet: nothing to open.", true
		return m, nil
	}
	next := m.nextExercise()
	if next == "" {
		if len(m.snap.Exercises) == 0 {
			m.status = "The session has no exercises (give them to accent workshop serve)."
		} else {
			m.status = fmt.Sprintf("All %d exercises of the session are open.", len(m.snap.Exercises))
		}
		return m, nil
	}
	m.state, m.confirming = confirmState, next
	return m, nil
}

// open opens exercise next to the room, once confirmed.
func (m Model) open(next string) (tea.Model, tea.Cmd) {
	if m.api == nil || m.opening != "" {
		return m, nil
	}
	m.opening = next
	m.status = "Opening " + clean(next) + "…"
	return m, openExercise(m.ctx, m.api, next)
}

// nextExercise is the first of the session's exercises not opened yet, or "".
func (m Model) nextExercise() string {
	for _, ex := range m.snap.Exercises {
		if !slices.Contains(m.snap.Opened, ex) {
			return ex
		}
	}
	return ""
}

func (m Model) updateTyping(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.state = boardState
		m.input.Blur()
		m.status, m.statusErr = "Nothing sent.", false
		return m, nil
	case key.Matches(msg, m.keys.Send):
		text := strings.TrimSpace(m.input.Value())
		m.state = boardState
		m.input.Blur()
		if text == "" || m.api == nil {
			m.status, m.statusErr = "Nothing sent: the message was empty.", false
			return m, nil
		}
		m.sending = true
		m.status, m.statusErr = "Sending…", false
		return m, broadcast(m.ctx, m.api, text)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// setSnapshot shows snap, keeping the scroll position where it can.
func (m *Model) setSnapshot(snap workshop.Snapshot) {
	if m.opening != "" && !slices.Contains(snap.Opened, m.opening) {
		snap.Opened = append(snap.Opened, m.opening) // being opened: not offered again
	}
	m.snap, m.hasSnap, m.fetchedAt = snap, true, m.now()
	m.sortRows()
	m.sel = 0
	for i, p := range m.rows {
		if p.ID == m.selID {
			m.sel = i
		}
	}
	if len(m.rows) > 0 {
		m.selID = m.rows[m.sel].ID
	}
	m.clampOffset()
}

// moveSel moves the selection by d rows, stopping at the ends, and
// scrolls to keep it on screen.
func (m *Model) moveSel(d int) {
	if len(m.rows) == 0 {
		return
	}
	m.sel = max(0, min(len(m.rows)-1, m.sel+d))
	m.selID = m.rows[m.sel].ID
	if m.sel < m.offset {
		m.offset = m.sel
	}
	if vis := m.visibleRows(); m.sel >= m.offset+vis {
		m.offset = m.sel - vis + 1
	}
	m.clampOffset()
}

// selected is the selected participant, if any.
func (m Model) selected() (workshop.ParticipantState, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return workshop.ParticipantState{}, false
	}
	return m.rows[m.sel], true
}

func (m *Model) applyStyles() {
	m.helpBar.Styles = m.styles.Help
	m.helpPage.Styles = m.styles.Help
	m.input.SetStyles(m.styles.Input)
}

// clampOffset keeps the rows on screen full: no scrolling past the end.
func (m *Model) clampOffset() {
	m.offset = min(m.offset, len(m.rows)-m.visibleRows())
	m.offset = max(m.offset, 0)
}

// ShortHelp is the help bar: the keys of what is on screen.
func (m Model) ShortHelp() []key.Binding {
	km := m.keys
	switch m.state {
	case typingState:
		return []key.Binding{km.Send, km.Cancel}
	case helpState:
		return []key.Binding{km.Back, km.Quit}
	case confirmState:
		return []key.Binding{withHelp(km.Confirm, "y", "open it"), withHelp(km.Cancel, "any other key", "cancel")}
	case detailState:
		return []key.Binding{withHelp(km.Up, "↑↓", "participant"), withHelp(km.Cancel, "esc", "back"), km.Quit}
	}
	open := withHelp(km.Open, "o", "open next")
	if next := m.nextExercise(); next != "" {
		open = withHelp(km.Open, "o", "open "+clean(slug(next)))
	}
	return []key.Binding{
		enabled(open, m.nextExercise() != ""),
		withHelp(km.Broadcast, "b", "broadcast"),
		withHelp(km.Sort, "s", "sort"),
		withHelp(km.Refresh, "r", "refresh"),
		enabled(withHelp(km.Down, "↑↓", "select"), len(m.rows) > 0),
		enabled(withHelp(km.Details, "enter", "details"), len(m.rows) > 0),
		km.Help, km.Quit,
	}
}

// FullHelp is the help page: every key of the board.
func (m Model) FullHelp() [][]key.Binding {
	km := m.keys
	return [][]key.Binding{
		{km.Open, km.Broadcast, km.Send, km.Cancel},
		{km.Sort, km.Refresh, km.Help, km.Quit, km.ForceQuit},
		{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom, km.Details},
	}
}
