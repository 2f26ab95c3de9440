package grade

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// event is one line of `go test -json` (cmd/test2json's TestEvent).
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	FailedBuild string // the package whose build failed, on a package's fail
}

// testResult is what happened to one test.
type testResult struct {
	Name   string
	Action string   // pass, fail, skip; "" if it never finished
	Output []string // its output lines, capped
}

// testRun is what the test stage saw.
type testRun struct {
	tests       map[string]*testResult
	order       []string // test names in the order they started
	pkgOutput   []string // output not attributed to a test (panics, leak report, build errors)
	pkgAction   string   // pass or fail, for the package as a whole
	started     bool     // the test binary started
	complete    bool     // a result line sealed with the grade's key was seen
	timedOut    bool     // killed at the exercise's limit
	buildLimit  bool     // killed while still building
	overflowed  bool     // killed for printing too much
	stderr      string
	limit       time.Duration
	overlayDir  string // where the pristine tests were laid: errors name them there
	err         error  // grading itself failed
	outputBytes int64
	key         []byte   // the grade's key: only lines sealed with it are trusted
	want        []string // the exercise's top-level tests
	sealedCode  int      // the exit code in the sealed result line
	forged      []string // result lines that were not sealed with the key
	missing     []string // tests the sealed run says did not pass
	limitReport []string // the test binary's own report of its resource limit
	inLimit     bool     // reading that report
	memoryKill  string   // the supervisor killed the run for memory: "<bytes> <command>"
	failedBuild string   // the package whose build failed, if one did
}

const (
	maxLinesPerTest = 400
	maxLineBytes    = 64 << 10
)

// supervision is what the process supervisor enforces on a run.
type supervision struct {
	memoryLimit int64 // resident bytes any process of the run may hold; 0: no limit
}

func (g *Grader) test(ctx context.Context, ex *course.Exercise, dir string, sc *scratch, ov *overlay, key []byte) *testRun {
	limit := ex.Timeout
	if limit == 0 {
		limit = course.DefaultTimeout
	}
	run := &testRun{tests: map[string]*testResult{}, limit: limit, overlayDir: ov.dir, key: key, want: ov.tests}
	args := []string{"test", "-json", "-count=1", "-overlay=" + ov.file, "-timeout=" + limit.String(), "-vet=off",
		// No symbol table in the test binary: one step further from code
		// that looks for the grading key in its own memory.
		"-ldflags=-s -w"}
	if ex.Race {
		args = append(args, "-race")
	}
	args = append(args, ".")
	env := append(runEnv(dir, sc.path("tmp"), ex.Race), keyEnv+"="+sc.path("key"))
	cmd := exec.Command(g.goCmd(), args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = 2 * time.Second
	outputLimit := g.OutputLimit
	if outputLimit == 0 {
		outputLimit = 4 << 20
	}
	started := make(chan struct{})
	overflow := make(chan struct{})
	stream := &streamWriter{run: run, limit: outputLimit, started: started, overflow: overflow}
	cmd.Stdout = stream
	var stderr cappedBuffer
	stderr.limit = 64 << 10
	cmd.Stderr = &stderr
	direct := cmd
	cmd = supervise(cmd, supervision{memoryLimit: 2 * g.memoryLimit(ex)})
	err := cmd.Start()
	if err != nil && cmd != direct {
		// The supervisor could not start (no /proc/self/exe to run, a
		// noexec mount): grade without it rather than not at all.
		cmd = direct
		direct.SysProcAttr = processGroup()
		err = cmd.Start()
	}
	if err != nil {
		run.err = fmt.Errorf("running go test (is Go installed and on PATH?): %w", err)
		return run
	}
	waitDone := make(chan error, 1)
	go func() { waitDone <- cmd.Wait() }()

	buildTimeout := g.BuildTimeout
	if buildTimeout == 0 {
		buildTimeout = 3 * time.Minute
	}
	grace := g.Grace
	if grace == 0 {
		grace = 2 * time.Second
	}
	buildTimer := time.NewTimer(buildTimeout)
	defer buildTimer.Stop()
	var runTimer <-chan time.Time
	var waitErr error
	waited := false
loop:
	for {
		select {
		case <-started:
			started = nil
			buildTimer.Stop()
			if g.onStart != nil {
				g.onStart()
			}
			t := time.NewTimer(limit + grace)
			defer t.Stop()
			runTimer = t.C
		case <-runTimer:
			run.timedOut = true
			stop(cmd)
			break loop
		case <-buildTimer.C:
			run.buildLimit = true
			stop(cmd)
			break loop
		case <-overflow:
			run.overflowed = true
			stop(cmd)
			break loop
		case <-ctx.Done():
			stop(cmd)
			break loop
		case waitErr = <-waitDone:
			waited = true
			break loop
		}
	}
	if !waited {
		waitErr = <-waitDone
	}
	// Nothing the run started may outlive it: background children of a
	// run that finished normally go too.
	cleanup(cmd)
	stream.flush()
	if run.buildLimit {
		run.err = fmt.Errorf("compiling the exercise took longer than %s; try again (a cold build cache is slow the first time)", buildTimeout)
	}
	run.stderr = stderr.String()
	run.memoryKill = memoryKilled(run.stderr)
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) && !errors.Is(waitErr, exec.ErrWaitDelay) {
		run.err = fmt.Errorf("go test: %w", waitErr)
	}
	return run
}

// memoryReport starts the Linux supervisor's line when it kills a run for
// memory: "<prefix> <bytes> <command name>".
const memoryReport = "accent-grade-supervisor: memory limit:"

// memoryKilled reads the supervisor's report of a run it killed for memory.
func memoryKilled(stderr string) string {
	i := strings.Index(stderr, memoryReport)
	if i < 0 {
		return ""
	}
	line, _, _ := strings.Cut(stderr[i+len(memoryReport):], "\n")
	return strings.TrimSpace(line)
}

// streamWriter consumes `go test -json` output as the go command writes
// it, keeping a bounded amount of it.
type streamWriter struct {
	run      *testRun
	limit    int64
	started  chan struct{}
	overflow chan struct{}
	partial  []byte // the start of a line not yet ended
}

func (w *streamWriter) Write(p []byte) (int, error) {
	n := len(p)
	if w.run.outputBytes > w.limit {
		return n, nil // stopped: the rest is dropped
	}
	w.run.outputBytes += int64(n)
	if w.run.outputBytes > w.limit {
		close(w.overflow)
		return n, nil
	}
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			if len(w.partial) < maxLineBytes {
				w.partial = append(w.partial, p[:min(len(p), maxLineBytes-len(w.partial))]...)
			}
			break
		}
		line := p[:i+1]
		if len(w.partial) > 0 {
			line = append(w.partial, p[:min(i+1, max(0, maxLineBytes-len(w.partial)))]...)
			w.partial = nil
		} else if len(line) > maxLineBytes {
			line = line[:maxLineBytes]
		}
		w.line(line)
		p = p[i+1:]
	}
	return n, nil
}

func (w *streamWriter) line(line []byte) {
	w.run.handle(line)
	if w.run.started && w.started != nil {
		close(w.started)
		w.started = nil
	}
}

// flush handles a last line the stream did not end.
func (w *streamWriter) flush() {
	if len(w.partial) > 0 && w.run.outputBytes <= w.limit {
		w.line(w.partial)
	}
	w.partial = nil
}

func (run *testRun) handle(line []byte) {
	var e event
	if err := json.Unmarshal(line, &e); err != nil {
		run.pkgOutput = appendCapped(run.pkgOutput, string(line))
		return
	}
	if e.Action == "output" {
		run.accentLine(e.Output)
	}
	switch {
	case e.Action == "start":
		run.started = true
	case e.Action == "build-output":
		run.pkgOutput = appendCapped(run.pkgOutput, e.Output)
	case e.Test == "":
		if e.Action == "pass" || e.Action == "fail" {
			run.pkgAction = e.Action
			run.failedBuild = e.FailedBuild
		}
		if e.Action == "output" {
			run.pkgOutput = appendCapped(run.pkgOutput, e.Output)
		}
	default:
		t := run.tests[e.Test]
		if t == nil {
			t = &testResult{Name: e.Test}
			run.tests[e.Test] = t
			run.order = append(run.order, e.Test)
		}
		switch e.Action {
		case "output":
			t.Output = appendCapped(t.Output, e.Output)
		case "pass", "fail", "skip":
			t.Action = e.Action
		}
	}
}

// accentLine reads the lines accentseal and the leak check print,
// wherever in the stream they appear: a line inside a test's output is
// one the learner's code printed, and one printed before the tests ran
// has no test at all, so position proves nothing. Only a result line
// sealed with the grade's key counts; any other is a forgery, and one
// sealed line is all a run prints.
func (run *testRun) accentLine(out string) {
	switch {
	case strings.HasPrefix(out, completeMark):
		code, ok := sealOK(run.key, strings.TrimPrefix(out, completeMark))
		if !ok || run.complete {
			run.forged = appendCapped(run.forged, strings.TrimSpace(out))
			return
		}
		run.complete, run.sealedCode = true, code
	case strings.HasPrefix(out, missingMark):
		run.missing = strings.Fields(strings.TrimPrefix(out, missingMark))
	case strings.HasPrefix(out, limitBegin):
		run.inLimit = true
		run.limitReport = appendCapped(run.limitReport, out)
	case run.inLimit:
		run.limitReport = appendCapped(run.limitReport, out)
		if strings.HasPrefix(out, limitEnd) {
			run.inLimit = false
		}
	}
}

func appendCapped(lines []string, s string) []string {
	if len(lines) >= maxLinesPerTest {
		return lines
	}
	return append(lines, s)
}

// cappedBuffer keeps the first limit bytes written to it.
type cappedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
