// Package lockorder defines an Analyzer that reports two mutexes acquired
// in opposite orders in the same package.
package lockorder

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker/internal/analyzerdoc"
	"github.com/accent-go/accent/checker/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports two mutexes locked in opposite orders.
var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      analyzerdoc.MustExtract(doc, "lockorder"),
	URL:      "https://pkg.go.dev/github.com/accent-go/accent/checker/lockorder",
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	byPair := make(map[[2]string]*lockset.Edge, len(res.Edges))
	for i := range res.Edges {
		e := &res.Edges[i]
		byPair[[2]string{e.From, e.To}] = e
	}
	done := make(map[[2]string]bool)
	// res.Edges is sorted by position, so the first edge of a pair met
	// here is the earlier of the two: report there.
	for i := range res.Edges {
		e := &res.Edges[i]
		other, ok := byPair[[2]string{e.To, e.From}]
		if !ok || done[[2]string{e.From, e.To}] {
			continue
		}
		done[[2]string{e.From, e.To}] = true
		done[[2]string{e.To, e.From}] = true
		if allRead(e) && allRead(other) {
			continue // readers do not exclude each other
		}
		if !res.Known(e.Acquire.Pos) {
			continue // generated file
		}
		report(pass, res, e, other)
	}
	return nil, nil
}

func allRead(e *lockset.Edge) bool {
	return e.FromMode == lockset.Read && e.ToMode == lockset.Read
}

func report(pass *analysis.Pass, res *lockset.Result, e, other *lockset.Edge) {
	here := via(pass, e.Acquire)
	there := fmt.Sprintf("in %s at %s%s", lockset.FuncName(other.Fn),
		lockset.Where(pass.Fset, other.Acquire.Pos, e.Acquire.Pos), via(pass, other.Acquire))
	start, end := res.Span(e.Acquire.Pos)
	pass.Report(analysis.Diagnostic{
		Pos: start,
		End: end,
		Message: fmt.Sprintf("lock order inversion: %s then %s here%s, but %s then %s %s; two goroutines taking them in opposite orders deadlock; take them in one fixed order",
			show(e.From), show(e.To), here, show(other.From), show(other.To), there),
	})
}

// via describes where a lock acquired through calls is finally taken.
func via(pass *analysis.Pass, s *lockset.Site) string {
	if s.Via == nil {
		return ""
	}
	in := s.Inner()
	return fmt.Sprintf(" (locked by %s at %s)", lockset.FuncName(in.Fn), lockset.Where(pass.Fset, in.Pos, s.Pos))
}

// show renders an abstract lock name: an element of a map or slice
// field as Type.field[…].
func show(name string) string {
	return strings.ReplaceAll(name, "[]", "[…]")
}
