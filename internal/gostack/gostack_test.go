package gostack

import (
	"os"
	"strings"
	"testing"
)

func parseFile(t *testing.T, name string) []Dump {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	dumps, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	if len(dumps) == 0 {
		t.Fatalf("Parse(%s): no dump found", name)
	}
	return dumps
}

func TestParseClassifiesEveryBlockingState(t *testing.T) {
	d := parseFile(t, "timeout.txt")[0]
	if !strings.HasPrefix(d.Preamble, "panic: test timed out after 1s") {
		t.Errorf("preamble = %q, want the timeout panic", d.Preamble)
	}
	ops := map[Op]int{}
	for _, g := range d.Goroutines {
		if _, ok := g.FirstFrame(func(f Frame) bool { return strings.HasSuffix(f.File, "/b/b.go") }); ok {
			ops[g.Op()]++
		}
	}
	for _, want := range []Op{WaitWG, Lock, NilReceive, Select, Send} {
		if ops[want] == 0 {
			t.Errorf("no goroutine in b.go classified as %v (%s); got %v", want, want.Describe(), ops)
		}
	}
}

func TestParseKeepsCreatorAndLocation(t *testing.T) {
	d := parseFile(t, "synctest_leak.txt")[0]
	var leaked *Goroutine
	for i, g := range d.Goroutines {
		if g.ID == 8 {
			leaked = &d.Goroutines[i]
		}
	}
	if leaked == nil {
		t.Fatalf("goroutine 8 not found in %+v", d.Goroutines)
	}
	if leaked.State != "chan send" {
		t.Errorf("state = %q, want %q (durable and bubble notes stripped)", leaked.State, "chan send")
	}
	if leaked.Op() != Send {
		t.Errorf("op = %v, want Send", leaked.Op())
	}
	if leaked.CreatedBy == nil || !strings.HasSuffix(leaked.CreatedBy.File, "/a/a.go") || leaked.CreatedBy.Line != 9 {
		t.Errorf("created by = %+v, want a.go:9", leaked.CreatedBy)
	}
	f, ok := leaked.FirstFrame(func(f Frame) bool { return strings.HasSuffix(f.File, "a.go") })
	if !ok || f.Line != 9 {
		t.Errorf("first frame in a.go = %+v, %v; want line 9", f, ok)
	}
}

func TestParsePanicFirstGoroutineIsThePanickingOne(t *testing.T) {
	d := parseFile(t, "panic.txt")[0]
	if !strings.Contains(d.Preamble, "index out of range [3] with length 1") {
		t.Errorf("preamble = %q", d.Preamble)
	}
	g := d.Goroutines[0]
	if g.Op() != Running {
		t.Errorf("first goroutine op = %v (%q), want Running", g.Op(), g.State)
	}
	f, ok := g.FirstFrame(func(f Frame) bool { return strings.HasSuffix(f.File, "/c/c.go") })
	if !ok || f.Line != 3 || !strings.HasSuffix(f.Func, "c.At") {
		t.Errorf("panic site = %+v, %v; want c.At at c.go:3", f, ok)
	}
}

func TestParseFindsSeveralDumpsAndNone(t *testing.T) {
	a, err := os.ReadFile("testdata/panic.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/synctest_leak.txt")
	if err != nil {
		t.Fatal(err)
	}
	dumps, err := Parse(append(append(a, "\nsome log line\n"...), b...))
	if err != nil {
		t.Fatal(err)
	}
	if len(dumps) != 2 {
		t.Fatalf("got %d dumps, want 2", len(dumps))
	}
	if !strings.Contains(dumps[1].Preamble, "main bubble goroutine has exited") {
		t.Errorf("second preamble = %q", dumps[1].Preamble)
	}
	none, err := Parse([]byte("=== RUN TestX\n--- PASS: TestX\nok\n"))
	if err != nil || len(none) != 0 {
		t.Errorf("Parse(no dump) = %v, %v; want nothing", none, err)
	}
}

func TestOpFromState(t *testing.T) {
	tests := []struct {
		state string
		want  Op
	}{
		{"running", Running},
		{"chan send", Send},
		{"chan receive", Receive},
		{"chan send (nil chan)", NilSend},
		{"chan receive (nil chan)", NilReceive},
		{"select", Select},
		{"select (no cases)", EmptySelect},
		{"sync.Mutex.Lock", Lock},
		{"sync.RWMutex.RLock", Lock},
		{"sync.WaitGroup.Wait", WaitWG},
		{"sync.Cond.Wait", CondWait},
		{"sleep", Sleep},
		{"IO wait", IOWait},
		{"syscall", Other},
	}
	for _, tt := range tests {
		if got := (Goroutine{State: tt.state}).Op(); got != tt.want {
			t.Errorf("Op(%q) = %v, want %v", tt.state, got, tt.want)
		}
	}
}
