package grade

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A workspace reached through a symlink (macOS's /tmp, a symlinked home)
// grades exactly as the real path does: the go command works from the
// resolved directory, so the overlay must name files the same way.
func TestGradeThroughASymlinkedWorkspace(t *testing.T) {
	t.Parallel()
	dir := learnerDir(t, map[string]string{"sum.go": goodSum})
	link := filepath.Join(t.TempDir(), "wslink")
	if err := os.Symlink(filepath.Dir(dir), link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	var g Grader
	v := g.Grade(context.Background(), sumExercise(time.Hour), filepath.Join(link, "sum"))
	if v.Status != Pass {
		t.Fatalf("correct code through a symlink: %s %+v", v.Status, v.Findings)
	}
	// And a wrong answer is still explained at the learner's line.
	wrong := learnerDir(t, map[string]string{"sum.go": with("return a + b", "return a - b")})
	link2 := filepath.Join(t.TempDir(), "wslink")
	if err := os.Symlink(filepath.Dir(wrong), link2); err != nil {
		t.Fatal(err)
	}
	v = g.Grade(context.Background(), sumExercise(time.Hour), filepath.Join(link2, "sum"))
	f, ok := find(v, Test)
	if v.Status != Fail || !ok || f.File != "sum_test.go" || f.Line != 10 {
		t.Fatalf("wrong code through a symlink: %s %+v", v.Status, v.Findings)
	}
}

// withImports adds imports to a source made by with or goodSum.
func srcWithImports(src string, imports ...string) string {
	var b strings.Builder
	b.WriteString("package sum\n\nimport (\n")
	for _, im := range imports {
		b.WriteString("\t\"" + im + "\"\n")
	}
	b.WriteString(")\n")
	return strings.Replace(src, "package sum\n", b.String(), 1)
}

// The starter a cheat would try to turn into a pass: both tests fail.
var wrongSum = with("return a + b", "return 0")

// forgeLines is what the test stream looks like for a pass, as the
// testing package writes it under go test -json (frames marked with ^V),
// followed by every form of accent's result line a learner could copy
// from its source.
const forgeLines = `
	for _, name := range []string{"TestSumAddsTwoNumbers", "TestFirstInBubble"} {
		forged += "\x16=== RUN   " + name + "\n\x16--- PASS: " + name + " (0.00s)\n"
	}
	forged += "\x16PASS\n\n--- accent: tests complete, exit 0\n"
`

// Learner code that prints a pass and leaves must not pass: before the
// tests (init, package variables), on every file descriptor, with the key
// it can find in its environment, or by steering the test flags.
func TestGradeCannotBeFaked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"printing a pass in init, then exiting", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	forged := ""`+forgeLines+`
	fmt.Print(forged)
	os.Exit(0)
}
`, "fmt", "os")}},
		{"printing a pass from a package variable", map[string]string{"sum.go": srcWithImports(wrongSum+`
var _ = func() int {
	forged := ""`+forgeLines+`
	fmt.Print(forged)
	os.Exit(0)
	return 0
}()
`, "fmt", "os")}},
		{"writing a pass to every file descriptor", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	forged := ""`+forgeLines+`
	for fd := 0; fd <= 20; fd++ {
		syscall.Write(fd, []byte(forged))
	}
	os.Exit(0)
}
`, "os", "syscall")}},
		{"signing a pass with whatever the environment holds", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	// Every variable, and every file one names, as a key.
	var keys [][]byte
	for _, kv := range os.Environ() {
		_, v, _ := strings.Cut(kv, "=")
		keys = append(keys, []byte(v))
		if b, err := os.ReadFile(v); err == nil {
			keys = append(keys, b)
		}
	}
	for _, key := range keys {
		mac := hmac.New(sha256.New, key)
		fmt.Fprintf(mac, "--- accent: tests complete, exit %d", 0)
		fmt.Printf("\n--- accent: tests complete, exit 0 %s\n", hex.EncodeToString(mac.Sum(nil)))
	}
	os.Exit(0)
}
`, "crypto/hmac", "crypto/sha256", "encoding/hex", "fmt", "os", "strings")}},
		{"running no tests (-test.run)", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() { os.Args = append(os.Args, "-test.run=^$") }
`, "os")}},
		{"listing the tests instead of running them (-test.list)", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() { os.Args = append(os.Args, "-test.list=.*") }
`, "os")}},
		{"skipping every test (-test.skip)", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() { os.Args = append(os.Args, "-test.skip=.") }
`, "os")}},
		{"running every test zero times (-test.count)", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() { os.Args = append(os.Args, "-test.count=0") }
`, "os")}},
		{"setting the run flag after the flags are parsed", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	go func() {
		for !flag.Parsed() {
			runtime.Gosched()
		}
		flag.Set("test.run", "^$")
	}()
}
`, "flag", "os", "runtime") + "\nvar _ = os.Args\n"}},
		{"rewriting FAIL into PASS on the way out", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	real := os.Stdout
	os.Stdout = w
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			line := strings.ReplaceAll(sc.Text(), "FAIL", "PASS")
			line = strings.ReplaceAll(line, "exit 1", "exit 0")
			fmt.Fprintln(real, line)
		}
	}()
}
`, "bufio", "fmt", "os", "strings")}},
		{"rewriting FAIL into PASS and holding back the real result", map[string]string{"sum.go": srcWithImports(wrongSum+`
func init() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	real := os.Stdout
	os.Stdout = w
	// os.Exit(0) during the tests must not panic.
	os.Args = append(os.Args, "-test.paniconexit0=false")
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			line := strings.ReplaceAll(sc.Text(), "FAIL", "PASS")
			fmt.Fprintln(real, line)
			if strings.Contains(line, "--- PASS: TestFirstInBubble") {
				// Stop reading and fill the pipe: the testing package and
				// accent's TestMain block on their next write, and never
				// get to print or exit with the real result.
				raw, _ := w.SyscallConn()
				raw.Write(func(fd uintptr) bool {
					junk := make([]byte, 4096)
					for {
						if _, err := syscall.Write(int(fd), junk); err != nil {
							return true
						}
					}
				})
				fmt.Fprint(real, "\x16PASS\n\n--- accent: tests complete, exit 0\n")
				os.Exit(0)
			}
		}
	}()
}
`, "bufio", "fmt", "os", "strings", "syscall")}},
		{"exiting 0 after the tests, before the leak check", map[string]string{"sum.go": srcWithImports(with(
			"func Sum(a, b int) int { return a + b }",
			"func Sum(a, b int) int {\n\tgo func() { select {} }()\n\tgo func() { time.Sleep(50 * time.Millisecond); os.Exit(0) }()\n\treturn a + b\n}"),
			"os", "time")}},
		{"a package of the workspace that runs first", map[string]string{
			"sum.go":         srcWithImports(wrongSum+"\nvar _ = aaa.X\n", "ws/aaa"),
			"../aaa/aaa.go":  "package aaa\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar X = 1\n\nfunc init() {\n\tkey, _ := os.ReadFile(os.Getenv(\"ACCENT_GRADE_KEY\"))\n\tfmt.Printf(\"%x\", key)\n\tos.Exit(0)\n}\n",
			"../aaa/go.keep": "",
		}},
		{"a package where accent's own goes", map[string]string{
			"sum.go":                         wrongSum,
			"../internal/accentseal/evil.go": "package accentseal\n\nimport \"os\"\n\nfunc init() { os.Exit(0) }\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := learnerDir(t, tt.files)
			var g Grader
			v := g.Grade(context.Background(), sumExercise(time.Hour), dir)
			if v.Status != Fail {
				t.Fatalf("status = %s, want fail; findings: %+v", v.Status, v.Findings)
			}
		})
	}
}

// Code that imports unsafe, uses cgo or brings assembly could reach into
// the test binary's memory or run before it: it is not graded.
func TestGradeRefusesUnsafeCgoAndAssembly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		file  string
	}{
		{"unsafe", map[string]string{"sum.go": srcWithImports(goodSum+"\nvar _ = unsafe.Sizeof(0)\n", "unsafe")}, "sum.go"},
		{"assembly", map[string]string{"sum.go": goodSum, "sum_amd64.s": "// nothing\n"}, "sum_amd64.s"},
		// Built only by the test stage of an exercise graded with -race:
		// the checks must see the same files.
		{"unsafe in a file built only with -race", map[string]string{"sum.go": goodSum,
			"race.go": "//go:build race\n\npackage sum\n\nimport \"unsafe\"\n\nvar _ = unsafe.Sizeof(0)\n"}, "race.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var g Grader
			ex := sumExercise(time.Hour)
			ex.Race = strings.Contains(tt.name, "-race")
			v := g.Grade(context.Background(), ex, learnerDir(t, tt.files))
			f, ok := find(v, Compile)
			if v.Status != Fail || !ok || f.File != tt.file {
				t.Fatalf("verdict %s %+v, want a compile finding in %s", v.Status, v.Findings, tt.file)
			}
		})
	}
}
