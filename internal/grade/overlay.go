package grade

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// Markers the injected TestMain prints, which explain() looks for.
const (
	leakBegin    = "--- accent: goroutines still running after the tests:"
	leakEnd      = "--- accent: end of leaked goroutines"
	completeMark = "--- accent: tests complete, exit"
	leakFileName = "accent_leakcheck_test.go"
)

// leakRetry is how long the leak check retries before it reports a leak.
const leakRetry = 500 * time.Millisecond

//go:embed leakcheck_test.go.tmpl
var leakcheckSource string

var leakcheckTmpl = template.Must(template.New("leakcheck").Parse(leakcheckSource))

// overlay is what grading lays over the learner's directory, never
// touching it: the pristine tests, the injected leak check, and the hiding
// of test files the learner added.
type overlay struct {
	tmp  string
	file string // the -overlay JSON for go test
}

func newOverlay(ex *course.Exercise, dir string) (*overlay, error) {
	tmp, err := os.MkdirTemp("", "accent-grade-")
	if err != nil {
		return nil, fmt.Errorf("creating grading directory: %w", err)
	}
	ov := &overlay{tmp: tmp}
	replace := map[string]string{}
	add := func(name string, b []byte) error {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("writing grading overlay: %w", err)
		}
		replace[filepath.Join(dir, name)] = p
		return nil
	}
	for name, b := range ex.Tests {
		if err := add(name, b); err != nil {
			ov.remove()
			return nil, err
		}
	}
	var leak bytes.Buffer
	if err := leakcheckTmpl.Execute(&leak, map[string]any{
		"Package": ex.Package, "LeakBegin": leakBegin, "LeakEnd": leakEnd,
		"Complete": completeMark, "Retry": fmt.Sprintf("%d * time.Millisecond", leakRetry.Milliseconds()),
	}); err != nil {
		ov.remove()
		return nil, fmt.Errorf("writing the leak check: %w", err)
	}
	if err := add(leakFileName, leak.Bytes()); err != nil {
		ov.remove()
		return nil, err
	}
	// Test files the learner added are not part of grading.
	entries, err := os.ReadDir(dir)
	if err != nil {
		ov.remove()
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	for _, e := range entries {
		n := e.Name()
		if _, pristine := ex.Tests[n]; !pristine && strings.HasSuffix(n, "_test.go") && n != leakFileName {
			replace[filepath.Join(dir, n)] = ""
		}
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		ov.remove()
		return nil, fmt.Errorf("encoding overlay: %w", err)
	}
	ov.file = filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ov.file, b, 0o644); err != nil {
		ov.remove()
		return nil, fmt.Errorf("writing overlay: %w", err)
	}
	return ov, nil
}

func (ov *overlay) remove() {
	// Best effort: a leftover temp directory is harmless and the OS cleans it.
	if err := os.RemoveAll(ov.tmp); err != nil {
		fmt.Fprintf(os.Stderr, "accent: removing %s: %v\n", ov.tmp, err)
	}
}
