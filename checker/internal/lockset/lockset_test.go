package lockset_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/accent-go/accent/checker/internal/lockset"
)

// probe reports the engine's raw findings as diagnostics, so that the
// testdata can pin them down with // want comments.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report lockset's findings",
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
		strength := map[lockset.Strength]string{lockset.Must: "must", lockset.Loop: "loop", lockset.Weak: "weak"}
		for _, d := range res.DoubleLocks {
			pass.Reportf(d.Site.Inner().Pos, "double %s (%s)", d.Text, strength[d.Held.Strength])
		}
		for _, fn := range res.Funcs {
			for _, r := range fn.Returns {
				if !r.Pos.IsValid() || len(r.Held) == 0 {
					continue
				}
				var held []string
				for _, h := range r.Held {
					held = append(held, fmt.Sprintf("%s(%s)", h.Fact.Text, strength[h.Fact.Strength]))
				}
				pass.Reportf(r.Pos, "return holds %s", strings.Join(held, " "))
			}
		}
		for _, e := range res.Edges {
			pass.Reportf(e.Acquire.Pos, "edge %s -> %s", e.From, e.To)
		}
		for _, b := range res.Blocking {
			var held []string
			for _, h := range b.Held {
				held = append(held, h.Abstract)
			}
			pass.Reportf(b.Site.Inner().Pos, "blocks %s %s holding %s", b.Kind, b.Object, strings.Join(held, " "))
		}
		return nil, nil
	},
}

func TestEngine(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "a")
}
