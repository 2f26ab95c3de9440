package cli

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/accent-go/accent/internal/workshop"
)

// testRoom serves a workshop room with join code ROOM-CODE on 127.0.0.1
// and returns its address and the server (to look at the room).
func testRoom(t *testing.T, exercises ...string) (addr string, srv *workshop.Server, dataDir string) {
	t.Helper()
	dir := t.TempDir()
	var err error
	srv, err = workshop.Open(workshop.Config{DataDir: dir, Code: "ROOM-CODE", Exercises: exercises})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.StopStreams()
		hs.Close()
		srv.Close()
	})
	return strings.TrimPrefix(hs.URL, "http://"), srv, dir
}

// openExercise opens exercise id to the room, as the facilitator does.
func openExercise(t *testing.T, addr, dataDir, id string) {
	t.Helper()
	tok, err := workshop.ReadSecret(dataDir, workshop.FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	f, err := workshop.NewFacilitator(addr, tok)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Open(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}

// Without a terminal, a wrong join code is an error (exit 2) that names
// the refusal, and nothing the learner does afterwards is queued for that
// room.
func TestWorkshopWrongCodeWithoutATerminalExits2(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	addr, srv, _ := testRoom(t, h.course.Exercises[0].ID)
	code, _, errOut := h.run("--join", addr, "--code", "WRONG-CODE", "--name", "Ana")
	if code != ExitUsage || !strings.Contains(errOut, "refused you: wrong join code") || strings.Contains(errOut, "Joining the workshop") {
		t.Fatalf("wrong code: exit %d, stderr %q; want exit 2 and the refusal", code, errOut)
	}
	h.run("check", h.course.Exercises[0].ID)
	h.mustRun("hint", h.course.Exercises[0].ID)
	out := h.mustRun("workshop", "status")
	if !strings.Contains(out, "0 events waiting") || !strings.Contains(out, "refused") {
		t.Errorf("status after a refused join: %s", out)
	}
	if n := srv.Room().Len(); n != 0 {
		t.Errorf("%d participants after a refused join", n)
	}
}

// At a terminal, a wrong join code is said at once and asked again; the
// right one joins.
func TestWorkshopWrongCodeAtATerminalAsksAgain(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	addr, srv, _ := testRoom(t, h.course.Exercises[0].ID)
	h.inTTY = true
	h.stdin = "room-code\nt\nq\n"
	code, out, errOut := h.runAtTerminal("--join", addr, "--code", "WRONG-CODE", "--name", "Ana", "--plain")
	if code != 0 || !strings.Contains(errOut, "refused you: wrong join code") || !strings.Contains(errOut, "Join code") {
		t.Fatalf("exit %d, stderr %q: want the refusal, then the question again", code, errOut)
	}
	// The answer to the question takes its line only: the workbench gets the rest.
	if !strings.Contains(out, "Files: ") {
		t.Errorf("the workbench did not get the t typed after the code:\n%s", out)
	}
	if n := srv.Room().Len(); n != 1 {
		t.Errorf("%d participants after the right code, want 1", n)
	}
}

// Once joined, the learner's next exercise follows the session: its order
// (not the course's), and only what the facilitator opened.
func TestWorkshopNextFollowsTheSession(t *testing.T) {
	h := newHarness(t)
	h.mustRun("init")
	last, first := h.course.Exercises[len(h.course.Exercises)-1], h.course.Exercises[0]
	addr, _, dir := testRoom(t, last.ID, first.ID)
	h.mustRun("--join", addr, "--code", "room-code", "--name", "Ana")
	openExercise(t, addr, dir, first.ID)
	h.solve(last.ID)
	h.mustRun("check", last.ID)
	if st := h.progress(); st.Current != first.ID {
		t.Errorf("after passing the session's first exercise, current = %q, want the session's next, %q (the course's next is elsewhere)", st.Current, first.ID)
	}
	// The line-based workbench's n follows the session too: the session
	// ends with first, so n says the next is not opened, where the course
	// would go on to its second exercise.
	h.stdin = "n\nq\n"
	code, out, errOut := h.runAtTerminal("--plain")
	if code != 0 {
		t.Fatalf("plain workbench: exit %d %s", code, errOut)
	}
	courseNext := h.course.Exercises[1]
	if !strings.Contains(out, "Current exercise: "+first.ID) || !strings.Contains(out, "has not opened the next exercise") || strings.Contains(out, "\n"+courseNext.ID+" — ") {
		t.Errorf("plain n in a workshop:\n%s", out)
	}
}
