package course

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"gopkg.in/yaml.v3"
)

// strictYAML decodes front matter, rejecting fields the target does not
// know, so a typo ("hint:" for "hints:") is an error, not silence.
func strictYAML(b []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

var md = goldmark.New(goldmark.WithExtensions(&frontmatter.Extender{
	Formats: []frontmatter.Format{{Name: "YAML", Delim: '-', Unmarshal: strictYAML}},
}))

// yamlLineRE finds "line N" in yaml.v3 errors, to shift past the opening ---.
var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// readMarkdown reads a Markdown file, decodes its front matter into meta
// and returns the body and the line of the file it starts on. Problems are
// recorded against display.
func (l *loader) readMarkdown(fsys fs.FS, name, display string, meta any) (body string, line int, ok bool) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.problem(display, "", "missing")
		} else {
			l.problem(display, "", "cannot read: %v", err)
		}
		return "", 0, false
	}
	ctx := parser.NewContext()
	md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	data := frontmatter.Get(ctx)
	if data == nil {
		l.problem(display, "", "no front matter: the file must start with a --- YAML block")
		return "", 0, false
	}
	if err := data.Decode(meta); err != nil {
		msg := yamlLineRE.ReplaceAllStringFunc(err.Error(), func(s string) string {
			n, err := strconv.Atoi(strings.TrimPrefix(s, "line "))
			if err != nil {
				return s // too long to be a line number: leave it as it is
			}
			return "line " + strconv.Itoa(n+1)
		})
		msg = strings.ReplaceAll(msg, "\n ", "")
		l.problem(display, "front matter", "%s", msg)
		return "", 0, false
	}
	body, ok = stripFrontMatter(string(src))
	if !ok {
		// The parser also accepts front matter after blank lines, with CRLF
		// line ends or with longer delimiters; the body would keep it.
		l.problem(display, "", "front matter must be the file's first lines: a --- line, the YAML, a --- line (LF line ends)")
		return "", 0, false
	}
	return body, 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n")), true
}

// stripFrontMatter returns the Markdown after the closing --- line; ok is
// false if src does not start with a --- line closed by another.
func stripFrontMatter(src string) (body string, ok bool) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return "", false
	}
	end := 0
	for line := range strings.Lines(rest) {
		end += len(line)
		if strings.TrimSuffix(line, "\n") == "---" {
			return strings.TrimLeft(rest[end:], "\n"), true
		}
	}
	return "", false
}

// checkLinks checks that every relative link and image in a Markdown body
// points at a file that exists in the course.
func (l *loader) checkLinks(display, body string) {
	src := []byte(body)
	doc := md.Parser().Parse(text.NewReader(src))
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		default:
			return ast.WalkContinue, nil
		}
		if target, ok := ResolveLink(display, dest); ok && !l.exists(target) {
			l.problem(display, "", "broken link %q: %s does not exist", dest, target)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		l.problem(display, "", "cannot walk the Markdown: %v", err)
	}
}

// ResolveLink resolves a Markdown link found in the course file from (a
// course path like "lessons/01-goroutines/01-x.md") to a course path. ok is
// false for links that are not relative paths (URLs, anchors).
func ResolveLink(from, dest string) (target string, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.Contains(dest, "://") ||
		strings.HasPrefix(dest, "mailto:") || strings.HasPrefix(dest, "/") {
		return "", false
	}
	dest, _, _ = strings.Cut(dest, "#")
	return path.Join(path.Dir(from), dest), true
}

func (l *loader) exists(target string) bool {
	var fsys fs.FS
	var name string
	switch {
	case strings.HasPrefix(target, "lessons/"):
		fsys, name = l.lessonsFS, strings.TrimPrefix(target, "lessons/")
	case strings.HasPrefix(target, "exercises/"):
		fsys, name = l.exercisesFS, strings.TrimPrefix(target, "exercises/")
	default:
		return false
	}
	_, err := fs.Stat(fsys, name)
	return err == nil
}

var mdLinkRE = regexp.MustCompile(`\[([^\]\n]+)\]\(([^)\s]+)\)`)

// LinksAsIDs rewrites relative links to lessons and exercises in md (the
// body of the course file at from) into their ids, which is how a terminal
// reader reaches them: "[Fetch all](../x/README.md)" becomes
// "Fetch all (exercise `goroutines/fetch-all`)". Other links are kept.
func (c *Course) LinksAsIDs(from, md string) string {
	return mdLinkRE.ReplaceAllStringFunc(md, func(link string) string {
		m := mdLinkRE.FindStringSubmatch(link)
		target, ok := ResolveLink(from, m[2])
		if !ok {
			return link
		}
		id, ok := c.Resolve(target)
		if !ok {
			return link
		}
		kind := "lesson"
		if _, isEx := c.exercises[id]; isEx {
			kind = "exercise"
		}
		return fmt.Sprintf("%s (%s `%s`)", m[1], kind, id)
	})
}
