package workshop

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/testwait"
)

// serveOn serves srv on a real loopback listener at addr ("127.0.0.1:0"
// for any port) and returns the address and a stop func.
func serveOn(t *testing.T, srv *Server, addr string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			t.Error(err)
		}
	}()
	return ln.Addr().String(), func() {
		srv.StopStreams()
		if err := hs.Close(); err != nil {
			t.Error(err)
		}
		<-done
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}
}

// testDeadline is shortly before the test binary's own deadline.
func testDeadline(t *testing.T) time.Time { return testwait.Deadline(t) }

// waitFor polls cond until it holds, or until testDeadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := testDeadline(t)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s when the test's time ran out", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A real server on 127.0.0.1 and several clients: events arrive in order,
// broadcasts and opened exercises reach every client, and a client whose
// server goes away keeps its events until the server is back.
func TestEndToEndSeveralClientsAndARestart(t *testing.T) {
	dir := t.TempDir()
	srv, err := Open(Config{DataDir: dir, Code: "E2E-ROOM", Exercises: testExercises})
	if err != nil {
		t.Fatal(err)
	}
	addr, stop := serveOn(t, srv, "127.0.0.1:0")
	fac, err := ReadSecret(dir, FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait()
	names := []string{"Ana", "Bo", "Cy", "Di"}
	clients := map[string]*Client{}
	for _, name := range names {
		c, err := NewClient(ClientConfig{Server: addr, Code: "e2e-room", Name: name, Dir: filepath.Join(t.TempDir(), name),
			PollEvery: 20 * time.Millisecond, MaxWait: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		clients[name] = c
		wg.Go(func() { c.Run(ctx) })
		for _, ex := range testExercises[:2] {
			if err := c.Report(Event{Kind: Opened, Exercise: ex}); err != nil {
				t.Fatal(err)
			}
			if err := c.Report(Event{Kind: Graded, Exercise: ex, Status: "fail", Findings: []string{"analyzer:chanleak"}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	waitFor(t, "every event", func() bool {
		snap := srv.Room().Snapshot(time.Now(), Stuck{})
		if len(snap.Participants) != len(names) {
			return false
		}
		for _, p := range snap.Participants {
			if p.Cells[testExercises[1]].Attempts != 1 {
				return false
			}
		}
		return true
	})
	f, err := NewFacilitator(addr, fac)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Broadcast(ctx, "Look at the board"); err != nil {
		t.Fatal(err)
	}
	if err := f.Open(ctx, "channels/pipeline"); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		var gotMsg, gotOpen bool
		for !gotMsg || !gotOpen {
			select {
			case n := <-clients[name].Notices():
				gotMsg = gotMsg || (n.Message != nil && n.Message.Text == "Look at the board")
				gotOpen = gotOpen || n.Opened == "channels/pipeline"
			case <-time.After(time.Until(testDeadline(t))):
				t.Fatalf("%s: no broadcast or open (msg %v, open %v)", name, gotMsg, gotOpen)
			}
		}
	}

	// The server goes away; the learners keep working.
	stop()
	for _, name := range names {
		if err := clients[name].Report(Event{Kind: Passed, Exercise: testExercises[0]}); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "clients to notice", func() bool { return clients["Ana"].Err() != "" })
	if clients["Ana"].Pending() != 1 {
		t.Errorf("pending = %d, want the pass queued", clients["Ana"].Pending())
	}
	// Back on the same port, from the same data: the queue drains.
	srv2, err := Open(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_, stop2 := serveOn(t, srv2, addr)
	defer stop2()
	waitFor(t, "the queued passes", func() bool {
		snap := srv2.Room().Snapshot(time.Now(), Stuck{})
		for _, p := range snap.Participants {
			if p.Cells[testExercises[0]].State != "passed" {
				return false
			}
		}
		return len(snap.Participants) == len(names)
	})
	cancel()
}

// Report never touches the network, and the queue survives the process.
func TestTheQueueSurvivesARestartOfTheLearnersAccent(t *testing.T) {
	dir := t.TempDir()
	c, err := NewClient(ClientConfig{Server: "127.0.0.1:1", Code: "ABCD", Name: "Ana", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := c.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	// A crash mid-append: a torn last line.
	f, err := os.OpenFile(filepath.Join(dir, queueFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprint(f, `{"seq":4,"kind":"ope`); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	c2, err := OpenClient(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if c2.Pending() != 3 {
		t.Errorf("pending after restart = %d, want 3", c2.Pending())
	}
	if err := c2.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, queueFile))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != 4 || !strings.Contains(string(b), `"seq":4`) || strings.Contains(string(b), `"ope`+"\n") {
		t.Errorf("queue file after repair and one more event:\n%s", b)
	}
	// Sending to a closed port fails fast with a message and loses nothing.
	ctx, cancel := context.WithDeadline(context.Background(), testDeadline(t))
	defer cancel()
	err = c2.Send(ctx)
	if err == nil || !strings.Contains(err.Error(), "out of reach") {
		t.Errorf("send to nowhere: %v", err)
	}
	if c2.Pending() != 4 {
		t.Errorf("pending = %d, want 4", c2.Pending())
	}
}

func TestParseServer(t *testing.T) {
	for in, want := range map[string]string{
		"10.0.0.5:7777":              "http://10.0.0.5:7777",
		"http://room.local:80/":      "http://room.local:80",
		"https://accent.example.org": "https://accent.example.org",
	} {
		u, err := ParseServer(in)
		if err != nil || u.String() != want {
			t.Errorf("ParseServer(%q) = %v, %v; want %s", in, u, err, want)
		}
	}
	for _, bad := range []string{"", "ftp://x", "http://"} {
		if _, err := ParseServer(bad); err == nil {
			t.Errorf("ParseServer(%q): no error", bad)
		}
	}
}

// A participant cannot trust a server over plain HTTP: what it sends
// (broadcasts, exercise ids, names, error messages) reaches the terminal
// with no escape sequence or control character.
func TestAHostileServerCannotWriteEscapesToTheTerminal(t *testing.T) {
	const evil = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\r\x08"
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/join", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"token":"t","participant":"p1","name":%s}`, js("Ana"+evil))
	})
	mux.HandleFunc("GET /v1/session", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"code":%s,"exercises":["goroutines/fetch-all",%s],"opened":["goroutines/fetch-all",%s],"messages":[{"id":1,"text":%s}]}`,
			js("CODE"+evil), js("x/"+evil), js("\x1b[2Jgoroutines/x"), js("break"+evil))
	})
	mux.HandleFunc("POST /v1/events", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":%s}`, js("no"+evil))
	})
	hs := httptest.NewServer(mux)
	defer hs.Close()
	c, err := NewClient(ClientConfig{Server: hs.URL, Code: "CODE", Name: "Ana", Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if err := c.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
		t.Fatal(err)
	}
	var said []string
	if err := c.join(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(ctx); err != nil {
		said = append(said, err.Error())
	}
	if err := c.poll(ctx); err != nil {
		t.Fatal(err)
	}
	for len(c.notices) > 0 {
		n := <-c.notices
		said = append(said, n.Err, n.Opened, n.Joined)
		if n.Message != nil {
			said = append(said, n.Message.Text)
		}
	}
	if len(said) < 4 {
		t.Fatalf("the client said only %s", said)
	}
	for _, s := range said {
		if strings.ContainsAny(s, "\x1b\x07\r\x08") {
			t.Errorf("the client passes on %s from the server", s)
		}
		if strings.Contains(s, "goroutines/x") || strings.Contains(s, "x/") {
			t.Errorf("an exercise id that is not one reached the learner: %s", s)
		}
	}
}

// js is s as a JSON string.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// One damaged line of the queue costs that line alone: the events around
// it are sent, and the learner is told.
func TestADamagedQueueLineCostsOnlyThatLine(t *testing.T) {
	srv, hs, _ := room(t, Config{})
	dir := t.TempDir()
	c, err := NewClient(ClientConfig{Server: hs.URL, Code: "TEST-CODE", Name: "Ana", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := c.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Report(Event{Kind: "bogus", Exercise: "goroutines/fetch-all"}); err == nil {
		t.Error("Report queued an event the room would refuse")
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	q := filepath.Join(dir, queueFile)
	b, err := os.ReadFile(q)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	damaged := lines[0] + "{not json\n" + `{"seq":2,"kind":"bogus","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z"}` + "\n" + lines[1] + lines[2]
	if err := os.WriteFile(q, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err = OpenClient(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n := c.Pending(); n != 3 {
		t.Errorf("%d events queued after a damaged line, want the 3 good ones", n)
	}
	select {
	case n := <-c.notices:
		if !strings.Contains(n.Err, "skipped 2 damaged line") {
			t.Errorf("notice %q", n.Err)
		}
	default:
		t.Error("no notice of the damaged lines")
	}
	if err := c.Send(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.Room().LastSeq("p1"); got != 3 {
		t.Errorf("the room has seq %d, want 3: every good event sent", got)
	}
}

// A 400 that names one event of a batch drops that event alone.
func TestAnEventTheRoomRefusesIsDroppedAlone(t *testing.T) {
	batch := []Event{{Seq: 1}, {Seq: 2, Kind: "x", Exercise: "a/b"}, {Seq: 3}}
	if e := badEvent("events[1]: bad", batch); e == nil || e.Seq != 2 {
		t.Errorf("badEvent = %+v, want seq 2", e)
	}
	for _, msg := range []string{"events[9]: out of range", "malformed JSON", "events[-1]: x"} {
		if e := badEvent(msg, batch); e != nil {
			t.Errorf("badEvent(%q) = %+v, want nil", msg, e)
		}
	}
}

// loseFirstJoin is a transport whose first join reaches the server but
// whose answer is lost, as with a client that gave up waiting.
type loseFirstJoin struct{ lost bool }

func (l *loseFirstJoin) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil && req.URL.Path == "/v1/join" && !l.lost {
		l.lost = true
		resp.Body.Close()
		return nil, errors.New("the answer was lost")
	}
	return resp, err
}

// A client whose join answer was lost joins again as the same participant.
func TestAClientWhoseJoinAnswerWasLostIsOneParticipant(t *testing.T) {
	srv, hs, _ := room(t, Config{})
	c, err := NewClient(ClientConfig{Server: hs.URL, Code: "TEST-CODE", Name: "Ana", Dir: t.TempDir(),
		HTTP: &http.Client{Transport: &loseFirstJoin{}}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Send(context.Background()); err == nil {
		t.Fatal("the first send should fail: its join answer was lost")
	}
	if err := c.Send(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := srv.Room().Len(); n != 1 {
		t.Errorf("%d participants after a lost join answer and a retry, want 1", n)
	}
}
