package durationunit

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// A unit is what a number counts, as the time constant it should be
// multiplied by: time.Millisecond, time.Second, ... The zero unit is
// unknown.
type unit time.Duration

const unknown unit = 0

// constName is the name of the time constant for u: "Millisecond".
func (u unit) constName() string {
	switch time.Duration(u) {
	case time.Nanosecond:
		return "Nanosecond"
	case time.Microsecond:
		return "Microsecond"
	case time.Millisecond:
		return "Millisecond"
	case time.Second:
		return "Second"
	case time.Minute:
		return "Minute"
	case time.Hour:
		return "Hour"
	}
	return ""
}

// plural names u in prose: "milliseconds".
func (u unit) plural() string {
	if u == unknown {
		return "an unknown unit"
	}
	return strings.ToLower(u.constName()) + "s"
}

// unitWords maps a word of a name or comment to the unit it names.
var unitWords = map[string]unit{
	"ns": unit(time.Nanosecond), "nano": unit(time.Nanosecond), "nanos": unit(time.Nanosecond),
	"nanosecond": unit(time.Nanosecond), "nanoseconds": unit(time.Nanosecond),
	"nsec": unit(time.Nanosecond), "nsecs": unit(time.Nanosecond),

	"us": unit(time.Microsecond), "µs": unit(time.Microsecond), "micro": unit(time.Microsecond),
	"micros": unit(time.Microsecond), "microsecond": unit(time.Microsecond),
	"microseconds": unit(time.Microsecond), "usec": unit(time.Microsecond), "usecs": unit(time.Microsecond),

	"ms": unit(time.Millisecond), "milli": unit(time.Millisecond), "millis": unit(time.Millisecond),
	"millisecond": unit(time.Millisecond), "milliseconds": unit(time.Millisecond),
	"msec": unit(time.Millisecond), "msecs": unit(time.Millisecond),

	"sec": unit(time.Second), "secs": unit(time.Second), "second": unit(time.Second),
	"seconds": unit(time.Second),

	"mins": unit(time.Minute), "minute": unit(time.Minute), "minutes": unit(time.Minute),

	"hr": unit(time.Hour), "hrs": unit(time.Hour), "hour": unit(time.Hour), "hours": unit(time.Hour),
}

// words splits an identifier or a piece of text into lower-case words at
// case changes, digits, underscores, dashes, dots and spaces:
// "HTTPTimeoutSecs" is http, timeout, secs; "poll_ms" is poll, ms.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r):
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// "HTTPTimeout": the T of Timeout starts a word.
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// nameUnit returns the unit a name says, from its last unit word:
// timeoutMs, poll_millis, IntervalSeconds, ttlSec. A rate (perSecond,
// samples_per_sec) names no unit.
func nameUnit(name string) unit {
	ws := words(name)
	for i := len(ws) - 1; i >= 0; i-- {
		u, ok := unitWords[ws[i]]
		if !ok {
			continue
		}
		if i > 0 && ws[i-1] == "per" {
			return unknown
		}
		return u
	}
	return unknown
}

// commentMarkers are the calls of other languages that say a number's
// unit when a comment names them.
var commentMarkers = []struct {
	text string
	u    unit
}{
	{"setTimeout", unit(time.Millisecond)},
	{"setInterval", unit(time.Millisecond)},
	{"Thread.sleep", unit(time.Millisecond)},
	{"currentTimeMillis", unit(time.Millisecond)},
	{"ofMillis", unit(time.Millisecond)},
	{"TimeUnit.MILLISECONDS", unit(time.Millisecond)},
	{"time.sleep", unit(time.Second)},
	{"asyncio.sleep", unit(time.Second)},
	{"settimeout(", unit(time.Second)}, // Python's socket.settimeout
	{"ofSeconds", unit(time.Second)},
	{"TimeUnit.SECONDS", unit(time.Second)},
}

// textUnit returns the unit a comment or a usage string names: a call of
// another language whose unit is known (setTimeout, time.sleep), or a unit
// word (ms, seconds). Text that names two units says nothing.
func textUnit(text string) unit {
	found := unknown
	add := func(u unit) bool {
		if found != unknown && found != u {
			return false
		}
		found = u
		return true
	}
	for _, m := range commentMarkers {
		if strings.Contains(text, m.text) && !add(m.u) {
			return unknown
		}
	}
	ws := words(text)
	for i, w := range ws {
		u, ok := unitWords[w]
		if !ok || (i > 0 && ws[i-1] == "per") {
			continue
		}
		if !add(u) {
			return unknown
		}
	}
	return found
}

// valueUnit guesses the unit of a bare count n from its value: 1500, 250
// and 10000 are milliseconds in every language that counts in them, while
// 5, 30, 300 or 3600 read as well in seconds.
func valueUnit(n int64) unit {
	switch {
	case n < 100, n < 1000 && n%60 == 0, n%3600 == 0:
		return unknown
	}
	return unit(time.Millisecond)
}

// evidence is what the package says about the unit of a number.
type evidence struct {
	u   unit
	why string // "by its name", "by the comment", ...
	// computed is set when the unit is unknown and the value comes from a
	// call or arithmetic the analyzer cannot read: its author knew what it
	// counts, so a finding with no unit to offer would only be noise.
	computed bool
}

// index lists, for every variable and field of the package, the
// expressions assigned to it and the flag calls that bind it, and for every
// line of every file its comments.
type index struct {
	info  *types.Info
	fset  *token.FileSet
	files []*ast.File
	// Filled by build, on the first question that needs them: most
	// packages have nothing for durationunit to weigh.
	built    bool
	assigned map[*types.Var][]ast.Expr
	flags    map[*types.Var][]*ast.CallExpr // flag.IntVar(&v, name, value, usage)
	comments map[*token.File]map[int][]string
}

func newIndex(fset *token.FileSet, info *types.Info, files []*ast.File) *index {
	return &index{info: info, fset: fset, files: files}
}

// sources returns what is assigned to v in the package.
func (ix *index) sources(v *types.Var) []ast.Expr {
	ix.build()
	return ix.assigned[v]
}

// flagCalls returns the flag definitions that fill v.
func (ix *index) flagCalls(v *types.Var) []*ast.CallExpr {
	ix.build()
	return ix.flags[v]
}

// build indexes the package's assignments, flag definitions and comments.
func (ix *index) build() {
	if ix.built {
		return
	}
	ix.built = true
	info := ix.info
	ix.assigned = make(map[*types.Var][]ast.Expr)
	ix.flags = make(map[*types.Var][]*ast.CallExpr)
	ix.comments = make(map[*token.File]map[int][]string)
	fset := ix.fset
	for _, f := range ix.files {
		tf := fset.File(f.Pos())
		if tf == nil {
			continue
		}
		lines := make(map[int][]string)
		for _, g := range f.Comments {
			for _, c := range g.List {
				text := c.Text
				text = strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*")
				if isDirective(text) {
					continue
				}
				line := tf.Line(c.Pos())
				lines[line] = append(lines[line], text)
			}
		}
		ix.comments[tf] = lines
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if v := ix.varOf(lhs); v != nil {
						ix.assigned[v] = append(ix.assigned[v], n.Rhs[min(i, len(n.Rhs)-1)])
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, ok := info.Defs[id].(*types.Var); ok && len(n.Values) > 0 {
						ix.assigned[v] = append(ix.assigned[v], n.Values[min(i, len(n.Values)-1)])
					}
				}
			case *ast.RangeStmt:
				// for _, ms := range delaysMs: the elements' unit is the
				// slice's.
				if v := ix.varOf(n.Value); n.Value != nil && v != nil {
					ix.assigned[v] = append(ix.assigned[v], n.X)
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
						ix.assigned[v] = append(ix.assigned[v], n.Value)
					}
				}
			case *ast.CallExpr:
				if isFlagFunc(typeutil.Callee(info, n), true) && len(n.Args) >= 1 {
					if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
						if v := ix.varOf(u.X); v != nil {
							ix.flags[v] = append(ix.flags[v], n)
						}
					}
				}
			}
			return true
		})
	}
}

// isDirective reports whether a comment's text is a directive to a tool,
// not words about the code: an //accent:ignore (whose reason argues with
// a finding, and must not silence it), a //nolint, a //go: line, or an
// analysistest expectation.
func isDirective(text string) bool {
	t := strings.TrimSpace(text)
	for _, p := range []string{"accent:ignore", "nolint", "lint:ignore", "go:", "want `", `want "`} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// varOf returns the variable or field that e names, or nil.
func (ix *index) varOf(e ast.Expr) *types.Var {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.StarExpr:
		return ix.varOf(e.X)
	case *ast.IndexExpr:
		return ix.varOf(e.X)
	default:
		return nil
	}
	if v, ok := ix.info.Uses[id].(*types.Var); ok {
		return v
	}
	v, _ := ix.info.Defs[id].(*types.Var)
	return v
}

// isFlagFunc reports whether obj is one of package flag's functions or
// FlagSet methods that define a numeric flag: Int, Int64, Uint, Float64...
// (or IntVar... if vars).
func isFlagFunc(obj types.Object, vars bool) bool {
	names := []string{"Int", "Int64", "Uint", "Uint64", "Float64"}
	if vars {
		names = []string{"IntVar", "Int64Var", "UintVar", "Uint64Var", "Float64Var"}
	}
	return typematch.IsFunction(obj, "flag", names...) || typematch.IsMethod(obj, "flag", "FlagSet", names...)
}

// commentUnit returns the unit that the comments on lines from..to of the
// file holding pos name.
func (ix *index) commentUnit(pos token.Pos, from, to int) unit {
	ix.build()
	tf := ix.fset.File(pos)
	if tf == nil {
		return unknown
	}
	lines := ix.comments[tf]
	var text []string
	for l := from; l <= to; l++ {
		text = append(text, lines[l]...)
	}
	return textUnit(strings.Join(text, " "))
}

// lines returns the first and last line of n.
func (ix *index) lines(n ast.Node) (int, int) {
	return ix.fset.Position(n.Pos()).Line, ix.fset.Position(n.End()).Line
}

// declComment returns the unit named by the comments on the line that
// declares obj, and on the line before it.
func (ix *index) declComment(obj types.Object) unit {
	if obj == nil || !obj.Pos().IsValid() {
		return unknown
	}
	line := ix.fset.Position(obj.Pos()).Line
	return ix.commentUnit(obj.Pos(), line-1, line)
}

// isNanos reports whether the expression e is computed from a
// time.Duration or a nanosecond reading (d.Nanoseconds(), t.UnixNano()),
// so that converting it back to a Duration is right.
func isNanos(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case ast.Expr:
			if tv, ok := info.Types[n]; ok && !tv.IsType() && isDuration(tv.Type) {
				found = true
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				callee := typeutil.Callee(info, call)
				if typematch.IsMethod(callee, "time", "Duration", "Nanoseconds") ||
					typematch.IsMethod(callee, "time", "Time", "UnixNano", "Nanosecond") {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// negativeConst reports whether e is a negative constant: a sentinel such
// as -1 kept in a Duration's place.
func negativeConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) < 0
}
