package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/accent-go/accent/internal/render"
)

// Styles is every style the workbench draws with, built once for a light
// or a dark background (or for no colour at all). Views use these and
// never build styles of their own.
type Styles struct {
	Dark    bool
	NoColor bool

	// Chrome.
	Badge      lipgloss.Style // the "accent" name in the header
	Breadcrumb lipgloss.Style
	HeaderInfo lipgloss.Style
	Rule       lipgloss.Style
	Status     lipgloss.Style // transient messages above the help bar
	StatusErr  lipgloss.Style
	TooSmall   lipgloss.Style

	// Text.
	Title  lipgloss.Style
	Text   lipgloss.Style
	Muted  lipgloss.Style
	Key    lipgloss.Style // a key named in running text
	Accent lipgloss.Style

	// The course map.
	Topic      lipgloss.Style
	Number     lipgloss.Style
	Row        lipgloss.Style
	Selected   lipgloss.Style
	Cursor     lipgloss.Style
	Done       lipgloss.Style
	Current    lipgloss.Style
	Open       lipgloss.Style
	Locked     lipgloss.Style
	LessonMark lipgloss.Style
	Match      lipgloss.Style

	// Verdicts and findings.
	Pass         lipgloss.Style
	Fail         lipgloss.Style
	Error        lipgloss.Style
	Grading      lipgloss.Style
	FindingKind  lipgloss.Style
	FindingPos   lipgloss.Style
	FindingText  lipgloss.Style
	FindingSel   lipgloss.Style
	FindingLink  lipgloss.Style
	Celebration  lipgloss.Style
	ColumnTitle  lipgloss.Style
	PanelDivider lipgloss.Style

	// Pair mode.
	PairRoles   lipgloss.Style // who drives and the countdown, on the status line
	PairDue     lipgloss.Style // the same when it is time to swap
	PairBox     lipgloss.Style // the swap prompt
	PairTrailer lipgloss.Style // the Co-authored-by lines

	Help      help.Styles
	Filter    textinput.Styles
	BarFull   color.Color
	BarEmpty  color.Color
	Markdown  render.Style
	SpinnerFG lipgloss.Style
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
	s := &Styles{Dark: dark, NoColor: noColor, Markdown: render.Dark}
	if !dark {
		s.Markdown = render.Light
	}
	if noColor {
		s.Markdown = render.Plain
	}

	s.Badge = plain.Bold(true).Padding(0, 1)
	if noColor {
		s.Badge = s.Badge.Reverse(true)
	} else {
		s.Badge = s.Badge.Foreground(onAcc).Background(accent)
	}
	s.Breadcrumb = fg(text)
	s.HeaderInfo = fg(muted)
	s.Rule = fg(faint)
	s.Status = fg(muted)
	s.StatusErr = fg(red).Bold(true)
	s.TooSmall = fg(yellow).Bold(true)

	s.Title = fg(accent).Bold(true)
	s.Text = fg(text)
	s.Muted = fg(muted)
	s.Key = fg(accent).Bold(true)
	s.Accent = fg(accent)

	s.Topic = fg(text).Bold(true)
	s.Number = fg(muted)
	s.Row = fg(text)
	s.Selected = fg(accent).Bold(true)
	s.Cursor = fg(accent).Bold(true)
	s.Done = fg(green)
	s.Current = fg(accent).Bold(true)
	s.Open = fg(muted)
	s.Locked = fg(faint)
	if noColor {
		s.Locked = plain.Faint(true)
	}
	s.LessonMark = fg(muted)
	s.Match = fg(yellow).Underline(true)

	s.Pass = fg(green).Bold(true)
	s.Fail = fg(red).Bold(true)
	s.Error = fg(yellow).Bold(true)
	s.Grading = fg(accent)
	s.SpinnerFG = fg(accent)
	s.FindingKind = fg(yellow)
	s.FindingPos = fg(accent)
	s.FindingText = fg(text)
	s.FindingSel = fg(accent).Bold(true)
	s.FindingLink = fg(muted).Italic(true)
	s.Celebration = fg(green).Bold(true)
	s.ColumnTitle = fg(accent).Bold(true)
	s.PanelDivider = fg(faint)

	s.PairRoles = fg(accent)
	s.PairDue = fg(yellow).Bold(true)
	s.PairBox = plain.Border(lipgloss.RoundedBorder()).Padding(1, 3)
	if !noColor {
		s.PairBox = s.PairBox.BorderForeground(accent)
	}
	s.PairTrailer = fg(text)

	s.Help = help.DefaultStyles(dark)
	if noColor {
		s.Help = help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain.Faint(true),
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
	}
	s.Filter = textinput.DefaultStyles(dark)
	s.Filter.Focused.Prompt = fg(accent).Bold(true)
	s.Filter.Blurred.Prompt = fg(muted)
	s.Filter.Cursor.Blink = false // calm, and nothing ticks while the learner types
	s.BarFull, s.BarEmpty = green, faint
	if noColor {
		s.BarFull, s.BarEmpty = lipgloss.NoColor{}, lipgloss.NoColor{}
	}
	return s
}
