package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/testwait"
)

// TestCheckerModule runs the tests of the checker module (checker/, a
// module of its own so that its users do not get the TUI's dependencies).
// go test ./... never enters a nested module, even in a workspace, so
// without this test go test ./... at the root of a checkout would leave the
// checker untested. It runs them as a checker user builds them: in the
// checker module alone (GOWORK=off), with its own go.mod, -short and -race
// as this test was given them.
func TestCheckerModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "checker"))
	if err != nil {
		t.Fatal(err)
	}
	// go test caches this test's result keyed on the files and environment
	// variables it reads, not on what the go command it starts reads: read
	// them here so that a change to the checker runs it again.
	if err := readTree(dir); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"GOFLAGS", "GOTOOLCHAIN", "GOPROXY", "GOOS", "GOARCH", "CGO_ENABLED", "GOEXPERIMENT", "GODEBUG"} {
		_ = os.Getenv(v) // the nested go command reads it: key the cache on it
	}

	deadline := testwait.Deadline(t)
	args := []string{"test", "-timeout", time.Until(deadline).Round(time.Second).String()}
	if testing.Short() {
		args = append(args, "-short")
	}
	if raceEnabled {
		args = append(args, "-race")
	}
	args = append(args, "./...")
	ctx, cancel := context.WithDeadline(t.Context(), deadline.Add(5*time.Second/2))
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("go %v in %s did not finish before this test's deadline: it runs all the checker's tests in one test binary, so give go test a longer -timeout (go test -timeout 30m ./...), or run them directly (cd checker && go test ./...).\n%s", args, dir, out)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("the checker module's tests fail (go %v in %s):\n%s", args, dir, out)
	}
	if err != nil {
		t.Fatalf("go %v in %s: %v\n%s", args, dir, err, out)
	}
	t.Logf("go %v in %s:\n%s", args, dir, out)
}

// readTree reads every directory and file under dir.
func readTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		return f.Close()
	})
}
