package dashboard

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/testwait"
	"github.com/accent-go/accent/internal/workshop"
)

// TestAgainstARealServer runs a workshop server on loopback, joins a
// participant through the real client, and drives the dashboard's
// commands against it: the fetch sees the participant, o and b reach the
// server.
func TestAgainstARealServer(t *testing.T) {
	dir := t.TempDir()
	exercises := []string{"goroutines/wait-for-all", "channels/pipeline", "channels/fan-in"}
	srv, err := workshop.Open(workshop.Config{DataDir: dir, Exercises: exercises})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)

	token, err := workshop.ReadSecret(dir, workshop.FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	fac, err := workshop.NewFacilitator(ts.URL, token)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithDeadline(context.Background(), testwait.Deadline(t)) // a loaded machine is slower, never wrong
	defer cancel()
	client, err := workshop.NewClient(workshop.ClientConfig{Server: ts.URL, Code: srv.Code(), Name: "Ada Lovelace", Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := client.Close(); err != nil {
			t.Error(err)
		}
	})
	for _, e := range []workshop.Event{
		{Kind: workshop.Opened, Exercise: exercises[0]},
		{Kind: workshop.Graded, Exercise: exercises[0], Status: "fail", Findings: []string{"analyzer:chanleak"}},
	} {
		if err := client.Report(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := client.Send(ctx); err != nil { // joins, then flushes the queue
		t.Fatal(err)
	}

	m := New(Options{Facilitator: fac, NoColor: true, Now: func() time.Time { return now }})
	t.Cleanup(m.Stop)
	m.timer = nil // the test polls by hand

	// The fetch command returns a snapshot with the participant.
	msg, ok := fetchRoom(ctx, fac)().(roomFetchedMsg)
	if !ok || msg.err != nil {
		t.Fatalf("fetch: %#v", msg)
	}
	if len(msg.snap.Participants) != 1 || msg.snap.Participants[0].Name != "Ada Lovelace" {
		t.Fatalf("participants %+v", msg.snap.Participants)
	}
	m = settle(t, m, size(80, 24), msg)
	out := screen(m)
	for _, want := range []string{"Ada Lovelace", "✗1", srv.Code(), "1× analyzer:chanleak in goroutines/wait-for-all"} {
		if !strings.Contains(out, want) {
			t.Errorf("the dashboard lacks %q:\n%s", want, out)
		}
	}

	// o opens the next exercise on the server (the first opens with the room).
	m = settle(t, m, keyPress("o"), keyPress("y"))
	if got := srv.Room().Session(0).Opened; !slices.Equal(got, exercises[:2]) {
		t.Errorf("opened on the server: %v, want %v (status %q)", got, exercises[:2], m.status)
	}
	if !slices.Equal(m.snap.Opened, exercises[:2]) {
		t.Errorf("the dashboard shows %v open", m.snap.Opened)
	}

	// b sends a broadcast every participant gets.
	m = settle(t, m, keyPress("b"))
	m = settle(t, m, typed("Break in 5 minutes")...)
	m = settle(t, m, keyPress("enter"))
	msgs := srv.Room().Session(0).Messages
	if len(msgs) != 1 || msgs[0].Text != "Break in 5 minutes" {
		t.Errorf("messages on the server: %+v (status %q)", msgs, m.status)
	}
	if out := screen(m); !strings.Contains(out, "Break in 5 minutes") {
		t.Errorf("the broadcast is not in the panel after the refresh:\n%s", out)
	}

	// The server goes away: the last snapshot stays, the error shows.
	ts.Close()
	m = settle(t, m, keyPress("r"))
	out = screen(m)
	if !strings.Contains(out, "Ada Lovelace") || !strings.Contains(out, "retrying") {
		t.Errorf("after the server stopped:\n%s", out)
	}
}
