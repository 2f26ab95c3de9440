// Package blockunderlock defines an Analyzer that reports a goroutine
// blocking on a channel or WaitGroup while it holds a mutex that the
// goroutine which would unblock it must lock first.
package blockunderlock

import (
	_ "embed"
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports blocking while holding a lock that the unblocker needs.
var Analyzer = &analysis.Analyzer{
	Name:     "blockunderlock",
	Doc:      analyzerdoc.MustExtract(doc, "blockunderlock"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/blockunderlock",
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run:      run,
}

// maxCallerDepth bounds the walk up the call graph.
const maxCallerDepth = 8

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	if len(res.Blocking) == 0 {
		return nil, nil
	}
	c := &checker{pass: pass, res: res, memo: make(map[memoKey]bool)}
	reported := make(map[token.Pos]bool)
	for _, b := range res.Blocking {
		pos := b.Site.Inner().Pos
		if reported[pos] || !res.Known(pos) {
			continue
		}
		if c.check(b) {
			reported[pos] = true
		}
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	res  *lockset.Result
	memo map[memoKey]bool
}

type memoKey struct {
	fn   *ssa.Function
	lock string
}

// unblockers lists the operation kinds that unblock one of kind k.
func unblockers(k string) []string {
	switch k {
	case lockset.OpSend:
		return []string{lockset.OpRecv, lockset.OpClose} // a close ends the send too, with a panic
	case lockset.OpRecv:
		return []string{lockset.OpSend, lockset.OpClose}
	case lockset.OpWait:
		return []string{lockset.OpDone}
	}
	return nil
}

// check reports b if every operation that could unblock it comes after
// locking one of the locks b holds.
func (c *checker) check(b lockset.Blocking) bool {
	if !unexported(b.Object) {
		return false // other packages may unblock it
	}
	if b.Kind != lockset.OpWait && (c.res.Buffered[b.Object] || !c.res.Unbuffered[b.Object]) {
		// A buffered channel may have room, or a value waiting; and a
		// channel made out of sight may be either.
		return false
	}
	kinds := unblockers(b.Kind)
	pos := b.Site.Inner().Pos
	var others []lockset.Counter
	for _, x := range c.res.Counters {
		if x.Object == b.Object && x.Pos != pos && contains(kinds, x.Kind) {
			others = append(others, x)
		}
	}
	if len(others) == 0 {
		return false
	}
	for _, h := range b.Held {
		all := true
		for _, x := range others {
			if _, ok := x.Acquired[h.Abstract]; !ok && !c.behind(x.Fn, h.Abstract, 0) {
				all = false
				break
			}
		}
		if all {
			c.report(b, h, others[0])
			return true
		}
	}
	return false
}

// behind reports whether every way into fn passes a Lock of the abstract
// lock first: fn cannot start on its own (it is not a goroutine body, an
// exported function or a function value) and each of its callers has
// locked it before the call, or is itself behind it.
func (c *checker) behind(fn *ssa.Function, lock string, depth int) bool {
	key := memoKey{fn, lock}
	if v, ok := c.memo[key]; ok {
		return v
	}
	c.memo[key] = false // cycles and the depth limit answer no
	if depth > maxCallerDepth || c.res.Roots[fn] || len(c.res.Callers[fn]) == 0 {
		return false
	}
	for _, cs := range c.res.Callers[fn] {
		if _, ok := cs.Acquired[lock]; ok {
			continue
		}
		if !c.behind(cs.Caller, lock, depth+1) {
			return false
		}
	}
	c.memo[key] = true
	return true
}

func (c *checker) report(b lockset.Blocking, h lockset.Fact, x lockset.Counter) {
	inner := b.Site.Inner()
	what := b.Text
	if what == "" {
		what = b.Object
	}
	var op, other string
	switch b.Kind {
	case lockset.OpSend:
		op, other = "sending on "+what, "receive from or close of it"
	case lockset.OpRecv:
		op, other = "receiving from "+what, "send on or close of it"
	case lockset.OpWait:
		op, other = what+".Wait()", "Done call"
	}
	lock := h.Text
	if lock == "" {
		lock = h.Abstract
	}
	held := ""
	if b.Site.Via != nil {
		held = fmt.Sprintf(" (called from %s at %s)", lockset.FuncName(b.Fn), lockset.Where(c.pass.Fset, b.Site.Pos, inner.Pos))
	}
	start, end := c.res.Span(inner.Pos)
	c.pass.Report(analysis.Diagnostic{
		Pos: start,
		End: end,
		Message: fmt.Sprintf("%s blocks while %s is locked%s, but every %s (as in %s at %s) comes after locking %s: each goroutine waits for the other forever; unlock before blocking",
			op, lock, held, other, lockset.FuncName(x.Fn), lockset.Where(c.pass.Fset, x.Pos, inner.Pos), h.Abstract),
		Related: related(b, h, x, lock, other),
	})
}

// related returns the other sites of a blocking operation under a lock:
// the Lock, the call that leads to the operation, the operation that would
// unblock it and the Lock that operation waits for.
func related(b lockset.Blocking, h lockset.Fact, x lockset.Counter, lock, other string) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	add := func(pos token.Pos, msg string) {
		if pos.IsValid() && pos != b.Site.Inner().Pos {
			rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: msg})
		}
	}
	if h.Site != nil {
		add(h.Site.Pos, lock+" is locked here")
	}
	if b.Site.Via != nil {
		add(b.Site.Pos, "this call blocks")
	}
	if s, ok := x.Acquired[h.Abstract]; ok && s != nil {
		add(s.Pos, "the other goroutine locks "+h.Abstract+" here first")
	}
	add(x.Pos, "the "+other+" that would unblock it comes here")
	return rel
}

// unexported reports whether the field or variable an abstract name ends
// with is unexported, so that only this package can operate on it.
func unexported(obj string) bool {
	name := strings.TrimRight(obj[strings.LastIndex(obj, ".")+1:], "[]")
	r, _ := utf8.DecodeRuneInString(name)
	return name != "" && !unicode.IsUpper(r)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
