package grade

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// FromLimit is how long one from/ program may run. The programs are short
// demonstrations; a JVM compiling its source on a busy machine takes a few
// seconds.
const FromLimit = 60 * time.Second

// FromResult is the outcome of running one from/ program.
type FromResult struct {
	Exercise *course.Exercise
	Source   course.Source
	Command  string        // the command line, as run in a scratch copy
	Skipped  string        // why it was not run (the tool is missing); "" if it ran
	Problem  string        // "" when it exited 0 in time
	Elapsed  time.Duration // wall-clock time of the run
}

// Where is the course path of the program.
func (r FromResult) Where() string {
	return "exercises/" + r.Exercise.Dir + "/from/" + r.Source.Name
}

// fromCommand returns the standard tool that runs a from/ file, and the
// arguments after the file name's.
func fromCommand(name string) (tool string, args []string) {
	switch path.Ext(name) {
	case ".js", ".mjs":
		return "node", []string{name}
	case ".ts":
		return "node", []string{"--experimental-strip-types", name}
	case ".py":
		return "python3", []string{name}
	case ".java":
		// The source launcher (Java 11+) compiles and runs one file; the
		// flags only make the JVM start faster.
		return "java", []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", name}
	}
	return "", nil
}

// RunFrom runs every from/ program of the exercises with its language's
// standard tool, jobs at a time, each from a scratch copy of the file in
// an empty directory with no input, and reports each result to done as it
// completes. A program must exit 0 within limit (FromLimit if 0).
// Programs whose tool is missing (or, for TypeScript, too old to strip
// types) are skipped, with the reason.
func RunFrom(ctx context.Context, exs []*course.Exercise, jobs int, limit time.Duration, done func(FromResult)) []FromResult {
	if limit <= 0 {
		limit = FromLimit
	}
	type job struct {
		ex  *course.Exercise
		src course.Source
	}
	var todo []job
	for _, ex := range exs {
		for _, src := range ex.From {
			todo = append(todo, job{ex, src})
		}
	}
	skips := toolSkips(ctx)
	results := make([]FromResult, len(todo))
	sem := make(chan struct{}, max(jobs, 1))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, j := range todo {
		wg.Go(func() {
			r := FromResult{Exercise: j.ex, Source: j.src}
			select {
			case sem <- struct{}{}:
				r = runFrom(ctx, j.ex, j.src, skips, limit)
				<-sem
			case <-ctx.Done():
				r.Problem = "canceled"
			}
			results[i] = r
			if done != nil {
				mu.Lock()
				done(r)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return results
}

// toolSkips says, for each tool command that cannot run here, why.
func toolSkips(ctx context.Context) map[string]string {
	skips := map[string]string{}
	for _, tool := range []string{"node", "python3", "java"} {
		if _, err := exec.LookPath(tool); err != nil {
			skips[tool] = fmt.Sprintf("%s is not installed (not on PATH)", tool)
		}
	}
	if skips["node"] == "" {
		cmd := exec.CommandContext(ctx, "node", "--experimental-strip-types", "-e", "")
		if out, err := cmd.CombinedOutput(); err != nil {
			skips["node --experimental-strip-types"] = fmt.Sprintf("this node cannot run TypeScript (--experimental-strip-types needs Node.js 22.6 or later): %s",
				firstLine(string(out)))
		}
	} else {
		skips["node --experimental-strip-types"] = skips["node"]
	}
	return skips
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func runFrom(ctx context.Context, ex *course.Exercise, src course.Source, skips map[string]string, limit time.Duration) FromResult {
	r := FromResult{Exercise: ex, Source: src}
	tool, args := fromCommand(src.Name)
	r.Command = strings.Join(append([]string{tool}, args...), " ")
	key := tool
	if len(args) > 1 && strings.HasPrefix(args[0], "--experimental-strip-types") {
		key = tool + " " + args[0]
	}
	if tool == "" {
		r.Problem = "no standard tool runs this kind of file"
		return r
	}
	if why := skips[key]; why != "" {
		r.Skipped = why
		return r
	}
	dir, err := os.MkdirTemp("", "accent-from-")
	if err != nil {
		r.Problem = err.Error()
		return r
	}
	defer func() {
		if err := os.RemoveAll(dir); err != nil {
			fmt.Fprintf(os.Stderr, "accent: removing %s: %v\n", dir, err)
		}
	}()
	if err := os.WriteFile(filepath.Join(dir, src.Name), []byte(src.Code), 0o644); err != nil {
		r.Problem = err.Error()
		return r
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Dir = dir
	var out cappedBuffer
	out.limit = 64 << 10
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 2 * time.Second
	cmd.SysProcAttr = processGroup()
	cmd.Cancel = func() error {
		stop(cmd)
		return nil
	}
	start := time.Now()
	err = cmd.Run()
	cleanup(cmd) // whatever the program left running in its group goes too
	r.Elapsed = time.Since(start)
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.Problem = fmt.Sprintf("still running after %s%s", limit, tail(out.Bytes()))
	case ctx.Err() != nil:
		r.Problem = "canceled"
	case errors.As(err, &exitErr):
		r.Problem = fmt.Sprintf("exit status %d%s", exitErr.ExitCode(), tail(out.Bytes()))
	case err != nil:
		r.Problem = err.Error()
	}
	return r
}

// tail is the end of a program's output, to say why it failed.
func tail(out []byte) string {
	out = bytes.TrimSpace(out)
	if len(out) == 0 {
		return ""
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) > 6 {
		lines = lines[len(lines)-6:]
	}
	return ":\n    " + strings.Join(lines, "\n    ")
}
