package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

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
	From      bool     // also run every from/ program
	RulesOnly bool     // check the structure and the rules, grade nothing
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
		Short: "Prove the course: ids, links, the course rules, every stub fails, every solution passes, every wrong variant is caught",
		Long: `Prove the course: ids, links, every stub fails, every solution passes, every
wrong variant is caught by the finding it names. And the course rules:

  - every Go block of a lesson or README compiles and passes accentvet,
    unless it is marked ` + "```go wrong" + ` (a wrong example) or ` + "```go fragment" + `
    (statements, which must parse);
  - no hint tier but the last contains a line of the solution, and no
    lesson prints the solution of an exercise it leads to;
  - an exercise whose solution or tests start goroutines runs with
    race: true, or says why not in norace:;
  - every exercise has at least three wrong variants, one of them a cheat,
    and a requirements: map;
  - with --from, every from/ program runs with its language's own tool and
    exits 0.

With arguments, the structure is still checked for the whole course but only
the named exercises (ids or unique slugs) and topics are graded, and the
rules apply to them and to the lessons of the named topics.`,
		Example: "  accent dev check\n  accent dev check --from\n  accent dev check channels\n  accent dev check goroutines/fetch-all once-only",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Only = args
			return runDevCheck(cmd.Context(), opts)
		},
	}
	check.Flags().StringVar(&opts.CourseDir, "course", "", "check the course in this directory (containing lessons/ and exercises/) instead of the built-in one")
	check.Flags().IntVarP(&opts.Jobs, "jobs", "j", max(1, runtime.NumCPU()), "grade this many variants at once")
	check.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "print every case, not only problems")
	check.Flags().BoolVar(&opts.From, "from", false, "also run every from/ program (node, python3, java), 2 at a time")
	check.Flags().BoolVar(&opts.RulesOnly, "rules-only", false, "check the structure and the course rules, but grade no exercise")
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
	lessons := c.Lessons
	if len(opts.Only) > 0 {
		exs, err := selectExercises(c, opts.Only)
		if err != nil {
			return err
		}
		graded = &course.Course{Exercises: exs}
		lessons = selectLessons(c, opts.Only, exs)
	}
	ruleProblems, err := checkRules(ctx, opts, c, graded.Exercises, lessons)
	if err != nil {
		return err
	}
	if opts.RulesOnly {
		graded = &course.Course{}
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
	bad += len(linkProblems) + ruleProblems
	if bad > 0 {
		if len(results) == 0 {
			return &ExitError{Code: ExitFail, Err: fmt.Errorf("course check: %d problem(s)", bad)}
		}
		return &ExitError{Code: ExitFail, Err: fmt.Errorf("course check: %d problem(s) in %d cases", bad, len(results))}
	}
	fmt.Fprintf(out, "course check: all %d cases hold, and the course rules\n", len(results))
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

// selectLessons returns the lessons the course rules look at when only
// some exercises and topics are named: the lessons of the named topics and
// those that lead to the named exercises.
func selectLessons(c *course.Course, args []string, exs []*course.Exercise) []*course.Lesson {
	var out []*course.Lesson
	for _, l := range c.Lessons {
		named := slices.Contains(args, l.Topic) || slices.ContainsFunc(exs, func(ex *course.Exercise) bool {
			return ex.Lesson == l.ID
		})
		if named {
			out = append(out, l)
		}
	}
	return out
}

// checkRules checks the course rules (course.Rules, the Go blocks and,
// with --from, the from/ programs) on the exercises and lessons, prints
// every problem and what was checked, and returns the number of problems.
func checkRules(ctx context.Context, opts *DevCheckOptions, c *course.Course, exs []*course.Exercise, lessons []*course.Lesson) (int, error) {
	out := opts.IO.Out
	rules := course.Rules(c, exs, lessons)
	var blocks []course.CodeBlock
	for _, l := range lessons {
		blocks = append(blocks, course.CodeBlocks(l.Path, l.Body, l.BodyLine)...)
	}
	for _, ex := range exs {
		blocks = append(blocks, course.CodeBlocks("exercises/"+ex.Dir+"/README.md", ex.Task, ex.TaskLine)...)
	}
	code, err := opts.Grader.CheckGoBlocks(ctx, blocks)
	if err != nil {
		return 0, err
	}
	problems := append(rules.Problems, code.Problems...)
	slices.SortStableFunc(problems, func(a, b course.Problem) int { return strings.Compare(a.File, b.File) })
	for _, p := range problems {
		fmt.Fprintf(out, "FAIL %s\n", p)
	}
	fmt.Fprintf(out, "rules: %d exercises (wrong variants, cheat, requirements, race); %d hint tiers scanned for solution lines; %d lessons (%d code blocks) scanned for the solutions they lead to\n",
		rules.Exercises, rules.HintsScanned, rules.LessonsScanned, rules.LessonBlocks)
	fmt.Fprintf(out, "go blocks: %d in lessons and READMEs: %d compiled and vetted, %d neither a file nor declarations, %d marked fragment (parsed), %d marked wrong (skipped)\n",
		code.Compiled+code.Unparsed+code.Fragments+code.Wrong, code.Compiled, code.Unparsed, code.Fragments, code.Wrong)
	if !opts.From {
		fmt.Fprintln(out, "from/ programs: not run (--from runs them)")
		return len(problems), nil
	}
	bad, ran, skipped := 0, 0, 0
	results := grade.RunFrom(ctx, exs, 2, 0, func(r grade.FromResult) {
		switch {
		case r.Skipped != "":
			fmt.Fprintf(out, "skip %s: %s\n", r.Where(), r.Skipped)
		case r.Problem != "":
			fmt.Fprintf(out, "FAIL %s: %s: %s\n", r.Where(), r.Command, r.Problem)
		case opts.Verbose:
			fmt.Fprintf(out, "ok   %s (%s, %.1fs)\n", r.Where(), r.Command, r.Elapsed.Seconds())
		}
	})
	for _, r := range results {
		switch {
		case r.Skipped != "":
			skipped++
		case r.Problem != "":
			bad++
			ran++
		default:
			ran++
		}
	}
	fmt.Fprintf(out, "from/ programs: %d run (%d failed), %d skipped\n", ran, bad, skipped)
	return len(problems) + bad, ctx.Err()
}
