// Package unixelapsed defines an Analyzer that reports elapsed time
// measured on the wall clock: by subtracting Unix timestamps of
// time.Now(), or with a time whose monotonic reading was stripped.
package unixelapsed

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/generated"
	"github.com/accent-go/accent/checker/internal/timeexpr"
	"github.com/accent-go/accent/checker/internal/typematch"
)

//go:embed doc.go
var doc string

// Analyzer reports time.Now().Unix() - start and the like.
var Analyzer = &analysis.Analyzer{
	Name:     "unixelapsed",
	Doc:      analyzerdoc.MustExtract(doc, "unixelapsed"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/unixelapsed",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// maxText is the longest subtraction, as rendered in a message, that a
// diagnostic quotes.
const maxText = 60

func run(pass *analysis.Pass) (any, error) {
	// time.Now can only be called by a package that imports "time".
	if !importsTime(pass.Pkg) {
		return nil, nil
	}
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	u := &unix{escaped: make(map[*types.Var]bool), reflected: make(map[types.Type]bool)}
	u.collect(ssainfo.SrcFuncs)
	for _, fn := range ssainfo.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.BinOp:
					if instr.Op != token.SUB {
						continue
					}
					if mx, ok := u.unixOfNow(instr.X, 0); ok {
						if my, ok := u.unixOfNow(instr.Y, 0); ok {
							report(pass, instr, mx, my)
						}
					}
				case *ssa.Call:
					u.measure(pass, instr)
				}
			}
		}
	}
	return nil, nil
}

func importsTime(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "time" {
			return true
		}
	}
	return false
}

// unix traces values of the package back to time.Now().
type unix struct {
	// stores lists, for each field of a struct type declared in the
	// package, the values stored into it anywhere in the package.
	stores map[*types.Var][]ssa.Value
	// escaped holds the fields whose address is used for more than a
	// load or a store (passed to rows.Scan, kept in a pointer): what
	// they hold is not known from the stores.
	escaped map[*types.Var]bool
	// reflected holds the struct types whose values the package hands
	// to an interface (json.Unmarshal(&e), fmt.Println(e)), directly or
	// inside another value: a decoder may fill their fields.
	reflected map[types.Type]bool
}

// collect gathers the stores into struct fields, by assignments and
// composite literals alike, the fields whose address escapes, and the
// types converted to an interface, in fns and their closures.
func (u *unix) collect(fns []*ssa.Function) {
	u.stores = make(map[*types.Var][]ssa.Value)
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if f := fieldOf(instr.Addr); f != nil {
						u.stores[f] = append(u.stores[f], instr.Val)
					}
				case *ssa.FieldAddr:
					if f := fieldOf(instr); f != nil && addressEscapes(instr) {
						u.escaped[f] = true
					}
				case *ssa.MakeInterface:
					u.reflect(instr.X.Type())
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon)
		}
	}
	for _, fn := range fns {
		visit(fn)
	}
}

// addressEscapes reports whether the field address fa is used other than
// to load the field or to store into it.
func addressEscapes(fa *ssa.FieldAddr) bool {
	refs := fa.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				continue
			}
		case *ssa.Store:
			if r.Addr == fa && r.Val != ssa.Value(fa) {
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		return true
	}
	return false
}

// reflect records t, and every struct type reachable from it through
// pointers, slices, arrays, maps, channels and fields, as handed to an
// interface.
func (u *unix) reflect(t types.Type) {
	for {
		if u.reflected[t] {
			return
		}
		u.reflected[t] = true
		switch tt := t.Underlying().(type) {
		case *types.Pointer:
			t = tt.Elem()
		case *types.Slice:
			t = tt.Elem()
		case *types.Array:
			t = tt.Elem()
		case *types.Chan:
			t = tt.Elem()
		case *types.Map:
			u.reflect(tt.Key())
			t = tt.Elem()
		case *types.Struct:
			for i := range tt.NumFields() {
				u.reflect(tt.Field(i).Type())
			}
			return
		default:
			return
		}
	}
}

// fieldOf returns the field that the address addr points to, if addr is
// the address of a field of a struct.
func fieldOf(addr ssa.Value) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// storedField returns the values stored into the field that the load v
// reads, if v loads a field of a struct type of the package that only the
// package's own stores fill: a field without a struct tag, whose address
// is only loaded and stored through, and that the package assigns at least
// once. An exported field of an exported type also needs a struct type
// the package never hands to an interface (where a decoder could fill it,
// or an encoder store it for later): another package could still assign
// it, but a package that fills Session.CreatedAt with time.Now().Unix()
// everywhere it does means "when this process created it".
func (u *unix) storedField(v ssa.Value) ([]ssa.Value, bool) {
	var f *types.Var
	var owner types.Type
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil, false
		}
		f = fieldOf(v.X)
		if fa, ok := v.X.(*ssa.FieldAddr); ok && f != nil {
			owner = fa.X.Type().Underlying().(*types.Pointer).Elem()
		}
	case *ssa.Field:
		st, ok := v.X.Type().Underlying().(*types.Struct)
		if !ok || v.Field >= st.NumFields() {
			return nil, false
		}
		f, owner = st.Field(v.Field), v.X.Type()
	}
	if f == nil || f.Pkg() == nil || hasTag(f) || u.escaped[f] {
		return nil, false
	}
	if f.Exported() && visibleOutside(f) && (owner == nil || u.reflected[owner]) {
		return nil, false
	}
	vals := u.stores[f]
	return vals, len(vals) > 0
}

// visibleOutside reports whether another package may set the exported
// field f: it belongs to an exported struct type of a package other than
// main.
func visibleOutside(f *types.Var) bool {
	if f.Pkg() == nil || f.Pkg().Name() == "main" {
		return false
	}
	scope := f.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == f {
					return true
				}
			}
		}
	}
	return false
}

// hasTag reports whether the field f carries a struct tag.
func hasTag(f *types.Var) bool {
	// The tag is on the struct, not on the field: find the struct through
	// the field's position is not possible, so look at every struct type
	// that has f in the field's package scope.
	if f.Pkg() == nil {
		return false
	}
	found := false
	scope := f.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == f && st.Tag(i) != "" {
				found = true
			}
		}
	}
	return found
}

// unixOfNow reports whether every value v can hold is a Unix timestamp of
// the current time, such as time.Now().UnixNano(), maybe converted,
// scaled by a constant (time.Now().UnixNano() / 1e6), kept in a local
// variable or in a field the package fills only this way. It returns the
// name of the Unix method.
func (u *unix) unixOfNow(v ssa.Value, depth int) (string, bool) {
	if depth > 2 {
		return "", false
	}
	method := ""
	ok := timeexpr.Sources(v, func(s ssa.Value) bool {
		if bin, ok := s.(*ssa.BinOp); ok && (bin.Op == token.QUO || bin.Op == token.MUL) {
			x := bin.X
			if !isConst(bin.Y) {
				if bin.Op == token.QUO || !isConst(bin.X) {
					return false
				}
				x = bin.Y
			}
			m, ok := u.unixOfNow(x, depth+1)
			method = m
			return ok
		}
		if vals, ok := u.storedField(s); ok {
			for _, val := range vals {
				m, ok := u.unixOfNow(val, depth+1)
				if !ok {
					return false
				}
				method = m
			}
			return true
		}
		common, fn := timeexpr.StaticCallee(s)
		if !typematch.IsMethod(fn, "time", "Time", "Unix", "UnixMilli", "UnixMicro", "UnixNano") {
			return false
		}
		method = fn.Name()
		return timeexpr.Sources(common.Args[0], func(t ssa.Value) bool {
			from, _ := u.nowTime(t, false, depth+1)
			return from
		})
	})
	return method, ok
}

// nowTime reports whether the time.Time v comes from time.Now(), through
// methods that keep the instant (UTC, In, Local, Round, Truncate, Add,
// AddDate) or a round trip through a Unix timestamp of it, and if so the
// step that stripped its monotonic clock reading ("" if none did). Only
// if shift is set may the time have been moved by Add or AddDate, as a
// deadline is.
func (u *unix) nowTime(v ssa.Value, shift bool, depth int) (fromNow bool, stripped string) {
	if depth > 4 {
		return false, ""
	}
	fromNow = timeexpr.Sources(v, func(s ssa.Value) bool {
		if timeexpr.IsNow(s) {
			return true
		}
		if vals, ok := u.storedField(s); ok {
			for _, val := range vals {
				from, why := u.nowTime(val, shift, depth+1)
				if !from {
					return false
				}
				if why != "" {
					stripped = why
				}
			}
			return true
		}
		common, fn := timeexpr.StaticCallee(s)
		if fn == nil {
			return false
		}
		switch {
		case typematch.IsMethod(fn, "time", "Time", "UTC", "In", "Local", "Round", "Truncate"),
			shift && typematch.IsMethod(fn, "time", "Time", "AddDate"):
			from, why := u.nowTime(common.Args[0], shift, depth+1)
			if !from {
				return false
			}
			if why == "" {
				why = fn.Name() + "()"
				if fn.Name() == "Round" || fn.Name() == "Truncate" {
					why = fn.Name() + "(...)"
				}
			}
			stripped = why
			return true
		case shift && typematch.IsMethod(fn, "time", "Time", "Add"):
			from, why := u.nowTime(common.Args[0], shift, depth+1)
			if why != "" {
				stripped = why
			}
			return from
		case typematch.IsFunction(fn, "time", "Unix", "UnixMilli", "UnixMicro"):
			for _, arg := range common.Args {
				if isConst(arg) {
					continue
				}
				if m, ok := u.unixOfNow(arg, depth+1); ok {
					stripped = "a round trip through " + m + "()"
					return true
				}
				return false
			}
		}
		return false
	})
	return fromNow, stripped
}

// measure reports time.Since(t), time.Until(t) and a.Sub(b) that measure
// with times of time.Now() whose monotonic reading was stripped.
func (u *unix) measure(pass *analysis.Pass, call *ssa.Call) {
	common, fn := timeexpr.StaticCallee(call)
	if fn == nil {
		return
	}
	var subject, why string
	switch {
	case typematch.IsFunction(fn, "time", "Since", "Until"):
		from, stripped := u.nowTime(common.Args[0], true, 0)
		if !from || stripped == "" {
			return
		}
		subject, why = "time."+fn.Name(), stripped
	case typematch.IsMethod(fn, "time", "Time", "Sub"):
		fx, sx := u.nowTime(common.Args[0], true, 0)
		fy, sy := u.nowTime(common.Args[1], true, 0)
		if !fx || !fy || (sx == "" && sy == "") {
			return
		}
		subject, why = "Sub", cmp.Or(sx, sy)
	default:
		return
	}
	reportStripped(pass, call, subject, why)
}

func isConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() != constant.Unknown
}

func report(pass *analysis.Pass, bin *ssa.BinOp, mx, my string) {
	pos, end := bin.Pos(), bin.Pos()
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil || generated.Skip(pass.Fset, file) {
		return
	}
	subject := fmt.Sprintf("subtracting %s() readings of time.Now()", mx)
	if mx != my {
		subject = fmt.Sprintf("subtracting %s() and %s() readings of time.Now()", mx, my)
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		if e, ok := n.(*ast.BinaryExpr); ok && e.OpPos == pos {
			pos, end = e.Pos(), e.End()
			if s := types.ExprString(e); len(s) <= maxText {
				subject = s
			}
			break
		}
	}
	pass.Report(analysis.Diagnostic{
		Pos: pos,
		End: end,
		Message: fmt.Sprintf("%s measures elapsed time on the wall clock, which jumps when the system clock is set: keep start := time.Now() and use time.Since(start), which reads the monotonic clock",
			subject),
	})
}

// reportStripped reports the call, which measures elapsed time with a time
// whose monotonic reading why stripped.
func reportStripped(pass *analysis.Pass, call *ssa.Call, subject, why string) {
	pos := call.Pos()
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil || generated.Skip(pass.Fset, file) {
		return
	}
	start, end := pos, pos
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		if e, ok := n.(*ast.CallExpr); ok && e.Lparen == pos {
			start, end = e.Pos(), e.End()
			if s := types.ExprString(e); len(s) <= maxText {
				subject = s
			}
			break
		}
	}
	pass.Report(analysis.Diagnostic{
		Pos: start,
		End: end,
		Message: fmt.Sprintf("%s measures elapsed time on the wall clock, which jumps when the system clock is set: the time came from time.Now(), but %s stripped its monotonic reading; keep the time.Now() value to measure with, and convert a copy only to display or store it",
			subject, why),
	})
}
