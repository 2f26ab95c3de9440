// Package cli wires accent's commands: each one is an Options struct and a
// run function, with its I/O streams injected so tests can drive it.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/workspace"
)

// Exit codes, as documented in the README.
const (
	ExitOK    = 0 // success; for check: every exercise passed
	ExitFail  = 1 // for check: some exercise did not pass; for dev check: the course has problems
	ExitUsage = 2 // bad usage or an internal error

	ExitInterrupted = 130 // stopped by Ctrl-C (128 + SIGINT), as shells report it
)

// IOStreams are a command's standard streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InTTY and OutTTY say whether In and Out are terminals.
	InTTY, OutTTY bool
	// Width is Out's width in columns when it is a terminal; 0 if unknown.
	Width int
}

// System returns the process's streams.
func System() *IOStreams {
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
	}
	if s.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.Width = w
		}
	}
	return s
}

// ExitError carries a process exit code out of a command.
type ExitError struct {
	Code int
	Err  error // printed unless nil
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// Globals are the options every command takes.
type Globals struct {
	IO        *IOStreams
	Workspace string // --workspace; default the workspace WorkDir is in, else workspace.DefaultDir(Env.Workspace)
	WorkDir   string // the current directory (Main: os.Getwd); "" for none
	StateDir  string // where progress lives; default progress.DefaultDir(Env.StateDir)
	Env       Env    // the environment, read once by Main
	Grader    *grade.Grader
	Course    func() (*course.Course, error)
	Now       func() time.Time

	link workshopLink // the workshop joined (--join, W in the workbench, or earlier)
}

// workspaceDir is the workspace to use: --workspace, else the one the
// current directory is in (as git finds its repository), else
// $ACCENT_WORKSPACE, else ~/accent-workspace.
func (g *Globals) workspaceDir() (string, error) {
	if g.Workspace != "" {
		return g.Workspace, nil
	}
	if g.WorkDir != "" {
		if root, ok := workspace.Find(g.WorkDir); ok {
			return root, nil
		}
	}
	return workspace.DefaultDir(g.Env.Workspace)
}

// noWorkspace is the error for a workspace that does not exist, with the
// command that creates it, spelled as the learner chose the workspace.
func (g *Globals) noWorkspace(nf *workspace.NotFoundError) error {
	switch {
	case g.Workspace != "":
		return fmt.Errorf("no accent workspace at %s: run `accent init --workspace %s` (or `accent --workspace %s`) to create it", nf.Dir, shellQuote(g.Workspace), shellQuote(g.Workspace))
	case g.Env.Workspace != "":
		return fmt.Errorf("no accent workspace at %s (ACCENT_WORKSPACE): run `accent init` (or just `accent`) to create it", nf.Dir)
	}
	return fmt.Errorf("no accent workspace at %s, nor in the current directory: run `accent init` (or just `accent`) to create it there, or pass --workspace DIR", nf.Dir)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-~+=:,@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// findExercise looks an exercise up by id or unique slug; ".", or a path
// (./x, ../x, /x), names the exercise whose directory holds it, from the
// current directory.
func (s *session) findExercise(id string) (*course.Exercise, error) {
	if id == "." || id == ".." || strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") || filepath.IsAbs(id) {
		dir := id
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(s.g.WorkDir, dir)
		}
		if ex := s.ws.ExerciseAt(s.course, dir); ex != nil {
			return ex, nil
		}
		return nil, usageError("%s is not in an exercise of the workspace %s: cd into an exercise's directory, or give an exercise id (accent list shows them)", dir, s.ws.Dir)
	}
	ex, err := s.course.FindExercise(id)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return ex, nil
}

// exerciseHere is the exercise the current directory is in, or nil.
func (s *session) exerciseHere() *course.Exercise {
	if s.g.WorkDir == "" {
		return nil
	}
	return s.ws.ExerciseAt(s.course, s.g.WorkDir)
}

// session is what most commands need: the course, the workspace and the
// learner's progress.
type session struct {
	g      *Globals
	io     *IOStreams
	course *course.Course
	ws     *workspace.Workspace
	store  *progress.Store
	grader *grade.Grader
	now    func() time.Time
}

// open loads the course and opens the workspace; with create, a missing
// workspace is created (and the learner told where).
func (g *Globals) open(create bool) (*session, error) {
	c, err := g.Course()
	if err != nil {
		return nil, fmt.Errorf("loading the course: %w", err)
	}
	dir, err := g.workspaceDir()
	if err != nil {
		return nil, err
	}
	ws, err := workspace.Open(dir)
	var nf *workspace.NotFoundError
	switch {
	case errors.As(err, &nf) && create:
		ws, _, err = workspace.Init(dir, c)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(g.IO.ErrOut, "Created your accent workspace at %s\n", ws.Dir)
	case errors.As(err, &nf):
		return nil, g.noWorkspace(nf)
	case err != nil:
		return nil, err
	}
	stateDir := g.StateDir
	if stateDir == "" {
		if stateDir, err = progress.DefaultDir(g.Env.StateDir); err != nil {
			return nil, err
		}
	}
	path, err := progress.PathFor(stateDir, ws.Dir)
	if err != nil {
		return nil, err
	}
	store, err := progress.Open(path, ws.Dir)
	if err != nil {
		return nil, err
	}
	if n := store.Notice(); n != "" {
		fmt.Fprintln(g.IO.ErrOut, "accent: "+n)
	}
	return &session{g: g, io: g.IO, course: c, ws: ws, store: store, grader: g.Grader, now: g.Now}, nil
}

// NewRoot builds the command tree.
func NewRoot(g *Globals) *cobra.Command {
	wb := &WorkbenchOptions{Globals: g}
	root := &cobra.Command{
		Use:   "accent",
		Short: "Lose your accent in Go: lessons, exercises and a checker for concurrent Go",
		Long: "accent teaches goroutines, channels, cancellation, errors and time to developers\n" +
			"coming from Node.js, Python and Java, and grades exercises with its own checker.\n\n" +
			"With no command it opens the workbench: a full-screen course map, lesson reader and\n" +
			"exercise view that grades again every time you save (--plain or ACCESSIBLE=1 for the\n" +
			"line-based one; NO_COLOR=1 for no colours).",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWorkbench(cmd.Context(), wb)
		},
	}
	root.PersistentFlags().StringVar(&g.Workspace, "workspace", "", "the workspace directory (default $ACCENT_WORKSPACE or ~/accent-workspace)")
	root.Flags().BoolVar(&wb.Plain, "plain", false, "the line-based workbench: no full screen, nothing redrawn, for screen readers (also ACCESSIBLE=1)")
	root.Flags().BoolVar(&wb.Mouse, "mouse", false, "scroll and click with the mouse in the workbench (selecting text then needs shift)")
	root.Flags().StringVar(&wb.Join.Server, "join", "", "join a workshop at HOST:PORT: your progress (never your code) goes to the facilitator")
	root.Flags().StringVar(&wb.Join.Code, "code", "", "the workshop's join code (with --join)")
	root.Flags().StringVar(&wb.Join.Name, "name", "", "your name in the workshop (with --join)")
	root.SetIn(g.IO.In)
	root.SetOut(g.IO.Out)
	root.SetErr(g.IO.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &ExitError{Code: ExitUsage, Err: err}
	})
	root.AddCommand(
		newInitCmd(g), newListCmd(g), newCheckCmd(g), newHintCmd(g), newResetCmd(g),
		newSolutionCmd(g), newLessonCmd(g), newWatchCmd(g), newDevCmd(g), newWorkshopCmd(g), newPairCmd(g),
	)
	return root
}

// Main runs accent with args and returns the process exit code.
func Main(args []string) int {
	io := System()
	g := &Globals{IO: io, Env: EnvFrom(os.Getenv), Grader: &grade.Grader{}, Course: course.Embedded, Now: time.Now}
	g.WorkDir, _ = os.Getwd() // none: the workspace is not looked for from here
	// SIGHUP too: a closed terminal or tmux window ends accent as a quit does,
	// so a pair session logs its last stint and a workshop server stops cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	return Run(ctx, g, args)
}

// Run runs the command line args against g and returns the exit code. A
// panic in a command becomes an error message and exit code 2; the
// workbench restores the terminal before it gets here.
func Run(ctx context.Context, g *Globals, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(g.IO.ErrOut, "accent: internal error (a bug; please report it with what follows): %v\n%s", r, debug.Stack())
			code = ExitUsage
		}
	}()
	if g.Now == nil {
		g.Now = time.Now
	}
	if g.Grader == nil {
		g.Grader = &grade.Grader{}
	}
	if g.Course == nil {
		g.Course = course.Embedded
	}
	root := NewRoot(g)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		if exit.Err != nil {
			fmt.Fprintln(g.IO.ErrOut, "accent: "+exit.Err.Error())
		}
		return exit.Code
	}
	fmt.Fprintln(g.IO.ErrOut, "accent: "+err.Error())
	return ExitUsage
}

// usageError marks bad input from the command line (exit 2).
func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}
