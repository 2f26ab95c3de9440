package dashboard

import "charm.land/bubbles/v2/key"

// KeyMap is every key the dashboard knows; the help bar and the help page
// are generated from it, so a key exists in exactly one place.
type KeyMap struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding

	// Scrolling the participants.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Running the room.
	Open      key.Binding
	Broadcast key.Binding
	Refresh   key.Binding
	Sort      key.Binding

	// Typing a broadcast.
	Send   key.Binding
	Cancel key.Binding

	// A participant's details, and confirming an opening.
	Details key.Binding
	Confirm key.Binding
}

// DefaultKeyMap returns the dashboard's keys: arrows and vim keys alike.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit, even while typing")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:      key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc", "back")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "select up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "select down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),

		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the next exercise")),
		Broadcast: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "broadcast a message")),
		Refresh:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh now")),
		Sort:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by stuck/name/progress")),

		Send:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send to everybody")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Details: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "their details")),
		Confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, open it to the room")),
	}
}

// withHelp returns a copy of b with another label and description.
func withHelp(b key.Binding, keyLabel, desc string) key.Binding {
	b.SetHelp(keyLabel, desc)
	return b
}

// enabled returns a copy of b, enabled or not: disabled keys drop out of
// the generated help.
func enabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}
