package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/pair"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/tui"
	"github.com/accent-go/accent/internal/watch"
)

// WorkbenchOptions: accent with no command.
type WorkbenchOptions struct {
	*Globals
	Plain bool // --plain, or ACCESSIBLE set: the line-based workbench
	Mouse bool // --mouse
	Join  JoinOptions
	Pair  *pair.Session // accent pair: a driver and a navigator; nil otherwise
}

// runWorkbench opens the workbench. It creates the workspace on first
// run. At a terminal it is the full-screen TUI, or with --plain (or
// ACCESSIBLE=1) the line-based one, which a screen reader can follow. When
// stdin or stdout is not a terminal it prints where the learner is and
// returns: it never waits for input nobody can type.
func runWorkbench(ctx context.Context, opts *WorkbenchOptions) error {
	if opts.Join.Server != "" {
		c, err := opts.joinWorkshop(ctx, opts.Join, true)
		if err != nil {
			return err
		}
		opts.setWorkshop(c)
		info := c.Info()
		fmt.Fprintf(opts.IO.ErrOut, "Joining the workshop at %s as %q: your progress (never your code) goes to the facilitator. accent workshop leave stops it.\n", info.Server, info.Name)
	} else if (opts.Join.Code != "" || opts.Join.Name != "") && opts.joinedWorkshop() == nil {
		return usageError("--code and --name go with --join HOST:PORT")
	}
	s, err := opts.open(true)
	if err != nil {
		return err
	}
	st, err := s.store.Load()
	if err != nil {
		return err
	}
	defer opts.startWorkshop(ctx)()
	if !s.io.InTTY || !s.io.OutTTY {
		s.summary(st, s.current(st))
		if opts.Pair != nil {
			fmt.Fprintf(s.io.Out, "Pair: %s drives, %s navigates.\n", opts.Pair.Driver().Name, opts.Pair.Navigator().Name)
		}
		fmt.Fprintln(s.io.Out, "\n(not a terminal: nothing to ask. accent check, accent watch and accent list work in scripts.)")
		return nil
	}
	var pp *plainPair
	var pairOpts *tui.PairOptions
	if opts.Pair != nil {
		log, err := opts.pairLog(s.ws.Dir)
		if err != nil {
			return err
		}
		if err := log.Append(opts.Pair.Started()); err != nil {
			return err
		}
		pp = &plainPair{s: opts.Pair, log: log, out: s.io.Out, errOut: s.io.ErrOut}
		pairOpts = &tui.PairOptions{Session: opts.Pair, Log: log}
	}
	if opts.Plain || opts.Env.Accessible {
		return runPlain(ctx, opts, s, st, pp)
	}
	var link tui.Workshop
	var linkDesc string
	if c := opts.joinedWorkshop(); c != nil {
		link = c
		info := c.Info()
		linkDesc = info.Server + " as " + info.Name
	}
	// Joining from the workbench (W) happens in a command's goroutine.
	var joinMu sync.Mutex
	var stopLater []func()
	defer func() {
		joinMu.Lock()
		defer joinMu.Unlock()
		for _, stop := range stopLater {
			stop()
		}
	}()
	join := func(server, code, name string) (tui.Workshop, string, error) {
		c, err := opts.joinWorkshop(ctx, JoinOptions{Server: server, Code: code, Name: name}, false)
		if err != nil {
			return nil, "", err
		}
		opts.setWorkshop(c)
		joinMu.Lock()
		stopLater = append(stopLater, opts.startWorkshop(ctx))
		joinMu.Unlock()
		info := c.Info()
		return c, info.Server + " as " + info.Name, nil
	}
	return tui.Run(ctx, tui.Options{
		Pair:     pairOpts,
		Workshop: link, WorkshopDesc: linkDesc, Join: join,
		Course: s.course, Workspace: s.ws, Store: s.store, State: st,
		Grade: s.gradeAndRecord,
		In:    s.io.In, Out: s.io.Out,
		Theme:   opts.Env.Theme,
		NoColor: opts.Env.NoColor,
		Home:    opts.Env.Home,
		Editor:  tui.SystemEditor(opts.Env.Editor),
		Mouse:   opts.Mouse,
		Watch:   opts.watchOptions(defaultDebounce),
	})
}

// watchOptions are how watch mode notices saves: ACCENT_WATCH=poll polls
// file times (network drives, containers), as accent does by itself on a
// Windows drive under WSL or when fsnotify fails.
func (g *Globals) watchOptions(debounce time.Duration) watch.Options {
	return watch.Options{Debounce: debounce, Poll: g.Env.WatchPoll, WSL: g.Env.WSL}
}

// runPlain is the line-based workbench: one question, one answer, nothing
// redrawn, so a screen reader reads every line once.
func runPlain(ctx context.Context, opts *WorkbenchOptions, s *session, st *progress.State, pp *plainPair) error {
	ex := s.current(st)
	s.summary(st, ex)
	pp.exercise(ex.ID)
	defer pp.end()
	lines, readErr, stopReading := readLines(s.io.In)
	defer stopReading()
	next := func() (string, bool) {
		select {
		case <-ctx.Done():
			return "", false
		case l, ok := <-lines:
			return l, ok
		}
	}
	for {
		opts.printNotices()
		if !pp.askSwap(next) {
			return readErr()
		}
		fmt.Fprintf(s.io.Out, "\n[%s%s] c check  w watch  h hint  t task  l lesson  n/p next/prev  s solution  L language  q quit\n> ", ex.ID, pp.roles())
		answer, ok := next()
		if !ok {
			fmt.Fprintln(s.io.Out)
			if ctx.Err() != nil {
				return nil
			}
			return readErr()
		}
		answer = strings.TrimSpace(answer)
		if answer != "L" {
			answer = strings.ToLower(answer)
		}
		switch answer {
		case "c", "check", "":
			v, err := s.gradeAndRecord(ctx, ex)
			if err != nil && v.Exercise == "" {
				return err
			}
			s.printVerdict(ex, v)
			if err != nil {
				fmt.Fprintf(s.io.ErrOut, "accent: your progress was not saved: %v\n", err)
			}
			if v.Status == grade.Pass {
				fmt.Fprintln(s.io.Out, "Passed! Type n for the next exercise.")
				pp.passed(ex.ID)
			}
		case "w", "watch":
			if err := s.plainWatch(ctx, opts, ex, lines); err != nil {
				return err
			}
		case "h", "hint":
			if err := runHint(&HintOptions{Globals: opts.Globals, ID: ex.ID}); err != nil {
				return err
			}
		case "t", "task":
			s.task(ex)
		case "l", "lesson":
			if err := runLesson(&LessonOptions{Globals: opts.Globals, ID: ex.Lesson, Width: 80}); err != nil {
				return err
			}
		case "n", "next":
			ex = s.step(ex, +1)
			pp.exercise(ex.ID)
			s.task(ex)
		case "p", "prev", "previous":
			ex = s.step(ex, -1)
			pp.exercise(ex.ID)
			s.task(ex)
		case "s", "solution":
			if err := runSolution(&SolutionOptions{Globals: opts.Globals, ID: ex.ID}); err != nil {
				fmt.Fprintln(s.io.Out, err)
			}
		case "L", "language":
			if err := s.chooseLanguage(next); err != nil {
				return err
			}
		case "q", "quit", "exit":
			return nil
		default:
			fmt.Fprintln(s.io.Out, "Unknown choice.")
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// readLines reads lines from r in a goroutine, so that waiting for one can
// end with the context (Ctrl-C) or with the watch it interrupts. lines is
// closed at the end of the input; then readErr says why, if not EOF. stop
// ends the goroutine once it is no longer read from.
func readLines(r io.Reader) (lines <-chan string, readErr func() error, stop func()) {
	ch := make(chan string)
	done := make(chan struct{})
	var err error // written before ch is closed, read after
	go func() {
		defer close(ch)
		in := bufio.NewScanner(r)
		for in.Scan() {
			select {
			case ch <- in.Text():
			case <-done:
				return
			}
		}
		err = in.Err()
	}()
	return ch, func() error { return err }, func() { close(done) }
}

// plainWatch watches ex until the learner presses Enter (or Ctrl-C).
func (s *session) plainWatch(ctx context.Context, opts *WorkbenchOptions, ex *course.Exercise, lines <-chan string) error {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-lines:
		case <-wctx.Done():
		}
		cancel()
	}()
	err := runWatch(wctx, &WatchOptions{Globals: opts.Globals, ID: ex.ID, Debounce: defaultDebounce, stopKey: "Enter"})
	var exit *ExitError
	if errors.As(err, &exit) && exit.Code == ExitInterrupted && ctx.Err() == nil {
		return nil // Enter stopped the watch, not the workbench
	}
	return err
}

// chooseLanguage asks which language the learner comes from and records it.
func (s *session) chooseLanguage(next func() (string, bool)) error {
	fmt.Fprintln(s.io.Out, "Which language do you come from? The task then shows its idiom first.")
	for i, l := range course.Languages {
		fmt.Fprintf(s.io.Out, "  %d %s\n", i+1, l.Title())
	}
	fmt.Fprint(s.io.Out, "> ")
	answer, ok := next()
	if !ok {
		return nil
	}
	answer = strings.ToLower(strings.TrimSpace(answer))
	for i, l := range course.Languages {
		if answer == fmt.Sprint(i+1) || answer == string(l) || answer == strings.ToLower(l.Title()) {
			if err := s.store.Update(func(st *progress.State) error { learner.RecordLanguage(st, l); return nil }); err != nil {
				return err
			}
			fmt.Fprintf(s.io.Out, "You come from %s.\n", l.Title())
			return nil
		}
	}
	fmt.Fprintln(s.io.Out, "Unknown language; nothing changed.")
	return nil
}

const defaultDebounce = 150 * time.Millisecond

func (s *session) summary(st *progress.State, ex *course.Exercise) {
	fmt.Fprintf(s.io.Out, "accent — %d of %d exercises passed. Workspace: %s\n", learner.PassedCount(st, s.course.Exercises), len(s.course.Exercises), s.ws.Dir)
	fmt.Fprintf(s.io.Out, "Current exercise: %s — %s\n", ex.ID, ex.Title)
	fmt.Fprintf(s.io.Out, "Edit %s and run `accent check %s` (or `accent watch`).\n", s.ws.ExerciseDir(ex), ex.ID)
}

// task prints the task of ex and the idiom it ports in the learner's
// language, and records ex as the current exercise.
func (s *session) task(ex *course.Exercise) {
	s.g.report(learner.OpenedEvents(ex.ID)...)
	fmt.Fprintf(s.io.Out, "\n%s — %s\nFiles: %s%c\n\n%s\n", ex.ID, ex.Title, s.ws.ExerciseDir(ex), os.PathSeparator,
		s.course.LinksAsIDs("exercises/"+ex.Dir+"/README.md", ex.Task))
	st, err := s.store.Load()
	if err != nil {
		fmt.Fprintf(s.io.ErrOut, "accent: %v\n", err)
	}
	var lang string
	if st != nil {
		lang = st.Language
	}
	for _, src := range ex.From {
		if string(src.Language) == lang {
			fmt.Fprintf(s.io.Out, "The %s you know (from/%s):\n\n%s\n", src.Language.Title(), src.Name, src.Code)
		}
	}
	for _, src := range ex.From {
		if string(src.Language) != lang {
			fmt.Fprintf(s.io.Out, "The %s you know: %s\n", src.Language.Title(), "from/"+src.Name)
		}
	}
	if err := s.store.Update(func(st *progress.State) error { learner.RecordOpen(st, ex); return nil }); err != nil {
		fmt.Fprintf(s.io.ErrOut, "accent: %v\n", err)
	}
}

func (s *session) step(ex *course.Exercise, d int) *course.Exercise {
	if r := s.g.room(); r.Active() && d > 0 {
		// In a workshop, next follows the session.
		if next := learner.Next(s.course, r, ex.ID); next != nil {
			return next
		}
		fmt.Fprintln(s.io.Out, "The facilitator has not opened the next exercise of the session yet.")
		return ex
	}
	for i, e := range s.course.Exercises {
		if e.ID == ex.ID {
			j := (i + d + len(s.course.Exercises)) % len(s.course.Exercises)
			return s.course.Exercises[j]
		}
	}
	return ex
}
