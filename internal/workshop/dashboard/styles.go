package dashboard

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is every style the dashboard draws with, built once for a light
// or a dark background (or for no colour at all). Views use these and
// never build styles of their own.
type Styles struct {
	Dark    bool
	NoColor bool

	// Chrome.
	Badge      lipgloss.Style // "accent workshop" in the header
	HeaderInfo lipgloss.Style
	Code       lipgloss.Style // the join code
	Live       lipgloss.Style // "live" in the header
	Offline    lipgloss.Style // "offline · retrying" in the header
	Status     lipgloss.Style
	StatusErr  lipgloss.Style
	TooSmall   lipgloss.Style
	Divider    lipgloss.Style

	// The grid.
	ColumnTitle   lipgloss.Style // an opened exercise
	ColumnCurrent lipgloss.Style // the exercise opened last
	ColumnClosed  lipgloss.Style // an exercise not opened yet
	Name          lipgloss.Style
	StuckName     lipgloss.Style
	StuckReason   lipgloss.Style
	Done          lipgloss.Style // the passed count
	Pass          lipgloss.Style
	Fail          lipgloss.Style
	Error         lipgloss.Style
	Working       lipgloss.Style
	Cursor        lipgloss.Style // the selected participant's mark

	// The panels.
	PanelTitle lipgloss.Style
	Count      lipgloss.Style // "7×"
	Finding    lipgloss.Style
	Muted      lipgloss.Style
	Text       lipgloss.Style

	Help  help.Styles
	Input textinput.Styles
}

// NewStyles builds the styles for a dark or light background; with
// noColor (NO_COLOR is set) they use only bold, faint, underline and
// reverse.
func NewStyles(dark, noColor bool) *Styles {
	ld := lipgloss.LightDark(dark)
	var (
		accent = ld(lipgloss.Color("#007D9C"), lipgloss.Color("#00ADD8")) // the Go gopher blue
		text   = ld(lipgloss.Color("#262626"), lipgloss.Color("#DADADA"))
		muted  = ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
		faint  = ld(lipgloss.Color("#C6C6C6"), lipgloss.Color("#444444"))
		green  = ld(lipgloss.Color("#00875F"), lipgloss.Color("#5FD7A7"))
		red    = ld(lipgloss.Color("#C7254E"), lipgloss.Color("#FF7A90"))
		yellow = ld(lipgloss.Color("#8A6200"), lipgloss.Color("#E8C26B"))
		onAcc  = ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#102028"))
	)
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style {
		if noColor {
			return plain
		}
		return plain.Foreground(c)
	}
	dim := fg(faint)
	if noColor {
		dim = plain.Faint(true)
	}
	s := &Styles{Dark: dark, NoColor: noColor}

	s.Badge = plain.Bold(true).Padding(0, 1)
	if noColor {
		s.Badge = s.Badge.Reverse(true)
	} else {
		s.Badge = s.Badge.Foreground(onAcc).Background(accent)
	}
	s.HeaderInfo = fg(muted)
	s.Code = fg(accent).Bold(true)
	s.Live = fg(green)
	s.Offline = fg(red).Bold(true)
	s.Status = fg(muted)
	s.StatusErr = fg(red).Bold(true)
	s.TooSmall = fg(yellow).Bold(true)
	s.Divider = dim

	s.ColumnTitle = fg(text).Bold(true)
	s.ColumnCurrent = fg(accent).Bold(true).Underline(true)
	s.ColumnClosed = dim
	s.Name = fg(text)
	s.StuckName = fg(yellow).Bold(true)
	if noColor {
		s.StuckName = plain.Bold(true).Reverse(true)
	}
	s.StuckReason = fg(yellow)
	if noColor {
		s.StuckReason = plain.Bold(true)
	}
	s.Done = fg(muted)
	s.Pass = fg(green).Bold(true)
	s.Fail = fg(red).Bold(true)
	s.Error = fg(yellow).Bold(true)
	s.Working = fg(accent)
	s.Cursor = fg(accent).Bold(true)

	s.PanelTitle = fg(accent).Bold(true)
	s.Count = fg(red).Bold(true)
	s.Finding = fg(yellow)
	s.Muted = fg(muted)
	s.Text = fg(text)

	s.Help = help.DefaultStyles(dark)
	if noColor {
		s.Help = help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain.Faint(true),
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
	}
	s.Input = textinput.DefaultStyles(dark)
	s.Input.Focused.Prompt = fg(accent).Bold(true)
	s.Input.Blurred.Prompt = fg(muted)
	s.Input.Cursor.Blink = false // nothing ticks while the facilitator types
	return s
}
