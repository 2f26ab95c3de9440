// Package doublelock defines an Analyzer that reports a mutex locked again
// by the goroutine that already holds it.
package doublelock

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/lockset"
	"github.com/accent-go/accent/checker/internal/mode"
)

//go:embed doc.go
var doc string

// Analyzer reports a mutex locked twice on one path.
var Analyzer = &analysis.Analyzer{
	Name:     "doublelock",
	Doc:      analyzerdoc.MustExtract(doc, "doublelock"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/doublelock",
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run:      run,
}

func init() {
	mode.Register(Analyzer, "also report read locks stacked on a mutex that nothing in the package write-locks "+
		"(harmless until someone adds a Lock, which then deadlocks)")
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	var writers *writeLocks
	for _, d := range res.DoubleLocks {
		if d.Held.Mode == lockset.Read && d.Mode == lockset.Read && !mode.Strict(pass) {
			if writers == nil {
				writers = findWriteLocks(pass)
			}
			if !writers.mayWriteLock(d.Site.Inner().Pos) {
				continue // readers only: stacked RLocks cannot deadlock
			}
		}
		report(pass, res, d)
	}
	return nil, nil
}

func report(pass *analysis.Pass, res *lockset.Result, d lockset.DoubleLock) {
	if d.Dynamic != nil {
		reportDynamic(pass, res, d)
		return
	}
	inner := d.Site.Inner()
	outer := d.Held.Site.Inner()
	name := d.Text
	if name == "" {
		name = d.Held.Text
	}
	if name == "" {
		name = "the mutex"
	}

	// Where the lock was taken, and who takes it again. state says how it
	// is held ("locked", "read-locked"); where says since when.
	var state, where, again string
	switch {
	case d.Held.Strength == lockset.Loop:
		where = fmt.Sprintf("from the previous iteration (locked at %s)", lockset.Where(pass.Fset, outer.Pos, inner.Pos))
		again = "the loop locks it again"
		if inner.Fn != d.Fn {
			again = lockset.FuncName(inner.Fn) + " locks it again"
		}
	case outer.Fn == inner.Fn && d.Site.Via == nil && d.Held.Site.Via == nil:
		where = fmt.Sprintf("(at %s)", lockset.Where(pass.Fset, outer.Pos, inner.Pos))
		again = "it is locked again"
	default:
		where = fmt.Sprintf("(by %s at %s)", lockset.FuncName(outer.Fn), lockset.Where(pass.Fset, outer.Pos, inner.Pos))
		again = lockset.FuncName(inner.Fn) + " locks it again"
	}

	var why string
	state = "locked"
	switch {
	case d.Held.Mode == lockset.Write && d.Mode == lockset.Write:
		why = "Go mutexes are not reentrant, this blocks forever"
	case d.Held.Mode == lockset.Write:
		why = "RLock waits for the writer, which is this goroutine, so it blocks forever"
	case d.Mode == lockset.Write:
		state = "read-locked"
		why = "Lock waits for every reader, this one included: a read lock cannot be upgraded, this blocks forever"
	default:
		state = "read-locked"
		why = "a recursive RLock deadlocks as soon as another goroutine calls Lock in between"
	}
	switch {
	case d.Held.Strength == lockset.Loop:
		where = "is still " + state + " " + where
	case d.Held.Mode == lockset.Read && d.Mode == lockset.Write:
		where = "is " + state + " " + where
	default:
		where = "is already " + state + " " + where
	}

	var fix string
	switch {
	case d.Held.Mode == lockset.Read && d.Mode == lockset.Write:
		fix = "RUnlock first, then Lock and re-check the state"
	case d.Held.Strength == lockset.Loop:
		fix = "unlock on every path that goes around the loop"
	case d.Site.Via != nil:
		fix = "call a helper that expects the lock held (…Locked) instead"
	default:
		fix = "unlock it first, or do not lock it here"
	}
	start, end := res.Span(inner.Pos)
	pass.Report(analysis.Diagnostic{
		Pos:     start,
		End:     end,
		Message: fmt.Sprintf("%s %s when %s: %s; %s", name, where, again, why, fix),
		Related: related(d, name),
	})
}

// related returns the other sites of a double lock: the first lock, the
// call that took it when a callee did, and the call through which the
// second lock is taken.
func related(d lockset.DoubleLock, name string) []analysis.RelatedInformation {
	outer := d.Held.Site.Inner()
	first := name + " is first locked here"
	if d.Held.Mode == lockset.Read {
		first = name + " is first read-locked here"
	}
	if d.Held.Strength == lockset.Loop {
		first += ", and still held when the loop comes round"
	}
	var rel []analysis.RelatedInformation
	if outer.Pos != d.Site.Inner().Pos { // a loop's Lock may meet itself
		rel = append(rel, analysis.RelatedInformation{Pos: outer.Pos, Message: first})
	}
	if d.Held.Site.Via != nil && d.Held.Site.Pos != outer.Pos {
		rel = append(rel, analysis.RelatedInformation{Pos: d.Held.Site.Pos, Message: "this call takes the first lock"})
	}
	if d.Site.Via != nil && d.Site.Pos != d.Site.Inner().Pos {
		rel = append(rel, analysis.RelatedInformation{Pos: d.Site.Pos, Message: "this call takes the second lock"})
	}
	return rel
}

// reportDynamic reports a lock taken again by a function that a call
// through a func value or an interface may run: at that call when it is
// in the function that holds the lock, else at the call that leads to it.
func reportDynamic(pass *analysis.Pass, res *lockset.Result, d lockset.DoubleLock) {
	dyn := d.Dynamic
	inner := d.Site.Inner()
	outer := d.Held.Site.Inner()
	name := d.Held.Text
	if name == "" {
		name = d.Text
	}
	if name == "" {
		name = "the mutex"
	}
	at := d.Site.Pos
	if dyn.Call.IsValid() && pass.Fset.File(dyn.Call) == pass.Fset.File(d.Site.Pos) && d.Fn.Syntax() != nil &&
		d.Fn.Syntax().Pos() <= dyn.Call && dyn.Call < d.Fn.Syntax().End() {
		at = dyn.Call
	}
	state, locks := "locked", "locks"
	if d.Held.Mode == lockset.Read {
		state = "read-locked"
	}
	if d.Mode == lockset.Read {
		locks = "read-locks"
	}
	var what string
	switch dyn.Kind {
	case lockset.DynField:
		what = "the func field " + dyn.Text
	case lockset.DynInterface:
		what = "the interface method " + dyn.Text
	default:
		what = "the callback " + dyn.Text
	}
	if dyn.Text == "" {
		what = "a callback"
	}
	set := "set at " + lockset.Where(pass.Fset, dyn.Origin, at)
	if dyn.Kind == lockset.DynInterface {
		set = "an implementation in this package"
	}
	lead := ""
	if at != dyn.Call {
		lead = fmt.Sprintf(" (this call leads to %s at %s)", dyn.Text, lockset.Where(pass.Fset, dyn.Call, at))
	}
	var why string
	switch {
	case d.Held.Mode == lockset.Write && d.Mode == lockset.Write:
		why = "Go mutexes are not reentrant, this blocks forever"
	case d.Held.Mode == lockset.Write:
		why = "RLock waits for the writer, which is this goroutine, so it blocks forever"
	case d.Mode == lockset.Write:
		why = "Lock waits for every reader, this one included, so it blocks forever"
	default:
		why = "a recursive RLock deadlocks as soon as another goroutine calls Lock in between"
	}
	start, end := res.Span(at)
	msg := fmt.Sprintf("%s is %s (at %s) while %s runs%s: it may be %s (%s), which %s %s again at %s; %s; "+
		"call the callback after the Unlock (copy what it needs while locked), or do not lock in the callback",
		name, state, lockset.Where(pass.Fset, outer.Pos, at), what, lead, lockset.FuncName(dyn.Target), set,
		locks, name, lockset.Where(pass.Fset, inner.Pos, at), why)
	if dyn.Kind == lockset.DynFormat {
		msg = fmt.Sprintf("%s is %s (at %s) while %s formats a value whose %s method (at %s) %s %s again at %s; %s; "+
			"format copies of the fields read while locked, or unlock first",
			name, state, lockset.Where(pass.Fset, outer.Pos, at), dyn.Text, lockset.FuncName(dyn.Target),
			lockset.Where(pass.Fset, dyn.Origin, at), locks, name, lockset.Where(pass.Fset, inner.Pos, at), why)
	}
	callee := "the callback"
	if dyn.Kind == lockset.DynFormat {
		callee = "the " + lockset.FuncName(dyn.Target) + " method"
	}
	rel := []analysis.RelatedInformation{{Pos: outer.Pos, Message: name + " is first " + state + " here"}}
	if at != dyn.Call && dyn.Call.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: dyn.Call, Message: "the callback is called here"})
	}
	if dyn.Origin.IsValid() && dyn.Kind != lockset.DynInterface && dyn.Kind != lockset.DynFormat {
		rel = append(rel, analysis.RelatedInformation{Pos: dyn.Origin, Message: "the callback is set here"})
	}
	rel = append(rel, analysis.RelatedInformation{Pos: inner.Pos, Message: callee + " " + locks + " it again here"})
	pass.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, Related: rel})
}
