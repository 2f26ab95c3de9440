package grade

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/accent-go/accent/internal/course"
)

// Case is one thing the course check proves about an exercise: its
// starting code fails, its solution passes, or a known-wrong variant fails
// with the finding it names.
type Case struct {
	Exercise *course.Exercise
	Variant  string // "starter", "solution" or "wrong/<name>"
	Want     string // "fail", "pass" or the expected finding, e.g. "leak"
	files    map[string][]byte
	expect   *course.Expect
}

// CaseResult is the outcome of one Case.
type CaseResult struct {
	Case
	Verdict Verdict
	Problem string // "" when the case holds
}

// Cases lists every case of a course, in course order.
func Cases(c *course.Course) []Case {
	var cases []Case
	for _, ex := range c.Exercises {
		cases = append(cases,
			Case{Exercise: ex, Variant: "starter", Want: "fail", files: ex.Starter},
			Case{Exercise: ex, Variant: "solution", Want: "pass", files: ex.Solution})
		for _, w := range ex.Wrong {
			exp := w.Expect
			cases = append(cases, Case{Exercise: ex, Variant: "wrong/" + w.Name, Want: exp.String(), files: w.SourceFiles(ex), expect: &exp})
		}
	}
	return cases
}

// CheckCourse grades every case of the course, jobs at a time, in a
// scratch module, and reports each result to done as it completes.
func (g *Grader) CheckCourse(ctx context.Context, c *course.Course, jobs int, done func(CaseResult)) ([]CaseResult, error) {
	root, err := os.MkdirTemp("", "accent-coursecheck-")
	if err != nil {
		return nil, fmt.Errorf("creating a scratch module: %w", err)
	}
	defer func() {
		if err := os.RemoveAll(root); err != nil {
			fmt.Fprintf(os.Stderr, "accent: removing %s: %v\n", root, err)
		}
	}()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module accentcoursecheck\n\ngo 1.26\n"), 0o644); err != nil {
		return nil, fmt.Errorf("creating a scratch module: %w", err)
	}
	cases := Cases(c)
	results := make([]CaseResult, len(cases))
	sem := make(chan struct{}, max(jobs, 1))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, cs := range cases {
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i] = CaseResult{Case: cs, Problem: "canceled"}
				return
			}
			defer func() { <-sem }()
			r := g.checkCase(ctx, root, i, cs)
			results[i] = r
			if done != nil {
				mu.Lock()
				done(r)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return results, ctx.Err()
}

func (g *Grader) checkCase(ctx context.Context, root string, i int, cs Case) CaseResult {
	dir := filepath.Join(root, fmt.Sprintf("c%03d", i), cs.Exercise.Package)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return CaseResult{Case: cs, Problem: err.Error()}
	}
	for name, b := range cs.files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return CaseResult{Case: cs, Problem: err.Error()}
		}
	}
	v := g.Grade(ctx, cs.Exercise, dir)
	return CaseResult{Case: cs, Verdict: v, Problem: judge(cs, v)}
}

// judge says what is wrong with a case's verdict, or "".
func judge(cs Case, v Verdict) string {
	if v.Status == Error {
		return "grading failed: " + summary(v)
	}
	switch {
	case cs.Want == "pass" && v.Status != Pass:
		return "the solution does not pass: " + summary(v)
	case cs.Want == "fail" && v.Status != Fail:
		return "the starting code passes already: it must fail until solved"
	case cs.expect != nil && v.Status == Pass:
		return fmt.Sprintf("the wrong variant passes; want a %s finding", cs.Want)
	case cs.expect != nil && !caught(*cs.expect, v):
		return fmt.Sprintf("want a %s finding, got: %s", cs.Want, summary(v))
	}
	return ""
}

// caught reports whether a finding of v is the one exp expects.
func caught(exp course.Expect, v Verdict) bool {
	for _, f := range v.Findings {
		if exp.Catches(f.Kind, f.name()) {
			return true
		}
	}
	return false
}

func summary(v Verdict) string {
	if len(v.Findings) == 0 {
		return string(v.Status)
	}
	var parts []string
	for i, f := range v.Findings {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(v.Findings)-3))
			break
		}
		label := f.Label()
		if f.Test != "" && f.Kind != Test {
			label += " in " + f.Test // a leak, a panic, a timeout... in this test
		}
		msg := f.Message
		if len(msg) > 160 {
			msg = msg[:160] + "..."
		}
		parts = append(parts, fmt.Sprintf("[%s] %s %s", label, f.Pos(), msg))
	}
	return strings.Join(parts, "; ")
}
