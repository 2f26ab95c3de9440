// Package grade is accent's one grading pipeline: build, analyze, test,
// explain, and a typed Verdict. The workbench, `accent check`, watch mode,
// the course check and workshop reports all grade through it.
package grade

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/finding"
)

// Status is the outcome of grading one exercise.
type Status string

// The statuses.
const (
	Pass  Status = "pass"  // builds, every required check is clean, every test passes, nothing leaks
	Fail  Status = "fail"  // the learner's code has findings
	Error Status = "error" // grading itself could not run (no go command, no workspace...)
)

// Kind is the kind of a finding: the one vocabulary of package finding.
type Kind = finding.Kind

// The finding kinds (see package finding).
const (
	Compile  = finding.Compile
	Analyzer = finding.Analyzer
	Test     = finding.Test
	Leak     = finding.Leak
	Deadlock = finding.Deadlock
	Timeout  = finding.Timeout
	Panic    = finding.Panic
	Race     = finding.Race
	Output   = finding.Output
	Memory   = finding.Memory
	Forged   = finding.Forged
	Internal = finding.Internal
)

// Finding is one thing wrong with a submission.
type Finding struct {
	Kind     Kind   `json:"kind"`
	File     string `json:"file"` // relative to the exercise directory; "" if none
	Line     int    `json:"line"`
	Col      int    `json:"col,omitempty"`
	Message  string `json:"message"`
	Analyzer string `json:"analyzer,omitempty"`
	Test     string `json:"test,omitempty"`
	Lesson   string `json:"lesson,omitempty"` // id of the lesson that explains it
	Detail   string `json:"detail,omitempty"` // the raw output behind it, trimmed
	// Related are the finding's other sites, when it has some: for a leak
	// the go statement and the return that abandons the goroutine, for a
	// lock kept past a return the Lock itself.
	Related []Related `json:"related,omitempty"`
}

// Related is another site of a finding, in the learner's files.
type Related struct {
	File    string `json:"file"` // relative to the exercise directory, as Finding.File
	Line    int    `json:"line"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// Pos is "file:line" (or "file").
func (r Related) Pos() string {
	if r.Line == 0 {
		return r.File
	}
	return fmt.Sprintf("%s:%d", r.File, r.Line)
}

// Label names the finding in the course's words: its kind, narrowed by
// the analyzer or the test for those kinds ("leak", "analyzer:chanleak",
// "test:TestX/case"), as a wrong variant's expect: line names the finding
// that must catch it.
func (f Finding) Label() string { return finding.Label(f.Kind, f.name()) }

// name is what narrows the finding's kind: its analyzer, or its test.
func (f Finding) name() string {
	switch f.Kind {
	case Analyzer:
		return f.Analyzer
	case Test:
		return f.Test
	}
	return ""
}

// Pos is "file:line" (or "file", or "").
func (f Finding) Pos() string {
	switch {
	case f.File == "":
		return ""
	case f.Line == 0:
		return f.File
	}
	return fmt.Sprintf("%s:%d", f.File, f.Line)
}

// Verdict is the typed result of grading one exercise.
type Verdict struct {
	Exercise string        `json:"id"`
	Status   Status        `json:"status"`
	Findings []Finding     `json:"findings"`
	Elapsed  time.Duration `json:"-"`
}

// MarshalJSON adds the elapsed time in milliseconds.
func (v Verdict) MarshalJSON() ([]byte, error) {
	type plain Verdict
	findings := v.Findings
	if findings == nil {
		findings = []Finding{}
	}
	p := plain(v)
	p.Findings = findings
	return json.Marshal(struct {
		plain
		ElapsedMS int64 `json:"elapsed_ms"`
	}{p, v.Elapsed.Milliseconds()})
}

// Has reports whether the verdict has a finding of kind k whose analyzer or
// test name is detail (any, if detail is "").
func (v Verdict) Has(k Kind, detail string) bool {
	for _, f := range v.Findings {
		if f.Kind == k && (detail == "" || f.Analyzer == detail || f.Test == detail) {
			return true
		}
	}
	return false
}

// Grader grades exercises. The zero value is ready to use.
type Grader struct {
	GoCmd        string        // the go command; default "go"
	OutputLimit  int64         // bytes of test output before the run is stopped; default 4 MiB
	BuildTimeout time.Duration // limit on compiling, before the exercise's clock starts; default 3m
	// Grace is how long past the exercise's timeout accent waits for the
	// test binary's own timeout dump before it kills the process group.
	Grace time.Duration // default 2s
	// MemoryLimit is how much memory the test binary may hold. Past it,
	// the test binary stops itself and reports its goroutines; past twice
	// as much resident memory (Linux), accent kills the run.
	MemoryLimit int64 // default DefaultMemoryLimit
	// TempDir is where grades make their private temporary directories;
	// default os.TempDir().
	TempDir string

	onStart func() // called when the test binary starts (for tests)
}

// DefaultMemoryLimit is the memory a test binary may hold by default:
// far more than any exercise needs, far less than a machine has.
const DefaultMemoryLimit = 1 << 30

func (g *Grader) memoryLimit(*course.Exercise) int64 {
	if g.MemoryLimit > 0 {
		return g.MemoryLimit
	}
	return DefaultMemoryLimit
}

func (g *Grader) goCmd() string {
	if g.GoCmd != "" {
		return g.GoCmd
	}
	return "go"
}

// Grade grades the learner's files in dir (a directory inside a Go module,
// such as the exercise's directory in a workspace) against the exercise's
// pristine tests and required checks.
func (g *Grader) Grade(ctx context.Context, ex *course.Exercise, dir string) Verdict {
	start := time.Now()
	v := g.grade(ctx, ex, dir)
	v.Exercise = ex.ID
	v.Elapsed = time.Since(start)
	return v
}

func (g *Grader) grade(ctx context.Context, ex *course.Exercise, dir string) Verdict {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return internalError(fmt.Errorf("exercise directory: %w", err))
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return internalError(fmt.Errorf("exercise directory %s is missing: run `accent init` (or `accent reset %s`) to restore it", dir, ex.ID))
	}
	// One form of the path everywhere: the go command resolves symlinks
	// (it runs without the shell's PWD), so the overlay, PWD and the
	// explainer all use the resolved directory too.
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return internalError(fmt.Errorf("exercise directory: %w", err))
	}
	sc, err := newScratch(g.TempDir)
	if err != nil {
		return internalError(err)
	}
	defer sc.remove()
	ov, err := newOverlay(ex, dir, sc, g.memoryLimit(ex))
	if err != nil {
		return internalError(err)
	}
	key, err := newKey(sc.path("key"))
	if err != nil {
		return internalError(err)
	}
	env := runEnv(dir, sc.path("tmp"), ex.Race)

	// Stages 2 and 3 run concurrently; the verdict is assembled from both
	// afterwards in a fixed order, so it does not depend on timing.
	var (
		wg       sync.WaitGroup
		analysis analysisResult
		run      *testRun
	)
	wg.Go(func() { analysis = g.analyze(ctx, ex, dir, env) })
	wg.Go(func() { run = g.test(ctx, ex, dir, sc, ov, key) })
	wg.Wait()

	if ctx.Err() != nil {
		return internalError(fmt.Errorf("grading canceled: %w", context.Cause(ctx)))
	}
	if analysis.err != nil {
		return internalError(analysis.err)
	}
	if len(analysis.compile) > 0 {
		return verdict(collapse(analysis.compile))
	}
	if run.err != nil {
		return internalError(run.err)
	}
	explained, machine := explain(ex, dir, run)
	if machine != nil {
		return internalError(machine)
	}
	findings := append([]Finding(nil), analysis.findings...)
	findings = append(findings, collapse(explained)...)
	for i := range findings {
		if findings[i].Lesson == "" && findings[i].Kind != Analyzer {
			findings[i].Lesson = ex.Lesson
		}
	}
	return verdict(findings)
}

// collapse merges findings of one kind with the same message (the same
// missing name used in five places) into the first, which counts the rest.
func collapse(findings []Finding) []Finding {
	type key struct {
		kind     Kind
		file     string
		msg      string
		analyzer string
	}
	index := map[key]int{}
	more := map[int]int{}
	var out []Finding
	for _, f := range findings {
		k := key{f.Kind, f.File, f.Message, f.Analyzer}
		if i, ok := index[k]; ok && f.Kind != Test {
			more[i]++
			continue
		}
		index[k] = len(out)
		out = append(out, f)
	}
	for i, n := range more {
		out[i].Message += fmt.Sprintf(" (and %d more place(s) in %s)", n, out[i].File)
	}
	return out
}

func verdict(findings []Finding) Verdict {
	sort.SliceStable(findings, func(i, j int) bool {
		return kindRank(findings[i].Kind) < kindRank(findings[j].Kind)
	})
	if len(findings) == 0 {
		return Verdict{Status: Pass, Findings: []Finding{}}
	}
	return Verdict{Status: Fail, Findings: findings}
}

// kindRank orders findings: the most fundamental first.
func kindRank(k Kind) int {
	order := []Kind{Internal, Forged, Compile, Memory, Panic, Race, Deadlock, Timeout, Leak, Analyzer, Test, Output}
	for i, o := range order {
		if o == k {
			return i
		}
	}
	return len(order)
}

func internalError(err error) Verdict {
	return Verdict{Status: Error, Findings: []Finding{{Kind: Internal, Message: err.Error()}}}
}

// relPath makes an absolute file path relative to the exercise directory;
// ok is false for files outside it.
func relPath(dir, file string) (string, bool) {
	rel, err := filepath.Rel(dir, file)
	if err != nil || strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
		return file, false
	}
	return filepath.ToSlash(rel), true
}
