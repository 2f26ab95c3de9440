// Package fixes builds the text edits of suggested fixes that add a line
// of code next to a statement (a "defer t.Stop()" after the line that
// makes t, an Unlock before a return), indented like that statement.
//
// Every function refuses (returns false) rather than guess: when the file
// cannot be read or no longer matches what was parsed, or when the
// statement does not start its own line.
package fixes

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Source returns the file holding pos and its text as pass reads it, if
// that text is the one that was parsed (same size).
func Source(pass *analysis.Pass, pos token.Pos) (*token.File, []byte, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil, nil, false
	}
	return tf, src, true
}

// Indent returns the white space that starts the line holding pos in src
// (the text of tf), if only white space precedes pos on it.
func Indent(tf *token.File, src []byte, pos token.Pos) (string, bool) {
	off := tf.Offset(pos)
	start := off
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	indent := string(src[start:off])
	if strings.Trim(indent, " \t") != "" {
		return "", false
	}
	return indent, true
}

// LineBefore returns an edit that inserts text as a line of its own right
// before the statement starting at pos, with the statement's indentation,
// if the statement starts its line.
func LineBefore(pass *analysis.Pass, pos token.Pos, text string) (analysis.TextEdit, bool) {
	tf, src, ok := Source(pass, pos)
	if !ok {
		return analysis.TextEdit{}, false
	}
	indent, ok := Indent(tf, src, pos)
	if !ok {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text + "\n" + indent)}, true
}

// LineAfter returns an edit that inserts text as a line of its own right
// after the line of the statement [pos, end), with the statement's
// indentation, if the statement starts its line and nothing but a comment
// follows it there (and a line does follow).
func LineAfter(pass *analysis.Pass, pos, end token.Pos, text string) (analysis.TextEdit, bool) {
	tf, src, ok := Source(pass, pos)
	if !ok {
		return analysis.TextEdit{}, false
	}
	indent, ok := Indent(tf, src, pos)
	if !ok {
		return analysis.TextEdit{}, false
	}
	endOff := tf.Offset(end)
	eol := endOff
	for eol < len(src) && src[eol] != '\n' {
		eol++
	}
	if rest := strings.TrimSpace(string(src[endOff:eol])); rest != "" && !strings.HasPrefix(rest, "//") {
		return analysis.TextEdit{}, false
	}
	if eol == len(src) {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: tf.Pos(eol), End: tf.Pos(eol), NewText: []byte("\n" + indent + text)}, true
}
