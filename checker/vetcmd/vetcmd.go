// Package vetcmd is the accentvet command: accent's analyzers and go vet's
// suite, run standalone (accentvet ./...) or by the go command
// (go vet -vettool=$(which accentvet) ./...).
//
// Standalone, accentvet drives the go command itself: it runs
// go vet -vettool=<itself> -json, so packages are loaded from the build
// cache's export data, analyzed in parallel and cached exactly as go vet
// does, then merges the per-package results and prints them as text, JSON,
// SARIF 2.1.0 or GitHub Actions annotations. Invoked by the go command with
// a unit .cfg file (or -V=full, -flags), it is an ordinary unitchecker.
//
// Every analyzer obeys //accent:ignore directives and skips generated
// files (see package ignoredirective).
package vetcmd

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/accent-go/accent/checker"
	"github.com/accent-go/accent/checker/ignoredirective"
	"github.com/accent-go/accent/checker/internal/mode"
	"github.com/accent-go/accent/checker/internal/spelling"
)

// Exit codes of the standalone command.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // a package could not be analyzed, or the go command failed
	ExitUsage    = 2 // bad flags or arguments
	ExitFindings = 3 // findings were reported
)

// Analyzers returns the analyzers accentvet runs: the directive checker
// first, then accent's and go vet's, each obeying //accent:ignore.
func Analyzers() []*analysis.Analyzer {
	return ignoredirective.Wrap(checker.Analyzers(checker.All()))
}

// Main runs accentvet with os.Args and exits.
func Main() {
	if unitMode(os.Args[1:]) {
		analyzers := Analyzers()
		if vetxOnly(os.Args[len(os.Args)-1]) {
			analyzers = factsOnly(analyzers)
		}
		// -strict, as go vet passes it on: -NAME.strict on every
		// analyzer that has two modes.
		flag.Var(mode.All(analyzers), mode.FlagName, strictUsage)
		unitchecker.Main(analyzers...) // exits
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "accentvet: cannot find my own executable to hand to go vet: %v\n", err)
		os.Exit(ExitError)
	}
	cmd := &Command{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Self:   self,
		GoCmd:  "go",
	}
	os.Exit(cmd.Run(context.Background(), os.Args[1:]))
}

// unitMode reports whether the go command invoked accentvet as a vet tool:
// to describe itself (-V=full, -flags) or to analyze one unit (x.cfg).
func unitMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vetxOnly reports whether cfg names a unit config that asks only for
// facts: go vet analyzes every dependency of the packages it checks that
// way, to pass facts (printf wrappers, functions that never return) to
// their importers, and throws the diagnostics away.
func vetxOnly(cfg string) bool {
	if !strings.HasSuffix(cfg, ".cfg") {
		return false
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		return false // unitchecker reports it
	}
	var c struct{ VetxOnly bool }
	return json.Unmarshal(data, &c) == nil && c.VetxOnly
}

// factsOnly turns the analyzers that export no facts into no-ops, keeping
// their names and flags (go vet passes the flags to every unit). Without
// this, unitchecker would run on every dependency each analyzer that merely
// requires a fact-producing one, such as every analyzer built on SSA
// (buildssa requires ctrlflow, which has facts): work whose diagnostics are
// discarded. Every analyzer that exports facts, including those only
// required by others (ctrlflow), still runs, so that the facts of every
// package are the same whichever mode produced them.
func factsOnly(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	seen := map[*analysis.Analyzer]bool{}
	var producers []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			producers = append(producers, a)
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for i, a := range analyzers {
		visit(a)
		if len(a.FactTypes) > 0 {
			out[i] = a
			continue
		}
		noop := *a
		noop.Requires = nil
		noop.ResultType = nil
		noop.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		out[i] = &noop
	}
	// Required fact producers become roots of their own; those already
	// among the analyzers are there.
	for _, p := range producers {
		if !slices.Contains(analyzers, p) {
			out = append(out, p)
		}
	}
	return out
}

// Command is one standalone run of accentvet.
type Command struct {
	Stdout, Stderr io.Writer
	Self           string // path of the accentvet executable, handed to go vet
	GoCmd          string // the go command
	Dir            string // working directory; "" for the current one
}

// options are the standalone flags.
type options struct {
	format  string
	explain string
	list    bool
	fix     bool
	diff    bool
	tags    string
	strict  bool
	// vetArgs are the analyzer flags set on the command line, passed on to
	// go vet (which passes them to the unit runs).
	vetArgs []string
}

// Run parses args, does the work and returns the exit code.
func (c *Command) Run(ctx context.Context, args []string) int {
	analyzers := Analyzers()
	opts, patterns, err := c.parse(args, analyzers)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "accentvet: %v\n", err)
		return ExitUsage
	}
	switch {
	case opts.explain != "":
		return c.explain(opts.explain, analyzers)
	case opts.list:
		c.list(analyzers)
		return ExitClean
	}
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	if opts.fix || opts.diff {
		return c.fix(ctx, opts, patterns)
	}
	report, code := c.vet(ctx, opts, patterns)
	if code == ExitError && report == nil {
		return code
	}
	if err := c.print(opts.format, report, analyzers); err != nil {
		fmt.Fprintf(c.Stderr, "accentvet: %v\n", err)
		return ExitError
	}
	if code != ExitClean {
		return code
	}
	if len(report.Findings) > 0 {
		return ExitFindings
	}
	return ExitClean
}

// parse reads the standalone flags; analyzer flags (-NAME, -NAME=false,
// -NAME.flag=value) are recorded to be passed on to go vet.
func (c *Command) parse(args []string, analyzers []*analysis.Analyzer) (*options, []string, error) {
	opts := &options{}
	fs := flag.NewFlagSet("accentvet", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.StringVar(&opts.format, "format", "text", "output `format`: text, json, sarif or github (GitHub Actions annotations)")
	jsonFlag := fs.Bool("json", false, "same as -format=json: the multichecker JSON shape, package -> analyzer -> diagnostics")
	fs.StringVar(&opts.explain, "explain", "", "print the documentation of `analyzer`, with the coming-from paragraphs, and exit")
	fs.BoolVar(&opts.list, "list", false, "list the analyzers, by family, and exit")
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each finding instead of printing it")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags`, as for go build")
	fs.BoolVar(&opts.strict, mode.FlagName, false, strictUsage)

	// Analyzer flags. The values are only recorded here; go vet hands them
	// to each unit run, where unitchecker parses them for real.
	analyzerFlags := map[string]bool{}
	for _, a := range analyzers {
		name := a.Name
		analyzerFlags[name] = true
		fs.Var(&passFlag{bool: true}, name, "enable only the "+name+" analysis (-"+name+"=false disables it)")
		a.Flags.VisitAll(func(f *flag.Flag) {
			full := name + "." + f.Name
			analyzerFlags[full] = true
			fs.Var(&passFlag{bool: isBoolFlag(f)}, full, f.Usage)
		})
	}
	fs.Usage = func() { c.usage(fs, analyzers) }
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if *jsonFlag {
		opts.format = "json"
	}
	if !slices.Contains([]string{"text", "json", "sarif", "github"}, opts.format) {
		return nil, nil, fmt.Errorf("unknown -format %q: want text, json, sarif or github", opts.format)
	}
	if opts.diff && !opts.fix {
		opts.fix = true
	}
	if opts.strict {
		// First, so that a later -NAME.strict=false wins for NAME.
		opts.vetArgs = append(opts.vetArgs, "-"+mode.FlagName)
	}
	fs.Visit(func(f *flag.Flag) {
		if analyzerFlags[f.Name] {
			opts.vetArgs = append(opts.vetArgs, "-"+f.Name+"="+f.Value.String())
		}
	})
	patterns := fs.Args()
	if len(patterns) > 0 && patterns[0] == "help" {
		if len(patterns) == 1 {
			c.usage(fs, analyzers)
			return nil, nil, flag.ErrHelp
		}
		opts.explain = patterns[1]
	}
	return opts, patterns, nil
}

// passFlag records a flag's value as text.
type passFlag struct {
	bool  bool
	value string
}

func (p *passFlag) String() string { return p.value }
func (p *passFlag) Set(s string) error {
	p.value = s
	return nil
}
func (p *passFlag) IsBoolFlag() bool { return p.bool }

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (c *Command) usage(fs *flag.FlagSet, analyzers []*analysis.Analyzer) {
	fmt.Fprintf(c.Stderr, `accentvet finds goroutine leaks, blocking bugs, ignored errors and time
pitfalls, and runs go vet's own suite alongside.

Usage:
	accentvet [flags] [packages]          # like go vet; packages default to .
	go vet -vettool=$(which accentvet) [packages]
	accentvet -explain <analyzer>         # what it finds, why, coming from Node/Python/Java
	accentvet -list                       # the analyzers

Silence one finding with a reason: //accent:ignore <analyzer> <reason>

Two modes. The default is for real code and a team's CI: it reports what a
reviewer would accept a fix for, and stays quiet on deliberate choices (an
error discarded with _ and a comment saying why, on an API that keeps the
error elsewhere, or in plain sight when no write is lost and no value it
filled in is used; == against a sentinel or error type its module never
wraps; exact errors checked in test files; %%v of an error in a log line;
time.Tick in Go 1.23+ files; a context kept by a type whose methods an
interface fixes, a builder, or a handle for work already running; a recover
that guards a close or send on a channel; time.Duration(n) of a number with
no sign of its unit; read locks stacked where nothing write-locks). -strict
is for a learner's exercise, and what accent's grader uses: every discarded
error, every unstopped ticker, every stored context, every bare Duration.
Analyzers with two modes: %s.

Exit codes: 0 no findings, 3 findings, 1 a package could not be analyzed, 2 usage.

Flags:
`, strings.Join(modal(analyzers), ", "))
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") || slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == f.Name }) {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(c.Stderr, "  -%s %s\n    \t%s\n", f.Name, name, usage)
	})
	fmt.Fprintf(c.Stderr, `  -<analyzer>, -<analyzer>=false
    	run only the named analyzers, or all but them
  -<analyzer>.<flag>=<value>
    	an analyzer's own flag (accentvet -explain <analyzer> lists them)
`)
}

// strictUsage is the usage of -strict.
const strictUsage = "strict mode, for a learner's exercise: report every discarded error, unstopped ticker and stored context, " +
	"as accent's grader does (sets -NAME.strict on every analyzer that has it)"

// modal returns the names of the analyzers that have two modes.
func modal(analyzers []*analysis.Analyzer) []string {
	var names []string
	for _, a := range analyzers {
		if mode.Has(a) {
			names = append(names, a.Name)
		}
	}
	return names
}

// list prints the analyzers by family.
func (c *Command) list(analyzers []*analysis.Analyzer) {
	checks := checker.All()
	byFamily := map[checker.Family][]checker.Check{}
	for _, ch := range checks {
		byFamily[ch.Family] = append(byFamily[ch.Family], ch)
	}
	families := []checker.Family{checker.Leaks, checker.Channels, checker.Errors, checker.Context, checker.Time, checker.Vet}
	for _, fam := range families {
		if len(byFamily[fam]) == 0 {
			continue
		}
		fmt.Fprintf(c.Stdout, "%s:\n", fam)
		for _, ch := range byFamily[fam] {
			fmt.Fprintf(c.Stdout, "  %-18s %s\n", ch.Analyzer.Name, summary(ch.Analyzer.Doc))
		}
	}
	dirs := analyzers[0]
	fmt.Fprintf(c.Stdout, "directives:\n  %-18s %s\n", dirs.Name, summary(dirs.Doc))
}

func summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return first
}

// explain prints one analyzer's documentation.
func (c *Command) explain(name string, analyzers []*analysis.Analyzer) int {
	var a *analysis.Analyzer
	for _, x := range analyzers {
		if x.Name == name {
			a = x
		}
	}
	if a == nil {
		names := make([]string, len(analyzers))
		for i, x := range analyzers {
			names[i] = x.Name
		}
		msg := fmt.Sprintf("accentvet: no analyzer %q", name)
		if s := spelling.Nearest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		fmt.Fprintln(c.Stderr, msg+"; accentvet -list shows them all")
		return ExitUsage
	}
	fmt.Fprintf(c.Stdout, "%s: %s\n", a.Name, a.Doc)
	if ch, ok := checker.Lookup(a.Name); ok {
		fmt.Fprintf(c.Stdout, "\nFamily: %s.", ch.Family)
		if ch.Lesson != "" {
			fmt.Fprintf(c.Stdout, " Read the lesson: accent lesson %s", ch.Lesson)
		}
		fmt.Fprintln(c.Stdout)
	}
	var flags []string
	a.Flags.VisitAll(func(f *flag.Flag) {
		flags = append(flags, fmt.Sprintf("  -%s.%s\n    \t%s", a.Name, f.Name, f.Usage))
	})
	if len(flags) > 0 {
		fmt.Fprintf(c.Stdout, "\nFlags:\n%s\n", strings.Join(flags, "\n"))
	}
	if a.URL != "" {
		fmt.Fprintf(c.Stdout, "\nMore: %s\n", a.URL)
	}
	return ExitClean
}

// goVet returns the go vet command line for opts and patterns.
func (c *Command) goVet(ctx context.Context, opts *options, extra []string, patterns []string) *exec.Cmd {
	args := []string{"vet", "-vettool=" + c.Self}
	if opts.tags != "" {
		args = append(args, "-tags="+opts.tags)
	}
	args = append(args, extra...)
	args = append(args, opts.vetArgs...)
	args = append(args, patterns...)
	cmd := exec.CommandContext(ctx, cmp.Or(c.GoCmd, "go"), args...)
	cmd.Dir = c.Dir
	return cmd
}

// fix runs go vet -fix (or -diff) with accentvet as the tool; its output
// goes straight through.
func (c *Command) fix(ctx context.Context, opts *options, patterns []string) int {
	extra := []string{"-fix"}
	if opts.diff {
		extra = append(extra, "-diff")
	}
	cmd := c.goVet(ctx, opts, extra, patterns)
	cmd.Stdout, cmd.Stderr = c.Stdout, c.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return ExitError
		}
		fmt.Fprintf(c.Stderr, "accentvet: running go vet: %v\n", err)
		return ExitError
	}
	return ExitClean
}
