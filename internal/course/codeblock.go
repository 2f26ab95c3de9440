package course

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Markers of a Go code block, written after the language in the fence's
// info string (```go wrong). A block without one must compile and pass
// accentvet.
const (
	// MarkWrong marks a deliberately wrong example: it is not compiled.
	MarkWrong = "wrong"
	// MarkFragment marks statements that cannot compile alone (they use
	// variables of the surrounding code): they must parse as the body of a
	// function.
	MarkFragment = "fragment"
)

// CodeBlock is one code block of a lesson or an exercise README: fenced,
// or indented (then it has no language).
type CodeBlock struct {
	File   string // course path of the Markdown file
	Line   int    // line of the file the code starts on (after the fence)
	Lang   string // the first word of the info string: "go", "js", ""
	Marker string // the rest of the info string: "", MarkWrong, MarkFragment
	Code   string
}

func (b CodeBlock) String() string { return fmt.Sprintf("%s:%d", b.File, b.Line) }

// plainMD parses Markdown bodies, whose front matter is already gone.
var plainMD = goldmark.New()

// CodeBlocks returns the code blocks of a Markdown body that starts
// on line firstLine of the course file file.
func CodeBlocks(file, body string, firstLine int) []CodeBlock {
	src := []byte(body)
	doc := plainMD.Parser().Parse(text.NewReader(src))
	var blocks []CodeBlock
	lineAt := func(offset int) int { return firstLine + bytes.Count(src[:offset], []byte("\n")) }
	//accent:ignore errignored the walker below never returns an error
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := CodeBlock{File: file}
		var lines *text.Segments
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			lines = n.Lines()
			if n.Info != nil {
				info := strings.Fields(string(n.Info.Segment.Value(src)))
				if len(info) > 0 {
					b.Lang = info[0]
					b.Marker = strings.Join(info[1:], " ")
				}
				b.Line = lineAt(n.Info.Segment.Start) + 1
			}
		case *ast.CodeBlock: // indented: no language
			lines = n.Lines()
		default:
			return ast.WalkContinue, nil
		}
		var code strings.Builder
		for i := range lines.Len() {
			seg := lines.At(i)
			if i == 0 {
				b.Line = lineAt(seg.Start)
			}
			code.Write(seg.Value(src))
		}
		b.Code = code.String()
		blocks = append(blocks, b)
		return ast.WalkSkipChildren, nil
	})
	return blocks
}

// GoBlocks returns the Go code blocks of every lesson and exercise README
// of the course, in course order.
func (c *Course) GoBlocks() []CodeBlock {
	var out []CodeBlock
	for _, l := range c.Lessons {
		out = append(out, goOnly(CodeBlocks(l.Path, l.Body, l.BodyLine))...)
	}
	for _, ex := range c.Exercises {
		out = append(out, goOnly(CodeBlocks("exercises/"+ex.Dir+"/README.md", ex.Task, ex.TaskLine))...)
	}
	return out
}

func goOnly(blocks []CodeBlock) []CodeBlock {
	var out []CodeBlock
	for _, b := range blocks {
		if b.Lang == "go" {
			out = append(out, b)
		}
	}
	return out
}
