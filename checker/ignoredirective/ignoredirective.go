package ignoredirective

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/spelling"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "ignoredirective"

// UnusedName is the name of the analyzer that [Wrap] adds last: it reports
// directives that silenced nothing.
const UnusedName = "unusedignore"

// The two comment prefixes.
const (
	linePrefix = "//accent:ignore"
	filePrefix = "//accent:file-ignore"
)

// Directives is the result of the analyzer: the well-formed suppressions of
// a package and its generated files.
type Directives struct {
	lines     map[lineKey][]*entry   // directives that silence one line of a file
	files     map[string][]*entry    // directives that silence a whole file
	entries   []*entry               // every well-formed directive, in file order
	generated map[string]bool        // files that say they are generated
	fileOf    func(token.Pos) string // the name of the file holding a position
	fileAt    func(token.Pos) string // the same, after //line directives
	lineOf    func(token.Pos) int
}

type lineKey struct {
	file string
	line int
}

// entry is one well-formed directive, and which of its analyzers it has
// silenced a finding of.
type entry struct {
	comment   *ast.Comment
	file      bool
	analyzers []string

	mu   sync.Mutex
	used map[string]bool
}

// silences reports whether e names analyzer, and if so counts it as used.
func (e *entry) silences(analyzer string) bool {
	if !slices.Contains(e.analyzers, analyzer) {
		return false
	}
	e.mu.Lock()
	e.used[analyzer] = true
	e.mu.Unlock()
	return true
}

// Suppressed reports whether a finding of the named analyzer at pos is
// silenced: by a directive, or because it lies in a generated file.
func (d *Directives) Suppressed(analyzer string, pos token.Pos) bool {
	if d == nil || !pos.IsValid() {
		return false
	}
	file := d.fileOf(pos)
	if d.generated[file] && d.fileAt(pos) == file {
		// A generated file, unless a //line directive maps the position
		// back to a file someone wrote: cgo rewrites a package's files
		// into generated ones that point back at the originals.
		return true
	}
	found := false
	// Every directive that covers the finding counts as used, not only
	// the first: two that overlap are both doing their job.
	for _, e := range d.files[file] {
		found = e.silences(analyzer) || found
	}
	for _, e := range d.lines[lineKey{file, d.lineOf(pos)}] {
		found = e.silences(analyzer) || found
	}
	return found
}

// New returns the analyzer, which reports malformed directives. known
// reports whether an analyzer name exists; suggest returns the closest
// known name to a misspelled one, or "".
func New(known func(string) bool, suggest func(string) string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        analyzerdoc.MustExtract(doc, Name),
		URL:        "https://pkg.go.dev/github.com/accent-go/accent/checker/ignoredirective",
		ResultType: reflect.TypeFor[*Directives](),
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, known, suggest), nil
		},
	}
}

func run(pass *analysis.Pass, known func(string) bool, suggest func(string) string) *Directives {
	d := &Directives{
		lines:     make(map[lineKey][]*entry),
		files:     make(map[string][]*entry),
		generated: make(map[string]bool),
		fileOf:    func(p token.Pos) string { return pass.Fset.PositionFor(p, false).Filename },
		fileAt:    func(p token.Pos) string { return pass.Fset.PositionFor(p, true).Filename },
		lineOf:    func(p token.Pos) int { return pass.Fset.PositionFor(p, false).Line },
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		name := tf.Name()
		if ast.IsGenerated(f) {
			d.generated[name] = true
		}
		var src []byte
		for _, group := range f.Comments {
			for _, c := range group.List {
				dir, ok := parse(c.Text)
				if !ok {
					continue
				}
				if !d.check(pass, c, dir, known, suggest) {
					continue
				}
				if src == nil && !dir.file && pass.ReadFile != nil {
					if b, err := pass.ReadFile(name); err == nil {
						src = b
					}
				}
				e := &entry{comment: c, file: dir.file, analyzers: dir.analyzers, used: map[string]bool{}}
				d.entries = append(d.entries, e)
				if dir.file {
					d.files[name] = append(d.files[name], e)
					continue
				}
				// Lines as in the file itself, not after //line directives:
				// the keys are looked up the same way (lineOf).
				line := tf.PositionFor(c.Pos(), false).Line
				alone, known := ownLine(tf, src, c)
				if alone || !known {
					next := lineKey{name, line + 1}
					d.lines[next] = append(d.lines[next], e)
				}
				if !alone {
					k := lineKey{name, line}
					d.lines[k] = append(d.lines[k], e)
				}
			}
		}
	}
	return d
}

// directive is one parsed comment.
type directive struct {
	file      bool // file-ignore
	analyzers []string
	reason    string
	malformed string // what is wrong with the comment's shape, if anything
}

// parse reads an //accent:ignore or //accent:file-ignore comment.
func parse(text string) (directive, bool) {
	var dir directive
	rest, ok := strings.CutPrefix(text, filePrefix)
	if ok {
		dir.file = true
	} else if rest, ok = strings.CutPrefix(text, linePrefix); !ok {
		return dir, false
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return dir, false // e.g. //accent:ignored, some other word
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		dir.malformed = "names no analyzer"
		return dir, true
	}
	for name := range strings.SplitSeq(fields[0], ",") {
		if name = strings.TrimSpace(name); name != "" {
			dir.analyzers = append(dir.analyzers, name)
		}
	}
	dir.reason = strings.Join(fields[1:], " ")
	return dir, true
}

// check reports what is wrong with a directive and says whether it may
// suppress anything.
func (d *Directives) check(pass *analysis.Pass, c *ast.Comment, dir directive, known func(string) bool, suggest func(string) string) bool {
	form := linePrefix
	if dir.file {
		form = filePrefix
	}
	if dir.malformed != "" {
		pass.ReportRangef(c, "%s %s: write %s <analyzer> <reason>", form, dir.malformed, form)
		return false
	}
	valid := true
	for _, name := range dir.analyzers {
		if known(name) {
			continue
		}
		valid = false
		if s := suggest(name); s != "" {
			pass.ReportRangef(c, "%s names %q, which is not an analyzer (did you mean %s?)", form, name, s)
		} else {
			pass.ReportRangef(c, "%s names %q, which is not an analyzer (accentvet -list shows them)", form, name)
		}
	}
	if dir.reason == "" {
		pass.ReportRangef(c, "%s %s needs a reason: say why the finding is wrong here, e.g. %s %s <reason>",
			form, strings.Join(dir.analyzers, ","), form, strings.Join(dir.analyzers, ","))
		return false
	}
	return valid
}

// ownLine reports whether comment c stands alone on its line, so that it
// applies to the next line rather than to its own. src is the file's
// content; without it (nil), the comment is taken to apply to both lines.
func ownLine(tf *token.File, src []byte, c *ast.Comment) (alone, known bool) {
	if src == nil {
		return false, false
	}
	off := tf.Offset(c.Pos())
	start := tf.Offset(tf.LineStart(tf.PositionFor(c.Pos(), false).Line))
	if off > len(src) || start > off {
		return false, false
	}
	return strings.TrimSpace(string(src[start:off])) == "", true
}

// Wrap returns analyzers that behave like the given ones but drop the
// findings that a well-formed directive silences, and every finding in a
// generated file; an analyzer's panic becomes its error for the package.
// The first analyzer of the result is the directive analyzer itself, which
// the others require; the last is [UnusedName], which runs after all of
// them and reports the directives that silenced nothing. Use the result in
// a driver (multichecker, unitchecker, a golangci-lint plugin); the
// analyzers' names, flags, facts and results are unchanged.
func Wrap(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	names := make(map[string]bool, len(analyzers)+2)
	for _, a := range analyzers {
		names[a.Name] = true
	}
	names[Name] = true
	names[UnusedName] = true
	list := slices.Sorted(maps.Keys(names))
	dirs := New(func(s string) bool { return names[s] }, func(s string) string { return spelling.Nearest(s, list) })
	out := []*analysis.Analyzer{dirs}
	for _, a := range analyzers {
		out = append(out, wrap(a, dirs))
	}
	return append(out, unused(dirs, out[1:]))
}

// unused returns the analyzer that reports directives that silenced no
// finding of an analyzer they name: the code changed, or the directive
// never did anything. It requires every wrapped analyzer, so it runs once
// they have all reported. A name it cannot judge (an analyzer not in this
// run, or one with two modes running in the default one, which leaves to
// -strict some of what the directive may excuse) is left alone.
func unused(dirs *analysis.Analyzer, wrapped []*analysis.Analyzer) *analysis.Analyzer {
	ran := make(map[string]*analysis.Analyzer, len(wrapped))
	for _, a := range wrapped {
		ran[a.Name] = a
	}
	return &analysis.Analyzer{
		Name: UnusedName,
		Doc: UnusedName + `: report //accent:ignore directives that silence nothing

A directive that names an analyzer which reports nothing where it stands
is stale: the code it excused was fixed or moved, and the comment now only
hides the next real finding on that line. Remove it, or move it to the
line it was meant for.`,
		URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/ignoredirective",
		Requires: append([]*analysis.Analyzer{dirs}, wrapped...),
		Run: func(pass *analysis.Pass) (any, error) {
			d, _ := pass.ResultOf[dirs].(*Directives)
			if d == nil {
				return nil, nil
			}
			for _, e := range d.entries {
				if d.Suppressed(UnusedName, e.comment.Pos()) && !slices.Contains(e.analyzers, UnusedName) {
					continue // silenced on purpose, by another directive
				}
				var idle []string
				e.mu.Lock()
				for _, a := range e.analyzers {
					// A two-mode analyzer in its default mode cannot tell:
					// the directive may excuse what only -strict reports
					// (a learner's exercise, a project that runs both).
					// Strict mode, a superset, judges it.
					if w := ran[a]; w != nil && !mode.Partial(w) && !e.used[a] && a != UnusedName {
						idle = append(idle, a)
					}
				}
				e.mu.Unlock()
				if len(idle) == 0 {
					continue
				}
				form, where := linePrefix, "on this line"
				if e.file {
					form, where = filePrefix, "in this file"
				}
				pass.Report(analysis.Diagnostic{
					Pos: e.comment.Pos(), End: e.comment.End(), Category: UnusedName,
					Message: fmt.Sprintf("%s %s silences nothing: %s reports nothing %s; remove it (or move it to the line it was meant for)",
						form, strings.Join(idle, ","), strings.Join(idle, ", "), where),
				})
			}
			return nil, nil
		},
	}
}

func wrap(a, dirs *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Requires = append(slices.Clone(a.Requires), dirs)
	w.Run = func(pass *analysis.Pass) (result any, err error) {
		// An analyzer that crashes on odd code must not take the whole
		// run down: its panic becomes this package's error for it.
		defer func() {
			if r := recover(); r != nil {
				result, err = nil, fmt.Errorf("analyzer %s crashed on package %s (please report it): %v\n%s",
					a.Name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		d, _ := pass.ResultOf[dirs].(*Directives)
		p := *pass
		p.Report = func(diag analysis.Diagnostic) {
			if d.Suppressed(a.Name, diag.Pos) {
				return
			}
			pass.Report(diag)
		}
		return a.Run(&p)
	}
	return &w
}
