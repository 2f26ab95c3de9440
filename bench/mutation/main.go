// Command mutation measures the course's tests: it mutates every exercise's
// reference solution (one small change at a time: a boundary, a removed
// wg.Done() or close(ch), a lost go keyword, a select without its
// ctx.Done() case...) and grades each mutant with accent's own grader, the
// same call the course check makes (the exercise's tests, its leak check,
// its required analyzers, -race when it says race: true, its timeout). A
// mutant is killed when the verdict is not pass; a mutant that survives is
// a change to the solution that no test notices.
//
// Mutants that do not type-check are stillborn and not counted. Mutants
// that cannot change what the exercise promises are listed, with a reason,
// in bench/mutation/equivalent/<topic>.yaml and left out of the score:
// score = killed / (mutants - equivalent).
//
// It reads the course from the lessons/ and exercises/ directories on disk,
// so edits are seen without rebuilding accent.
//
// Usage: go run ./bench/mutation [-j N] [--json] [--min PCT] [--list] [--match TEXT] [-v] [EXERCISE|TOPIC...]
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // an exercise is under --min, its solution does not pass, or grading failed
	exitUsage = 2 // bad flags, an unknown exercise, a broken course or equivalent list
)

type options struct {
	root       string // holds lessons/ and exercises/
	equivalent string // directory of <topic>.yaml files
	jobs       int
	json       bool
	min        float64
	list       bool
	match      string
	verbose    bool
	only       []string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("mutation", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.root, "course", ".", "the directory holding lessons/ and exercises/")
	fs.StringVar(&o.equivalent, "equivalent", "", "the directory of equivalent-mutant lists (default COURSE/bench/mutation/equivalent)")
	fs.IntVar(&o.jobs, "j", 2, "grade this many mutants at once")
	fs.BoolVar(&o.json, "json", false, "print the report as JSON")
	fs.Float64Var(&o.min, "min", 0, "exit 1 when an exercise's score is under this percentage")
	fs.BoolVar(&o.list, "list", false, "list the mutants (and which are stillborn) without grading them")
	fs.StringVar(&o.match, "match", "", "only the mutants whose id contains this text")
	fs.BoolVar(&o.verbose, "v", false, "also list the killed and stillborn mutants")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bash bench/mutation.sh [flags] [EXERCISE|TOPIC...]")
		fmt.Fprintln(stderr, "Mutates each exercise's reference solution and grades every mutant with accent's grader.")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "operators:")
		for _, op := range Operators {
			fmt.Fprintf(stderr, "  %-15s %s\n", op.Name, op.Does)
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	o.only = fs.Args()
	if o.jobs < 1 || o.min < 0 || o.min > 100 {
		fmt.Fprintln(stderr, "mutation: -j must be at least 1 and --min between 0 and 100")
		return exitUsage
	}
	if o.equivalent == "" {
		o.equivalent = filepath.Join(o.root, "bench", "mutation", "equivalent")
	}

	c, err := course.Load(os.DirFS(filepath.Join(o.root, "lessons")), os.DirFS(filepath.Join(o.root, "exercises")))
	if err != nil {
		fmt.Fprintf(stderr, "mutation: loading the course in %s: %v\n", o.root, err)
		return exitUsage
	}
	exs, err := selectExercises(c, o.only)
	if err != nil {
		fmt.Fprintln(stderr, "mutation: "+err.Error())
		return exitUsage
	}
	eq, err := LoadEquivalents(os.DirFS(o.equivalent), func(id string) (string, bool) {
		ex, ok := c.Exercise(id)
		if !ok {
			return "", false
		}
		return ex.Topic, true
	})
	if err != nil {
		fmt.Fprintf(stderr, "mutation: %s: %v\n", o.equivalent, err)
		return exitUsage
	}

	var reports []*Report
	for _, ex := range exs {
		r, err := prepare(o, ex, eq[ex.ID])
		if err != nil {
			fmt.Fprintf(stderr, "mutation: %s: %v\n", ex.ID, err)
			return exitUsage
		}
		reports = append(reports, r)
	}
	if o.list {
		printList(stdout, reports)
		return exitOK
	}
	if err := gradeAll(ctx, o, reports, stderr); err != nil {
		fmt.Fprintln(stderr, "mutation: "+err.Error())
		return exitFail
	}
	for _, r := range reports {
		r.tally()
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(jsonReport(reports)); err != nil {
			fmt.Fprintln(stderr, "mutation: "+err.Error())
			return exitFail
		}
	} else {
		printReports(stdout, reports, o.verbose)
		printTable(stdout, reports)
	}
	code := exitOK
	for _, r := range reports {
		switch {
		case r.Problem != "" || r.Errors > 0:
			fmt.Fprintf(stderr, "mutation: %s: %s\n", r.Exercise.ID, cmp.Or(r.Problem, fmt.Sprintf("%d mutant(s) could not be graded", r.Errors)))
			code = exitFail
		case o.min > 0 && r.Score != nil && *r.Score < o.min:
			fmt.Fprintf(stderr, "mutation: %s: score %.1f%% is under --min %.1f%%\n", r.Exercise.ID, *r.Score, o.min)
			code = exitFail
		}
	}
	return code
}

// selectExercises returns the exercises named by args (ids, unique slugs or
// topic ids), in course order; all of them when args is empty.
func selectExercises(c *course.Course, args []string) ([]*course.Exercise, error) {
	if len(args) == 0 {
		return c.Exercises, nil
	}
	want := map[string]bool{}
	for _, a := range args {
		if _, ok := c.Topic(a); ok {
			for _, ex := range c.Exercises {
				if ex.Topic == a {
					want[ex.ID] = true
				}
			}
			continue
		}
		ex, err := c.FindExercise(a)
		if err != nil {
			return nil, err
		}
		want[ex.ID] = true
	}
	var exs []*course.Exercise
	for _, ex := range c.Exercises {
		if want[ex.ID] {
			exs = append(exs, ex)
		}
	}
	return exs, nil
}

// Report is the outcome for one exercise.
type Report struct {
	Exercise *course.Exercise
	Results  []*Result
	Problem  string // "" unless the exercise could not be measured

	Mutants, Killed, Survived, Equivalent, Stillborn, Errors int
	Score                                                    *float64 // percent; nil when nothing is left to kill
	Stale                                                    []string // equivalent ids that match no mutant
	NotEquivalent                                            []string // listed as equivalent, but a test kills them

	equivalent map[string]Equivalent
	disk       map[string][]byte // solution files as on disk
	pending    atomic.Int64
}

// Result is one mutant's outcome.
type Result struct {
	Mutant
	ID     string `json:"id"`
	Status string `json:"status"`           // killed, survived, equivalent, stillborn, error
	By     string `json:"by,omitempty"`     // killed: the first finding, e.g. test:TestX, leak, race
	Reason string `json:"reason,omitempty"` // equivalent: why; stillborn: the type error; error: what failed
}

// The statuses of a Result.
const (
	statusKilled     = "killed"
	statusSurvived   = "survived"
	statusEquivalent = "equivalent"
	statusStillborn  = "stillborn"
	statusError      = "error"
)

// prepare reads an exercise's solution from disk and lists its mutants,
// marking the stillborn ones.
func prepare(o options, ex *course.Exercise, eq map[string]Equivalent) (*Report, error) {
	r := &Report{Exercise: ex, equivalent: eq, disk: map[string][]byte{}}
	for name := range ex.Solution {
		b, err := os.ReadFile(filepath.Join(o.root, "exercises", filepath.FromSlash(ex.Dir), "solution", name))
		if err != nil {
			return nil, err
		}
		r.disk[name] = b
	}
	pkg, err := LoadPackage(r.disk)
	if err != nil {
		return nil, err
	}
	for _, m := range pkg.Mutants() {
		id := m.ID()
		if o.match != "" && !strings.Contains(id, o.match) {
			continue
		}
		res := &Result{Mutant: m, ID: id}
		if err := pkg.Settle(&res.Mutant); err != nil {
			res.Status, res.Reason = statusStillborn, err.Error()
		}
		r.Results = append(r.Results, res)
	}
	return r, nil
}

// files returns the solution, build lines stripped, with res applied.
func (r *Report) files(res *Result) map[string][]byte {
	out := map[string][]byte{}
	for name, b := range r.disk {
		if res != nil && name == res.File {
			b = res.Apply(b)
		}
		out[name], _ = course.StripBuildTag(b)
	}
	return out
}

// gradeAll grades, jobs at a time, every exercise's unchanged solution (it
// must pass, or its mutants measure nothing) and then every live mutant,
// in a scratch module.
func gradeAll(ctx context.Context, o options, reports []*Report, progress io.Writer) error {
	root, err := os.MkdirTemp("", "accent-mutation-")
	if err != nil {
		return fmt.Errorf("creating a scratch module: %w", err)
	}
	defer os.RemoveAll(root)
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module accentmutation\n\ngo 1.26\n"), 0o644); err != nil {
		return fmt.Errorf("creating a scratch module: %w", err)
	}
	g := &grade.Grader{}
	var seq atomic.Int64
	gradeIn := func(r *Report, res *Result) grade.Verdict {
		dir := filepath.Join(root, fmt.Sprintf("t%05d", seq.Add(1)), r.Exercise.Package)
		defer os.RemoveAll(filepath.Dir(dir))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return grade.Verdict{Status: grade.Error, Findings: []grade.Finding{{Kind: grade.Internal, Message: err.Error()}}}
		}
		for name, b := range r.files(res) {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				return grade.Verdict{Status: grade.Error, Findings: []grade.Finding{{Kind: grade.Internal, Message: err.Error()}}}
			}
		}
		return g.Grade(ctx, r.Exercise, dir)
	}

	var mu sync.Mutex // guards progress
	pool(ctx, o.jobs, len(reports), func(i int) {
		r := reports[i]
		if v := gradeIn(r, nil); v.Status != grade.Pass {
			r.Problem = "the unchanged solution does not pass: " + describe(v)
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	type task struct {
		r   *Report
		res *Result
	}
	var tasks []task
	for _, r := range reports {
		if r.Problem != "" {
			continue
		}
		for _, res := range r.Results {
			if res.Status == "" {
				tasks = append(tasks, task{r, res})
				r.pending.Add(1)
			}
		}
	}
	var done atomic.Int64
	pool(ctx, o.jobs, len(tasks), func(i int) {
		t := tasks[i]
		v := gradeIn(t.r, t.res)
		classify(t.r, t.res, v)
		n := done.Add(1)
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(progress, "[%d/%d] %s %s: %s%s\n", n, len(tasks), t.r.Exercise.ID, t.res.ID, t.res.Status, prefix(" by ", t.res.By))
		if t.r.pending.Add(-1) == 0 {
			t.r.tally()
			fmt.Fprintf(progress, "== %s: %s\n", t.r.Exercise.ID, t.r.summary())
		}
	})
	return ctx.Err()
}

// pool runs f(0..n-1), jobs at a time, in order of i; it stops starting new
// calls once ctx is done.
func pool(ctx context.Context, jobs, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

func classify(r *Report, res *Result, v grade.Verdict) {
	switch {
	case v.Status == grade.Error:
		res.Status, res.Reason = statusError, describe(v)
	case v.Status == grade.Pass:
		if e, ok := r.equivalent[res.ID]; ok {
			res.Status, res.Reason = statusEquivalent, e.Reason
		} else {
			res.Status = statusSurvived
		}
	case v.Has(grade.Compile, ""):
		res.Status, res.Reason = statusStillborn, describe(v)
	default:
		res.Status, res.By = statusKilled, label(v.Findings[0])
	}
}

// tally counts the results and checks the equivalent list against them.
func (r *Report) tally() {
	r.Mutants, r.Killed, r.Survived, r.Equivalent, r.Stillborn, r.Errors = 0, 0, 0, 0, 0, 0
	r.Stale, r.NotEquivalent = nil, nil
	ids := map[string]*Result{}
	for _, res := range r.Results {
		ids[res.ID] = res
		switch res.Status {
		case statusStillborn:
			r.Stillborn++
			continue
		case statusKilled:
			r.Killed++
		case statusSurvived:
			r.Survived++
		case statusEquivalent:
			r.Equivalent++
		case statusError:
			r.Errors++
		}
		r.Mutants++
	}
	for _, id := range slices.Sorted(maps.Keys(r.equivalent)) {
		res, ok := ids[id]
		switch {
		case !ok:
			r.Stale = append(r.Stale, id)
		case res.Status == statusKilled:
			r.NotEquivalent = append(r.NotEquivalent, id)
		}
	}
	r.Score = nil
	if d := r.Mutants - r.Equivalent - r.Errors; d > 0 && r.Problem == "" {
		s := 100 * float64(r.Killed) / float64(d)
		r.Score = &s
	}
}

func (r *Report) summary() string {
	if r.Problem != "" {
		return r.Problem
	}
	s := fmt.Sprintf("%d mutants, %d killed, %d survived, %d equivalent, %d stillborn", r.Mutants, r.Killed, r.Survived, r.Equivalent, r.Stillborn)
	if r.Errors > 0 {
		s += fmt.Sprintf(", %d not graded (error)", r.Errors)
	}
	return s + ": score " + scoreText(r.Score)
}

func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", *s)
}

func label(f grade.Finding) string {
	switch {
	case f.Analyzer != "":
		return string(f.Kind) + ":" + f.Analyzer
	case f.Test != "":
		return string(f.Kind) + ":" + f.Test
	}
	return string(f.Kind)
}

func describe(v grade.Verdict) string {
	if len(v.Findings) == 0 {
		return string(v.Status)
	}
	f := v.Findings[0]
	msg := collapse(f.Message)
	if len(msg) > 200 {
		msg = msg[:200] + "..."
	}
	return fmt.Sprintf("[%s] %s %s", label(f), f.Pos(), msg)
}

func printList(w io.Writer, reports []*Report) {
	for _, r := range reports {
		live := 0
		for _, res := range r.Results {
			if res.Status == "" {
				live++
			}
		}
		fmt.Fprintf(w, "== %s: %d mutants, %d stillborn\n", r.Exercise.ID, live, len(r.Results)-live)
		for _, res := range r.Results {
			tag := ""
			if res.Status == statusStillborn {
				tag = "  (stillborn: " + res.Reason + ")"
			} else if e, ok := r.equivalent[res.ID]; ok {
				tag = "  (equivalent: " + e.Reason + ")"
			}
			fmt.Fprintf(w, "  %s\n      %s%s\n", res.ID, res.Desc, tag)
		}
	}
}

func printReports(w io.Writer, reports []*Report, verbose bool) {
	for _, r := range reports {
		fmt.Fprintf(w, "== %s: %s\n", r.Exercise.ID, r.summary())
		for _, res := range r.Results {
			switch {
			case res.Status == statusSurvived:
				fmt.Fprintf(w, "  survived   %s\n             %s\n", res.ID, res.Desc)
			case res.Status == statusError:
				fmt.Fprintf(w, "  error      %s\n             %s\n", res.ID, res.Reason)
			case verbose && res.Status == statusEquivalent:
				fmt.Fprintf(w, "  equivalent %s\n             %s\n", res.ID, res.Reason)
			case verbose && res.Status == statusKilled:
				fmt.Fprintf(w, "  killed     %s (%s)\n", res.ID, res.By)
			case verbose && res.Status == statusStillborn:
				fmt.Fprintf(w, "  stillborn  %s\n", res.ID)
			}
		}
		for _, id := range r.NotEquivalent {
			fmt.Fprintf(w, "  warning: %q is listed as equivalent, but a test kills it: remove it from the list\n", id)
		}
		for _, id := range r.Stale {
			fmt.Fprintf(w, "  warning: the equivalent entry %q matches no mutant (the solution changed?): update or remove it\n", id)
		}
	}
}

func printTable(w io.Writer, reports []*Report) {
	var t Report
	fmt.Fprintf(w, "\n%-36s %7s %7s %8s %6s %9s %7s\n", "exercise", "mutants", "killed", "survived", "equiv", "stillborn", "score")
	for _, r := range reports {
		fmt.Fprintf(w, "%-36s %7d %7d %8d %6d %9d %7s\n", r.Exercise.ID, r.Mutants, r.Killed, r.Survived, r.Equivalent, r.Stillborn, scoreText(r.Score))
		t.Mutants += r.Mutants
		t.Killed += r.Killed
		t.Survived += r.Survived
		t.Equivalent += r.Equivalent
		t.Stillborn += r.Stillborn
		t.Errors += r.Errors
	}
	var total *float64
	if d := t.Mutants - t.Equivalent - t.Errors; d > 0 {
		s := 100 * float64(t.Killed) / float64(d)
		total = &s
	}
	fmt.Fprintf(w, "%-36s %7d %7d %8d %6d %9d %7s\n", "total", t.Mutants, t.Killed, t.Survived, t.Equivalent, t.Stillborn, scoreText(total))
}

type jsonExercise struct {
	ID            string    `json:"id"`
	Problem       string    `json:"problem,omitempty"`
	Mutants       int       `json:"mutants"`
	Killed        int       `json:"killed"`
	Survived      int       `json:"survived"`
	Equivalent    int       `json:"equivalent"`
	Stillborn     int       `json:"stillborn"`
	Errors        int       `json:"errors"`
	Score         *float64  `json:"score"` // percent, null when nothing is left to kill
	Results       []*Result `json:"results"`
	Stale         []string  `json:"stale_equivalents,omitempty"`
	NotEquivalent []string  `json:"killed_equivalents,omitempty"`
}

func jsonReport(reports []*Report) any {
	out := struct {
		Exercises []jsonExercise `json:"exercises"`
		Total     struct {
			Mutants    int      `json:"mutants"`
			Killed     int      `json:"killed"`
			Survived   int      `json:"survived"`
			Equivalent int      `json:"equivalent"`
			Stillborn  int      `json:"stillborn"`
			Errors     int      `json:"errors"`
			Score      *float64 `json:"score"`
		} `json:"total"`
	}{Exercises: []jsonExercise{}}
	for _, r := range reports {
		out.Exercises = append(out.Exercises, jsonExercise{
			ID: r.Exercise.ID, Problem: r.Problem, Mutants: r.Mutants, Killed: r.Killed, Survived: r.Survived,
			Equivalent: r.Equivalent, Stillborn: r.Stillborn, Errors: r.Errors, Score: r.Score,
			Results: r.Results, Stale: r.Stale, NotEquivalent: r.NotEquivalent,
		})
		out.Total.Mutants += r.Mutants
		out.Total.Killed += r.Killed
		out.Total.Survived += r.Survived
		out.Total.Equivalent += r.Equivalent
		out.Total.Stillborn += r.Stillborn
		out.Total.Errors += r.Errors
	}
	if d := out.Total.Mutants - out.Total.Equivalent - out.Total.Errors; d > 0 {
		s := 100 * float64(out.Total.Killed) / float64(d)
		out.Total.Score = &s
	}
	return out
}

func prefix(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
