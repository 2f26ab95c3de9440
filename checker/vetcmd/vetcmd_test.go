package vetcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestUnitMode(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-json", "-printf.funcs=x", "/tmp/go-build/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-format", "sarif", "./..."}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := unitMode(tt.args); got != tt.want {
			t.Errorf("unitMode(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func TestParsePosition(t *testing.T) {
	tests := []struct {
		in   string
		want Position
	}{
		{"/a/b.go:12:3", Position{"/a/b.go", 12, 3}},
		{"C:/a/b.go:12:3", Position{"C:/a/b.go", 12, 3}},
		{"b.go:7", Position{"b.go", 7, 0}},
		{"b.go", Position{"b.go", 0, 0}},
		{"-", Position{"-", 0, 0}},
	}
	for _, tt := range tests {
		if got := parsePosition(tt.in); got != tt.want {
			t.Errorf("parsePosition(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// TestParseReport feeds a go vet -json stream with a package and its test
// variant (the same finding twice) and an analyzer failure.
func TestParseReport(t *testing.T) {
	stream := `{
	"m/a": {
		"durationunit": [{"posn": "/w/a/a.go:5:23", "end": "/w/a/a.go:5:27", "message": "sleeps 1µs",
			"suggested_fixes": [{"message": "fix", "edits": []}]}],
		"printf": [{"posn": "/w/a/a.go:3:2", "end": "/w/a/a.go:3:9", "message": "bad verb",
			"related": [{"posn": "/w/a/b.go:1:1", "end": "/w/a/b.go:1:2", "message": "declared here"}]}]
	}
}
{
	"m/a [m/a.test]": {
		"durationunit": [{"posn": "/w/a/a.go:5:23", "end": "/w/a/a.go:5:27", "message": "sleeps 1µs"}],
		"chanleak": {"error": "internal error: boom"}
	}
}
`
	r, err := ParseReport(strings.NewReader(stream), "/w")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 2 {
		t.Fatalf("got %d findings, want 2 (deduplicated): %+v", len(r.Findings), r.Findings)
	}
	first, second := r.Findings[0], r.Findings[1]
	if first.Analyzer != "printf" || first.Pos != (Position{filepath.FromSlash("a/a.go"), 3, 2}) || first.Package != "m/a" {
		t.Errorf("first finding = %+v", first)
	}
	if len(first.Related) != 1 || first.Related[0].Message != "declared here" {
		t.Errorf("related = %+v", first.Related)
	}
	if second.Analyzer != "durationunit" || !second.HasFix || second.End.Col != 27 {
		t.Errorf("second finding = %+v", second)
	}
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0], "chanleak failed: internal error: boom") {
		t.Errorf("errors = %q", r.Errors)
	}
	if len(r.Tree) != 2 {
		t.Errorf("tree has %d packages, want 2", len(r.Tree))
	}
	if _, err := ParseReport(strings.NewReader(`{"m/a": {"x": [`), "/w"); err == nil {
		t.Error("a truncated stream parsed without error")
	}
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	printGitHub(&buf, &Report{Findings: []Finding{{
		Analyzer: "errignored",
		Pos:      Position{"a,b:c.go", 3, 4},
		End:      Position{"a,b:c.go", 3, 9},
		Message:  "100% wrong\nsecond line",
	}}})
	want := "::warning file=a%2Cb%3Ac.go,line=3,col=4,endLine=3,endColumn=9,title=accentvet errignored::100%25 wrong%0Asecond line\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestSARIF(t *testing.T) {
	var buf bytes.Buffer
	r := &Report{Findings: []Finding{{
		Analyzer: "durationunit",
		Pos:      Position{"a/a.go", 5, 23},
		End:      Position{"a/a.go", 5, 27},
		Message:  "sleeps 1µs",
		Related:  []Related{{Pos: Position{"a/b.go", 1, 2}, Message: "here"}},
	}}}
	if err := printSARIF(&buf, r, Analyzers()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []struct {
					ID               int `json:"id"`
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "accentvet" || len(run.Tool.Driver.Rules) != len(Analyzers()) {
		t.Errorf("driver %q with %d rules, want accentvet with %d", run.Tool.Driver.Name, len(run.Tool.Driver.Rules), len(Analyzers()))
	}
	if len(run.Results) != 1 {
		t.Fatalf("%d results", len(run.Results))
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "durationunit" || res.Level != "warning" || loc.ArtifactLocation.URI != "a/a.go" ||
		loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 5 || loc.Region.StartColumn != 23 {
		t.Errorf("result = %+v", res)
	}
	if len(res.RelatedLocations) != 1 {
		t.Fatalf("%d related locations, want 1: %+v", len(res.RelatedLocations), res)
	}
	rel := res.RelatedLocations[0]
	if rel.PhysicalLocation.ArtifactLocation.URI != "a/b.go" || rel.PhysicalLocation.Region.StartLine != 1 ||
		rel.PhysicalLocation.Region.StartColumn != 2 || rel.Message.Text != "here" {
		t.Errorf("related location = %+v", rel)
	}
}

// relatedReport is a finding with two related positions, as chanleak
// reports a goroutine leak: the go statement and the return.
var relatedReport = &Report{Findings: []Finding{{
	Analyzer: "chanleak",
	Pos:      Position{filepath.FromSlash("a/a.go"), 9, 6},
	End:      Position{filepath.FromSlash("a/a.go"), 9, 13},
	Message:  "goroutine started at line 8 sends on ch",
	Related: []Related{
		{Pos: Position{filepath.FromSlash("a/a.go"), 8, 2}, Message: "the goroutine is started here"},
		{Pos: Position{filepath.FromSlash("a/a.go"), 12, 2}, Message: "Leak returns here without receiving"},
	},
}}}

func TestTextRelated(t *testing.T) {
	var buf bytes.Buffer
	printText(&buf, relatedReport)
	a := filepath.FromSlash("a/a.go")
	want := a + ":9:6: goroutine started at line 8 sends on ch (chanleak)\n" +
		"  related: " + a + ":8:2: the goroutine is started here\n" +
		"  related: " + a + ":12:2: Leak returns here without receiving\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestGitHubRelated(t *testing.T) {
	var buf bytes.Buffer
	printGitHub(&buf, relatedReport)
	want := "::warning file=a/a.go,line=9,col=6,endLine=9,endColumn=13,title=accentvet chanleak::goroutine started at line 8 sends on ch" +
		"%0A  related: a/a.go:8:2: the goroutine is started here%0A  related: a/a.go:12:2: Leak returns here without receiving\n" +
		"::notice file=a/a.go,line=8,col=2,title=accentvet chanleak (related)::the goroutine is started here, for the finding at a/a.go:9:6: goroutine started at line 8 sends on ch\n" +
		"::notice file=a/a.go,line=12,col=2,title=accentvet chanleak (related)::Leak returns here without receiving, for the finding at a/a.go:9:6: goroutine started at line 8 sends on ch\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// accentvet builds the command once for the tests that run it for real.
var accentvet = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "accentvet-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "accentvet")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/accent-go/accent/checker/cmd/accentvet").CombinedOutput()
	if err != nil {
		return "", &buildError{out: string(out), err: err}
	}
	return bin, nil
})

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }

// module writes a module of the given files (path -> content) and returns
// its directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module m\n\ngo 1.26\n"
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs accentvet in dir the way a user would, through Command.
func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go vet on a module (skipped with -short)")
	}
	bin, err := accentvet()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	c := &Command{Stdout: &out, Stderr: &errOut, Self: bin, GoCmd: "go", Dir: dir}
	code = c.Run(context.Background(), args)
	return out.String(), errOut.String(), code
}

const sleepy = `package a

import "time"

func Nap() {
	time.Sleep(1000)
}

func Excused() {
	//accent:ignore durationunit the device counts in nanoseconds
	time.Sleep(1000)
}

func Unexcused() {
	//accent:ignore durationunit
	time.Sleep(1000)
}
`

const generated = `// Code generated by gen. DO NOT EDIT.

package gen

import "time"

func Nap() { time.Sleep(1000) }
`

func TestCommandFindings(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": sleepy, "gen/gen.go": generated})
	stdout, stderr, code := run(t, dir, "./...")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	want := []string{
		filepath.FromSlash("a/a.go") + ":6:13: time.Sleep(1000) sleeps 1µs",
		filepath.FromSlash("a/a.go") + ":15:2: //accent:ignore durationunit needs a reason",
		filepath.FromSlash("a/a.go") + ":16:13: time.Sleep(1000) sleeps 1µs",
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	if !strings.Contains(stderr, "3 findings (2 durationunit, 1 ignoredirective)") {
		t.Errorf("stderr lacks the summary:\n%s", stderr)
	}

	stdout, _, code = run(t, dir, "-format=github", "./a")
	if code != ExitFindings || !strings.HasPrefix(stdout, "::warning file=a/a.go,line=6,col=13,") {
		t.Errorf("github format: exit %d, output:\n%s", code, stdout)
	}

	stdout, _, code = run(t, dir, "-json", "./a")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil || code != ExitFindings {
		t.Fatalf("-json: exit %d, %v:\n%s", code, err, stdout)
	}
	if _, ok := tree["m/a"]["durationunit"]; !ok {
		t.Errorf("-json tree lacks m/a durationunit: %s", stdout)
	}

	stdout, _, code = run(t, dir, "-durationunit=false", "-ignoredirective=false", "./a")
	if code != ExitClean || stdout != "" {
		t.Errorf("with the analyzers disabled: exit %d, output %q", code, stdout)
	}
}

func TestCommandBrokenPackage(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go":           sleepy,
		"broken/broken.go": "package broken\n\nfunc F() int { return \"x\" }\n",
	})
	stdout, stderr, code := run(t, dir, "./...")
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(stderr, "broken.go:3:") || !strings.Contains(stderr, "some packages could not be analyzed") {
		t.Errorf("stderr does not say which package failed and why:\n%s", stderr)
	}
	if !strings.Contains(stdout, "sleeps 1µs") {
		t.Errorf("the other package's findings are missing:\n%s", stdout)
	}
}

func TestCommandClean(t *testing.T) {
	dir := module(t, map[string]string{"c/c.go": "package c\n\nfunc C() int { return 1 }\n"})
	stdout, stderr, code := run(t, dir, "./...")
	if code != ExitClean || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestCommandUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	c := &Command{Stdout: &out, Stderr: &errOut}
	if code := c.Run(context.Background(), []string{"-format=xml"}); code != ExitUsage || !strings.Contains(errOut.String(), `unknown -format "xml"`) {
		t.Errorf("-format=xml: exit %d, stderr %q", code, errOut.String())
	}
	errOut.Reset()
	if code := c.Run(context.Background(), []string{"-explain", "duratonunit"}); code != ExitUsage || !strings.Contains(errOut.String(), "did you mean durationunit?") {
		t.Errorf("-explain typo: exit %d, stderr %q", code, errOut.String())
	}
	out.Reset()
	if code := c.Run(context.Background(), []string{"-explain", "durationunit"}); code != ExitClean ||
		!strings.Contains(out.String(), "Coming from Python:") || !strings.Contains(out.String(), "accent lesson time/durations-and-layouts") {
		t.Errorf("-explain: exit %d, output:\n%s", code, out.String())
	}
	out.Reset()
	if code := c.Run(context.Background(), []string{"-list"}); code != ExitClean || !strings.Contains(out.String(), "durationunit") || !strings.Contains(out.String(), "ignoredirective") {
		t.Errorf("-list: exit %d, output:\n%s", code, out.String())
	}
}

// TestCommandOddPackages covers cgo, build tags, test files and a huge
// file: each is analyzed (or skipped) without a crash, and findings point
// at the learner-visible file and line.
func TestCommandOddPackages(t *testing.T) {
	var huge strings.Builder
	huge.WriteString("package huge\n\nimport \"time\"\n\n")
	for i := range 3000 {
		fmt.Fprintf(&huge, "func F%d(d time.Duration) time.Duration { return d * %d }\n", i, i+1)
	}
	huge.WriteString("func Nap() { time.Sleep(1000) }\n")
	files := map[string]string{
		"tagged/tagged.go":   "//go:build special\n\npackage tagged\n\nimport \"time\"\n\nfunc Nap() { time.Sleep(1000) }\n",
		"tagged/plain.go":    "package tagged\n",
		"withtest/w.go":      "package withtest\n",
		"withtest/w_test.go": "package withtest\n\nimport (\n\t\"testing\"\n\t\"time\"\n)\n\nfunc TestNap(t *testing.T) { time.Sleep(1000) }\n",
		"huge/huge.go":       huge.String(),
	}
	if _, err := exec.LookPath("gcc"); err == nil {
		files["cgo/cgo.go"] = "package cgo\n\n// int two(void) { return 2; }\nimport \"C\"\n\nimport \"time\"\n\nfunc Nap() { time.Sleep(time.Duration(C.two())) }\n\nfunc Nap2() { time.Sleep(1000) }\n"
	}
	dir := module(t, files)

	stdout, stderr, code := run(t, dir, "./...")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	for _, want := range []string{
		filepath.FromSlash("withtest/w_test.go") + ":8:41: time.Sleep(1000)",
		filepath.FromSlash("huge/huge.go") + ":3005:25: time.Sleep(1000)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "tagged.go") {
		t.Errorf("a file behind a build tag was analyzed without -tags:\n%s", stdout)
	}
	if files["cgo/cgo.go"] != "" && !strings.Contains(stdout, filepath.FromSlash("cgo/cgo.go")+":10:26: time.Sleep(1000)") {
		t.Errorf("the cgo package's finding is missing or misplaced:\n%s", stdout)
	}

	stdout, _, _ = run(t, dir, "-tags=special", "./tagged")
	if !strings.Contains(stdout, filepath.FromSlash("tagged/tagged.go")+":7:25:") {
		t.Errorf("-tags=special did not analyze the tagged file:\n%s", stdout)
	}
}

func TestFactsOnly(t *testing.T) {
	all := Analyzers()
	reduced := factsOnly(all)
	if len(reduced) <= len(all) {
		t.Fatalf("factsOnly returned %d analyzers for %d; every name must stay for go vet's flags, and required fact producers (ctrlflow) must be added", len(reduced), len(all))
	}
	if !slices.ContainsFunc(reduced[len(all):], func(a *analysis.Analyzer) bool { return a.Name == "ctrlflow" }) {
		t.Error("ctrlflow, required for its facts, is not among the added roots")
	}
	kept := 0
	for i, a := range reduced[:len(all)] {
		if a.Name != all[i].Name {
			t.Errorf("analyzer %d renamed %s -> %s", i, all[i].Name, a.Name)
		}
		if len(all[i].FactTypes) > 0 {
			kept++
			if a != all[i] {
				t.Errorf("%s exports facts but was replaced", a.Name)
			}
		} else if len(a.Requires) != 0 || a.ResultType != nil {
			t.Errorf("%s exports no facts but still requires %d analyzers", a.Name, len(a.Requires))
		}
	}
	if kept == 0 {
		t.Error("no analyzer exports facts: printf should")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(cfg, []byte(`{"ID": "p", "VetxOnly": true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if !vetxOnly(cfg) || vetxOnly(filepath.Join(dir, "missing.cfg")) || vetxOnly("./...") {
		t.Error("vetxOnly misreads its config")
	}
}

// discards holds an error discarded with _ and a comment saying why: a
// decision in the default mode, a lesson with -strict.
const discards = `package d

import "os"

func Clean(path string) {
	_ = os.Remove(path) // best effort: the cache is rebuilt on the next start
}
`

func TestCommandStrict(t *testing.T) {
	dir := module(t, map[string]string{"d/d.go": discards})
	stdout, stderr, code := run(t, dir, "./...")
	if code != ExitClean || stdout != "" {
		t.Errorf("default mode: exit %d, output %q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, code = run(t, dir, "-strict", "./...")
	if code != ExitFindings || !strings.Contains(stdout, "the error from os.Remove is ignored") {
		t.Errorf("-strict: exit %d, output %q, stderr %q", code, stdout, stderr)
	}
	// A later -NAME.strict=false wins for that analyzer.
	stdout, stderr, code = run(t, dir, "-strict", "-errignored.strict=false", "./...")
	if code != ExitClean || stdout != "" {
		t.Errorf("-strict -errignored.strict=false: exit %d, output %q, stderr %q", code, stdout, stderr)
	}
}

// leaky leaks a goroutine: chanleak reports the send, with the go
// statement and the return as related positions.
const leaky = `package l

import "context"

func fetch() int { return 1 }

func First(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- fetch()
	}()
	select {
	case n := <-ch:
		return n, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
`

// TestCommandRelated runs accentvet on a leak and checks that the text
// and JSON outputs carry its related positions.
func TestCommandRelated(t *testing.T) {
	dir := module(t, map[string]string{"l/l.go": leaky})
	stdout, stderr, code := run(t, dir, "-chanleak", "./...")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	file := filepath.FromSlash("l/l.go")
	want := []string{
		file + ":10:6: goroutine started at line 9 sends on ch",
		"  related: " + file + ":9:2: the goroutine is started here",
		"  related: " + file + ":12:2: this select can take another case",
		"  related: " + file + ":16:3: First returns here without receiving from ch",
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}

	stdout, _, code = run(t, dir, "-chanleak", "-json", "./...")
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
		Related []struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil || code != ExitFindings {
		t.Fatalf("-json: exit %d, %v:\n%s", code, err, stdout)
	}
	diags := tree["m/l"]["chanleak"]
	if len(diags) != 1 || len(diags[0].Related) != 3 {
		t.Fatalf("-json: want one chanleak diagnostic with 3 related positions:\n%s", stdout)
	}
	rel := diags[0].Related[0]
	if !strings.HasSuffix(rel.Posn, filepath.FromSlash("l/l.go")+":9:2") || rel.Message != "the goroutine is started here" {
		t.Errorf("-json: first related = %+v", rel)
	}
}
