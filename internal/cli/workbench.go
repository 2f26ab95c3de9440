package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/progress"
)

// WorkbenchOptions: accent with no command.
type WorkbenchOptions struct {
	*Globals
}

// runWorkbench is the line-based workbench. It creates the workspace on
// first run. When stdin or stdout is not a terminal it prints where the
// learner is and returns: it never waits for input nobody can type.
func runWorkbench(ctx context.Context, opts *WorkbenchOptions) error {
	s, err := opts.open(true)
	if err != nil {
		return err
	}
	st, err := s.store.Load()
	if err != nil {
		return err
	}
	ex := s.current(st)
	s.summary(st, ex)
	if !s.io.InTTY || !s.io.OutTTY {
		fmt.Fprintln(s.io.Out, "\n(not a terminal: nothing to ask. accent check, accent watch and accent list work in scripts.)")
		return nil
	}
	in := bufio.NewScanner(s.io.In)
	for {
		fmt.Fprintf(s.io.Out, "\n[%s] c check  w watch  h hint  t task  l lesson  n/p next/prev  s solution  q quit\n> ", ex.ID)
		if !in.Scan() {
			fmt.Fprintln(s.io.Out)
			return in.Err()
		}
		switch strings.TrimSpace(strings.ToLower(in.Text())) {
		case "c", "check", "":
			v, err := s.gradeAndRecord(ctx, ex)
			if err != nil {
				return err
			}
			printVerdict(s.io.Out, s.course, v)
			if v.Status == grade.Pass {
				fmt.Fprintln(s.io.Out, "Passed! Type n for the next exercise.")
			}
		case "w", "watch":
			if err := runWatch(ctx, &WatchOptions{Globals: opts.Globals, ID: ex.ID, Debounce: defaultDebounce}); err != nil {
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
			s.task(ex)
		case "p", "prev", "previous":
			ex = s.step(ex, -1)
			s.task(ex)
		case "s", "solution":
			if err := runSolution(&SolutionOptions{Globals: opts.Globals, ID: ex.ID}); err != nil {
				fmt.Fprintln(s.io.Out, err)
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

const defaultDebounce = 150 * time.Millisecond

func (s *session) summary(st *progress.State, ex *course.Exercise) {
	done := 0
	for _, e := range s.course.Exercises {
		if p, ok := st.Lookup(e.ID); ok && p.Passed() {
			done++
		}
	}
	fmt.Fprintf(s.io.Out, "accent — %d of %d exercises passed. Workspace: %s\n", done, len(s.course.Exercises), s.ws.Dir)
	fmt.Fprintf(s.io.Out, "Current exercise: %s — %s\n", ex.ID, ex.Title)
	fmt.Fprintf(s.io.Out, "Edit %s and run `accent check %s` (or `accent watch`).\n", s.ws.ExerciseDir(ex), ex.ID)
}

func (s *session) task(ex *course.Exercise) {
	fmt.Fprintf(s.io.Out, "\n%s — %s\nFiles: %s%c\n\n%s\n", ex.ID, ex.Title, s.ws.ExerciseDir(ex), os.PathSeparator,
		s.course.LinksAsIDs("exercises/"+ex.Dir+"/README.md", ex.Task))
	for _, src := range ex.From {
		fmt.Fprintf(s.io.Out, "The %s you know: %s\n", src.Language.Title(), "from/"+src.Name)
	}
	if err := s.store.Update(func(st *progress.State) error { st.Current = ex.ID; return nil }); err != nil {
		fmt.Fprintf(s.io.ErrOut, "accent: %v\n", err)
	}
}

func (s *session) step(ex *course.Exercise, d int) *course.Exercise {
	for i, e := range s.course.Exercises {
		if e.ID == ex.ID {
			j := (i + d + len(s.course.Exercises)) % len(s.course.Exercises)
			return s.course.Exercises[j]
		}
	}
	return ex
}
