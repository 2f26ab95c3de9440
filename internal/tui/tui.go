// Package tui is accent's workbench: a full-screen terminal app (Bubble Tea)
// with a course map, a lesson reader and an exercise view whose verdict
// updates every time the learner saves. It reads the course, the workspace
// and the learner's progress through their packages and grades through a
// function the caller provides, so it records attempts exactly as the
// command line does.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/render"
	"github.com/accent-go/accent/internal/workspace"
)

// Options are what the workbench needs from its caller.
type Options struct {
	Course    *course.Course
	Workspace *workspace.Workspace
	Store     *progress.Store
	State     *progress.State // the progress loaded at start
	Grade     GradeFunc       // grades an exercise and records the attempt

	In  io.Reader // the terminal; default stdin
	Out io.Writer // the terminal; default stdout

	// Theme is "light" or "dark" to skip asking the terminal for its
	// background ("" asks, and starts dark until it answers).
	Theme   string
	NoColor bool // NO_COLOR: no colours, only bold, faint and reverse
	// Home is the learner's home directory, shown as ~ in the paths the
	// workbench shows ("" shows paths whole).
	Home  string
	Mouse bool // wheel scrolling and clicks (the terminal's own selection then needs shift)

	Watch  WatchOptions // how watch mode notices saves
	Editor EditorFunc   // default SystemEditor(""): nano or vi
	// GradeWait bounds how long the workbench waits at exit for a canceled
	// grade's processes to be killed; default 5s.
	GradeWait time.Duration

	Pair *PairOptions // pair mode (accent pair); nil for one learner

	Workshop     Workshop // the workshop joined (accent --join); nil if none
	WorkshopDesc string   // how to name it: "10.0.0.5:7777 as Ana"
	Join         JoinFunc // joins a workshop from the workbench (W); nil hides it
}

// New builds the workbench's root model. Run runs it; tests drive it
// directly. The returned stop function cancels what the model started
// (grades, watchers) and must be called when it is done with.
func New(ctx context.Context, opts Options) (Model, func(), error) {
	if opts.Course == nil || opts.Workspace == nil || opts.Store == nil || opts.Grade == nil {
		return Model{}, nil, errors.New("tui: Course, Workspace, Store and Grade are required")
	}
	if len(opts.Course.Exercises) == 0 {
		return Model{}, nil, errors.New("tui: the course has no exercises")
	}
	st := opts.State
	if st == nil {
		st = &progress.State{}
	}
	if opts.Editor == nil {
		opts.Editor = SystemEditor("")
	}
	ctx, cancel := context.WithCancel(ctx)
	keys := DefaultKeyMap()
	var workshopDesc string
	if opts.WorkshopDesc != "" {
		workshopDesc = " at " + opts.WorkshopDesc
	}
	c := &common{
		styles:       NewStyles(opts.Theme != "light", opts.NoColor),
		keys:         &keys,
		renderer:     &render.Renderer{},
		course:       opts.Course,
		ws:           opts.Workspace,
		store:        opts.Store,
		state:        st,
		grade:        opts.Grade,
		watch:        func(dir string, gen int) tea.Cmd { return startWatch(dir, gen, opts.Watch) },
		editor:       opts.Editor,
		jobs:         newJobs(),
		ctx:          ctx,
		mouse:        opts.Mouse,
		noColor:      opts.NoColor,
		home:         opts.Home,
		fixTheme:     opts.Theme == "light" || opts.Theme == "dark",
		workshop:     opts.Workshop,
		join:         opts.Join,
		workshopDesc: workshopDesc,
		animate:      true,
	}
	wait := opts.GradeWait
	if wait <= 0 {
		wait = 5 * time.Second
	}
	stop := func() {
		cancel()
		c.jobs.closeAndWait(wait)
	}
	if opts.Pair != nil && opts.Pair.Session != nil {
		t := opts.Pair.Session.Trailer()
		c.pairing, c.trailer = true, &t
	}
	c.refreshRoom()
	m := newModel(c)
	m.pair = newPairBar(c, opts.Pair)
	return m, stop, nil
}

// Run runs the workbench until the learner quits. The terminal is restored
// however it ends: a quit, Ctrl-C (which also cancels a grade and kills its
// processes), a canceled ctx or a panic, which becomes an error.
func Run(ctx context.Context, opts Options) error {
	m, stop, err := New(ctx, opts)
	if err != nil {
		return err
	}
	var progOpts []tea.ProgramOption
	if opts.In != nil {
		progOpts = append(progOpts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Out))
	}
	return run(ctx, m, stop, progOpts...)
}

// run runs m as a program and stops what it started.
func run(ctx context.Context, m Model, stop func(), progOpts ...tea.ProgramOption) error {
	defer stop()
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	final, runErr := p.Run()
	if fm, ok := final.(Model); ok {
		if err := fm.shutdown(); err != nil {
			runErr = errors.Join(runErr, err)
		}
		if c := fm.crash; c != nil {
			return fmt.Errorf("the workbench stopped on an internal error (a bug; please report it with what follows). Your files and progress are saved.\npanic: %v\n\n%s", c.value, c.stack)
		}
	}
	switch {
	case runErr == nil, errors.Is(runErr, tea.ErrInterrupted):
		return nil
	case errors.Is(runErr, tea.ErrProgramPanic):
		return fmt.Errorf("the workbench stopped on an internal error (a bug; the details are above). Your files and progress are saved: %w", runErr)
	case errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil:
		return nil // interrupted from outside (a signal): a clean exit
	}
	return fmt.Errorf("the workbench: %w", runErr)
}
