package grade

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/accent-go/accent/internal/course"
)

// Markers the injected TestMain prints, which explain() looks for.
const (
	leakBegin    = "--- accent: goroutines still running after the tests:"
	leakEnd      = "--- accent: end of leaked goroutines"
	completeMark = "--- accent: tests complete, exit" // followed by the code and the seal
	leakFileName = "accent_leakcheck_test.go"
)

// leakRetry is how long the leak check retries before it reports a leak.
const leakRetry = 500 * time.Millisecond

//go:embed leakcheck_test.go.tmpl
var leakcheckSource string

var leakcheckTmpl = template.Must(template.New("leakcheck").Parse(leakcheckSource))

// overlay is what grading lays over the learner's module, never
// touching it: the pristine tests (instrumented, see seal.go), the
// injected leak check, package accentseal, and the hiding of test files
// the learner added.
type overlay struct {
	dir   string   // where the pristine tests were laid: errors name them there
	file  string   // the -overlay JSON for go test
	tests []string // the exercise's top-level tests, which must all pass
}

func newOverlay(ex *course.Exercise, dir string, sc *scratch, memoryLimit int64) (*overlay, error) {
	if !utf8.ValidString(dir) {
		return nil, fmt.Errorf("the exercise directory %q is %w: accent cannot name it to the go command; move the workspace to a path that is", dir, errNotUTF8)
	}
	root, modPath, err := module(dir)
	if err != nil {
		return nil, err
	}
	sealPath := modPath + "/" + sealPkgDir
	ov := &overlay{dir: sc.path("overlay")}
	replace := map[string]string{}
	add := func(target, name string, b []byte) error {
		p := filepath.Join(ov.dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("writing grading overlay: %w", err)
		}
		replace[target] = p
		return nil
	}
	names := make([]string, 0, len(ex.Tests))
	for name := range ex.Tests {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src, tests, err := instrument(name, ex.Tests[name], sealPath)
		if err != nil {
			return nil, err
		}
		ov.tests = append(ov.tests, tests...)
		if err := add(filepath.Join(dir, name), name, src); err != nil {
			return nil, err
		}
	}
	var leak bytes.Buffer
	if err := leakcheckTmpl.Execute(&leak, map[string]any{
		"Package": ex.Package, "LeakBegin": leakBegin, "LeakEnd": leakEnd, "SealPath": sealPath,
		"Retry": fmt.Sprintf("%d * time.Millisecond", leakRetry.Milliseconds()),
	}); err != nil {
		return nil, fmt.Errorf("writing the leak check: %w", err)
	}
	if err := add(filepath.Join(dir, leakFileName), leakFileName, leak.Bytes()); err != nil {
		return nil, err
	}
	seal, err := sealSourceFor(ov.tests, memoryLimit)
	if err != nil {
		return nil, err
	}
	sealDir := filepath.Join(root, filepath.FromSlash(sealPkgDir))
	if err := add(filepath.Join(sealDir, sealFileName), sealFileName, seal); err != nil {
		return nil, err
	}
	// Whatever is on disk where accentseal goes is not part of grading.
	if entries, err := os.ReadDir(sealDir); err == nil {
		for _, e := range entries {
			if e.Name() != sealFileName {
				if !utf8.ValidString(e.Name()) {
					return nil, fmt.Errorf("%s: the file name %q is %w; rename or remove it", sealDir, e.Name(), errNotUTF8)
				}
				replace[filepath.Join(sealDir, e.Name())] = ""
			}
		}
	}
	// Test files the learner added are not part of grading.
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	for _, e := range entries {
		n := e.Name()
		if _, pristine := ex.Tests[n]; pristine || n == leakFileName {
			continue
		}
		if !utf8.ValidString(n) && strings.HasSuffix(n, ".go") {
			// The overlay is JSON, which cannot carry this name: the go
			// command would compile the file as it is, a test file the
			// learner added would run with the pristine tests, and a
			// correct solution could fail for no reason it could see (and
			// go list, JSON too, could not name a source file either).
			return nil, fmt.Errorf("the file name %q in %s is %w, which the go command's overlay cannot name: rename or remove the file", n, dir, errNotUTF8)
		}
		if strings.HasSuffix(n, "_test.go") {
			replace[filepath.Join(dir, n)] = ""
		}
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return nil, fmt.Errorf("encoding overlay: %w", err)
	}
	ov.file = sc.path("overlay.json")
	if err := os.WriteFile(ov.file, b, 0o644); err != nil {
		return nil, fmt.Errorf("writing overlay: %w", err)
	}
	return ov, nil
}
