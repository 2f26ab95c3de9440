// Package analyzerdoc extracts an analyzer's documentation from the package
// doc comment of its doc.go, so that doc.go stays the single source of it.
//
// An analyzer package declares its documentation once, in doc.go:
//
//	// Package halting defines an Analyzer that reports programs that never halt.
//	//
//	// # Analyzer halting
//	//
//	// halting: report functions that run forever
//	//
//	// The halting analyzer reports ...
//	package halting
//
// and embeds that file to fill in analysis.Analyzer.Doc:
//
//	//go:embed doc.go
//	var doc string
//
//	var Analyzer = &analysis.Analyzer{
//		Name: "halting",
//		Doc:  analyzerdoc.MustExtract(doc, "halting"),
//		...
//	}
//
// This follows golang.org/x/tools/go/analysis/passes, whose helper for the
// same job is internal to x/tools.
package analyzerdoc

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract is like [Extract] but panics on error. It is meant for package
// level initialization, where a malformed doc.go is a programming error that
// every test of the analyzer catches at once.
func MustExtract(content, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(fmt.Sprintf("analyzer %s: %v", name, err))
	}
	return doc
}

// Extract returns the section of a package doc comment that documents the
// named analyzer, in the form analysis.Analyzer.Doc expects: the one-line
// summary, a blank line, then the long text.
//
// The section runs from a heading "# Analyzer NAME" to the next heading or the
// end of the comment, and its first line must read "NAME: summary". The
// "NAME:" prefix is dropped, as the analysis drivers print the name next to
// the summary themselves.
func Extract(content, name string) (string, error) {
	if content == "" {
		return "", errors.New("empty doc.go")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("parse doc.go: %w", err)
	}
	if f.Doc == nil {
		return "", errors.New("doc.go has no package doc comment")
	}
	heading := "Analyzer " + name
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, heading)
		if !ok || body == "" || (body[0] != '\n' && body[0] != '\r') {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("heading %q is not followed by a %q line", "# "+heading, name+": summary")
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return "", fmt.Errorf("analyzer %s has an empty summary", name)
		}
		return rest, nil
	}
	return "", fmt.Errorf("package doc comment has no %q heading", "# "+heading)
}

// Lesson returns the id of the lesson an analyzer's documentation names on
// its line "Lesson: topic/slug." (the period is optional), so that doc.go
// is the one place an analyzer's lesson is written. It reports false when
// no line names a lesson, and an error when more than one does: either way
// the analyzer's tests catch it (checker.TestSuiteLessons).
func Lesson(doc string) (string, bool, error) {
	var ids []string
	for line := range strings.Lines(doc) {
		id, ok := strings.CutPrefix(strings.TrimSpace(line), "Lesson:")
		if !ok {
			continue
		}
		ids = append(ids, strings.TrimSuffix(strings.TrimSpace(id), "."))
	}
	switch len(ids) {
	case 0:
		return "", false, nil
	case 1:
		if ids[0] == "" {
			return "", false, errors.New(`"Lesson:" line names no lesson`)
		}
		return ids[0], true, nil
	default:
		return "", false, fmt.Errorf("%d lines name a lesson (%s): say one", len(ids), strings.Join(ids, ", "))
	}
}
