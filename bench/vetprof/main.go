// Command vetprof runs accentvet's analyzers (accent's and go vet's) on
// packages through go/analysis/checker, sequentially, and prints the time
// each analyzer took on the named packages, slowest first; with
// -cpuprofile and -memprofile it writes pprof profiles of the analysis
// (not of loading). It shows where accentvet spends its time:
//
//	go build -o /tmp/vetprof ./bench/vetprof
//	cd <module> && /tmp/vetprof -cpuprofile /tmp/cpu.out ./...
//	go tool pprof -top /tmp/vetprof /tmp/cpu.out
//
// Dependencies are loaded from source so that the analyzers that export
// facts run on them too, as go vet runs them. "requested" is the time of
// the analyzers on the named packages, "required" that of prerequisites
// (buildssa, ctrlflow) and of runs on dependencies.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/accent-go/accent/checker/vetcmd"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the analysis to `file`")
	mem := flag.String("memprofile", "", "write an allocation profile of the analysis to `file`")
	tests := flag.Bool("test", true, "analyze test variants too, as go vet does")
	flag.Parse()
	if err := run(flag.Args(), *cpu, *mem, *tests); err != nil {
		fmt.Fprintln(os.Stderr, "vetprof:", err)
		os.Exit(1)
	}
}

func run(patterns []string, cpu, mem string, tests bool) (err error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	t0 := time.Now()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: tests}, patterns...)
	if err != nil {
		return err
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return fmt.Errorf("%d errors loading the packages", n)
	}
	fmt.Printf("loaded %d packages in %s\n", len(pkgs), time.Since(t0).Round(time.Millisecond))
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return errors.Join(err, f.Close())
		}
		defer func() {
			pprof.StopCPUProfile()
			err = errors.Join(err, f.Close())
		}()
	}
	if mem != "" {
		runtime.MemProfileRate = 64 << 10
	}
	t1 := time.Now()
	graph, err := checker.Analyze(vetcmd.Analyzers(), pkgs, &checker.Options{Sequential: true})
	if err != nil {
		return err
	}
	total := time.Since(t1)
	if mem != "" {
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		if err := errors.Join(pprof.Lookup("allocs").WriteTo(f, 0), f.Close()); err != nil {
			return err
		}
	}
	type row struct {
		name       string
		root, deps time.Duration
	}
	rows := map[string]*row{}
	for act := range graph.All() {
		r := rows[act.Analyzer.Name]
		if r == nil {
			r = &row{name: act.Analyzer.Name}
			rows[act.Analyzer.Name] = r
		}
		if act.IsRoot {
			r.root += act.Duration
		} else {
			r.deps += act.Duration
		}
	}
	list := make([]*row, 0, len(rows))
	for _, r := range rows {
		list = append(list, r)
	}
	slices.SortFunc(list, func(a, b *row) int { return cmp.Compare(b.root+b.deps, a.root+a.deps) })
	fmt.Printf("analysis: %s\n%-22s %10s %10s\n", total.Round(time.Millisecond), "analyzer", "requested", "required")
	for _, r := range list {
		fmt.Printf("%-22s %10s %10s\n", r.name, r.root.Round(time.Millisecond), r.deps.Round(time.Millisecond))
	}
	return nil
}
