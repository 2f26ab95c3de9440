package grade

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// The environment the grader passes on to the go command and the test
// binary. A learner's shell may be set up for other work (cross-compiling,
// a GOTMPDIR on a missing disk, GOFLAGS=-run=..., GORACE=log_path=...):
// none of that is the learner's code, so none of it may turn into a failed
// attempt. Variables that choose the target, the build or the test
// binary's runtime are dropped, so the host's defaults apply; the go env
// file (go env -w) is switched off for the same reason, keeping only where
// its caches live.

// dropped lists variables never passed on, by exact name.
var dropped = map[string]bool{
	// The target: the test binary must run here.
	"GOOS": true, "GOARCH": true, "GOAMD64": true, "GOARM": true, "GOARM64": true, "GO386": true,
	"GOMIPS": true, "GOMIPS64": true, "GOPPC64": true, "GORISCV64": true, "GOWASM": true,
	"GOEXPERIMENT": true, "GOFIPS140": true,
	// The build: accent sets its own.
	"GOFLAGS": true, "GOTMPDIR": true, "GOENV": true, "GOWORK": true, "GOTOOLCHAIN": true,
	"GOPROXY": true, "GOCOVERDIR": true, "CGO_ENABLED": true, "GO_EXTLINK_ENABLED": true,
	// The test binary's runtime: a timeout dump, a race report or a panic
	// must look as the explainer expects.
	"GOGC": true, "GOMEMLIMIT": true, "GODEBUG": true, "GOMAXPROCS": true, "GOTRACEBACK": true,
	"GORACE": true,
	// The directories of one grade: set per run.
	"TMPDIR": true, "TMP": true, "TEMP": true, "PWD": true,
}

// droppedPrefixes lists families of variables never passed on.
var droppedPrefixes = []string{"CGO_", "ACCENT_GRADE_"}

func isDropped(name string) bool {
	if dropped[name] || (runtime.GOOS == "windows" && dropped[strings.ToUpper(name)]) {
		return true
	}
	for _, p := range droppedPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// cacheDirs are GOCACHE, GOMODCACHE and GOPATH as the learner's go command
// sees them (including `go env -w`), asked once: with GOENV=off the go
// command would otherwise fall back to the default places and start with
// a cold cache.
var cacheDirs = sync.OnceValue(func() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH")
	// Target variables from the environment could make `go env` itself
	// fail; they do not change where the caches are.
	cmd.Env = append(baseEnv(), "GOTOOLCHAIN=local", "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	if tmp := os.Getenv("GOENV"); tmp != "" {
		cmd.Env = append(cmd.Env, "GOENV="+tmp)
	}
	out, err := cmd.Output()
	if err != nil {
		return nil // the defaults will do
	}
	var vals map[string]string
	if json.Unmarshal(out, &vals) != nil {
		return nil
	}
	var env []string
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		if v := vals[k]; v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
})

// baseEnv is the process environment without the dropped variables.
func baseEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name != "" && !isDropped(name) {
			env = append(env, kv)
		}
	}
	return env
}

// runEnv is the environment of one grade's go commands. dir is the
// exercise directory (resolved); tmp the grade's private temp directory;
// race whether the test binary is built with the race detector, which
// needs cgo.
func runEnv(dir, tmp string, race bool) []string {
	env := baseEnv()
	for _, kv := range cacheDirs() {
		name, _, _ := strings.Cut(kv, "=")
		if os.Getenv(name) == "" {
			env = append(env, kv)
		}
	}
	env = append(env,
		"GOENV=off", "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOPROXY=off",
		// The go command works from the real path; PWD must agree, or it
		// would name files by a path the overlay does not use.
		"PWD="+dir,
		"GOTMPDIR="+tmp, "TMPDIR="+tmp)
	if runtime.GOOS == "windows" {
		env = append(env, "TMP="+tmp, "TEMP="+tmp)
	}
	if race {
		env = append(env, "CGO_ENABLED=1")
	}
	return env
}

// goEnv is the environment of the go commands the course check runs on
// its own code (lessons' code blocks, the standard library's list): the
// process environment without the dropped variables, offline and local.
func goEnv() []string {
	return append(baseEnv(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOPROXY=off")
}
