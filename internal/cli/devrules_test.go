package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeCourse writes files (course path -> content) under dir; .go files
// under exercises/ get the accent build constraint.
func writeCourse(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if strings.HasPrefix(name, "exercises/") && strings.HasSuffix(name, ".go") {
			content = "//go:build accent\n\n" + content
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rulesCourse is a course that loads but breaks course rules: its one
// exercise has one wrong variant, no cheat, no requirements, starts
// goroutines without race: true; its lesson has a Go block that does not
// compile and one made of unmarked statements; one from/ program fails.
func rulesCourse() map[string]string {
	return map[string]string{
		"lessons/01-basics/topic.md": "---\nid: basics\ntitle: Basics\n---\n\nBasics.\n",
		"lessons/01-basics/01-first.md": "---\nid: basics/first\ntitle: First\ntopic: basics\norder: 1\nexercises: [basics/first]\n---\n\n# First\n\n" +
			"```go\nfunc f() Missing { return nil }\n```\n\n```go\nx := 1\n```\n\n```go wrong\nnot go at all\n```\n\n```go fragment\nx := 2\n```\n",
		"exercises/01-basics/first/README.md": "---\nid: basics/first\ntitle: First\ntopic: basics\nlesson: basics/first\n" +
			"hints:\n  - A nudge.\n  - The idea.\nwrong:\n  - name: nothing\n    expect: test\n    why: it does nothing\n---\n\n# First\n\nRun it.\n",
		"exercises/01-basics/first/first.go":               "package first\n\nfunc Run(f func()) {}\n",
		"exercises/01-basics/first/first_test.go":          "package first\n\nimport \"testing\"\n\nfunc TestRun(t *testing.T) {}\n",
		"exercises/01-basics/first/solution/first.go":      "package first\n\nfunc Run(f func()) {\n\tdone := make(chan struct{})\n\tgo func() { f(); close(done) }()\n\t<-done\n}\n",
		"exercises/01-basics/first/wrong/nothing/first.go": "package first\n\nfunc Run(f func()) {}\n",
		"exercises/01-basics/first/from/first.js":          "await Promise.resolve(1);\n",
		"exercises/01-basics/first/from/first.py":          "import sys\nsys.exit(2)\n",
	}
}

func TestDevCheckEnforcesTheCourseRules(t *testing.T) {
	dir := t.TempDir()
	writeCourse(t, dir, rulesCourse())
	h := newHarness(t)
	code, out, errOut := h.run("dev", "check", "--rules-only", "--course", dir)
	if code != ExitFail {
		t.Errorf("exit %d, want %d\n%s\n%s", code, ExitFail, out, errOut)
	}
	for _, want := range []string{
		"FAIL exercises/01-basics/first/README.md: wrong: has 1 known-wrong variant(s), needs at least 3",
		"FAIL exercises/01-basics/first/README.md: wrong: no variant is marked cheat: true",
		"FAIL exercises/01-basics/first/README.md: requirements: is missing",
		"FAIL exercises/01-basics/first/README.md: race: the solution starts goroutines (first.go:5: go statement)",
		"FAIL lessons/01-basics/01-first.md: line 12 (the Go block at line 12): does not compile: undefined: Missing\nFAIL lessons/01-basics/01-first.md: line 16 (the Go block at line 16): statements, not a file or top-level declarations",
		"rules: 1 exercises (wrong variants, cheat, requirements, race); 1 hint tiers scanned for solution lines; 1 lessons (4 code blocks) scanned",
		"go blocks: 4 in lessons and READMEs: 1 compiled and vetted, 1 neither a file nor declarations, 1 marked fragment (parsed), 1 marked wrong (skipped)",
		"from/ programs: not run (--from runs them)",
		"grading 0 cases",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "problem(s)") {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestDevCheckFromRunsTheFromPrograms(t *testing.T) {
	for _, tool := range []string{"node", "python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	writeCourse(t, dir, rulesCourse())
	h := newHarness(t)
	code, out, errOut := h.run("dev", "check", "--rules-only", "--from", "--course", dir)
	if code != ExitFail {
		t.Errorf("exit %d, want %d\n%s\n%s", code, ExitFail, out, errOut)
	}
	for _, want := range []string{
		"FAIL exercises/01-basics/first/from/first.py: python3 first.py: exit status 2",
		"from/ programs: 2 run (1 failed), 0 skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
