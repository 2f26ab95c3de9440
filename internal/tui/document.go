package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/render"
)

// A document is what the lesson reader and the exercise view show:
// Markdown, except that the idiom the learner knows and its Go version can
// sit side by side when the terminal is wide enough for both.
type document []segment

// segment is Markdown, or (when pair is set) two columns of code.
type segment struct {
	markdown string
	pair     *pair
}

// pair is the idiom the learner knows (left) and the Go version (right).
type pair struct {
	leftTitle, rightTitle string
	left, right           string // Markdown, usually one fenced code block each
	rightIntro            string // prose that introduces the Go version, above it
}

// rightMarkdown is the right column: the introduction, then the code.
func (p *pair) rightMarkdown() string {
	if p.rightIntro == "" {
		return p.right
	}
	return p.rightIntro + "\n\n" + p.right
}

// readingWidth caps the width prose is wrapped at: past it, lines get too
// long to read. Two columns of code may each be this wide.
const readingWidth = 100

// columnGap is the space between the two columns of a pair.
const columnGap = 2

// glamourMargin is what glamour adds around a code line: the document
// margin and the code block's indent on the left, one column on the right.
const glamourMargin = 2 + 2 + 2

// rendered is a document rendered for one width and style.
type rendered struct {
	content string
	starts  []int // the line each segment starts on
}

// render renders the document at width. Each Markdown piece goes through
// r, which caches it per width and style.
func (d document) render(r *render.Renderer, width int, st *Styles) (rendered, error) {
	var (
		lines   []string
		starts  []int
		started bool // the current segment has a line: its start is set
	)
	add := func(s string) {
		s = trimBlankLines(s)
		if s == "" {
			return
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		if !started { // a stacked pair adds twice: the segment starts at the first
			starts[len(starts)-1] = len(lines)
			started = true
		}
		lines = append(lines, strings.Split(s, "\n")...)
	}
	md := func(src string, w int) (string, error) {
		return r.Markdown(expandTabs(src), max(w, 10), st.Markdown)
	}
	for _, seg := range d {
		starts = append(starts, len(lines))
		started = false
		if seg.pair == nil {
			out, err := md(seg.markdown, min(width, readingWidth))
			if err != nil {
				return rendered{}, err
			}
			add(out)
			continue
		}
		p := seg.pair
		title := func(t string) string { return "  " + st.ColumnTitle.Render(t) }
		colW := min((width-columnGap)/2, readingWidth)
		if p.fits(colW) {
			left, err := md(p.left, colW)
			if err != nil {
				return rendered{}, err
			}
			right, err := md(p.rightMarkdown(), colW)
			if err != nil {
				return rendered{}, err
			}
			add(joinColumns(
				title(p.leftTitle)+"\n"+trimBlankLines(left),
				title(p.rightTitle)+"\n"+trimBlankLines(right), colW))
			continue
		}
		for _, part := range []struct{ title, md string }{{p.leftTitle, p.left}, {p.rightTitle, p.rightMarkdown()}} {
			out, err := md(part.md, min(width, readingWidth))
			if err != nil {
				return rendered{}, err
			}
			add(title(part.title) + "\n" + trimBlankLines(out))
		}
	}
	return rendered{content: strings.Join(lines, "\n"), starts: starts}, nil
}

// fits reports whether both sides fit in columns colW wide without
// wrapping a line of code.
func (p *pair) fits(colW int) bool {
	return colW >= 30 && widest(p.left)+glamourMargin <= colW && widest(p.right)+glamourMargin <= colW
}

// joinColumns puts a and b side by side, each exactly w columns wide.
func joinColumns(a, b string, w int) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	n := max(len(al), len(bl))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(al) {
			l = al[i]
		}
		if i < len(bl) {
			r = bl[i]
		}
		out[i] = padTo(l, w) + strings.Repeat(" ", columnGap) + padTo(r, w)
	}
	return strings.Join(out, "\n")
}

// padTo cuts or pads s to exactly w columns.
func padTo(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}

// widest is the width of the longest line of src, tabs expanded.
func widest(src string) int {
	w := 0
	for line := range strings.Lines(expandTabs(src)) {
		w = max(w, ansi.StringWidth(strings.TrimRight(line, "\n")))
	}
	return w
}

// expandTabs turns tabs into four spaces: a raw tab in a frame would move
// the cursor to the terminal's next tab stop and misalign everything
// after it.
func expandTabs(s string) string {
	return strings.ReplaceAll(s, "\t", "    ")
}

// trimBlankLines drops leading and trailing lines that hold only spaces
// (and escape codes).
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// fenceLanguage maps a code fence's info string to a source language, or
// "go", or "" for anything else.
func fenceLanguage(info string) course.Language {
	word, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(info)), " ")
	switch word {
	case "js", "javascript", "node", "mjs", "ts", "typescript":
		return course.Node
	case "py", "python", "python3":
		return course.Python
	case "java":
		return course.Java
	case "go", "golang":
		return "go"
	}
	return ""
}

// fenceInfo is the fence language to write a source language's code under.
func fenceInfo(l course.Language) string {
	switch l {
	case course.Node:
		return "js"
	case course.Python:
		return "python"
	case course.Java:
		return "java"
	}
	return ""
}

// chunk is a run of Markdown lines: one fenced code block, or the prose
// between two.
type chunk struct {
	code bool
	lang course.Language // code only; "" when the fence names no known language
	text string          // the lines, fences included, each ending in "\n"
}

func (c chunk) blank() bool { return !c.code && strings.TrimSpace(c.text) == "" }

// chunks splits Markdown into code blocks and the prose around them.
func chunks(md string) []chunk {
	var (
		out   []chunk
		cur   strings.Builder
		fence string // the open fence, "" outside code
		lang  course.Language
	)
	flush := func(code bool) {
		if cur.Len() > 0 {
			out = append(out, chunk{code: code, lang: lang, text: cur.String()})
			cur.Reset()
		}
	}
	for line := range strings.Lines(md) {
		if !strings.HasSuffix(line, "\n") {
			line += "\n"
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			flush(false)
			fence = trimmed[:3]
			lang = fenceLanguage(strings.TrimLeft(trimmed, "`~"))
			cur.WriteString(line)
		case fence != "" && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "":
			cur.WriteString(line)
			flush(true)
			fence, lang = "", ""
		default:
			cur.WriteString(line)
		}
	}
	flush(fence != "")
	return out
}

// oneParagraph reports whether prose is a single short paragraph of text
// (no heading, list, table or quote): the sentence that introduces the Go
// version of an idiom.
func oneParagraph(prose string) bool {
	p := strings.TrimSpace(prose)
	if p == "" || strings.Contains(p, "\n\n") {
		return false
	}
	for _, prefix := range []string{"#", "|", "-", "*", ">", "+"} {
		if strings.HasPrefix(p, prefix) {
			return false
		}
	}
	return strings.Count(p, "\n") < 4
}

// lessonDocument turns a lesson's Markdown into a document for a learner
// coming from lang: where the lesson shows an idiom in several languages,
// only lang's version stays (when it has one), and an idiom followed by its
// Go version (at most one short paragraph apart) becomes a pair, the
// paragraph introducing the Go column.
func lessonDocument(md string, lang course.Language) document {
	cs := chunks(md)
	var (
		doc   document
		prose strings.Builder
	)
	flush := func() {
		if prose.Len() > 0 {
			doc = append(doc, segment{markdown: prose.String()})
			prose.Reset()
		}
	}
	home := func(c chunk) bool { return c.code && c.lang != "" && c.lang != "go" }
	for i := 0; i < len(cs); {
		if !home(cs[i]) {
			prose.WriteString(cs[i].text)
			i++
			continue
		}
		// A group: home-language blocks, adjacent or blank lines apart.
		group := []chunk{cs[i]}
		j := i + 1
		for j < len(cs) {
			switch {
			case home(cs[j]):
				group = append(group, cs[j])
				j++
				continue
			case cs[j].blank() && j+1 < len(cs) && home(cs[j+1]):
				group = append(group, cs[j+1])
				j += 2
				continue
			}
			break
		}
		kept := pick(group, lang)
		// The Go version: next, or after blank lines or one paragraph.
		k, between := j, ""
		if k < len(cs) && !cs[k].code && (cs[k].blank() || oneParagraph(cs[k].text)) {
			between = cs[k].text
			k++
		}
		if k < len(cs) && cs[k].code && cs[k].lang == "go" {
			flush()
			var left strings.Builder
			var titles []string
			for _, c := range kept {
				left.WriteString(c.text)
				if t := c.lang.Title(); len(titles) == 0 || titles[len(titles)-1] != t {
					titles = append(titles, t)
				}
			}
			doc = append(doc, segment{pair: &pair{
				leftTitle: strings.Join(titles, ", "), rightTitle: "Go",
				left: left.String(), right: cs[k].text, rightIntro: strings.TrimSpace(between),
			}})
			i = k + 1
			continue
		}
		for n, c := range kept {
			if n > 0 {
				prose.WriteString("\n")
			}
			prose.WriteString(c.text)
		}
		i = j
	}
	flush()
	return doc
}

// pick keeps the blocks in lang, or all of them when none is.
func pick(group []chunk, lang course.Language) []chunk {
	var mine []chunk
	for _, c := range group {
		if c.lang == lang {
			mine = append(mine, c)
		}
	}
	if len(mine) == 0 {
		return group
	}
	return mine
}

// fenced wraps code in a fence tagged with info, long enough that no
// backtick run inside the code can close it.
func fenced(info, code string) string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return fmt.Sprintf("%s%s\n%s%s\n", fence, info, code, fence)
}
