package workshop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
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

// The participant learns the session at the join (its exercises in the
// facilitator's order, the opened ones), and follows what the facilitator
// opens: Session says it, and a Session notice says it changed.
func TestTheClientKnowsTheSession(t *testing.T) {
	order := []string{"channels/pipeline", "goroutines/fetch-all", "goroutines/first-error"}
	_, hs, fac := room(t, Config{Exercises: order})
	c, err := NewClient(ClientConfig{Server: hs.URL, Code: "test-code", Name: "Ana", Dir: t.TempDir(), PollEvery: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Join(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := c.Session()
	if !slices.Equal(s.Exercises, order) || !slices.Equal(s.Opened, order[:1]) {
		t.Fatalf("after the join the session is %v opened %v, want %v opened %v", s.Exercises, s.Opened, order, order[:1])
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.Run(ctx)
	call(t, "POST", hs.URL+"/v1/open", fac, `{"exercise":"goroutines/fetch-all"}`)
	sawSession := false
	waitFor(t, "the opened exercise to reach the client", func() bool {
		for {
			select {
			case n := <-c.Notices():
				sawSession = sawSession || n.Session
				continue
			default:
			}
			return slices.Equal(c.Session().Opened, order[:2]) && sawSession
		}
	})
}
