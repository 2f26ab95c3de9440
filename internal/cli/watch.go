package cli

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/watch"
)

// WatchOptions: accent watch.
type WatchOptions struct {
	*Globals
	ID       string
	Debounce time.Duration
	// graded, if set, is told about every verdict (tests use it).
	graded func(grade.Verdict)
	// stopKey is how the learner stops it, as the "Watching" line says
	// ("" for Ctrl-C; the plain workbench stops it with Enter).
	stopKey string
}

func newWatchCmd(g *Globals) *cobra.Command {
	opts := &WatchOptions{Globals: g, Debounce: 150 * time.Millisecond}
	return &cobra.Command{
		Use:   "watch [ID]",
		Short: "Re-grade an exercise every time you save it (the current one with no ID)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return runWatch(cmd.Context(), opts)
		},
	}
}

// runWatch grades once, then again after every save, until ctx ends (then
// it returns an *ExitError with ExitInterrupted). With no ID it follows
// the learner: after a pass it moves to the next exercise.
func runWatch(ctx context.Context, opts *WatchOptions) error {
	s, err := opts.open(false)
	if err != nil {
		return err
	}
	defer opts.startWorkshop(ctx)()
	var ex *course.Exercise
	if opts.ID != "" {
		if ex, err = s.findExercise(opts.ID); err != nil {
			return err
		}
	} else {
		st, err := s.store.Load()
		if err != nil {
			return err
		}
		ex = s.current(st)
	}
	for {
		// The watcher watches the directory, not the files: editors that
		// save by renaming a temporary file over the original (vim, helix)
		// replace the file a watch on it would follow. On a Windows drive
		// under WSL, or where fsnotify fails, it polls instead.
		dir := s.ws.ExerciseDir(ex)
		w, err := watch.New(dir, opts.watchOptions(opts.Debounce))
		if err != nil {
			return err
		}
		how := ""
		if w.Mode == watch.Polling {
			how = " (polling: " + w.Reason + ")"
		}
		fmt.Fprintf(s.io.Out, "Watching %s%s — save a file to re-grade, %s to stop.\n", dir, how, cmp.Or(opts.stopKey, "Ctrl-C"))
		passed, err := watchOne(ctx, s, opts, w, ex)
		if cerr := w.Close(); cerr != nil && err == nil {
			err = cerr
		}
		if err == nil && ctx.Err() != nil {
			// Stopped: a line of its own (the terminal echoed ^C on the
			// last one), and Ctrl-C's conventional status.
			fmt.Fprintf(s.io.Out, "\nStopped watching %s.\n", ex.ID)
			return &ExitError{Code: ExitInterrupted}
		}
		if err != nil || !passed || opts.ID != "" {
			return err
		}
		st, err := s.store.Load()
		if err != nil {
			return err
		}
		next := learner.NextUnpassedIn(s.course, st, s.g.room(), ex.ID)
		if next == nil && s.g.room().Active() {
			fmt.Fprintln(s.io.Out, "Nothing more is open in the workshop yet: the facilitator opens the next exercise.")
			return nil
		}
		if next == nil {
			fmt.Fprintln(s.io.Out, "Every exercise passes. Well done!")
			return nil
		}
		fmt.Fprintf(s.io.Out, "\nNext: %s — %s\n", next.ID, next.Title)
		ex = next
	}
}

// watchOne grades ex now and on every change, until it passes (when
// following the learner) or ctx ends.
func watchOne(ctx context.Context, s *session, opts *WatchOptions, w *watch.Watcher, ex *course.Exercise) (passed bool, err error) {
	gradeNow := func() bool {
		v, err := s.gradeAndRecord(ctx, ex)
		if ctx.Err() != nil {
			return false
		}
		if err != nil {
			fmt.Fprintf(s.io.ErrOut, "accent: %v\n", err)
		}
		s.printVerdict(ex, v)
		if opts.graded != nil {
			opts.graded(v)
		}
		return v.Status == grade.Pass
	}
	if gradeNow() && opts.ID == "" {
		return true, nil
	}
	for {
		select {
		case <-ctx.Done():
			return false, nil
		case _, ok := <-w.Changes:
			if !ok {
				if err := w.Err(); err != nil {
					return false, fmt.Errorf("watching %s: %w", ex.ID, err)
				}
				return false, nil
			}
			if gradeNow() && opts.ID == "" {
				return true, nil
			}
		}
	}
}
