package grade

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// event is one line of `go test -json` (cmd/test2json's TestEvent).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
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
	complete    bool     // the injected TestMain finished
	timedOut    bool     // killed at the exercise's limit
	buildLimit  bool     // killed while still building
	overflowed  bool     // killed for printing too much
	stderr      string
	limit       time.Duration
	overlayDir  string // where the pristine tests were laid: errors name them there
	err         error  // grading itself failed
	outputBytes int64
}

const (
	maxLinesPerTest = 400
	maxLineBytes    = 64 << 10
)

func (g *Grader) test(ctx context.Context, ex *course.Exercise, dir string, ov *overlay) *testRun {
	limit := ex.Timeout
	if limit == 0 {
		limit = course.DefaultTimeout
	}
	run := &testRun{tests: map[string]*testResult{}, limit: limit, overlayDir: ov.tmp}
	args := []string{"test", "-json", "-count=1", "-overlay=" + ov.file, "-timeout=" + limit.String(), "-vet=off"}
	if ex.Race {
		args = append(args, "-race")
	}
	args = append(args, ".")
	cmd := exec.Command(g.goCmd(), args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	cmd.WaitDelay = 2 * time.Second
	setProcessGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		run.err = fmt.Errorf("running go test: %w", err)
		return run
	}
	var stderr cappedBuffer
	stderr.limit = 64 << 10
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		run.err = fmt.Errorf("running go test (is Go installed and on PATH?): %w", err)
		return run
	}

	outputLimit := g.OutputLimit
	if outputLimit == 0 {
		outputLimit = 4 << 20
	}
	started := make(chan struct{})
	overflow := make(chan struct{})
	readDone := make(chan error, 1)
	go func() { readDone <- run.read(stdout, outputLimit, started, overflow) }()

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
	var readErr error
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
			killGroup(cmd)
			break loop
		case <-buildTimer.C:
			run.buildLimit = true
			killGroup(cmd)
			break loop
		case <-overflow:
			run.overflowed = true
			killGroup(cmd)
			break loop
		case <-ctx.Done():
			killGroup(cmd)
			break loop
		case readErr = <-readDone:
			readDone = nil
			break loop
		}
	}
	if readDone != nil {
		readErr = <-readDone
	}
	waitErr := cmd.Wait()
	if run.buildLimit {
		run.err = fmt.Errorf("compiling the exercise took longer than %s; try again (a cold build cache is slow the first time)", buildTimeout)
	}
	run.stderr = stderr.String()
	if readErr != nil && !errors.Is(readErr, os.ErrClosed) {
		run.err = fmt.Errorf("reading go test output: %w", readErr)
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) && !errors.Is(waitErr, exec.ErrWaitDelay) {
		run.err = fmt.Errorf("go test: %w", waitErr)
	}
	return run
}

// read consumes `go test -json` output, keeping a bounded amount of it.
func (run *testRun) read(r io.Reader, limit int64, started, overflow chan struct{}) error {
	br := bufio.NewReaderSize(r, maxLineBytes)
	for {
		line, err := readLine(br)
		run.outputBytes += int64(len(line))
		if run.outputBytes > limit {
			if overflow != nil {
				close(overflow)
				overflow = nil
			}
		} else if len(line) > 0 {
			run.handle(line)
			if run.started && started != nil {
				close(started)
				started = nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line, dropping whatever exceeds maxLineBytes.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	out := append([]byte(nil), line...)
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = br.ReadSlice('\n')
	}
	return out, err
}

func (run *testRun) handle(line []byte) {
	var e event
	if err := json.Unmarshal(line, &e); err != nil {
		run.pkgOutput = appendCapped(run.pkgOutput, string(line))
		return
	}
	switch {
	case e.Action == "start":
		run.started = true
	case e.Action == "build-output":
		run.pkgOutput = appendCapped(run.pkgOutput, e.Output)
	case e.Test == "":
		if e.Action == "pass" || e.Action == "fail" {
			run.pkgAction = e.Action
		}
		if e.Action == "output" {
			if strings.HasPrefix(e.Output, completeMark) {
				run.complete = true
			}
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

func appendCapped(lines []string, s string) []string {
	if len(lines) >= maxLinesPerTest {
		return lines
	}
	return append(lines, s)
}

// goEnv is the environment for the go command: offline, no workspace
// files from above, and the local toolchain only.
func goEnv() []string {
	env := os.Environ()
	return append(env, "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOPROXY=off")
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
