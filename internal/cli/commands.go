package cli

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/render"
	"github.com/accent-go/accent/internal/tui"
	"github.com/accent-go/accent/internal/workspace"
)

// InitOptions: accent init.
type InitOptions struct{ *Globals }

func newInitCmd(g *Globals) *cobra.Command {
	opts := &InitOptions{Globals: g}
	return &cobra.Command{
		Use:   "init",
		Short: "Create the workspace, or add what is missing to it (never overwrites your edits)",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runInit(opts) },
	}
}

func runInit(opts *InitOptions) error {
	c, err := opts.Course()
	if err != nil {
		return err
	}
	dir, err := opts.workspaceDir()
	if err != nil {
		return err
	}
	ws, res, err := workspace.Init(dir, c)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	if res.Created {
		fmt.Fprintf(out, "Created your accent workspace at %s (%d files)\n", ws.Dir, len(res.Written))
	} else {
		fmt.Fprintf(out, "Workspace %s: %d new file(s), %d refreshed, %d edited by you and kept\n",
			ws.Dir, len(res.Written), len(res.Updated), len(res.Kept))
	}
	for _, k := range res.Kept {
		fmt.Fprintf(out, "  kept your version of %s (accent reset restores the course's)\n", k)
	}
	fmt.Fprintln(out, "Next: run `accent` to start, or `accent list` to see the course.")
	return nil
}

// ListOptions: accent list.
type ListOptions struct {
	*Globals
	JSON bool
}

func newListCmd(g *Globals) *cobra.Command {
	opts := &ListOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List lessons and exercises with your progress",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runList(opts) },
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON: {\"lessons\": [...], \"exercises\": [...]}")
	return cmd
}

type lessonJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Topic     string   `json:"topic"`
	Order     int      `json:"order"`
	Exercises []string `json:"exercises"`
}

type exerciseJSON struct {
	ID        string   `json:"id"`
	Topic     string   `json:"topic"`
	Title     string   `json:"title"`
	Lesson    string   `json:"lesson"`
	From      []string `json:"from"`
	Checks    []string `json:"checks"`
	Status    string   `json:"status"` // passed | attempted | new
	Attempts  int      `json:"attempts"`
	HintsUsed int      `json:"hints_used"`
	Hints     int      `json:"hints"`
}

func runList(opts *ListOptions) error {
	s, err := opts.open(false)
	if err != nil {
		return err
	}
	st, err := s.store.Load()
	if err != nil {
		return err
	}
	if opts.JSON {
		var out struct {
			Lessons   []lessonJSON   `json:"lessons"`
			Exercises []exerciseJSON `json:"exercises"`
		}
		out.Lessons, out.Exercises = []lessonJSON{}, []exerciseJSON{}
		for _, l := range s.course.Lessons {
			out.Lessons = append(out.Lessons, lessonJSON{l.ID, l.Title, l.Topic, l.Order, nonNil(l.Exercises)})
		}
		for _, ex := range s.course.Exercises {
			p, _ := st.Lookup(ex.ID)
			var from []string
			for _, src := range ex.From {
				from = append(from, string(src.Language))
			}
			out.Exercises = append(out.Exercises, exerciseJSON{
				ID: ex.ID, Topic: ex.Topic, Title: ex.Title, Lesson: ex.Lesson, From: nonNil(from),
				Checks: nonNil(ex.Checks), Status: learner.StatusOf(st, ex.ID).String(), Attempts: p.Attempts,
				HintsUsed: p.HintsUsed, Hints: len(ex.Hints),
			})
		}
		enc := json.NewEncoder(s.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(s.io.Out, 0, 4, 2, ' ', 0)
	for _, t := range s.course.Topics {
		fmt.Fprintf(tw, "%s\t\t\n", t.Title)
		for _, l := range t.Lessons {
			fmt.Fprintf(tw, "  lesson\t%s\t%s\n", l.ID, l.Title)
		}
		for _, ex := range t.Exercises {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", statusMark(learner.StatusOf(st, ex.ID)), ex.ID, ex.Title)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(s.io.Out, "\n%d of %d exercises passed. Workspace: %s\n", learner.PassedCount(st, s.course.Exercises), len(s.course.Exercises), s.ws.Dir)
	return nil
}

// statusMark is how accent list shows a status.
func statusMark(s learner.Status) string {
	switch s {
	case learner.Passed:
		return "✓ passed"
	case learner.Attempted:
		return "✗ trying"
	}
	return "· new"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// CheckOptions: accent check.
type CheckOptions struct {
	*Globals
	IDs  []string
	JSON bool
	// graded, if set, is told about every verdict (tests use it).
	graded func(grade.Verdict)
}

// checkedJSON is one verdict of accent check --json: the verdict, the
// exercise's directory (finding paths are relative to it) and the notes
// about its files (learner.FileNotes).
type checkedJSON struct {
	v     grade.Verdict
	dir   string
	notes []string
}

func (c checkedJSON) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(c.v)
	if err != nil {
		return nil, err
	}
	extra, err := json.Marshal(struct {
		Dir   string   `json:"dir"`
		Notes []string `json:"notes,omitempty"`
	}{c.dir, c.notes})
	if err != nil {
		return nil, err
	}
	// Both are JSON objects: splice extra's fields into b's.
	return append(append(b[:len(b)-1], ','), extra[1:]...), nil
}

func newCheckCmd(g *Globals) *cobra.Command {
	opts := &CheckOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "check [ID...]",
		Short: "Grade exercises (all of them with no ID); exit 0 if all pass, 1 if any fails",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IDs = args
			return runCheck(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print a JSON list of verdicts")
	return cmd
}

func runCheck(ctx context.Context, opts *CheckOptions) error {
	s, err := opts.open(false)
	if err != nil {
		return err
	}
	defer opts.flushWorkshop(ctx)
	exs := s.course.Exercises
	if len(opts.IDs) > 0 {
		exs = nil
		for _, id := range opts.IDs {
			ex, err := s.findExercise(id)
			if err != nil {
				return err
			}
			exs = append(exs, ex)
		}
	}
	// Checking every exercise is not an attempt at each: only those the
	// learner had touched before this check are recorded (and reported).
	record := func(*course.Exercise) bool { return true }
	if len(opts.IDs) == 0 {
		touched, err := s.touched(exs)
		if err != nil {
			return err
		}
		record = func(ex *course.Exercise) bool { return touched[ex.ID] }
	}
	var verdicts []grade.Verdict
	var checked []checkedJSON
	worst := ExitOK
	for _, ex := range exs {
		v, err := s.grade(ctx, ex, record(ex))
		if err != nil && v.Exercise == "" {
			return err
		}
		if ctx.Err() != nil && v.Status == grade.Error {
			break // stopped (Ctrl-C) while grading ex: not a verdict
		}
		if opts.graded != nil {
			opts.graded(v)
		}
		if err != nil {
			// The grade ran: show it (the exit code is the verdict's); say
			// the progress is not saved and why.
			fmt.Fprintf(s.io.ErrOut, "accent: %s was graded but your progress was not saved: %v\n", ex.ID, err)
		}
		verdicts = append(verdicts, v)
		switch {
		case v.Status == grade.Error:
			worst = ExitUsage
		case v.Status == grade.Fail && worst == ExitOK:
			worst = ExitFail
		}
		if opts.JSON {
			checked = append(checked, checkedJSON{v: v, dir: s.ws.ExerciseDir(ex), notes: s.fileNotes(ex, v)})
		} else {
			s.printVerdict(ex, v)
		}
		if ctx.Err() != nil {
			break
		}
	}
	stopped := len(verdicts) < len(exs)
	if opts.JSON {
		enc := json.NewEncoder(s.io.Out)
		enc.SetIndent("", "  ")
		if checked == nil {
			checked = []checkedJSON{}
		}
		if err := enc.Encode(checked); err != nil {
			return err
		}
	} else if len(exs) > 1 || stopped {
		passed := 0
		for _, v := range verdicts {
			if v.Status == grade.Pass {
				passed++
			}
		}
		if stopped {
			fmt.Fprintf(s.io.Out, "\nStopped after %d of %d exercises: %d passed\n", len(verdicts), len(exs), passed)
		} else {
			fmt.Fprintf(s.io.Out, "\n%d of %d passed\n", passed, len(verdicts))
		}
	}
	if stopped {
		fmt.Fprintf(s.io.ErrOut, "accent: stopped after %d of %d exercises\n", len(verdicts), len(exs))
		return &ExitError{Code: ExitInterrupted}
	}
	if worst != ExitOK {
		return &ExitError{Code: worst}
	}
	return nil
}

// gradeAndRecord grades an exercise in the workspace and records the
// attempt in the learner's progress (learner.RecordAttemptIn: in a
// workshop, the current exercise follows the session), then tells a joined
// workshop. When the grade ran but the progress could not be saved, it
// returns the verdict and the error: the caller shows both.
func (s *session) gradeAndRecord(ctx context.Context, ex *course.Exercise) (grade.Verdict, error) {
	return s.grade(ctx, ex, true)
}

// touched is the set of exs the learner has touched (learner.Touched), as
// the progress and the workspace stand now.
func (s *session) touched(exs []*course.Exercise) (map[string]bool, error) {
	st, err := s.store.Load()
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, ex := range exs {
		files, _ := s.ws.SourceFiles(ex) // unreadable (nil) counts as changed
		out[ex.ID] = learner.Touched(st, ex, files)
	}
	return out, nil
}

// grade grades ex; with record, it records the attempt and tells a
// joined workshop (gradeAndRecord); without, it only grades.
func (s *session) grade(ctx context.Context, ex *course.Exercise, record bool) (grade.Verdict, error) {
	v := s.grader.Grade(ctx, ex, s.ws.ExerciseDir(ex))
	if !record || v.Status == grade.Error {
		return v, nil // grading could not run (or was canceled): not an attempt
	}
	files, err := s.ws.SourceFiles(ex)
	if err != nil && v.Status == grade.Pass {
		return v, err
	}
	var firstPass bool
	room := s.g.room() // asked before the progress is locked: it may ask the workshop
	err = s.store.Update(func(st *progress.State) error {
		firstPass = learner.RecordAttemptIn(s.course, st, room, ex, v, files, s.now())
		return nil
	})
	if err == nil {
		s.g.report(learner.GradeEvents(ex.ID, v, firstPass)...)
	}
	return v, err
}

// current is the exercise the learner is on.
func (s *session) current(st *progress.State) *course.Exercise {
	return learner.ContinueIn(s.course, st, s.g.room())
}

// HintOptions: accent hint.
type HintOptions struct {
	*Globals
	ID string
}

func newHintCmd(g *Globals) *cobra.Command {
	opts := &HintOptions{Globals: g}
	return &cobra.Command{
		Use:   "hint [ID]",
		Short: "Show the next hint for an exercise (one tier more each time; with no ID, the exercise of the current directory, else the current one)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = ""
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return runHint(opts)
		},
	}
}

// openExercise opens the session and finds an exercise by id or slug.
func (g *Globals) openExercise(id string) (*session, *course.Exercise, error) {
	s, err := g.open(false)
	if err != nil {
		return nil, nil, err
	}
	ex, err := s.findExercise(id)
	if err != nil {
		return nil, nil, err
	}
	return s, ex, nil
}

// openHere opens the session and the exercise of the current directory,
// else the learner's current exercise (as watch does).
func (g *Globals) openHere() (*session, *course.Exercise, error) {
	s, err := g.open(false)
	if err != nil {
		return nil, nil, err
	}
	if ex := s.exerciseHere(); ex != nil {
		return s, ex, nil
	}
	st, err := s.store.Load()
	if err != nil {
		return nil, nil, err
	}
	ex := s.current(st)
	if ex == nil {
		return nil, nil, usageError("the course has no exercises")
	}
	return s, ex, nil
}

func exactlyOneID(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError("give one exercise id (accent list shows them)")
	}
	return nil
}

func runHint(opts *HintOptions) error {
	var (
		s   *session
		ex  *course.Exercise
		err error
	)
	if opts.ID != "" {
		s, ex, err = opts.openExercise(opts.ID)
	} else {
		s, ex, err = opts.openHere()
	}
	if err != nil {
		return err
	}
	defer opts.flushWorkshop(context.Background())
	var shown int
	err = s.store.Update(func(st *progress.State) error {
		shown = learner.RecordHint(st, ex)
		return nil
	})
	if err != nil {
		return err
	}
	s.g.report(learner.HintEvents(ex.ID, shown)...)
	if opts.ID == "" {
		fmt.Fprintf(s.io.Out, "%s (%s)\n", ex.ID, s.ws.ExerciseDir(ex))
	}
	for i := 0; i < shown; i++ {
		fmt.Fprintf(s.io.Out, "Hint %d of %d: %s\n", i+1, len(ex.Hints), ex.Hints[i])
	}
	if shown == len(ex.Hints) {
		fmt.Fprintf(s.io.Out, "That was the last hint. The lesson %s explains the idea: accent lesson %s\n", ex.Lesson, ex.Lesson)
	}
	return nil
}

// ResetOptions: accent reset.
type ResetOptions struct {
	*Globals
	ID  string
	Yes bool
}

func newResetCmd(g *Globals) *cobra.Command {
	opts := &ResetOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "reset ID",
		Short: "Restore an exercise to its starting code (your version is backed up first)",
		Args:  exactlyOneID,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runReset(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask for confirmation")
	return cmd
}

func runReset(opts *ResetOptions) error {
	s, ex, err := opts.openExercise(opts.ID)
	if err != nil {
		return err
	}
	if !opts.Yes {
		if !s.io.InTTY {
			return usageError("reset replaces your files in %s: pass --yes to confirm when not at a terminal", s.ws.ExerciseDir(ex))
		}
		fmt.Fprintf(s.io.Out, "Reset %s to its starting code? Your current files are backed up first. [y/N] ", ex.ID)
		answer, err := bufio.NewReader(s.io.In).ReadString('\n')
		if err != nil && answer == "" {
			return usageError("no answer: nothing was reset")
		}
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(s.io.Out, "Nothing was reset.")
			return nil
		}
	}
	backup, err := s.ws.Reset(ex, s.now())
	if err != nil {
		return err
	}
	fmt.Fprintf(s.io.Out, "Reset %s.\n", ex.ID)
	if backup != "" {
		fmt.Fprintf(s.io.Out, "Your previous files are in %s\n", backup)
	}
	return nil
}

// SolutionOptions: accent solution.
type SolutionOptions struct {
	*Globals
	ID string
}

func newSolutionCmd(g *Globals) *cobra.Command {
	opts := &SolutionOptions{Globals: g}
	return &cobra.Command{
		Use:   "solution ID",
		Short: "Show the reference solution of an exercise you have passed",
		Args:  exactlyOneID,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runSolution(opts)
		},
	}
}

func runSolution(opts *SolutionOptions) error {
	s, ex, err := opts.openExercise(opts.ID)
	if err != nil {
		return err
	}
	st, err := s.store.Load()
	if err != nil {
		return err
	}
	if p, ok := st.Lookup(ex.ID); !ok || !p.Passed() {
		return &ExitError{Code: ExitFail, Err: fmt.Errorf(
			"the solution of %s unlocks once your code passes: accent check %s (stuck? accent hint %s)", ex.ID, ex.ID, ex.ID)}
	}
	names := make([]string, 0, len(ex.Solution))
	for n := range ex.Solution {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(s.io.Out, "// ==> %s (reference solution of %s)\n%s\n", n, ex.ID, ex.Solution[n])
	}
	return nil
}

// LessonOptions: accent lesson.
type LessonOptions struct {
	*Globals
	ID    string
	Width int
}

func newLessonCmd(g *Globals) *cobra.Command {
	opts := &LessonOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "lesson ID",
		Short: "Print a lesson, rendered for the terminal",
		Args:  exactlyOneID,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runLesson(opts)
		},
	}
	cmd.Flags().IntVar(&opts.Width, "width", 0, "wrap at this many columns (default the terminal's width; 80 when piped)")
	return cmd
}

func runLesson(opts *LessonOptions) error {
	c, err := opts.Course()
	if err != nil {
		return err
	}
	l, err := c.FindLesson(opts.ID)
	if err != nil {
		return usageError("%v", err)
	}
	style := render.Plain
	if opts.IO.OutTTY && !opts.Env.NoColor {
		style = render.Dark
		if opts.Env.Theme == "light" {
			style = render.Light
		}
	}
	width := cmp.Or(opts.Width, opts.IO.Width, 80)
	out, err := tui.LessonText(c, l, opts.language(), width, style)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(opts.IO.Out, out)
	return err
}

// language is the learner's language as their progress says, when there
// is a workspace; Node.js (the first) otherwise.
func (g *Globals) language() course.Language {
	s, err := g.open(false)
	if err != nil {
		return learner.Language(nil)
	}
	st, err := s.store.Load()
	if err != nil {
		return learner.Language(nil)
	}
	return learner.Language(st)
}
