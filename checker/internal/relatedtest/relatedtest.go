// Package relatedtest checks the related positions of an analyzer's
// diagnostics (analysis.Diagnostic.Related), which analysistest's
// // want comments cannot express.
//
// A test file marks each line that some diagnostic must name as related
// with a comment holding one or more Go string literals, each a regular
// expression for the related message:
//
//	go func() { // related "the goroutine is started here"
//
// Run runs analysistest.Run (so the // want comments are checked too), and
// then requires every related position of every diagnostic to land on a
// marked line with a matching message, and every marker to be matched.
package relatedtest

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// marker is one expected related message at a line.
type marker struct {
	at   string // file:line
	re   *regexp.Regexp
	seen bool
}

// Run runs analyzer a on the packages of dir/src and checks the related
// positions of its diagnostics against the // related comments.
func Run(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	results := analysistest.Run(t, dir, a, pkgs...)
	var markers []*marker
	var got []string
	seenFile := make(map[string]bool)
	for _, r := range results {
		fset := r.Pass.Fset
		for _, f := range r.Pass.Files {
			name := fset.File(f.FileStart).Name()
			if seenFile[name] {
				continue
			}
			seenFile[name] = true
			ms, err := parse(fset, f)
			if err != nil {
				t.Error(err)
			}
			markers = append(markers, ms...)
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%s\x00%s\x00%s", at(fset, rel.Pos), rel.Message, at(fset, d.Pos)))
			}
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	for _, g := range got {
		parts := strings.Split(g, "\x00")
		pos, msg, of := parts[0], parts[1], parts[2]
		matched := false
		for _, m := range markers {
			if m.at == pos && m.re.MatchString(msg) {
				m.seen, matched = true, true
			}
		}
		if !matched {
			t.Errorf("%s: unexpected related position %q (of the diagnostic at %s)", pos, msg, of)
		}
	}
	for _, m := range markers {
		if !m.seen {
			t.Errorf("%s: no diagnostic names this line as related with a message matching %q", m.at, m.re)
		}
	}
}

func at(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", p.Filename, p.Line)
}

// parse returns the markers of file f.
func parse(fset *token.FileSet, f *ast.File) ([]*marker, error) {
	var ms []*marker
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text, ok := strings.CutPrefix(c.Text, "// related ")
			if !ok {
				continue
			}
			p := fset.Position(c.Slash)
			where := fmt.Sprintf("%s:%d", p.Filename, p.Line)
			text = strings.TrimSpace(text)
			for text != "" {
				lit, rest, err := quoted(text)
				if err != nil {
					return nil, fmt.Errorf("%s: bad // related comment: %w", where, err)
				}
				re, err := regexp.Compile(lit)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", where, err)
				}
				ms = append(ms, &marker{at: where, re: re})
				text = strings.TrimSpace(rest)
			}
		}
	}
	return ms, nil
}

// quoted cuts the Go string literal that s starts with.
func quoted(s string) (lit, rest string, err error) {
	if s == "" || (s[0] != '"' && s[0] != '`') {
		return "", "", fmt.Errorf("want a string literal, got %q", s)
	}
	for i := 1; i < len(s); i++ {
		if s[0] == '"' && s[i] == '\\' {
			i++
			continue
		}
		if s[i] == s[0] {
			lit, err := strconv.Unquote(s[:i+1])
			return lit, s[i+1:], err
		}
	}
	return "", "", fmt.Errorf("unterminated string literal %q", s)
}
