package chanflow_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/accent-go/accent/checker/internal/chanflow"
)

// describe reports, at each make(chan), what chanflow knows of its class.
var describe = &analysis.Analyzer{
	Name:     "describe",
	Doc:      "describe the class of each make(chan)",
	Requires: []*analysis.Analyzer{chanflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
		for _, fn := range res.Funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					m, ok := instr.(*ssa.MakeChan)
					if !ok {
						continue
					}
					k := res.ClassOf(m)
					var marks []string
					for _, mark := range []struct {
						on   bool
						name string
					}{{k.External, "external"}, {k.EscSend, "escsend"}, {k.EscRecv, "escrecv"}, {k.Stored, "stored"}} {
						if mark.on {
							marks = append(marks, mark.name)
						}
					}
					counts := map[chanflow.OpKind]int{}
					for _, op := range k.Ops {
						counts[op.Kind]++
					}
					pass.Reportf(m.Pos(), "makes=%d send=%d recv=%d close=%d [%s]", len(k.Makes),
						counts[chanflow.Send], counts[chanflow.Recv], counts[chanflow.Close], strings.Join(marks, " "))
				}
			}
		}
		return nil, nil
	},
}

func TestClasses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), describe, "flow")
}

// TestMaxPerCall checks the per-call op count on a function with a
// branch and a loop.
func TestMaxPerCall(t *testing.T) {
	var results []string
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "count sends per call",
		Requires: []*analysis.Analyzer{chanflow.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
			for _, fn := range res.Funcs {
				if !strings.HasPrefix(fn.Name(), "count") {
					continue
				}
				n := res.LoopsOf(fn).MaxPerCall(fn, func(b *ssa.BasicBlock) int {
					sends := 0
					for _, instr := range b.Instrs {
						if _, ok := instr.(*ssa.Send); ok {
							sends++
						}
					}
					return sends
				})
				results = append(results, fmt.Sprintf("%s=%d", fn.Name(), n))
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "count")
	got := strings.Join(results, " ")
	want := "countBranches=1 countSequence=2 countLoop=-1"
	if got != want {
		t.Errorf("MaxPerCall: got %s, want %s", got, want)
	}
}
