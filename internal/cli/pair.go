package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/pair"
	"github.com/accent-go/accent/internal/progress"
)

// PairOptions: accent pair.
type PairOptions struct {
	Workbench         WorkbenchOptions
	Driver, Navigator string
	Rotate            time.Duration
}

func newPairCmd(g *Globals) *cobra.Command {
	opts := &PairOptions{Workbench: WorkbenchOptions{Globals: g}}
	cmd := &cobra.Command{
		Use:   "pair --driver NAME --navigator NAME [--rotate 15m]",
		Short: "Pair: the workbench for a driver and a navigator who swap roles, with a session log",
		Long: "accent pair opens the workbench for two people: it shows who drives and counts down\n" +
			"to the next swap, asks the pair to swap when the time is up, logs who drove which\n" +
			"exercise for how long (accent pair log), and after a pass gives the Co-authored-by\n" +
			"trailer that credits both in the commit.\n\n" +
			"A NAME is \"Ana Lima <ana@example.com>\" (GitHub credits a co-author by email) or a name alone.",
		Example: `  accent pair --driver "Ana Lima <ana@example.com>" --navigator "Bo Chen <bo@example.com>"
  accent pair --driver Ana --navigator Bo --rotate 25m
  accent pair log`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runPair(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.Driver, "driver", "", "who drives first (at the keyboard): \"Name <email>\" or a name")
	cmd.Flags().StringVar(&opts.Navigator, "navigator", "", "who navigates first: \"Name <email>\" or a name")
	cmd.Flags().DurationVar(&opts.Rotate, "rotate", pair.DefaultRotate, "swap roles every this long, 1m to 2h (0: never ask)")
	cmd.Flags().BoolVar(&opts.Workbench.Plain, "plain", false, "the line-based workbench (also ACCESSIBLE=1)")
	cmd.Flags().BoolVar(&opts.Workbench.Mouse, "mouse", false, "scroll and click with the mouse in the workbench")
	cmd.Flags().StringVar(&opts.Workbench.Join.Server, "join", "", "join a workshop at HOST:PORT as a pair")
	cmd.Flags().StringVar(&opts.Workbench.Join.Code, "code", "", "the workshop's join code (with --join)")
	cmd.Flags().StringVar(&opts.Workbench.Join.Name, "name", "", "the pair's name in the workshop (default: \"DRIVER + NAVIGATOR\")")
	cmd.AddCommand(newPairLogCmd(g))
	return cmd
}

// newPairSession checks the names and the interval: every mistake is a
// usage error that says how to write it.
func newPairSession(driver, navigator string, rotate time.Duration, now func() time.Time) (*pair.Session, error) {
	if strings.TrimSpace(driver) == "" || strings.TrimSpace(navigator) == "" {
		return nil, usageError(`accent pair needs --driver and --navigator, e.g. accent pair --driver "Ana Lima <ana@example.com>" --navigator "Bo Chen <bo@example.com>"`)
	}
	d, err := pair.ParsePerson(driver)
	if err != nil {
		return nil, usageError("--driver: %v", err)
	}
	n, err := pair.ParsePerson(navigator)
	if err != nil {
		return nil, usageError("--navigator: %v", err)
	}
	s, err := pair.New(pair.Config{Driver: d, Navigator: n, Rotate: rotate, Clock: now})
	if err != nil {
		return nil, usageError("%v", err)
	}
	return s, nil
}

func runPair(ctx context.Context, opts *PairOptions) error {
	s, err := newPairSession(opts.Driver, opts.Navigator, opts.Rotate, opts.Workbench.Now)
	if err != nil {
		return err
	}
	opts.Workbench.Pair = s
	if opts.Workbench.Join.Server != "" && opts.Workbench.Join.Name == "" {
		opts.Workbench.Join.Name = s.Driver().Name + " + " + s.Navigator().Name
	}
	return runWorkbench(ctx, &opts.Workbench)
}

// stateDir is where progress (and the pair log) live.
func (g *Globals) stateDir() (string, error) {
	if g.StateDir != "" {
		return g.StateDir, nil
	}
	return progress.DefaultDir(g.Env.StateDir)
}

// pairLog is the pair log of the workspace at wsDir.
func (g *Globals) pairLog(wsDir string) (*pair.Log, error) {
	dir, err := g.stateDir()
	if err != nil {
		return nil, err
	}
	path, err := progress.PathFor(dir, wsDir)
	if err != nil {
		return nil, err
	}
	return pair.OpenLog(pair.LogPath(path)), nil
}

// plainPair is pair mode in the line-based workbench. Its methods do
// nothing on a nil *plainPair (no pair session).
type plainPair struct {
	s           *pair.Session
	log         *pair.Log
	out, errOut io.Writer
}

func (p *plainPair) write(recs []pair.Record) {
	if err := p.log.Append(recs...); err != nil {
		fmt.Fprintf(p.errOut, "accent: %v\n", err)
	}
}

// roles is the roles and countdown, for the menu line.
func (p *plainPair) roles() string {
	if p == nil {
		return ""
	}
	s := fmt.Sprintf(" · %s drives, %s navigates", p.s.Driver().Name, p.s.Navigator().Name)
	if p.s.Rotates() {
		s += ", swap in " + pair.FormatDuration(p.s.Remaining())
	}
	return s
}

func (p *plainPair) exercise(id string) {
	if p != nil {
		p.write(p.s.SetExercise(id))
	}
}

// passed logs the pass and prints the commit trailer.
func (p *plainPair) passed(id string) {
	if p == nil {
		return
	}
	p.write(p.s.Passed(id))
	printTrailer(p.out, p.s.Trailer())
}

func printTrailer(w io.Writer, t pair.Trailer) {
	fmt.Fprintf(w, "For your commit message (credits you both):\n\n%s\n", strings.Join(t.Lines, "\n"))
	if len(t.Notes) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(t.Notes, "\n"))
	}
}

// askSwap asks the pair to swap when it is time: Enter swaps, "later"
// asks again in a few minutes. It reports false at the end of the input.
func (p *plainPair) askSwap(next func() (string, bool)) bool {
	if p == nil || !p.s.Due() {
		return true
	}
	fmt.Fprintf(p.out, "\nTime to swap roles: %s drives now, %s navigates. Press Enter to swap, or type later for %s more.\n> ",
		p.s.Navigator().Name, p.s.Driver().Name, pair.FormatDuration(pair.Snooze))
	answer, ok := next()
	if !ok {
		return false
	}
	if a := strings.ToLower(strings.TrimSpace(answer)); a == "later" || a == "l" {
		p.s.Later(pair.Snooze)
		return true
	}
	p.write(p.s.Swap())
	fmt.Fprintf(p.out, "%s drives now.\n", p.s.Driver().Name)
	return true
}

func (p *plainPair) end() {
	if p != nil {
		p.write(p.s.End())
	}
}

// PairLogOptions: accent pair log.
type PairLogOptions struct {
	*Globals
	JSON bool
}

func newPairLogCmd(g *Globals) *cobra.Command {
	opts := &PairLogOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Who drove which exercise and for how long, per pair session, and totals per person",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runPairLog(opts) },
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, `print JSON: {"sessions": [...], "totals": [...]}`)
	return cmd
}

func runPairLog(opts *PairLogOptions) error {
	wsDir, err := opts.workspaceDir()
	if err != nil {
		return err
	}
	log, err := opts.pairLog(wsDir)
	if err != nil {
		return err
	}
	recs, notices, err := log.Read()
	for _, n := range notices {
		fmt.Fprintln(opts.IO.ErrOut, "accent: "+n)
	}
	if err != nil {
		return err
	}
	sessions, totals := pair.Summarize(recs)
	if opts.JSON {
		out := struct {
			Sessions []pair.Summary `json:"sessions"`
			Totals   []pair.Total   `json:"totals"`
		}{Sessions: sessions, Totals: totals}
		if out.Sessions == nil {
			out.Sessions, out.Totals = []pair.Summary{}, []pair.Total{}
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	out := opts.IO.Out
	if len(sessions) == 0 {
		fmt.Fprintf(out, "No pair session logged for the workspace %s yet.\nStart one: accent pair --driver NAME --navigator NAME\n", wsDir)
		return nil
	}
	for _, s := range sessions {
		if err := printSession(out, s); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "Totals")
	return printTotals(out, totals)
}

func printSession(out io.Writer, s pair.Summary) error {
	head := "Session of " + s.Start.Local().Format("Mon 2 Jan 2006 15:04")
	if s.Driver.Name != "" {
		head += ", " + s.Driver.Name + " and " + s.Navigator.Name
	}
	if s.RotateSeconds > 0 {
		head += ", swapping every " + pair.FormatDuration(time.Duration(s.RotateSeconds)*time.Second)
	}
	if !s.End.IsZero() {
		head += ": " + pair.FormatDuration(s.End.Sub(s.Start))
	} else {
		head += " (no end logged: accent was stopped)"
	}
	fmt.Fprintln(out, head)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  driver\tnavigator\texercise\ttime")
	for _, st := range s.Stints {
		ex := st.Exercise
		if ex == "" {
			ex = "(map, lessons)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", st.Driver, st.Navigator, ex, pair.FormatDuration(time.Duration(st.Seconds)*time.Second))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range s.Passes {
		fmt.Fprintf(out, "  ✓ %s passed at %s, %s driving\n", p.Exercise, p.At.Local().Format("15:04"), p.Driver.Name)
	}
	_, err := fmt.Fprintln(out)
	return err
}

func printTotals(out io.Writer, totals []pair.Total) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  person\tdrove\tnavigated")
	for _, t := range totals {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.Person, pair.FormatDuration(time.Duration(t.DroveSeconds)*time.Second),
			pair.FormatDuration(time.Duration(t.NavigatedSeconds)*time.Second))
	}
	return tw.Flush()
}
