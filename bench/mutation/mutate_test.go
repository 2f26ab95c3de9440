package main

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// sample exercises every operator. Line numbers matter to the tests below:
// the build line is line 1, as in the course.
const sample = `//go:build accent

package sample

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
)

var errEmpty = errors.New("empty")

func Sum(ctx context.Context, in []int, out chan<- int) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	done := make(chan struct{}, 2)
	for i := 0; i < len(in); i++ {
		if in[i] > 10 && !(in[i] == 99) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += in[i] * 2
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(done)
	if len(in) == 0 {
		return errEmpty
	}
	select {
	case out <- total:
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
		return nil
	default:
	}
	return nil
}

func Clean(s string) (string, error) {
	if err := check(s); err != nil {
		return "", err
	}
	return strings.TrimSpace(s), nil
}

func check(s string) error { return nil }

var once = sync.OnceValue(func() int { return 1 })

const layout = "2006-01-02 15:04"

func Loop() bool {
	ch := make(chan int)
	for {
		break
	}
	<-ch
	return true
}
`

func sampleMutants(t *testing.T) (*Package, []Mutant) {
	t.Helper()
	p, err := LoadPackage(map[string][]byte{"sample.go": []byte(sample)})
	if err != nil {
		t.Fatal(err)
	}
	return p, p.Mutants()
}

func ids(ms []Mutant) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID())
	}
	return out
}

// TestOperatorsProduceTheirMutants checks one mutant of every operator:
// its id (position in the file on disk, operator, change) and the line of
// the mutated file where the change lands.
func TestOperatorsProduceTheirMutants(t *testing.T) {
	p, ms := sampleMutants(t)
	want := []struct{ id, line string }{
		{"sample.go:20:16 boundary <-><=", "for i := 0; i <= len(in); i++ {"},
		{"sample.go:20:16 negate <->>=", "for i := 0; i >= len(in); i++ {"},
		{"sample.go:20:28 incdec ++->--", "for i := 0; i < len(in); i-- {"},
		{"sample.go:21:12 boundary >->>=", "if in[i] >= 10 && !(in[i] == 99) {"},
		{"sample.go:21:12 negate >-><=", "if in[i] <= 10 && !(in[i] == 99) {"},
		{"sample.go:21:17 logical &&->||", "if in[i] > 10 || !(in[i] == 99) {"},
		{"sample.go:21:20 not !->", "if in[i] > 10 && (in[i] == 99) {"},
		{"sample.go:21:28 negate ==->!=", "if in[i] > 10 && !(in[i] != 99) {"},
		{"sample.go:21:14 const 10->11", "if in[i] > 11 && !(in[i] == 99) {"},
		{"sample.go:21:14 const 10->9", "if in[i] > 9 && !(in[i] == 99) {"},
		{"sample.go:22:4 break-continue continue->break", "break"},
		{"sample.go:24:3 remove-call wg.Add(1)->", ""},
		{"sample.go:25:3 remove-go go->", "func() {"},
		{"sample.go:26:4 remove-defer defer wg.Done()->", ""},
		{"sample.go:26:4 undefer defer->", "wg.Done()"},
		{"sample.go:28:10 arith +=->-=", "total -= in[i] * 2"},
		{"sample.go:28:19 arith *->/", "total += in[i] / 2"},
		{"sample.go:28:21 const 2->3", "total += in[i] * 3"},
		{"sample.go:29:4 remove-call mu.Unlock()->", ""},
		{"sample.go:33:2 remove-call close(done)->", "if false { close(done) }"}, // done is used nowhere else
		{"sample.go:19:28 chan-unbuffer , 2->", "done := make(chan struct{})"},
		{"sample.go:19:30 chan-buffer 2->3", "done := make(chan struct{}, 3)"},
		{"sample.go:62:21 chan-buffer ->, 1", "ch := make(chan int, 1)"},
		{"sample.go:35:10 nil-error errEmpty->nil", "return nil"},
		{"sample.go:40:10 nil-error ctx.Err()->nil", "return nil"},
		{"sample.go:39:2 select-case case <-ctx.Done(): return ctx.Err()->", ""},
		{"sample.go:41:2 select-case case <-time.After(time.Second): return …->", "case <-(<-chan time.Time)(nil):"}, // time is used nowhere else
		{"sample.go:43:2 select-default default:->", ""},
		{"sample.go:49:22 drop-err-check err != nil->false", "if err := check(s); false {"},
		{"sample.go:52:9 drop-call strings.TrimSpace(s)->s", "return s, nil"},
		{"sample.go:57:12 remove-once sync.OnceValue(func() int { return 1 })->func() int { return 1 }", "var once = func() int { return 1 }"},
		{`sample.go:59:16 layout "2006-01-02 15:04"->"2006-02-01 15:04"`, `const layout = "2006-02-01 15:04"`},
		{`sample.go:59:16 layout "2006-01-02 15:04"->"2006-01-02 03:04"`, `const layout = "2006-01-02 03:04"`},
		{`sample.go:59:16 layout "2006-01-02 15:04"->"06-01-02 15:04"`, `const layout = "06-01-02 15:04"`},
		{"sample.go:64:3 break-continue break->continue", "continue"},
		{"sample.go:66:2 remove-recv <-ch->", "if false { <-ch }"}, // ch is used nowhere else
		{"sample.go:67:9 bool true->false", "return false"},
	}
	// Each change is made once: a channel's buffer by chan-buffer, not
	// const; sync.OnceValue(f) by remove-once, not drop-call.
	for _, id := range []string{"sample.go:19:30 const 2->1", "sample.go:57:12 drop-call sync.OnceValue(func() int { return 1 })->(func() int { return 1 })"} {
		if slices.Contains(ids(ms), id) {
			t.Errorf("%q: the same change is made by another operator", id)
		}
	}
	byID := map[string]Mutant{}
	for _, m := range ms {
		byID[m.ID()] = m
	}
	for _, w := range want {
		m, ok := byID[w.id]
		if !ok {
			t.Errorf("no mutant %q; have:\n  %s", w.id, strings.Join(ids(ms), "\n  "))
			continue
		}
		if err := p.Settle(&m); err != nil {
			t.Errorf("%s does not compile: %v", w.id, err)
			continue
		}
		got := lineOf(m.Apply([]byte(sample)), m.Line)
		if got != w.line {
			t.Errorf("%s: line %d of the mutant is %q, want %q", w.id, m.Line, got, w.line)
		}
	}
	for _, m := range ms {
		if m.Desc == "" || !bytes.HasPrefix(m.Apply([]byte(sample)), []byte("//go:build accent\n\npackage sample")) {
			t.Errorf("%s: no description, or the build line or package clause changed", m.ID())
		}
	}
}

// TestRemovalThatLeavesANameUnusedStillCompiles: removing the only use of
// a variable would not compile; the statement is kept under if false.
func TestRemovalThatLeavesANameUnusedStillCompiles(t *testing.T) {
	src := "//go:build accent\n\npackage p\n\nfunc F(ch chan int, xs []int) {\n\tfor _, x := range xs {\n\t\tch <- x\n\t}\n}\n"
	p, err := LoadPackage(map[string][]byte{"p.go": []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	ms := p.Mutants()
	if len(ms) != 1 || ms[0].Op != "remove-send" {
		t.Fatalf("mutants: %q, want one remove-send", ids(ms))
	}
	m := ms[0]
	if err := p.Settle(&m); err != nil {
		t.Fatalf("the removal does not compile in either spelling: %v", err)
	}
	if got := lineOf(m.Apply([]byte(src)), 7); got != "if false { ch <- x }" {
		t.Errorf("line 7 = %q, want the send under if false", got)
	}
	if m.ID() != ms[0].ID() {
		t.Errorf("the spelling changed the id: %q, was %q", m.ID(), ms[0].ID())
	}
}

// TestStillbornMutantsAreReported: a mutant no spelling makes compile is
// reported with the type error.
func TestStillbornMutantsAreReported(t *testing.T) {
	src := "//go:build accent\n\npackage p\n\nvar a [2]int\n\nfunc F() int { return a[0] }\n"
	p, err := LoadPackage(map[string][]byte{"p.go": []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, m := range p.Mutants() {
		if m.ID() == "p.go:7:25 const 0->(-1)" {
			found = true
			if err := p.Settle(&m); err == nil || !strings.Contains(err.Error(), "negative") {
				t.Errorf("a[-1] should be stillborn with a type error, got %v", err)
			}
		}
	}
	if !found {
		t.Error("no const mutant a[0] -> a[-1]")
	}
}

// TestIDsAreStable: the same source gives the same ids, in the same order,
// every time, and no two mutants share an id.
func TestIDsAreStable(t *testing.T) {
	_, first := sampleMutants(t)
	for range 3 {
		_, again := sampleMutants(t)
		if !slices.Equal(ids(first), ids(again)) {
			t.Fatalf("ids changed between runs:\n%q\n%q", ids(first), ids(again))
		}
	}
	seen := map[string]bool{}
	for _, id := range ids(first) {
		if seen[id] {
			t.Errorf("two mutants share the id %q", id)
		}
		seen[id] = true
	}
}

// TestEquivalentListApplies: listed mutants that survive are equivalent
// and left out of the score; a listed mutant a test kills is reported;
// an entry matching no mutant is stale.
func TestEquivalentListApplies(t *testing.T) {
	files := fstest.MapFS{"channels.yaml": {Data: []byte(`
# comment
channels/first-response:
  - id: "a.go:3:1 const 1->2"
    reason: the size does not matter
  - id: "a.go:4:1 const 1->2"
    reason: killed after all
  - id: "a.go:9:9 const 1->2"
    reason: gone
`)}}
	known := func(id string) (string, bool) { return "channels", id == "channels/first-response" }
	eq, err := LoadEquivalents(files, known)
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{equivalent: eq["channels/first-response"]}
	for _, c := range []struct{ id, status string }{
		{"a.go:3:1 const 1->2", statusSurvived},
		{"a.go:4:1 const 1->2", statusKilled},
		{"a.go:5:1 const 1->2", statusKilled},
		{"a.go:6:1 const 1->2", statusSurvived},
		{"a.go:7:1 const 1->2", statusStillborn},
	} {
		res := &Result{ID: c.id, Status: c.status}
		if c.status == statusSurvived && r.equivalent[c.id] != (Equivalent{}) {
			res.Status, res.Reason = statusEquivalent, r.equivalent[c.id].Reason
		}
		r.Results = append(r.Results, res)
	}
	r.tally()
	if r.Mutants != 4 || r.Killed != 2 || r.Survived != 1 || r.Equivalent != 1 || r.Stillborn != 1 {
		t.Errorf("tally: %d mutants, %d killed, %d survived, %d equivalent, %d stillborn; want 4, 2, 1, 1, 1",
			r.Mutants, r.Killed, r.Survived, r.Equivalent, r.Stillborn)
	}
	if r.Score == nil || *r.Score != 100*2.0/3.0 {
		t.Errorf("score = %v, want killed/(mutants-equivalent) = 66.7%%", scoreText(r.Score))
	}
	if !slices.Equal(r.NotEquivalent, []string{"a.go:4:1 const 1->2"}) {
		t.Errorf("killed but listed: %q", r.NotEquivalent)
	}
	if !slices.Equal(r.Stale, []string{"a.go:9:9 const 1->2"}) {
		t.Errorf("stale: %q", r.Stale)
	}
}

// TestEquivalentListRejectsBadInput: every mistake is reported, with its file.
func TestEquivalentListRejectsBadInput(t *testing.T) {
	known := func(id string) (string, bool) {
		topic, _, _ := strings.Cut(id, "/")
		return topic, id == "channels/first-response" || id == "time/debounce"
	}
	for _, c := range []struct{ name, data, want string }{
		{"channels.yaml", "channels/nope:\n  - id: x\n    reason: y\n", `no exercise "channels/nope"`},
		{"channels.yaml", "time/debounce:\n  - id: x\n    reason: y\n", "time/debounce belongs in time.yaml"},
		{"channels.yaml", "channels/first-response:\n  - id: x\n", "no reason"},
		{"channels.yaml", "channels/first-response:\n  - reason: y\n", "no id"},
		{"channels.yaml", "channels/first-response:\n  - id: x\n    reason: y\n  - id: x\n    reason: z\n", "listed twice"},
		{"channels.yaml", "channels/first-response:\n  - id: x\n    why: y\n", "field why not found"},
		{"channels.yaml", "channels/first-response: [\n", "channels.yaml"},
	} {
		_, err := LoadEquivalents(fstest.MapFS{c.name: {Data: []byte(c.data)}}, known)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one containing %q", c.data, err, c.want)
		}
	}
	if _, err := LoadEquivalents(fstest.MapFS{"time.yaml": {Data: []byte("# nothing yet\n")}}, known); err != nil {
		t.Errorf("a file of comments only: %v", err)
	}
}

// TestTheCourseEquivalentListsLoad: the lists in the repository name real
// exercises, in their topic's file, with reasons.
func TestTheCourseEquivalentListsLoad(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"--course", "../..", "--list", "--json", "channels/first-response"}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "== channels/first-response:") {
		t.Errorf("--list printed:\n%s", out.String())
	}
}

// TestRunRejectsBadInput: unknown exercises and bad flags exit 2 and say why.
func TestRunRejectsBadInput(t *testing.T) {
	for _, args := range [][]string{{"--course", "../..", "no-such-exercise"}, {"-j", "0"}, {"--min", "101"}, {"--course", t.TempDir()}} {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), args, &out, &errOut); code != exitUsage || errOut.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 with a message", args, code, errOut.String())
		}
	}
}

// TestJSONReport: the machine-readable report has the counts, the score
// and every result with its id.
func TestJSONReport(t *testing.T) {
	s := 50.0
	r := &Report{Results: []*Result{{ID: "a", Status: statusKilled, By: "leak"}, {ID: "b", Status: statusSurvived}}}
	r.tally()
	r.Exercise = nil
	if r.Score == nil || *r.Score != s {
		t.Fatalf("score %v", scoreText(r.Score))
	}
	b, err := json.Marshal(jsonExercise{ID: "x", Mutants: r.Mutants, Killed: r.Killed, Survived: r.Survived, Score: r.Score, Results: r.Results})
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Score   float64 `json:"score"`
		Results []struct {
			ID, Status, By string
		} `json:"results"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Score != 50 || len(back.Results) != 2 || back.Results[0].ID != "a" || back.Results[0].By != "leak" {
		t.Errorf("JSON: %s", b)
	}
}
