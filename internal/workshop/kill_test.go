//go:build unix

package workshop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// When ACCENT_WORKSHOP_CHILD names a data directory, this test binary is a
// workshop server that runs until it is killed.
func init() {
	dir := os.Getenv("ACCENT_WORKSHOP_CHILD")
	if dir == "" {
		return
	}
	srv, err := Open(Config{DataDir: dir, Code: "KILL-TEST", Exercises: testExercises})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(dir, "child.addr"), []byte(ln.Addr().String()), 0o600); err != nil {
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, http.Serve(ln, srv))
	os.Exit(1)
}

// Every event the server acknowledged is in the room after a kill -9 in
// the middle of the traffic, and the room after the restart is exactly the
// room the events make: the server is a child process, killed with SIGKILL
// while 8 participants send batches as fast as they can. Then, as the
// real client does, every participant sends again what was not
// acknowledged, and the room must equal the room built from every event
// sent, in seq order.
func TestAcknowledgedEventsSurviveAKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a server process")
	}
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "ACCENT_WORKSHOP_CHILD="+dir)
	var stderr strings.Builder
	child.Stderr = &stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill() //accent:ignore errignored killed below already, normally
	var addr string
	waitFor(t, "the server to start", func() bool {
		b, err := os.ReadFile(filepath.Join(dir, "child.addr"))
		addr = string(b)
		return err == nil && addr != ""
	})
	base := "http://" + addr
	c := &http.Client{Timeout: time.Minute}

	const participants = 8
	tokens := make([]string, participants)
	for i := range tokens {
		req, err := http.NewRequest("POST", base+"/v1/join", strings.NewReader(fmt.Sprintf(`{"code":"KILL-TEST","name":"p%d"}`, i)))
		if err != nil {
			t.Fatal(err)
		}
		var jr JoinResponse
		if err := doJSON(c, req, &jr); err != nil {
			t.Fatal(err)
		}
		tokens[i] = jr.Token
	}
	var mu sync.Mutex
	acked := make([]int64, participants)
	sent := make([]int64, participants) // the highest seq sent (acknowledged or not)
	total := int64(0)
	enough := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Go(func() {
			for seq := int64(1); ctx.Err() == nil; seq += 5 {
				body := killBatch(seq, 5)
				mu.Lock()
				sent[i] = seq + 4
				mu.Unlock()
				req, err := http.NewRequestWithContext(ctx, "POST", base+"/v1/events", strings.NewReader(body))
				if err != nil {
					return
				}
				req.Header.Set("Authorization", "Bearer "+tok)
				var er EventsResponse
				if err := doJSON(c, req, &er); err != nil {
					return // the server is gone: what was acknowledged is what counts
				}
				mu.Lock()
				total += er.LastSeq - acked[i]
				acked[i] = er.LastSeq
				if total >= 400 && enough != nil {
					close(enough)
					enough = nil
				}
				mu.Unlock()
			}
		})
	}
	<-enough // pull the plug once the traffic has run for a while
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err == nil {
		t.Fatal("the server exited cleanly; want it killed")
	}
	cancel()
	wg.Wait()

	srv, err := Open(Config{DataDir: dir, Code: "KILL-TEST", Exercises: testExercises})
	if err != nil {
		t.Fatalf("the room after kill -9: %v (server stderr: %s)", err, stderr.String())
	}
	defer srv.Close()
	for i := range participants {
		id := fmt.Sprint("p", i+1)
		got := srv.Room().LastSeq(id)
		if got < acked[i] {
			t.Errorf("%s: the server acknowledged seq %d, the room after kill -9 has %d", id, acked[i], got)
		}
		if want := killModel(id, got); !sameCells(srv.Room(), want, id) {
			t.Errorf("%s after kill -9: the room is not the room of seqs 1..%d\n got  %s\n want %s", id, got, cellsOf(srv.Room(), id), cellsOf(want, id))
		}
	}
	// The clients send what was not acknowledged again.
	hs := httptest.NewServer(srv)
	defer hs.Close()
	for i, tok := range tokens {
		for seq := acked[i] + 1; seq <= sent[i]; seq += 5 {
			a := call(t, "POST", hs.URL+"/v1/events", tok, killBatch(seq, min(5, sent[i]-seq+1)))
			if a.status != 200 {
				t.Fatalf("resending: %d %s", a.status, a.body)
			}
		}
		id := fmt.Sprint("p", i+1)
		if want := killModel(id, sent[i]); !sameCells(srv.Room(), want, id) {
			t.Errorf("%s after resending: the room is not the room of every event sent\n got  %s\n want %s", id, cellsOf(srv.Room(), id), cellsOf(want, id))
		}
	}
	t.Logf("%d events acknowledged before kill -9, all recovered; %s", total, srv.Notice)
}

// killBatch is n events from seq on; what each says depends on its seq,
// so a missing or reordered event changes the room.
func killBatch(seq int64, n int64) string {
	var evs []string
	for s := seq; s < seq+n; s++ {
		status := "fail"
		if s%7 == 0 {
			status = "pass"
		}
		ex := testExercises[s%int64(len(testExercises))]
		evs = append(evs, ev(int(s), "verdict", ex, fmt.Sprintf(`"status":%q,"findings":["test:T%d"]`, status, s%3)))
	}
	return events(evs...)
}

// killModel is the room that participant id's events 1..last make.
func killModel(id string, last int64) *Room {
	r := NewRoom()
	apply(r, Record{Type: "join", Participant: id, Name: id})
	for seq := int64(1); seq <= last; seq++ {
		b, err := DecodeBatch(strings.NewReader(killBatch(seq, 1)))
		if err != nil {
			panic(err)
		}
		apply(r, Record{Type: "event", At: time.Unix(1, 0), Participant: id, Event: &b.Events[0]})
	}
	return r
}

// cellsOf is what a participant's cells say, leaving out times.
func cellsOf(r *Room, id string) string {
	for _, p := range r.Snapshot(time.Time{}, Stuck{}).Participants {
		if p.ID != id {
			continue
		}
		var parts []string
		for _, ex := range testExercises {
			c := p.Cells[ex]
			parts = append(parts, fmt.Sprintf("%s:%s/%d/%v/%d", ex, c.State, c.Attempts, c.Findings, c.Streak))
		}
		return p.Current + " " + strings.Join(parts, " ")
	}
	return "(no " + id + ")"
}

func sameCells(a, b *Room, id string) bool { return cellsOf(a, id) == cellsOf(b, id) }

func doJSON(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return decodeStrict(resp.Body, out)
}
