package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the workbench knows. Pages pick the bindings they
// use, and the help bar and the help page are generated from them, so a key
// exists in exactly one place.
type KeyMap struct {
	// Everywhere.
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Language  key.Binding
	Back      key.Binding

	// Moving in lists and scrolling text.
	Up           key.Binding
	Down         key.Binding
	PageUp       key.Binding
	PageDown     key.Binding
	HalfPageUp   key.Binding
	HalfPageDown key.Binding
	Top          key.Binding
	Bottom       key.Binding

	// The course map.
	Open         key.Binding
	Filter       key.Binding
	ClearFilter  key.Binding
	AcceptFilter key.Binding
	Jump         key.Binding
	Continue     key.Binding

	// The lesson reader.
	OpenExercise key.Binding
	Next         key.Binding
	Previous     key.Binding

	// The exercise view.
	Grade        key.Binding
	Edit         key.Binding
	Hint         key.Binding
	Solution     key.Binding
	Lesson       key.Binding
	NextFinding  key.Binding
	PrevFinding  key.Binding
	NextExercise key.Binding

	// The language picker.
	Choose key.Binding

	// Workshops: join one (anywhere), and the join form's keys.
	Join, JoinNext, JoinPrev, JoinSubmit, JoinCancel key.Binding

	// Pair mode: swap roles now, and the swap prompt's answers.
	Swap        key.Binding
	ConfirmSwap key.Binding
	LaterSwap   key.Binding
}

// DefaultKeyMap returns the workbench's keys: arrows and vim keys alike.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now (stops a grade)")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Language:  key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "language")),
		Back:      key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),

		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b", "ctrl+b"), key.WithHelp("pgup/b", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "space", "f", "ctrl+f"), key.WithHelp("pgdn/space", "page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("u", "½ page up")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("d", "½ page down")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),

		Open:         key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter", "down", "up"), key.WithHelp("enter", "keep filter")),
		Jump:         key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-9", "jump to number")),
		Continue:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "continue where you left off")),

		OpenExercise: key.NewBinding(key.WithKeys("x", "enter"), key.WithHelp("x", "its exercise")),
		Next:         key.NewBinding(key.WithKeys("n", "]"), key.WithHelp("n", "next lesson")),
		Previous:     key.NewBinding(key.WithKeys("p", "["), key.WithHelp("p", "previous lesson")),

		Grade:        key.NewBinding(key.WithKeys("r", "ctrl+r"), key.WithHelp("r", "grade now")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Hint:         key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hint")),
		Solution:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "solution")),
		Lesson:       key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "lesson")),
		NextFinding:  key.NewBinding(key.WithKeys("tab", "]"), key.WithHelp("tab", "next finding")),
		PrevFinding:  key.NewBinding(key.WithKeys("shift+tab", "["), key.WithHelp("shift+tab", "previous finding")),
		NextExercise: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next exercise")),

		Choose: key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "choose")),

		Join:       key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "join a workshop")),
		JoinNext:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		JoinPrev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous field")),
		JoinSubmit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join")),
		JoinCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Swap:        key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "swap roles now (pair mode)")),
		ConfirmSwap: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "swap")),
		LaterSwap:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "5 more minutes")),
	}
}

// withHelp returns a copy of b with another description, for a page where
// the same key means something more precise.
func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// relabel returns a copy of b shown as keyLabel and desc in the help bar,
// where one entry stands for a pair of keys ("↑↓ move").
func relabel(b key.Binding, keyLabel, desc string) key.Binding {
	b.SetHelp(keyLabel, desc)
	return b
}

// enabled returns a copy of b, enabled or not: disabled keys drop out of
// the generated help.
func enabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}
