package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/render"
)

// LessonText is lesson l as the workbench's lesson page shows it, for
// accent lesson: the learner's language (lang) first in every group of
// idioms, beside its Go version when width has room for both, wrapped at
// width. With style render.Plain it has no escape codes; every line is
// without trailing spaces either way.
func LessonText(c *course.Course, l *course.Lesson, lang course.Language, width int, style render.Style) (string, error) {
	st := NewStyles(style != render.Light, style == render.Plain)
	st.Markdown = style
	out, err := lessonDoc(c, l, lang).render(&render.Renderer{}, width, st)
	if err != nil {
		return "", err
	}
	text := out.content
	if style == render.Plain {
		text = ansi.Strip(text)
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		lines[i] = trimRightSpaces(line)
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n", nil
}

// trimRightSpaces drops the spaces at the end of line, also those written
// between escape codes (glamour pads lines to the width).
func trimRightSpaces(line string) string {
	if !strings.Contains(line, "\x1b") {
		return strings.TrimRight(line, " ")
	}
	// Cut at the last visible non-space cell, keep the codes after it
	// that reset the style.
	plain := ansi.Strip(line)
	keep := ansi.StringWidth(strings.TrimRight(plain, " "))
	if keep == ansi.StringWidth(plain) {
		return line
	}
	return ansi.Truncate(line, keep, "") + "\x1b[0m"
}
