package vetcmd

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Report is what one standalone run found.
type Report struct {
	// Tree is the merged JSON of every unit run, in the multichecker shape:
	// package ID -> analyzer -> diagnostics (or {"error": ...}).
	Tree map[string]map[string]json.RawMessage
	// Findings are the diagnostics of Tree, deduplicated (a package and its
	// test variant report the same finding twice) and sorted by position.
	Findings []Finding
	// Errors are analyzer failures reported in Tree.
	Errors []string
}

// Finding is one diagnostic.
type Finding struct {
	Analyzer string
	Package  string
	Pos      Position
	End      Position
	Message  string
	Category string
	Related  []Related
	HasFix   bool
}

// Related is a secondary position of a finding.
type Related struct {
	Pos     Position
	Message string
}

// Position is a file position as go vet prints it.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// parsePosition reads "file:line:col" (or "file:line", or "file"), reading
// from the right so that file names with colons survive.
func parsePosition(s string) Position {
	p := Position{File: s}
	rest, last, ok := cutLast(s)
	if !ok {
		return p
	}
	n, err := strconv.Atoi(last)
	if err != nil {
		return p
	}
	file, mid, ok := cutLast(rest)
	if m, err := strconv.Atoi(mid); ok && err == nil {
		return Position{File: file, Line: m, Col: n}
	}
	return Position{File: rest, Line: n}
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// jsonDiagnostic is the shape of one diagnostic in go vet -json output.
type jsonDiagnostic struct {
	Category       string            `json:"category,omitempty"`
	Posn           string            `json:"posn"`
	End            string            `json:"end"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes,omitempty"`
	Related        []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related,omitempty"`
}

// vet runs go vet with accentvet as the tool and collects its results. The
// go command's own errors (packages that do not build or type-check) go to
// Stderr as they come; they make the exit code ExitError, and the report
// still holds what the other packages produced.
func (c *Command) vet(ctx context.Context, opts *options, patterns []string) (*Report, int) {
	cmd := c.goVet(ctx, opts, []string{"-json"}, patterns)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = c.Stderr
	runErr := cmd.Run()
	code := ExitClean
	if runErr != nil {
		var exit *exec.ExitError
		if !errors.As(runErr, &exit) {
			fmt.Fprintf(c.Stderr, "accentvet: the go command is needed to load packages: %v\n", runErr)
			return nil, ExitError
		}
		code = ExitError
	}
	report, err := ParseReport(&stdout, c.Dir)
	if err != nil {
		fmt.Fprintf(c.Stderr, "accentvet: reading go vet's results: %v\n", err)
		return nil, ExitError
	}
	for _, e := range report.Errors {
		fmt.Fprintf(c.Stderr, "accentvet: %s\n", e)
		code = ExitError
	}
	if code == ExitError {
		fmt.Fprintln(c.Stderr, "accentvet: some packages could not be analyzed (see above); findings are for the others")
	}
	return report, code
}

// ParseReport reads the stream of JSON trees that go vet -json prints, one
// per unit, and merges them. Paths are made relative to dir (or the current
// directory) where they are below it.
func ParseReport(r io.Reader, dir string) (*Report, error) {
	base, err := filepath.Abs(cmp.Or(dir, "."))
	if err != nil {
		return nil, err
	}
	rel := func(file string) string {
		if r, err := filepath.Rel(base, file); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return file
	}
	report := &Report{Tree: map[string]map[string]json.RawMessage{}}
	seen := map[string]bool{}
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for pkg, byAnalyzer := range tree {
			if report.Tree[pkg] == nil {
				report.Tree[pkg] = map[string]json.RawMessage{}
			}
			for analyzer, raw := range byAnalyzer {
				report.Tree[pkg][analyzer] = raw
				var failure struct {
					Error string `json:"error"`
				}
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					if err := json.Unmarshal(raw, &failure); err != nil {
						return nil, fmt.Errorf("%s: %s: %w", pkg, analyzer, err)
					}
					report.Errors = append(report.Errors, fmt.Sprintf("%s: analyzer %s failed: %s", pkg, analyzer, failure.Error))
					continue
				}
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("%s: %s: %w", pkg, analyzer, err)
				}
				for _, d := range diags {
					key := analyzer + "\x00" + d.Posn + "\x00" + d.Message
					if seen[key] {
						continue
					}
					seen[key] = true
					f := Finding{
						Analyzer: analyzer,
						Package:  strings.Fields(pkg)[0],
						Pos:      parsePosition(d.Posn),
						End:      parsePosition(d.End),
						Message:  d.Message,
						Category: d.Category,
						HasFix:   len(d.SuggestedFixes) > 0,
					}
					f.Pos.File, f.End.File = rel(f.Pos.File), rel(f.End.File)
					for _, r := range d.Related {
						p := parsePosition(r.Posn)
						p.File = rel(p.File)
						f.Related = append(f.Related, Related{Pos: p, Message: r.Message})
					}
					report.Findings = append(report.Findings, f)
				}
			}
		}
	}
	slices.SortFunc(report.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.Sort(report.Errors)
	return report, nil
}
