package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/pair"
	"github.com/accent-go/accent/internal/progress"
)

// newPairHarness is the harness on the small course frozen in the TUI's
// test data, so that these tests do not follow the course as it grows.
func newPairHarness(t *testing.T) *harness {
	t.Helper()
	c, err := course.Load(os.DirFS("../tui/testdata/course/lessons"), os.DirFS("../tui/testdata/course/exercises"))
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, workspace: filepath.Join(t.TempDir(), "ws"), state: t.TempDir(), course: c}
}

func TestPairFlagErrors(t *testing.T) {
	h := newPairHarness(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no names", []string{"pair"}, "accent pair needs --driver and --navigator"},
		{"no navigator", []string{"pair", "--driver", "Ana"}, "needs --driver and --navigator"},
		{"blank navigator", []string{"pair", "--driver", "Ana", "--navigator", "  "}, "needs --driver and --navigator"},
		{"a name of escapes only", []string{"pair", "--driver", "\x1b[2J\x1b[0m", "--navigator", "Bo"}, "--driver: the name is empty"},
		{"the same person", []string{"pair", "--driver", "Ana Lima", "--navigator", "ana  lima"}, "a pair is two people"},
		{"the same email", []string{"pair", "--driver", "Ana <a@example.com>", "--navigator", "Bo <A@example.com>"}, "a pair is two people"},
		{"a bad email", []string{"pair", "--driver", "Ana <ana>", "--navigator", "Bo"}, "--driver: \"Ana <ana>\": \"ana\" is not an email address"},
		{"markup in a name", []string{"pair", "--driver", "Ana", "--navigator", "<b>Bo</b>"}, "--navigator: \"<b>Bo</b>\": a name cannot hold < or >"},
		{"a name too long", []string{"pair", "--driver", strings.Repeat("x", 65), "--navigator", "Bo"}, "longer than 64 characters"},
		{"rotate too short", []string{"pair", "--driver", "Ana", "--navigator", "Bo", "--rotate", "30s"}, "--rotate 30s: swap every 1m to 2h (or 0 to never ask)"},
		{"rotate too long", []string{"pair", "--driver", "Ana", "--navigator", "Bo", "--rotate", "3h"}, "swap every 1m to 2h"},
		{"rotate not a duration", []string{"pair", "--driver", "Ana", "--navigator", "Bo", "--rotate", "15"}, "invalid argument \"15\" for \"--rotate\""},
		{"an argument", []string{"pair", "Ana", "Bo"}, "unknown command \"Ana\" for \"accent pair\""},
		{"log takes no argument", []string{"pair", "log", "x"}, "unknown command \"x\" for \"accent pair log\""},
	}
	for _, tt := range tests {
		code, out, errOut := h.run(tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d mentioning %q", tt.name, code, errOut, ExitUsage, tt.want)
		}
		if strings.Contains(errOut+out, "\x1b") {
			t.Errorf("%s: an escape sequence reached the terminal: %q", tt.name, errOut)
		}
	}
	if _, err := os.Stat(h.workspace); err == nil {
		t.Error("a usage error created the workspace")
	}
}

func TestPairNotATerminalSaysWhoDrivesAndLogsNothing(t *testing.T) {
	h := newPairHarness(t)
	code, out, errOut := h.run("pair", "--driver", "Ana", "--navigator", "Bo")
	if code != 0 || !strings.Contains(out, "Pair: Ana drives, Bo navigates.") || !strings.Contains(out, "not a terminal") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(h.pairLog().Path); err == nil {
		t.Error("a session was logged without a terminal")
	}
}

// pairLog is the harness workspace's pair log.
func (h *harness) pairLog() *pair.Log {
	h.t.Helper()
	path, err := progress.PathFor(h.state, h.workspace)
	if err != nil {
		h.t.Fatal(err)
	}
	return pair.OpenLog(pair.LogPath(path))
}

// runPlainPair runs accent at a terminal with a clock that moves a minute
// each time it is read.
func (h *harness) runPlainPair(args ...string) (code int, stdout, stderr string) {
	h.t.Helper()
	h.inTTY = true
	var out, errOut bytes.Buffer
	g := h.globals(&out, &errOut)
	g.IO.OutTTY = true
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	g.Now = func() time.Time { now = now.Add(time.Minute); return now }
	code = Run(context.Background(), g, append([]string{"--workspace", h.workspace}, args...))
	return code, out.String(), errOut.String()
}

func (h *harness) kinds() string {
	h.t.Helper()
	recs, notices, err := h.pairLog().Read()
	if err != nil || len(notices) > 0 {
		h.t.Fatalf("%v %v", notices, err)
	}
	var ks []string
	for _, r := range recs {
		ks = append(ks, r.Kind+":"+r.Exercise)
	}
	return strings.Join(ks, " ")
}

func TestPairPlainLogsTheSessionAndPairLogPrintsIt(t *testing.T) {
	h := newPairHarness(t)
	h.stdin = "n\nq\n"
	code, out, errOut := h.runPlainPair("pair", "--driver", "Ana Lima <ana@example.com>", "--navigator", "Bo", "--rotate", "0", "--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	second := h.course.Exercises[1].ID
	if !strings.Contains(out, "["+firstID+" · Ana Lima drives, Bo navigates]") {
		t.Errorf("the menu does not say who drives:\n%s", out)
	}
	want := "start: stint: stint:" + firstID + " stint:" + second + " end:"
	if got := h.kinds(); got != want {
		t.Errorf("log:\n got %s\nwant %s", got, want)
	}

	out = h.mustRun("pair", "log")
	for _, want := range []string{"Session of ", "Ana Lima and Bo", "driver", "Ana Lima <ana@example.com>  Bo", firstID, second, "(map, lessons)", "2m", "Totals", "person", "drove", "navigated"} {
		if !strings.Contains(out, want) {
			t.Errorf("accent pair log lacks %q:\n%s", want, out)
		}
	}

	var got struct {
		Sessions []struct {
			ID     string `json:"id"`
			Stints []struct {
				Driver   struct{ Name, Email string } `json:"driver"`
				Exercise string                       `json:"exercise"`
				Seconds  int64                        `json:"seconds"`
			} `json:"stints"`
		} `json:"sessions"`
		Totals []struct {
			Person       struct{ Name string } `json:"person"`
			DroveSeconds int64                 `json:"drove_seconds"`
		} `json:"totals"`
	}
	if err := json.Unmarshal([]byte(h.mustRun("pair", "log", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sessions) != 1 || len(got.Sessions[0].Stints) != 3 || got.Sessions[0].Stints[1].Exercise != firstID ||
		got.Sessions[0].Stints[1].Driver.Email != "ana@example.com" || got.Sessions[0].Stints[1].Seconds != 120 {
		t.Errorf("sessions = %+v", got.Sessions)
	}
	if len(got.Totals) != 2 || got.Totals[0].Person.Name != "Ana Lima" || got.Totals[0].DroveSeconds != 360 {
		t.Errorf("totals = %+v", got.Totals)
	}
}

func TestPairPlainAsksToSwap(t *testing.T) {
	h := newPairHarness(t)
	h.stdin = "\nq\n" // Enter swaps, then quit
	code, out, errOut := h.runPlainPair("pair", "--driver", "Ana", "--navigator", "Bo", "--rotate", "1m", "--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Time to swap roles: Bo drives now, Ana navigates. Press Enter to swap", "Bo drives now.", "[" + firstID + " · Bo drives, Ana navigates, swap in "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := h.kinds(); !strings.Contains(got, "swap:"+firstID) || !strings.HasSuffix(got, "end:") {
		t.Errorf("log: %s", got)
	}
}

func TestPairLogSurvivesATornLastLine(t *testing.T) {
	h := newPairHarness(t)
	if out := h.mustRun("pair", "log"); !strings.Contains(out, "No pair session logged") {
		t.Errorf("an empty log: %q", out)
	}
	if out := h.mustRun("pair", "log", "--json"); strings.Join(strings.Fields(out), "") != `{"sessions":[],"totals":[]}` {
		t.Errorf("an empty log as JSON: %q", out)
	}
	l := h.pairLog()
	start := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	ana, bo := pair.Person{Name: "Ana Lima", Email: "ana@example.com"}, pair.Person{Name: "Bo"}
	err := l.Append(
		pair.Record{V: 1, Session: "s1", Kind: pair.KindStart, At: start, Driver: ana, Navigator: bo, RotateSeconds: 900},
		pair.Record{V: 1, Session: "s1", Kind: pair.KindStint, At: start.Add(750 * time.Second), Driver: ana, Navigator: bo, Exercise: firstID, Start: start, Seconds: 750, Why: pair.WhySwap},
		pair.Record{V: 1, Session: "s1", Kind: pair.KindPass, At: start.Add(700 * time.Second), Driver: ana, Navigator: bo, Exercise: firstID},
	)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(l.Path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"v":1,"session":"s1","kind":"stint","at":"2026-11-21T12:2`); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := h.run("pair", "log")
	if code != 0 || !strings.Contains(errOut, "line 4 is incomplete") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	out = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"swapping every 15m", "(no end logged: accent was stopped)", firstID + " 12m30s", "✓ " + firstID + " passed at", "Ana Lima driving",
		"Totals person drove navigated Ana Lima <ana@example.com> 12m30s 0s Bo 0s 12m30s"} {
		if !strings.Contains(out, want) {
			t.Errorf("accent pair log lacks %q:\n%s", want, out)
		}
	}
}

// TestPairPlainPrintsTheTrailerAfterAPass grades for real: the reference
// solution passes, and the pair gets the lines for their commit.
func TestPairPlainPrintsTheTrailerAfterAPass(t *testing.T) {
	h := newPairHarness(t)
	h.mustRun("init")
	h.solve(firstID)
	h.stdin = "c\nq\n"
	code, out, errOut := h.runPlainPair("pair", "--driver", "Ana Lima <ana@example.com>", "--navigator", "Bo", "--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "Passed! Type n for the next exercise.\nFor your commit message (credits you both):\n\n" +
		"Co-authored-by: Ana Lima <ana@example.com>\nCo-authored-by: Bo\n\nBo has no email: GitHub credits a co-author only by email (\"Bo <email>\").\n"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks\n%s\n---\n%s", want, out)
	}
	if got := h.kinds(); !strings.Contains(got, "pass:"+firstID) {
		t.Errorf("log: %s", got)
	}
}
