// Package dstday defines an Analyzer that reports 24 hours added to a
// zoned time to mean "the same time tomorrow".
package dstday

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports t.Add(24 * time.Hour) on a time in a zone with daylight
// saving.
var Analyzer = &analysis.Analyzer{
	Name:     "dstday",
	Doc:      analyzerdoc.MustExtract(doc, "dstday"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/dstday",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

const day = int64(24 * time.Hour)

// zone is what the analyzer knows of a time's location.
type zone int

const (
	cycleZone zone = iota - 1 // a variable already being traced: says nothing new
	unknownZone
	utcZone   // time.UTC: every day has 24 hours
	fixedZone // time.FixedZone: no daylight saving either
	localZone // time.Local: often UTC on servers, often not on laptops
	namedZone // a location loaded or passed in: may have daylight saving
)

func run(pass *analysis.Pass) (any, error) {
	if !typematch.ImportsTransitively(pass.Pkg, "time") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	a := &analysis_{pass: pass}
	for fileCur := range insp.Root().Children() {
		if generated.Skip(pass.Fset, fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			a.call(cur, cur.Node().(*ast.CallExpr))
		}
	}
	return nil, nil
}

type analysis_ struct {
	pass     *analysis.Pass
	indexed  bool                      // assigned and returns are filled, on the first t.Add
	assigned map[*types.Var][]ast.Expr // what is assigned to each variable and field
	// returns holds, for each function and method declared in the
	// package, what its return statements return: one list per result.
	returns map[*types.Func][][]ast.Expr
}

// index records the values assigned to every variable and field, and
// returned by every function of the package. It walks the whole package,
// so it runs only once a call of time.Time.Add needs it: most packages
// have none.
func (a *analysis_) index() {
	if a.indexed {
		return
	}
	a.indexed = true
	a.assigned = make(map[*types.Var][]ast.Expr)
	a.returns = make(map[*types.Func][][]ast.Expr)
	info := a.pass.TypesInfo
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				a.indexReturns(n)
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if v := varOf(info, lhs); v != nil {
						a.assigned[v] = append(a.assigned[v], n.Rhs[min(i, len(n.Rhs)-1)])
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, ok := info.Defs[id].(*types.Var); ok && len(n.Values) > 0 {
						a.assigned[v] = append(a.assigned[v], n.Values[min(i, len(n.Values)-1)])
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
						a.assigned[v] = append(a.assigned[v], n.Value)
					}
				}
			}
			return true
		})
	}
}

// indexReturns records what the function decl returns, result by result;
// a bare return returns its named results.
func (a *analysis_) indexReturns(decl *ast.FuncDecl) {
	fn, ok := a.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || decl.Body == nil {
		return
	}
	n := fn.Signature().Results().Len()
	if n == 0 {
		return
	}
	var named []ast.Expr
	for _, field := range decl.Type.Results.List {
		for _, name := range field.Names {
			named = append(named, name)
		}
	}
	results := make([][]ast.Expr, n)
	ast.Inspect(decl.Body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			switch {
			case len(node.Results) == n:
				for i, r := range node.Results {
					results[i] = append(results[i], r)
				}
			case len(node.Results) == 0 && len(named) == n:
				for i, r := range named {
					results[i] = append(results[i], r)
				}
			case len(node.Results) == 1:
				// return f(), f returning as many results: zoneOf
				// follows f to its time result.
				for i := range results {
					results[i] = append(results[i], node.Results[0])
				}
			default:
				for i := range results {
					results[i] = append(results[i], &ast.BadExpr{From: node.Pos(), To: node.End()})
				}
			}
		}
		return true
	})
	a.returns[fn] = results
}

// returned returns what the call of a function of the package returns as
// its time.Time result, if it has exactly one.
func (a *analysis_) returned(callee *types.Func) ([]ast.Expr, bool) {
	results, ok := a.returns[callee]
	if !ok {
		return nil, false
	}
	idx := -1
	sig := callee.Signature().Results()
	for i := range sig.Len() {
		if typematch.IsType(sig.At(i).Type(), "time", "Time") {
			if idx >= 0 {
				return nil, false
			}
			idx = i
		}
	}
	if idx < 0 {
		return nil, false
	}
	return results[idx], true
}

func varOf(info *types.Info, e ast.Expr) *types.Var {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	if v, ok := info.Uses[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Defs[id].(*types.Var)
	return v
}

// call reports t.Add(d) where d is a whole number of days and t a time in
// a zone with daylight saving, meant as a calendar day.
func (a *analysis_) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := a.pass.TypesInfo
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || !typematch.IsMethod(typeutil.Callee(info, call), "time", "Time", "Add") {
		return
	}
	a.index()
	days, ok := a.days(call.Args[0])
	if !ok {
		return
	}
	// A fix would leave a variable such as oneDay unused, which does not
	// compile: suggest it only when the duration is an expression.
	fixable := varOf(info, call.Args[0]) == nil || isConst(info, call.Args[0])
	z := a.zoneOf(sel.X, make(map[*types.Var]bool), 0)
	if z != namedZone && z != localZone && z != unknownZone {
		return // UTC or a fixed zone: every day has 24 hours
	}
	calendar, elapsed := a.intent(cur, call, sel.X)
	if elapsed || (z == localZone && !calendar) {
		return
	}
	if z == unknownZone && !calendar && !a.funcSaysDay(cur) {
		return // a time of unknown zone, and nothing says a calendar day is meant
	}
	where := "in a zone with daylight saving"
	switch z {
	case localZone:
		where = "in the local zone, which may have daylight saving"
	case unknownZone:
		where = "whose zone may have daylight saving"
	}
	recv := types.ExprString(sel.X)
	if len(recv) > 40 {
		recv = "t"
	}
	fixed := fmt.Sprintf("%s.AddDate(0, 0, %s)", recv, days)
	hours := "adds 24 hours to"
	switch days {
	case "1":
	case "-1":
		hours = "subtracts 24 hours from"
	default:
		hours = "adds a multiple of 24 hours to"
	}
	diag := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s %s a time %s: on the days the clocks change that is not the same time of day (a day lasts 23 or 25 hours); write %s for calendar days",
			types.ExprString(call), hours, where, fixed),
	}
	if fixable {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message: "Add calendar days: " + fixed,
			TextEdits: []analysis.TextEdit{{
				Pos:     sel.Sel.Pos(),
				End:     call.Rparen + 1,
				NewText: fmt.Appendf(nil, "AddDate(0, 0, %s)", days),
			}},
		}}
	}
	a.pass.Report(diag)
}

func isConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil
}

// days returns, as source text, how many days the duration d is, if it is
// a whole number of days other than zero: 24 * time.Hour is "1", a
// constant week "7", -24 * time.Hour "-1", time.Duration(n) * 24 *
// time.Hour "n".
func (a *analysis_) days(d ast.Expr) (string, bool) {
	info := a.pass.TypesInfo
	// oneDay := 24 * time.Hour: a variable that only ever holds one
	// constant.
	if v := varOf(info, d); v != nil {
		if srcs := a.assigned[v]; len(srcs) > 0 {
			var val constant.Value
			for _, src := range srcs {
				tv, ok := info.Types[src]
				if !ok || tv.Value == nil || (val != nil && !constant.Compare(val, token.EQL, tv.Value)) {
					val = nil
					break
				}
				val = tv.Value
			}
			if val != nil {
				d = &ast.BasicLit{Kind: token.INT, Value: val.ExactString()}
				info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{d: {Value: val}}}
			}
		}
	}
	if tv, ok := info.Types[d]; ok && tv.Value != nil {
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact || n == 0 || n%day != 0 {
			return "", false
		}
		return fmt.Sprint(n / day), true
	}
	// A product of constants and one count.
	var factors []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		e = ast.Unparen(e)
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.MUL {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		factors = append(factors, e)
	}
	flatten(d)
	k := int64(1)
	var count ast.Expr
	for _, f := range factors {
		if tv, ok := info.Types[f]; ok && tv.Value != nil {
			n, exact := constant.Int64Val(constant.ToInt(tv.Value))
			if !exact || n == 0 {
				return "", false
			}
			k *= n
			continue
		}
		if count != nil {
			return "", false
		}
		count = f
	}
	if count == nil || k%day != 0 {
		return "", false
	}
	text := types.ExprString(count)
	if conv, ok := count.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
			inner := conv.Args[0]
			if t := info.TypeOf(inner); t != nil && types.Identical(t, types.Typ[types.Int]) {
				text = types.ExprString(inner)
			} else {
				text = "int(" + types.ExprString(inner) + ")"
			}
		}
	} else if t := info.TypeOf(count); t == nil || !types.Identical(t, types.Typ[types.Int]) {
		text = "int(" + text + ")"
	}
	if _, ok := count.(*ast.BinaryExpr); ok {
		text = "(" + text + ")"
	}
	if n := k / day; n != 1 {
		text = fmt.Sprintf("%d*%s", n, text)
	}
	return text, true
}

// zoneOf returns what is known of the location of the time e.
func (a *analysis_) zoneOf(e ast.Expr, seen map[*types.Var]bool, depth int) zone {
	e = ast.Unparen(e)
	if depth > 8 {
		return unknownZone
	}
	info := a.pass.TypesInfo
	switch e := e.(type) {
	case *ast.CompositeLit:
		if len(e.Elts) == 0 && typematch.IsType(info.TypeOf(e), "time", "Time") {
			// time.Time{}, as returned beside an error: no time to add
			// days to, so it says nothing of the zone of the others.
			return cycleZone
		}
	case *ast.CallExpr:
		callee := typeutil.Callee(info, e)
		switch {
		case typematch.IsFunction(callee, "time", "Now", "Unix", "UnixMilli", "UnixMicro"):
			return localZone
		case typematch.IsFunction(callee, "time", "Date") && len(e.Args) == 8:
			return a.locZone(e.Args[7], seen, depth+1)
		case typematch.IsFunction(callee, "time", "ParseInLocation") && len(e.Args) == 3:
			return a.locZone(e.Args[2], seen, depth+1)
		case typematch.IsMethod(callee, "time", "Time", "In") && len(e.Args) == 1:
			return a.locZone(e.Args[0], seen, depth+1)
		case typematch.IsMethod(callee, "time", "Time", "UTC"):
			return utcZone
		case typematch.IsMethod(callee, "time", "Time", "Local"):
			return localZone
		case typematch.IsMethod(callee, "time", "Time", "Add", "AddDate", "Truncate", "Round"):
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				return a.zoneOf(sel.X, seen, depth+1)
			}
		}
		// A function of the package that returns a time: what it returns
		// (s.nextRun(), which returns time.Now().In(s.loc)).
		if fn, ok := callee.(*types.Func); ok {
			if srcs, ok := a.returned(fn); ok {
				return a.combine(srcs, func(src ast.Expr) zone { return a.zoneOf(src, seen, depth+1) }, unknownZone)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := varOf(info, e)
		if v == nil {
			return unknownZone
		}
		if seen[v] {
			return cycleZone
		}
		seen[v] = true
		return a.combine(a.assigned[v], func(src ast.Expr) zone { return a.zoneOf(src, seen, depth+1) }, unknownZone)
	}
	return unknownZone
}

// locZone returns what is known of the location loc.
func (a *analysis_) locZone(loc ast.Expr, seen map[*types.Var]bool, depth int) zone {
	loc = ast.Unparen(loc)
	if depth > 8 {
		return unknownZone
	}
	info := a.pass.TypesInfo
	switch e := loc.(type) {
	case *ast.CallExpr:
		callee := typeutil.Callee(info, e)
		switch {
		case typematch.IsFunction(callee, "time", "FixedZone"):
			return fixedZone
		case typematch.IsFunction(callee, "time", "LoadLocation") && len(e.Args) == 1:
			if tv, ok := info.Types[e.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				if name := constant.StringVal(tv.Value); name == "" || name == "UTC" {
					return utcZone
				}
			}
			return namedZone
		case typematch.IsMethod(callee, "time", "Time", "Location"):
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				return a.zoneOf(sel.X, seen, depth+1)
			}
			return unknownZone
		}
		// A location the code computes, such as a user's zone: it chose
		// a zone, which may have daylight saving.
		return namedZone
	case *ast.Ident, *ast.SelectorExpr:
		v := varOf(info, e)
		if v == nil {
			return unknownZone
		}
		if v.Pkg() != nil && v.Pkg().Path() == "time" && v.Parent() == v.Pkg().Scope() {
			switch v.Name() {
			case "UTC":
				return utcZone
			case "Local":
				// Named as an argument (time.Date(..., time.Local),
				// t.In(time.Local)): the code chose the local zone for
				// its calendar.
				return namedZone
			}
			return unknownZone
		}
		// A location the code loads or is given: it chose a zone, which
		// may have daylight saving.
		return a.combine(a.assigned[v], func(src ast.Expr) zone { return a.locZone(src, seen, depth+1) }, namedZone)
	}
	return unknownZone
}

// combine returns the zone every source agrees on, namedZone if some are
// named and the others local, or none if nothing is assigned.
func (a *analysis_) combine(srcs []ast.Expr, zoneOf func(ast.Expr) zone, none zone) zone {
	if len(srcs) == 0 {
		return none
	}
	result := unknownZone
	for _, src := range srcs {
		z := zoneOf(src)
		switch {
		case z == cycleZone:
			// d = d.Add(day): the variable itself keeps its zone.
		case z == unknownZone:
			return unknownZone
		case result == unknownZone:
			result = z
		case result != z:
			if (result == namedZone || result == localZone) && (z == namedZone || z == localZone) {
				result = namedZone
			} else {
				return unknownZone
			}
		}
	}
	return result
}

// calendarWords are words of a name that say a calendar day is meant.
var calendarWords = map[string]bool{
	"tomorrow": true, "yesterday": true, "today": true, "day": true, "days": true,
	"daily": true, "date": true, "dates": true, "midnight": true, "noon": true,
	"morning": true, "evening": true, "week": true, "weeks": true, "weekly": true,
	"weekday": true, "calendar": true, "nightly": true, "night": true,
}

// elapsedWords are words of a name that say elapsed time is meant.
var elapsedWords = map[string]bool{
	"expire": true, "expires": true, "expiry": true, "expiration": true, "expired": true,
	"deadline": true, "ttl": true, "timeout": true, "until": true, "valid": true,
	"validity": true, "lifetime": true, "cache": true, "lease": true, "retention": true,
	"stale": true, "age": true, "token": true, "cookie": true, "session": true,
}

// calendarMethods are methods of time.Time that look at the calendar or
// the clock of the result.
var calendarMethods = map[string]bool{
	"Day": true, "Weekday": true, "YearDay": true, "Date": true, "Month": true,
	"Year": true, "Hour": true, "Minute": true, "Clock": true, "Format": true,
	"AppendFormat": true, "ISOWeek": true,
}

func nameSays(name string) (calendar, elapsed bool) {
	for _, w := range words(name) {
		calendar = calendar || calendarWords[w]
		elapsed = elapsed || elapsedWords[w]
	}
	return calendar, elapsed
}

// intent looks at where the result of call (recv.Add(d)) goes, and says
// whether a calendar day or elapsed time is meant.
func (a *analysis_) intent(cur inspector.Cursor, call *ast.CallExpr, recv ast.Expr) (calendar, elapsed bool) {
	info := a.pass.TypesInfo
	say := func(name string) {
		c, e := nameSays(name)
		calendar = calendar || c
		elapsed = elapsed || e
	}
	say(refName(recv))
	var result *types.Var
	child := ast.Node(call)
	for p := cur.Parent(); p.Valid() && p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			child = n
			continue
		case *ast.SelectorExpr:
			// t.Add(day).Format(...), .Before(deadline)...
			if calendarMethods[n.Sel.Name] {
				calendar = true
			}
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if rhs == child && i < len(n.Lhs) {
					say(refName(n.Lhs[i]))
					result = varOf(info, n.Lhs[i])
					// d = d.Add(day): stepping through days.
					if result != nil && varOf(info, recv) == result {
						calendar = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if v == child && i < len(n.Names) {
					say(n.Names[i].Name)
					result, _ = info.Defs[n.Names[i]].(*types.Var)
				}
			}
		case *ast.KeyValueExpr:
			say(refName(n.Key))
		case *ast.CallExpr:
			if callee := typeutil.Callee(info, n); callee != nil {
				say(callee.Name())
			}
		case *ast.ReturnStmt:
			for fn := range p.Enclosing((*ast.FuncDecl)(nil)) {
				say(fn.Node().(*ast.FuncDecl).Name.Name)
				break
			}
		case *ast.ForStmt:
			if n.Post != nil && within(call, n.Post) {
				calendar = true // for d := start; ...; d = d.Add(day)
			}
		}
		break
	}
	if result != nil {
		// How the result is used in its function.
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			ast.Inspect(fn.Node(), func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if ok && varOf(info, sel.X) == result && calendarMethods[sel.Sel.Name] {
					calendar = true
				}
				if call, ok := n.(*ast.CallExpr); ok {
					for _, arg := range call.Args {
						if varOf(info, arg) == result {
							if callee := typeutil.Callee(info, call); callee != nil {
								if _, e := nameSays(callee.Name()); e {
									elapsed = true
								}
							}
						}
					}
				}
				return true
			})
			break
		}
	}
	return calendar, elapsed
}

func within(n, outer ast.Node) bool {
	return outer != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

func refName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return refName(e.X)
	case *ast.IndexExpr:
		return refName(e.X)
	}
	return ""
}

// words splits an identifier into lower-case words: "nextDayStart" is
// next, day, start; "expires_at" is expires, at.
func words(s string) []string {
	var out []string
	var cur strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			if cur.Len() > 0 {
				out = append(out, strings.ToLower(cur.String()))
				cur.Reset()
			}
			continue
		}
		if cur.Len() > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			out = append(out, strings.ToLower(cur.String()))
			cur.Reset()
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, strings.ToLower(cur.String()))
	}
	return out
}

// dayPhrases are phrases of a comment that say a calendar day is meant,
// in Go or in the language the code was ported from.
var dayPhrases = []string{
	"next day", "same time", "wall-clock", "wall clock", "tomorrow", "calendar day",
	"timedelta(days", "plusDays", "setDate(", "getDate() + 1", "getDate()+1", "days=1",
}

// funcSaysDay reports whether the function around cur is named for a
// calendar day (nextDay, tomorrow, daily), or its doc comment or a comment
// on the call's line speaks of one ("the same time on the next day",
// "t + timedelta(days=1)").
func (a *analysis_) funcSaysDay(cur inspector.Cursor) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fn.Node().(*ast.FuncDecl)
		if c, _ := nameSays(decl.Name.Name); c {
			return true
		}
		if decl.Doc != nil && saysDay(decl.Doc.Text()) {
			return true
		}
		break
	}
	line := a.pass.Fset.Position(cur.Node().Pos()).Line
	for _, f := range a.pass.Files {
		if f.FileStart > cur.Node().Pos() || cur.Node().Pos() >= f.FileEnd {
			continue
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if a.pass.Fset.Position(c.Pos()).Line == line && saysDay(c.Text) {
					return true
				}
			}
		}
	}
	return false
}

func saysDay(text string) bool {
	for _, p := range dayPhrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}
