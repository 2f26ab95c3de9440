package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/testwait"
	"github.com/accent-go/accent/internal/workshop"
)

// A workshop from the command line: the facilitator serves, a participant
// joins and checks an exercise, the facilitator opens, broadcasts and
// exports, all through accent's commands and a real server on 127.0.0.1.
func TestWorkshopFromTheCommandLine(t *testing.T) {
	h := newHarness(t)
	data := filepath.Join(t.TempDir(), "room")
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan int, 1)
	var serveOut, serveErr bytes.Buffer
	go func() {
		g := h.globals(&serveOut, &serveErr)
		served <- Run(ctx, g, []string{"workshop", "serve", "--addr", "127.0.0.1:0", "--data", data, "--code", "CLI-ROOM", "--exercises", h.course.Exercises[0].ID + "," + h.course.Exercises[1].Slug})
	}()
	defer func() {
		cancel()
		if code := <-served; code != 0 {
			t.Errorf("serve: exit %d\n%s", code, serveErr.String())
		}
		if !strings.Contains(serveOut.String(), "accent --join 127.0.0.1:") || !strings.Contains(serveOut.String(), "--code CLI-ROOM") ||
			!strings.Contains(serveOut.String(), "/board#key=") {
			t.Errorf("serve printed:\n%s", serveOut.String())
		}
	}()
	var addr string
	deadline := testwait.Deadline(t) // a loaded machine is slower, never wrong
	for addr == "" {
		if b, err := os.ReadFile(filepath.Join(data, "server.addr")); err == nil {
			addr = strings.TrimSpace(string(b))
		} else if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %s", serveErr.String())
		} else {
			time.Sleep(20 * time.Millisecond)
		}
	}
	if fi, err := os.Stat(filepath.Join(data, workshop.FacilitatorToken)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("facilitator token: %v %v", fi, err)
	}

	h.mustRun("init")
	// Not at a terminal, --join records the room and prints where you are.
	_, _, errOut := h.run("--join", addr, "--code", "cli-room", "--name", "Ana\x1b[2J")
	if !strings.Contains(errOut, `Joining the workshop at `+addr+` as "Ana[2J"`) {
		t.Errorf("join said: %s", errOut)
	}
	first := h.course.Exercises[0]
	h.run("check", first.ID) // fails: the starting code; reported with its findings
	h.solve(first.ID)
	h.mustRun("check", first.ID)
	h.mustRun("hint", h.course.Exercises[1].ID)
	out := h.mustRun("workshop", "status")
	if !strings.Contains(out, "0 events waiting") {
		t.Errorf("status: %s", out)
	}

	h.mustRun("workshop", "open", h.course.Exercises[1].Slug, "--data", data)
	h.mustRun("workshop", "say", "Five", "minutes", "--data", data)
	csvOut := h.mustRun("workshop", "export", "--data", data, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][1] != "Ana[2J" || rows[1][2] != first.ID || rows[1][3] != "passed" || rows[1][4] != "2" || rows[2][5] != "1" {
		t.Errorf("export:\n%s", csvOut)
	}
	jsonOut := h.mustRun("workshop", "export", "--data", data, "--format", "json")
	if !strings.Contains(jsonOut, `"Five minutes"`) || !strings.Contains(jsonOut, `"participants"`) {
		t.Errorf("json export: %s", jsonOut)
	}

	code, _, errOut := h.run("workshop", "export", "--data", data, "--format", "xml")
	if code != ExitUsage || !strings.Contains(errOut, "use csv or json") {
		t.Errorf("bad format: %d %s", code, errOut)
	}
	h.mustRun("workshop", "leave")
	if out := h.mustRun("workshop", "status"); !strings.Contains(out, "not joined") {
		t.Errorf("after leave: %s", out)
	}
}

func TestJoinNeedsANameAndACode(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--join", "127.0.0.1:1", "--code", "ABCD"}, "--join needs --name"},
		{[]string{"--join", "127.0.0.1:1", "--name", "Ana"}, "--join needs --code"},
		{[]string{"--join", "ftp://x", "--code", "ABCD", "--name", "Ana"}, "is not HOST:PORT"},
		{[]string{"--code", "ABCD"}, "go with --join"},
	} {
		code, _, errOut := h.run(tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("accent %v: exit %d, %s; want %q", tt.args, code, errOut, tt.want)
		}
	}
	// CODE@HOST:PORT carries the code.
	_, _, errOut := h.run("--join", "ABCD@127.0.0.1:1", "--name", "Ana")
	if !strings.Contains(errOut, "Joining the workshop at 127.0.0.1:1") {
		t.Errorf("CODE@HOST: %s", errOut)
	}
}

func TestFacilitatorCommandsNeedTheServer(t *testing.T) {
	h := newHarness(t)
	code, _, errOut := h.run("workshop", "open", "x", "--data", t.TempDir())
	if code != ExitUsage || !strings.Contains(errOut, "facilitator.token") {
		t.Errorf("open without a server: %d %s", code, errOut)
	}
}

func TestAPairJoinsAWorkshopUnderBothNames(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	_, _, errOut := h.run("pair", "--driver", "Ana <ana@example.com>", "--navigator", "Bo", "--join", "127.0.0.1:1", "--code", "ABCD")
	if !strings.Contains(errOut, `as "Ana + Bo"`) {
		t.Errorf("pair --join said: %s", errOut)
	}
}

func TestJoinAsksForTheNameAndCodeAtATerminal(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	h.inTTY = true
	h.stdin = "Ana Lima\nabcd-efgh\n"
	_, _, errOut := h.run("--join", "127.0.0.1:1", "--plain")
	if !strings.Contains(errOut, "Your name") || !strings.Contains(errOut, "Join code") || !strings.Contains(errOut, `as "Ana Lima"`) {
		t.Errorf("stderr: %s", errOut)
	}
}

// TestCheckingAllTellsTheWorkshopOnlyOfTouchedExercises: accent check
// with no id, joined to a room, reports the exercise the learner worked
// on, and nothing of those they never opened.
func TestCheckingAllTellsTheWorkshopOnlyOfTouchedExercises(t *testing.T) {
	h := newHarness(t)
	h.course = firstExercises(h.course, 3)
	exs := h.course.Exercises
	data := filepath.Join(t.TempDir(), "room")
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan int, 1)
	var serveOut, serveErr bytes.Buffer
	go func() {
		g := h.globals(&serveOut, &serveErr)
		served <- Run(ctx, g, []string{"workshop", "serve", "--addr", "127.0.0.1:0", "--data", data, "--code", "ALL-ROOM",
			"--exercises", exs[0].ID + "," + exs[1].ID + "," + exs[2].ID})
	}()
	defer func() {
		cancel()
		<-served
	}()
	var addr string
	deadline := testwait.Deadline(t)
	for addr == "" {
		if b, err := os.ReadFile(filepath.Join(data, "server.addr")); err == nil {
			addr = strings.TrimSpace(string(b))
		} else if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %s", serveErr.String())
		} else {
			time.Sleep(20 * time.Millisecond)
		}
	}
	h.mustRun("init")
	h.run("--join", addr, "--code", "all-room", "--name", "Ana")
	for _, id := range []string{exs[1].ID, exs[2].ID} {
		h.mustRun("workshop", "open", id, "--data", data) // every exercise open: only touching decides
	}
	h.solve(exs[0].ID)
	h.run("check")
	if out := h.mustRun("workshop", "status"); !strings.Contains(out, "0 events waiting") {
		t.Fatalf("status: %s", out)
	}
	rows, err := csv.NewReader(strings.NewReader(h.mustRun("workshop", "export", "--data", data, "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if r[2] != exs[0].ID && r[4] != "0" {
			t.Errorf("the room heard of %s, which the learner never opened: %q", r[2], r)
		}
	}
	found := false
	for _, r := range rows[1:] {
		found = found || (r[2] == exs[0].ID && r[3] == "passed")
	}
	if !found {
		t.Errorf("the room did not hear of the pass of %s:\n%q", exs[0].ID, rows)
	}
}
