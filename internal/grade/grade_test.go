package grade

import (
	"cmp"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// The synthetic exercise every case grades: Sum must add two ints, and
// Watch must not leave goroutines behind.
const sumTest = `package sum

import (
	"testing"
	"testing/synctest"
)

func TestSumAddsTwoNumbers(t *testing.T) {
	if got := Sum(1, 2); got != 3 {
		t.Errorf("Sum(1, 2) = %d, want 3", got)
	}
}

func TestFirstInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		if got := First(); got != 1 {
			t.Errorf("First() = %d, want 1", got)
		}
	})
}
`

const goodSum = `package sum

func Sum(a, b int) int { return a + b }

func First() int {
	ch := make(chan int, 2)
	go func() { ch <- 1 }()
	go func() { ch <- 1 }()
	return <-ch
}
`

func sumExercise(timeout time.Duration, checks ...string) *course.Exercise {
	return &course.Exercise{
		ID: "test/sum", Package: "sum", Lesson: "test/lesson", Timeout: timeout, Checks: checks,
		Tests: map[string][]byte{"sum_test.go": []byte(sumTest)},
	}
}

// learnerDir writes files into a fresh module and returns the package directory.
func learnerDir(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module ws\n\ngo 1.26\n")
	dir := filepath.Join(root, "sum")
	for name, src := range files {
		write(t, filepath.Join(dir, name), src)
	}
	return dir
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// with replaces one function of goodSum.
func with(old, new string) string {
	if !strings.Contains(goodSum, old) {
		panic("with: " + old + " not in goodSum")
	}
	return strings.Replace(goodSum, old, new, 1)
}

func find(v Verdict, k Kind) (Finding, bool) {
	for _, f := range v.Findings {
		if f.Kind == k {
			return f, true
		}
	}
	return Finding{}, false
}

func TestGrade(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		files   map[string]string
		checks  []string
		status  Status
		kind    Kind          // a finding of this kind must be present
		file    string        // ...in this file
		line    int           // ...at this line (0: any)
		message string        // ...whose message contains this
		related string        // ...whose first related site is at this "file:line"
		limit   time.Duration // the exercise's time limit; an hour unless the case is about it
	}{
		{
			name:   "correct code passes",
			files:  map[string]string{"sum.go": goodSum},
			status: Pass,
		},
		{
			name:   "compile error is located",
			files:  map[string]string{"sum.go": with("return a + b", "return a +")},
			status: Fail, kind: Compile, file: "sum.go", line: 3,
		},
		{
			name:   "a missing function the tests need is a compile finding",
			files:  map[string]string{"sum.go": "package sum\n\nfunc First() int { return 1 }\n"},
			status: Fail, kind: Compile, file: "sum_test.go", message: "undefined: Sum",
		},
		{
			name:   "failing test names the test and its message",
			files:  map[string]string{"sum.go": with("return a + b", "return a - b")},
			status: Fail, kind: Test, file: "sum_test.go", line: 10, message: "Sum(1, 2) = -1, want 3",
		},
		{
			name:   "panic is located in the learner's code",
			files:  map[string]string{"sum.go": with("return a + b", "var s []int\n\treturn s[a+b]")},
			status: Fail, kind: Panic, file: "sum.go", line: 4, message: "index out of range",
		},
		{
			name:   "goroutine leaked from a bubble says who is blocked where",
			files:  map[string]string{"sum.go": with("ch := make(chan int, 2)", "ch := make(chan int)")},
			status: Fail, kind: Leak, file: "sum.go",
			message: "is blocked sending on ch (sum.go:",
		},
		{
			name: "goroutine leaked outside a bubble is caught after the tests",
			files: map[string]string{"sum.go": with("func Sum(a, b int) int { return a + b }",
				"func Sum(a, b int) int {\n\tdone := make(chan bool)\n\tgo func() { <-done }()\n\treturn a + b\n}")},
			status: Fail, kind: Leak, file: "sum.go", line: 5, message: "is blocked receiving from done (sum.go:5); nothing will ever send or close it",
		},
		{
			name: "a leaked goroutine names the go statement that started it",
			files: map[string]string{"sum.go": with("func Sum(a, b int) int { return a + b }",
				"func Sum(a, b int) int {\n\tdone := make(chan bool)\n\tgo func() {\n\t\t<-done\n\t}()\n\treturn a + b\n}")},
			status: Fail, kind: Leak, file: "sum.go", line: 6, message: "is blocked receiving from done (sum.go:6)", related: "sum.go:5",
		},
		{
			name: "a goroutine leaked from a bubble names the go statement that started it",
			files: map[string]string{"sum.go": with("ch := make(chan int, 2)\n\tgo func() { ch <- 1 }()\n\tgo func() { ch <- 1 }()\n\treturn <-ch",
				"ch := make(chan int)\n\tgo func() {\n\t\tch <- 1\n\t}()\n\treturn 1")},
			status: Fail, kind: Leak, file: "sum.go", line: 8, message: "is blocked sending on ch (sum.go:8)", related: "sum.go:7",
		},
		{
			name:   "deadlock in a bubble",
			files:  map[string]string{"sum.go": with("return <-ch", "<-ch\n\t<-ch\n\treturn <-ch")},
			status: Fail, kind: Deadlock, file: "sum.go", message: "deadlock in TestFirstInBubble: the goroutine running TestFirstInBubble is blocked receiving from ch",
		},
		{
			name:   "a test blocked outside a bubble times out with an explanation",
			files:  map[string]string{"sum.go": with("return a + b", "ch := make(chan int)\n\t<-ch\n\treturn a + b")},
			status: Fail, kind: Timeout, file: "sum.go", line: 4, limit: 2 * time.Second,
			message: "TestSumAddsTwoNumbers did not finish within 2s: the goroutine running TestSumAddsTwoNumbers is blocked receiving from ch (sum.go:4)",
		},
		{
			name: "os.Exit(0) during a test is reported",
			files: map[string]string{"sum.go": strings.Replace(with("return a + b", "os.Exit(0)\n\treturn 0"),
				"package sum\n", "package sum\n\nimport \"os\"\n", 1)},
			status: Fail, kind: Panic, file: "sum.go", line: 5, message: "os.Exit(0)",
		},
		{
			name: "os.Exit(0) before the tests does not pass",
			files: map[string]string{"sum.go": strings.Replace(goodSum,
				"package sum\n", "package sum\n\nimport \"os\"\n\nfunc init() { os.Exit(0) }\n", 1)},
			status: Fail, kind: Test, message: "exited before the tests finished",
		},
		{
			name: "analyzer finding is located and names the analyzer",
			files: map[string]string{"sum.go": strings.Replace(goodSum, "package sum\n",
				"package sum\n\nimport \"time\"\n\nfunc Nap() { time.Sleep(1000) }\n", 1)},
			checks: []string{"durationunit"}, status: Fail, kind: Analyzer, file: "sum.go", line: 5, message: "time.Sleep(1000)",
		},
		{
			name: "edited tests in the workspace are ignored",
			files: map[string]string{
				"sum.go":      with("return a + b", "return 0"),
				"sum_test.go": "package sum\n\nimport \"testing\"\n\nfunc TestSumAddsTwoNumbers(t *testing.T) {}\nfunc TestFirstInBubble(t *testing.T) {}\n",
			},
			status: Fail, kind: Test, message: "Sum(1, 2) = 0, want 3",
		},
		{
			name:   "deleted tests in the workspace are restored for grading",
			files:  map[string]string{"sum.go": with("return a + b", "return 0")},
			status: Fail, kind: Test, message: "Sum(1, 2) = 0, want 3",
		},
		{
			name: "a test file the learner added cannot take over",
			files: map[string]string{
				"sum.go":        with("return a + b", "return 0"),
				"extra_test.go": "package sum\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(m *testing.M) { os.Exit(0) }\n",
			},
			status: Fail, kind: Test, message: "Sum(1, 2) = 0, want 3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := learnerDir(t, tt.files)
			var g Grader
			// A time limit that a slow machine could reach would make
			// correct code fail: only the case about timeouts has one.
			v := g.Grade(context.Background(), sumExercise(cmp.Or(tt.limit, time.Hour), tt.checks...), dir)
			if v.Status != tt.status {
				t.Fatalf("status = %s, want %s; findings: %+v", v.Status, tt.status, v.Findings)
			}
			if tt.kind == "" {
				if len(v.Findings) != 0 {
					t.Errorf("findings = %+v, want none", v.Findings)
				}
				return
			}
			f, ok := find(v, tt.kind)
			if !ok {
				t.Fatalf("no %s finding in %+v", tt.kind, v.Findings)
			}
			if tt.file != "" && f.File != tt.file {
				t.Errorf("file = %q, want %q (%+v)", f.File, tt.file, f)
			}
			if tt.line != 0 && f.Line != tt.line {
				t.Errorf("line = %d, want %d (%+v)", f.Line, tt.line, f)
			}
			if !strings.Contains(f.Message, tt.message) {
				t.Errorf("message = %q, want it to contain %q", f.Message, tt.message)
			}
			if tt.related != "" && (len(f.Related) == 0 || !strings.HasPrefix(f.Related[0].Pos(), tt.related) ||
				f.Related[0].Message != "the goroutine is started here") {
				t.Errorf("related = %+v, want the go statement at %s", f.Related, tt.related)
			} else if tt.related == "" && len(f.Related) > 0 {
				t.Errorf("related = %+v, want none", f.Related)
			}
			if f.Kind != Analyzer && f.Kind != Compile && f.Lesson != "test/lesson" {
				t.Errorf("lesson = %q, want the exercise's lesson", f.Lesson)
			}
		})
	}
}

// The race detector's report becomes a race finding at the learner's line,
// naming both accesses.
func TestGradeReportsADataRaceWithBothPlaces(t *testing.T) {
	t.Parallel()
	racy := strings.Replace(goodSum, "func Sum(a, b int) int { return a + b }", `func Sum(a, b int) int {
	total := a
	done := make(chan bool)
	go func() {
		total += b
		done <- true
	}()
	total += 0
	<-done
	return total
}`, 1)
	ex := sumExercise(time.Hour)
	ex.Race = true
	var g Grader
	v := g.Grade(context.Background(), ex, learnerDir(t, map[string]string{"sum.go": racy}))
	f, ok := find(v, Race)
	if v.Status != Fail || !ok {
		t.Fatalf("status %s, findings %+v; want a race finding", v.Status, v.Findings)
	}
	if f.File != "sum.go" || (f.Line != 7 && f.Line != 10) {
		t.Errorf("race at %s:%d, want sum.go:7 or :10 (%+v)", f.File, f.Line, f)
	}
	for _, want := range []string{"data race: a ", "sum.go:7", "sum.go:10", "TestSumAddsTwoNumbers"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
	if other := 17 - f.Line; len(f.Related) != 1 || f.Related[0].File != "sum.go" || f.Related[0].Line != other ||
		!strings.HasPrefix(f.Related[0].Message, "the other access: a ") {
		t.Errorf("related = %+v, want the other access at sum.go:%d", f.Related, other)
	}
	if !strings.Contains(f.Detail, "WARNING: DATA RACE") {
		t.Errorf("detail lacks the report: %q", f.Detail)
	}
}

// An endless loop is stopped at the exercise's limit and explained. No
// wall-clock threshold: the exercise allows 2s, so a grade that returns
// with a timeout finding was stopped by the limit; one that was not
// stopped would hang until go test's own timeout.
func TestGradeStopsEndlessLoops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, message string
		grace              time.Duration
	}{
		{"in a test", with("return a + b", "for {\n\t}"), "TestSumAddsTwoNumbers did not finish within 2s", 0},
		{"in init", goodSum + "\nfunc init() {\n\tfor {\n\t}\n}\n", "never started within 2s", 0},
		// The test binary's own timeout never comes: accent kills the run.
		{"past the test binary's own timeout", with("return a + b", "for {\n\t}"), "did not finish within 2s", time.Millisecond},
		// A cunning learner switches the test binary's timeout off.
		{"with the test binary's timeout switched off", strings.Replace(with("return a + b", "for {\n\t}"), "package sum\n",
			"package sum\n\nimport \"os\"\n\nfunc init() { os.Args = append(os.Args, \"-test.timeout=0\") }\n", 1), "did not finish within 2s", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := learnerDir(t, map[string]string{"sum.go": tt.src})
			g := Grader{Grace: tt.grace}
			v := g.Grade(context.Background(), sumExercise(2*time.Second), dir)
			f, ok := find(v, Timeout)
			if !ok || !strings.Contains(f.Message, tt.message) {
				t.Fatalf("no timeout finding saying %q: %+v", tt.message, v)
			}
		})
	}
}

// Printing without end is stopped at the output limit, not at the time
// limit: the exercise allows an hour, so only the output limit can have
// ended this grade.
func TestGradeCapsOutput(t *testing.T) {
	t.Parallel()
	src := strings.Replace(with("return a + b", "for {\n\t\tfmt.Println(\"spam spam spam spam\")\n\t}"),
		"package sum\n", "package sum\n\nimport \"fmt\"\n", 1)
	dir := learnerDir(t, map[string]string{"sum.go": src})
	g := Grader{OutputLimit: 256 << 10}
	v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
	f, ok := find(v, Output)
	if !ok {
		t.Fatalf("no output finding: %+v", v)
	}
	if f.Test != "TestSumAddsTwoNumbers" {
		t.Errorf("test = %q, want the one that was printing", f.Test)
	}
}

func TestGradeNeverWritesToTheWorkspace(t *testing.T) {
	t.Parallel()
	dir := learnerDir(t, map[string]string{"sum.go": with("return a + b", "return 0")})
	before := snapshot(t, filepath.Dir(dir))
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Error(err)
		}
	})
	var g Grader
	v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
	if v.Status != Fail || !v.Has(Test, "TestSumAddsTwoNumbers") {
		t.Errorf("verdict in a read-only directory = %+v, want a test failure", v)
	}
	if after := snapshot(t, filepath.Dir(dir)); after != before {
		t.Errorf("grading changed the workspace:\nbefore %s\nafter  %s", before, after)
	}
}

func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b.WriteString(path + " " + info.ModTime().String() + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGradeMissingDirectoryIsAnError(t *testing.T) {
	var g Grader
	v := g.Grade(context.Background(), sumExercise(time.Second), filepath.Join(t.TempDir(), "gone"))
	if v.Status != Error || !strings.Contains(v.Findings[0].Message, "accent init") {
		t.Errorf("verdict = %+v, want an error telling to run accent init", v)
	}
}

func TestGradeCanceled(t *testing.T) {
	t.Parallel()
	dir := learnerDir(t, map[string]string{"sum.go": with("return a + b", "select {}")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Cancel once the test binary is running: the exercise allows an
	// hour, so only the cancel can end this grade.
	g := Grader{onStart: cancel}
	v := g.Grade(ctx, sumExercise(time.Hour), dir)
	if v.Status != Error || !strings.Contains(v.Findings[0].Message, "canceled") {
		t.Errorf("verdict = %+v, want canceled", v)
	}
}

func TestVerdictJSON(t *testing.T) {
	v := Verdict{Exercise: "a/b", Status: Fail, Elapsed: 1500 * time.Millisecond, Findings: []Finding{
		{Kind: Leak, File: "x.go", Line: 3, Message: "m"},
	}}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a/b","status":"fail","findings":[{"kind":"leak","file":"x.go","line":3,"message":"m"}],"elapsed_ms":1500}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	b, err = json.Marshal(Verdict{Exercise: "a/b", Status: Pass})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"findings":[]`) {
		t.Errorf("a pass must carry an empty findings list, got %s", b)
	}
}

func TestCheckCourseCatchesAWrongVariantThatPasses(t *testing.T) {
	t.Parallel()
	ex := sumExercise(time.Hour)
	ex.Starter = map[string][]byte{"sum.go": []byte(goodSum)} // a stub that already passes
	ex.Solution = map[string][]byte{"sum.go": []byte(with("return a + b", "return a - b"))}
	ex.Wrong = []course.Wrong{
		{Name: "harmless", Expect: course.Expect{Kind: "leak"}, Files: map[string][]byte{"sum.go": []byte(goodSum)}},
		{Name: "leaky", Expect: course.Expect{Kind: "leak"}, Files: map[string][]byte{"sum.go": []byte(with("ch := make(chan int, 2)", "ch := make(chan int)"))}},
		{Name: "misnamed", Expect: course.Expect{Kind: "test", Detail: "TestOther"}, Files: map[string][]byte{"sum.go": []byte(with("return a + b", "return 0"))}},
	}
	var g Grader
	results, err := g.CheckCourse(context.Background(), &course.Course{Exercises: []*course.Exercise{ex}}, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"starter":        "passes already",
		"solution":       "does not pass",
		"wrong/harmless": "wrong variant passes",
		"wrong/leaky":    "",
		"wrong/misnamed": "want a test:TestOther finding",
	}
	if len(results) != len(want) {
		t.Fatalf("got %d results, want %d", len(results), len(want))
	}
	for _, r := range results {
		w := want[r.Variant]
		if (w == "") != (r.Problem == "") || !strings.Contains(r.Problem, w) {
			t.Errorf("%s: problem %q, want %q", r.Variant, r.Problem, w)
		}
	}
}

func TestCollapseMergesRepeatedFindings(t *testing.T) {
	in := []Finding{
		{Kind: Compile, File: "a_test.go", Line: 3, Message: "undefined: F"},
		{Kind: Compile, File: "a_test.go", Line: 9, Message: "undefined: F"},
		{Kind: Compile, File: "a_test.go", Line: 12, Message: "undefined: G"},
		{Kind: Test, Test: "TestA/x", Message: "same"},
		{Kind: Test, Test: "TestA/y", Message: "same"},
	}
	out := collapse(in)
	if len(out) != 4 {
		t.Fatalf("collapse kept %d findings, want 4: %+v", len(out), out)
	}
	if out[0].Line != 3 || !strings.HasSuffix(out[0].Message, "(and 1 more place(s) in a_test.go)") {
		t.Errorf("first = %+v", out[0])
	}
	if out[1].Message != "undefined: G" {
		t.Errorf("second = %+v", out[1])
	}
}

func TestClassifyReadsTheLineBeforeADump(t *testing.T) {
	tests := []struct {
		preamble string
		kind     Kind
		headline string
	}{
		{"=== RUN TestX\npanic: test timed out after 2s\n\trunning tests:\n", Timeout, "test timed out after 2s"},
		{"panic: deadlock: main bubble goroutine has exited but blocked goroutines remain [recovered, repanicked]\n", Leak, "deadlock: main bubble goroutine has exited but blocked goroutines remain"},
		{"panic: deadlock: all goroutines in bubble are blocked [recovered]\n", Deadlock, "deadlock: all goroutines in bubble are blocked"},
		{"fatal error: all goroutines are asleep - deadlock!\n", Deadlock, "all goroutines are asleep - deadlock!"},
		{"fatal error: concurrent map writes\n", Panic, "fatal error: concurrent map writes"},
		{"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV]\n", Panic, "panic: runtime error: invalid memory address or nil pointer dereference"},
		{"just some log output\n", "", ""},
	}
	for _, tt := range tests {
		kind, headline := classify(tt.preamble)
		if kind != tt.kind || headline != tt.headline {
			t.Errorf("classify(%q) = %q, %q; want %q, %q", tt.preamble, kind, headline, tt.kind, tt.headline)
		}
	}
}
