package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/render"
)

const idiomLesson = "# Waiting\n\nYou already do this:\n\n" +
	"```js\nawait Promise.all(xs)\n```\n```python\nawait asyncio.gather(*xs)\n```\n```java\npool.invokeAll(xs)\n```\n\n" +
	"In Go it is a WaitGroup:\n\n" +
	"```go\nvar wg sync.WaitGroup\nwg.Wait()\n```\n\n## More\n\n```js\nsetTimeout(f, 1000)\n```\n\nNothing in Go follows here.\n"

func TestLessonDocumentPutsTheLearnersIdiomBesideGo(t *testing.T) {
	tests := []struct {
		lang      course.Language
		left      string // what the pair's left column holds
		notLeft   []string
		leftTitle string
	}{
		{course.Node, "Promise.all", []string{"asyncio", "invokeAll"}, "Node.js"},
		{course.Python, "asyncio.gather", []string{"Promise", "invokeAll"}, "Python"},
		{course.Java, "invokeAll", []string{"Promise", "asyncio"}, "Java"},
	}
	for _, tt := range tests {
		doc := lessonDocument(idiomLesson, tt.lang)
		var pairs []*pair
		var prose strings.Builder
		for _, s := range doc {
			if s.pair != nil {
				pairs = append(pairs, s.pair)
			} else {
				prose.WriteString(s.markdown)
			}
		}
		if len(pairs) != 1 {
			t.Fatalf("%s: %d pairs, want 1 (the second js block has no Go after it)", tt.lang, len(pairs))
		}
		p := pairs[0]
		if !strings.Contains(p.left, tt.left) || p.leftTitle != tt.leftTitle || p.rightTitle != "Go" || !strings.Contains(p.right, "wg.Wait()") {
			t.Errorf("%s: pair %+v", tt.lang, p)
		}
		for _, other := range tt.notLeft {
			if strings.Contains(p.left, other) || strings.Contains(prose.String(), other) {
				t.Errorf("%s: the %q idiom is still shown", tt.lang, other)
			}
		}
		// The sentence between the idioms and the Go code introduces the Go column.
		md := prose.String()
		if p.rightIntro != "In Go it is a WaitGroup:" || strings.Contains(md, "In Go it is a WaitGroup") {
			t.Errorf("%s: intro %q", tt.lang, p.rightIntro)
		}
		if !strings.Contains(md, "You already do this:") || !strings.Contains(md, "setTimeout") || !strings.Contains(md, "Nothing in Go follows") {
			t.Errorf("%s: prose lost something:\n%s", tt.lang, md)
		}
	}
}

func TestAnIdiomInAnotherLanguageStays(t *testing.T) {
	// A lesson with only a Node.js example keeps it for a Python learner.
	doc := lessonDocument("```js\nconst x = 1\n```\n\n```go\nx := 1\n```\n", course.Python)
	if len(doc) != 1 || doc[0].pair == nil || !strings.Contains(doc[0].pair.left, "const x") || doc[0].pair.leftTitle != "Node.js" {
		t.Errorf("doc = %+v", doc)
	}
}

func TestPairsSitSideBySideOnlyWhenTheCodeFits(t *testing.T) {
	var r render.Renderer
	st := NewStyles(true, true)
	short := document{{pair: &pair{leftTitle: "Node.js", rightTitle: "Go",
		left: fenced("js", "await Promise.all(xs)"), right: fenced("go", "wg.Wait()")}}}
	long := document{{pair: &pair{leftTitle: "Node.js", rightTitle: "Go",
		left: fenced("js", "await Promise.all(xs)"), right: fenced("go", "\t"+strings.Repeat("x", 70))}}}
	for _, tt := range []struct {
		name     string
		doc      document
		width    int
		sideBySi bool
	}{
		{"short, wide", short, 120, true},
		{"short, narrow", short, 60, false},
		{"long line, wide", long, 120, false},
		{"long line, very wide", long, 200, true},
	} {
		out, err := tt.doc.render(&r, tt.width, st)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out.content)
		sideBySide := false
		for _, line := range strings.Split(plain, "\n") {
			if strings.Contains(line, "Node.js") && strings.Contains(line, "Go") {
				sideBySide = true
			}
			if w := ansi.StringWidth(line); w > tt.width {
				t.Errorf("%s: line %d wide at %d: %q", tt.name, w, tt.width, line)
			}
		}
		if sideBySide != tt.sideBySi {
			t.Errorf("%s: side by side %v, want %v:\n%s", tt.name, sideBySide, tt.sideBySi, plain)
		}
		if strings.Contains(out.content, "\t") {
			t.Errorf("%s: a raw tab reached the screen", tt.name)
		}
	}
}

func TestChunks(t *testing.T) {
	cs := chunks("a\n```js\nx\n```\n```go\ny\n```\nb\n~~~python\nz\n~~~\n")
	var got []string
	for _, c := range cs {
		if c.code {
			got = append(got, "code:"+string(c.lang))
		} else {
			got = append(got, "prose")
		}
	}
	if want := "prose code:node code:go prose code:python"; strings.Join(got, " ") != want {
		t.Errorf("chunks = %s, want %s", strings.Join(got, " "), want)
	}
}

func TestWrapHanging(t *testing.T) {
	lines := wrapHanging("one two three four five six seven", 10, 20)
	if strings.Join(lines, "|") != "one two|three four five six|seven" {
		t.Errorf("lines = %q", lines)
	}
	for _, l := range wrapHanging(strings.Repeat("x", 50), 10, 20) {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("a long word was not broken: %q", l)
		}
	}
}
