package grade

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Memory is limited per grade, and what happened is said in plain words:
// how many goroutines, started where; not "killed", not "an endless loop".
func TestGradeStopsRunawayMemory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		src     string
		line    int
		message []string
	}{
		{
			name: "a goroutine bomb",
			src: with("func Sum(a, b int) int { return a + b }", `func Sum(a, b int) int {
	for {
		go func() { select {} }()
	}
}`),
			line:    5,
			message: []string{"goroutines were running, started at sum.go:5", "goroutines started in a loop"},
		},
		{
			name: "one huge allocation",
			// Held, and then blocked on: only the limit can end it (an
			// allocation the test is done with may be gone before the
			// watchdog looks, and then there is nothing to report).
			src: strings.Replace(with("return a + b", "keep = make([]byte, 20<<30)\n\tkeep[len(keep)-1] = 1\n\tselect {}"),
				"package sum\n", "package sum\n\nvar keep []byte\n", 1),
			message: []string{"memory", "one huge allocation"},
		},
		{
			name: "a slice that grows without end",
			src: with("return a + b", `var keep [][]byte
	for {
		keep = append(keep, make([]byte, 1<<20))
	}`),
			message: []string{"memory", "a value that keeps growing"},
		},
	}
	if runtime.GOOS == "linux" {
		// Memory the Go runtime does not count: only the supervisor sees it.
		tests = append(tests, struct {
			name    string
			src     string
			line    int
			message []string
		}{
			name: "memory mapped outside the Go heap",
			src: srcWithImports(with("return a + b", `m, err := syscall.Mmap(-1, 0, 4<<30, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	for i := 0; i < len(m); i += 4096 {
		m[i] = 1
	}
	select {}`), "syscall"),
			message: []string{"of memory (sum.test), so accent killed them"},
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := Grader{MemoryLimit: 256 << 20}
			v := g.Grade(context.Background(), sumExercise(time.Hour), learnerDir(t, map[string]string{"sum.go": tt.src}))
			f, ok := find(v, Memory)
			if v.Status != Fail || !ok {
				t.Fatalf("verdict %s %+v, want a memory finding", v.Status, v.Findings)
			}
			t.Log(f.Message)
			for _, want := range tt.message {
				if !strings.Contains(f.Message, want) {
					t.Errorf("message %q lacks %q", f.Message, want)
				}
			}
			if tt.line != 0 && (f.File != "sum.go" || f.Line != tt.line) {
				t.Errorf("at %s:%d, want sum.go:%d", f.File, f.Line, tt.line)
			}
		})
	}
}

// Goroutines that stay under the memory limit but block the test until
// it times out make a stack dump larger than accent keeps: that is a
// goroutine count, not "printing in a loop".
func TestGradeExplainsAnOverflowingGoroutineDump(t *testing.T) {
	t.Parallel()
	src := with("func Sum(a, b int) int { return a + b }", `func Sum(a, b int) int {
	for i := 0; i < 20000; i++ {
		go func() { select {} }()
	}
	select {}
}`)
	g := Grader{OutputLimit: 256 << 10}
	v := g.Grade(context.Background(), sumExercise(2*time.Second), learnerDir(t, map[string]string{"sum.go": src}))
	if _, ok := find(v, Output); ok {
		t.Fatalf("explained as printing: %+v", v.Findings)
	}
	f, ok := find(v, Timeout)
	if v.Status != Fail || !ok {
		t.Fatalf("verdict %s %+v, want a timeout finding", v.Status, v.Findings)
	}
	t.Log(f.Message)
	for _, want := range []string{"too many goroutines running", "listed were started at sum.go:5"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 200000: "200,000", 1234567: "1,234,567", -5000: "-5,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
