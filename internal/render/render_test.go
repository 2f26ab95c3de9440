package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestMarkdownRendersAndCachesPerWidthAndStyle(t *testing.T) {
	var r Renderer
	md := "# Title\n\nSome *emphasis* and `code`, long enough to wrap at a narrow width of forty columns.\n"
	plain, err := r.Markdown(md, 40, Plain)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain, "Title") || strings.Contains(plain, "\x1b[") {
		t.Errorf("plain rendering: %q", plain)
	}
	for _, line := range strings.Split(plain, "\n") {
		if w := len([]rune(strings.TrimRight(line, " "))); w > 40 {
			t.Errorf("line wider than 40 columns (%d): %q", w, line)
		}
	}
	dark, err := r.Markdown(md, 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dark, "\x1b[") {
		t.Errorf("dark rendering has no colour: %q", dark)
	}
	again, err := r.Markdown(md, 40, Plain)
	if err != nil || again != plain {
		t.Errorf("second rendering differs: %v", err)
	}
	if _, err := r.Markdown(md, 80, Plain); err != nil {
		t.Fatal(err)
	}
	if n := len(r.cache); n != 3 {
		t.Errorf("cache holds %d renderings, want 3 (one per document, width and style)", n)
	}
}

func TestHeadingsShowNoHashes(t *testing.T) {
	var r Renderer
	for _, st := range []Style{Dark, Light, Plain} {
		out, err := r.Markdown("# Title\n\n## Section\n\ntext\n\n### Sub\n\nmore\n", 60, st)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.Contains(plain, "#") || !strings.Contains(plain, "Section") || !strings.Contains(plain, "Sub") {
			t.Errorf("%s: %q", st, plain)
		}
	}
}
