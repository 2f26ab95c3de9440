package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
)

// DevCheckOptions: accent dev check, the course check.
type DevCheckOptions struct {
	*Globals
	CourseDir string // a course on disk (holding lessons/ and exercises/); "" = embedded
	Jobs      int
	Verbose   bool
	Only      []string // exercise ids, slugs or topics to grade; nil = all
}

func newDevCmd(g *Globals) *cobra.Command {
	dev := &cobra.Command{
		Use:   "dev",
		Short: "Commands for course authors",
		Args:  cobra.NoArgs,
	}
	opts := &DevCheckOptions{Globals: g}
	check := &cobra.Command{
		Use:   "check [EXERCISE|TOPIC]...",
		Short: "Prove the course: ids, links, every stub fails, every solution passes, every wrong variant is caught",
		Long: `Prove the course: ids, links, every stub fails, every solution passes, every
wrong variant is caught by the finding it names.

With arguments, the structure is still checked for the whole course but only
the named exercises (ids or unique slugs) and topics are graded.`,
		Example: "  accent dev check\n  accent dev check channels\n  accent dev check goroutines/fetch-all once-only",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Only = args
			return runDevCheck(cmd.Context(), opts)
		},
	}
	check.Flags().StringVar(&opts.CourseDir, "course", "", "check the course in this directory (containing lessons/ and exercises/) instead of the built-in one")
	check.Flags().IntVarP(&opts.Jobs, "jobs", "j", max(1, runtime.NumCPU()), "grade this many variants at once")
	check.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "print every case, not only problems")
	dev.AddCommand(check)
	return dev
}

func runDevCheck(ctx context.Context, opts *DevCheckOptions) error {
	var c *course.Course
	var err error
	if opts.CourseDir != "" {
		c, err = course.Load(os.DirFS(filepath.Join(opts.CourseDir, "lessons")), os.DirFS(filepath.Join(opts.CourseDir, "exercises")))
	} else {
		c, err = opts.Course()
	}
	if err != nil {
		return &ExitError{Code: ExitFail, Err: err}
	}
	out := opts.IO.Out
	linkProblems := course.AnalyzerLessons(c)
	for _, p := range linkProblems {
		fmt.Fprintf(out, "FAIL %s\n", p)
	}
	fmt.Fprintf(out, "course: %d topics, %d lessons, %d exercises: structure checked\n", len(c.Topics), len(c.Lessons), len(c.Exercises))
	graded := c
	if len(opts.Only) > 0 {
		exs, err := selectExercises(c, opts.Only)
		if err != nil {
			return err
		}
		graded = &course.Course{Exercises: exs}
	}
	cases := grade.Cases(graded)
	fmt.Fprintf(out, "grading %d cases (%d at a time)...\n", len(cases), opts.Jobs)
	results, err := opts.Grader.CheckCourse(ctx, graded, opts.Jobs, func(r grade.CaseResult) {
		if r.Problem != "" {
			fmt.Fprintf(out, "FAIL %s %s (want %s): %s\n", r.Exercise.ID, r.Variant, r.Want, r.Problem)
		} else if opts.Verbose {
			fmt.Fprintf(out, "ok   %s %s (%s, %.1fs)\n", r.Exercise.ID, r.Variant, r.Want, r.Verdict.Elapsed.Seconds())
		}
	})
	if err != nil {
		return err
	}
	bad := 0
	for _, r := range results {
		if r.Problem != "" {
			bad++
		}
	}
	bad += len(linkProblems)
	if bad > 0 {
		return &ExitError{Code: ExitFail, Err: fmt.Errorf("course check: %d problem(s) in %d cases", bad, len(results))}
	}
	fmt.Fprintf(out, "course check: all %d cases hold\n", len(results))
	return nil
}

// selectExercises returns the exercises named by args (ids, unique slugs or
// topic ids), in course order.
func selectExercises(c *course.Course, args []string) ([]*course.Exercise, error) {
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
			return nil, &ExitError{Code: ExitUsage, Err: err}
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
