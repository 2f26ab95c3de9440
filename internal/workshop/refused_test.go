package workshop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A wrong join code is an error at once, and nothing waits in the queue
// for a room that refused you: not what was queued before the answer, not
// what the learner does after. Joining again with the right code works.
func TestARefusedJoinIsAnErrorAndQueuesNothing(t *testing.T) {
	srv, hs, _ := room(t, Config{})
	dir := t.TempDir()
	c, err := NewClient(ClientConfig{Server: hs.URL, Code: "WRONG-CODE", Name: "Ana", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Report(Event{Kind: Opened, Exercise: testExercises[0]}); err != nil {
		t.Fatal(err)
	}
	err = c.Join(context.Background())
	var refused *RefusedError
	if !errors.As(err, &refused) || refused.Reason != "wrong join code" {
		t.Fatalf("Join with a wrong code: %v, want a RefusedError saying wrong join code", err)
	}
	if err := c.Report(Event{Kind: Opened, Exercise: testExercises[1]}); err != nil {
		t.Fatal(err)
	}
	if n := c.Pending(); n != 0 {
		t.Errorf("%d events wait for a room that refused us", n)
	}
	if b, err := os.ReadFile(filepath.Join(dir, queueFile)); err != nil || len(b) != 0 {
		t.Errorf("queue file after the refusal: %q %v", b, err)
	}
	// Asking again does not reach the server: still refused.
	if err := c.Send(context.Background()); !errors.As(err, &refused) {
		t.Errorf("Send after a refusal: %v", err)
	}
	if srv.room.Len() != 0 {
		t.Errorf("%d participants after a refused join", srv.room.Len())
	}
	c.Close()

	// Reopened (the next command), it is still refused and quiet.
	c, err = OpenClient(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Report(Event{Kind: Opened, Exercise: testExercises[0]}); err != nil || c.Pending() != 0 {
		t.Errorf("reopened after a refusal: queued %d (%v)", c.Pending(), err)
	}
	c.Close()

	// The right code: joined.
	c, err = NewClient(ClientConfig{Server: hs.URL, Code: "test-code", Name: "Ana", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Join(context.Background()); err != nil {
		t.Fatalf("Join with the right code: %v", err)
	}
	if srv.room.Len() != 1 {
		t.Errorf("%d participants after the right code", srv.room.Len())
	}
}
