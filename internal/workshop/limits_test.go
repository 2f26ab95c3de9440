package workshop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Joins are limited for the whole room, not only per address: a flood
// from many addresses meets the room's limit.
func TestJoinsAreLimitedForTheWholeRoom(t *testing.T) {
	srv, _, _ := room(t, Config{JoinRate: 0.001, JoinBurst: 5})
	refused := 0
	for i := range 20 {
		req := httptest.NewRequest("POST", "/v1/join", strings.NewReader(fmt.Sprintf(`{"code":"TEST-CODE","name":"p%d"}`, i)))
		req.RemoteAddr = fmt.Sprintf("127.0.%d.%d:4000", i/250, i%250+1) // a new address each time
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
		case http.StatusTooManyRequests:
			refused++
		default:
			t.Fatalf("join %d: %d %s", i, rec.Code, rec.Body)
		}
	}
	if got := srv.Room().Len(); got != 5 || refused != 15 {
		t.Errorf("20 joins from 20 addresses: %d joined, %d refused; want 5 and 15", got, refused)
	}
}

// The room has a cap: joins past it are refused with a message.
func TestTheRoomIsCapped(t *testing.T) {
	srv, hs, _ := room(t, Config{MaxParticipants: 3})
	for i := range 3 {
		join(t, hs.URL, fmt.Sprint("p", i))
	}
	a := call(t, "POST", hs.URL+"/v1/join", "", `{"code":"test-code","name":"late"}`)
	if a.status != http.StatusForbidden || !strings.Contains(a.body, "full") {
		t.Errorf("a 4th join in a room of 3: %d %s; want 403 saying the room is full", a.status, a.body)
	}
	if srv.Room().Len() != 3 {
		t.Errorf("the room has %d participants, want 3", srv.Room().Len())
	}
}

// A name must show something: invisible characters (Hangul fillers, the
// blank Braille pattern, other default-ignorables) are dropped, and a
// name with nothing visible left is refused.
func TestNamesWithNothingVisibleAreRefused(t *testing.T) {
	_, hs, _ := room(t, Config{})
	for _, name := range []string{"\u3164", "\u2800\u2800", "\u115f\u1160", "\uffa0", "\u3164 \u2800", "\u034f", "   "} {
		a := call(t, "POST", hs.URL+"/v1/join", "", fmt.Sprintf(`{"code":"test-code","name":%q}`, name))
		if a.status != http.StatusBadRequest || !strings.Contains(a.body, "visible") {
			t.Errorf("join as %q: %d %s; want 400 saying the name has nothing visible", name, a.status, a.body)
		}
	}
	if got := join(t, hs.URL, "\u3164Ana\u2800").Name; got != "Ana" {
		t.Errorf("join as Ana wrapped in invisible characters: the room shows %q, want Ana", got)
	}
}

// Events on exercises outside the session are acknowledged but not kept:
// the room holds only the session's exercises.
func TestEventsOutsideTheSessionAreNotKept(t *testing.T) {
	srv, hs, _ := room(t, Config{})
	ana := join(t, hs.URL, "Ana")
	a := call(t, "POST", hs.URL+"/v1/events", ana.Token, events(
		ev(1, "opened", "time/debounce", ""),
		ev(2, "opened", "goroutines/fetch-all", ""),
		ev(3, "verdict", "zzz/not-an-exercise", `"status":"fail"`)))
	var er EventsResponse
	if err := json.Unmarshal([]byte(a.body), &er); err != nil {
		t.Fatalf("%d %s", a.status, a.body)
	}
	if er.Accepted != 1 || er.Ignored != 2 || er.LastSeq != 3 {
		t.Errorf("answer %+v; want 1 accepted, 2 ignored, last seq 3", er)
	}
	for _, p := range srv.Room().Snapshot(time.Now(), Stuck{}).Participants {
		if len(p.Cells) != 1 {
			t.Errorf("%s has cells %v; want only goroutines/fetch-all", p.Name, p.Cells)
		}
	}
}

// The facilitator removes a participant: the row goes, the token stops
// working (the client is told and does not join again), the id is never
// given again, and all of it survives a restart.
func TestTheFacilitatorRemovesAParticipant(t *testing.T) {
	dir := t.TempDir()
	srv, err := Open(Config{DataDir: dir, Exercises: testExercises, Code: "TEST-CODE"})
	if err != nil {
		t.Fatal(err)
	}
	addr, stop := serveOn(t, srv, "127.0.0.1:0")
	fac, err := ReadSecret(dir, FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	c, err := NewClient(ClientConfig{Server: addr, Code: "TEST-CODE", Name: "Ana", Dir: filepath.Join(t.TempDir(), "ana")})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if err := c.join(ctx); err != nil {
		t.Fatal(err)
	}
	bo := join(t, base, "Bo")
	if a := call(t, "POST", base+"/v1/remove", bo.Token, `{"participant":"p1"}`); a.status != http.StatusForbidden {
		t.Errorf("a participant removing another: %d %s; want 403", a.status, a.body)
	}
	if a := call(t, "POST", base+"/v1/remove", fac, `{"participant":"p9"}`); a.status != http.StatusNotFound {
		t.Errorf("removing p9, who never joined: %d %s; want 404", a.status, a.body)
	}
	fc, err := NewFacilitator(addr, fac)
	if err != nil {
		t.Fatal(err)
	}
	if err := fc.Remove(ctx, "p1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Report(Event{Kind: Opened, Exercise: "goroutines/fetch-all"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(ctx); !errors.Is(err, ErrRemoved) {
		t.Errorf("the removed participant's client sending: %v; want ErrRemoved", err)
	}
	if err := c.join(ctx); !errors.Is(err, ErrRemoved) {
		t.Errorf("the removed participant's client joining again: %v; want ErrRemoved", err)
	}
	if srv.Room().Len() != 1 {
		t.Errorf("the room has %d participants after the removal, want 1", srv.Room().Len())
	}
	if got := join(t, base, "Cy").Participant; got != "p3" {
		t.Errorf("the next join got id %s, want p3 (ids are never reused)", got)
	}
	stop()
	after, _, err := LoadRoom(dir)
	if err != nil {
		t.Fatal(err)
	}
	if after.Len() != 2 || after.Has("p1") {
		t.Errorf("after a restart: %d participants, p1 there: %v", after.Len(), after.Has("p1"))
	}
}

// A join sent again after its answer was lost (the client gave up waiting)
// is the same participant, not a second row for the same person; another
// client is another participant; a removed client stays out.
func TestAJoinSentAgainIsTheSameParticipant(t *testing.T) {
	dir := t.TempDir()
	srv, hs, fac := room(t, Config{DataDir: dir})
	joinAs := func(client, name string) JoinResponse {
		t.Helper()
		a := call(t, "POST", hs.URL+"/v1/join", "", fmt.Sprintf(`{"code":"test-code","name":%q,"client":%q}`, name, client))
		var jr JoinResponse
		if err := json.Unmarshal([]byte(a.body), &jr); err != nil || a.status != 200 {
			t.Fatalf("join: %d %s", a.status, a.body)
		}
		return jr
	}
	first := joinAs("client-one", "Ana")
	again := joinAs("client-one", "Ana")
	if again.Participant != first.Participant || srv.Room().Len() != 1 {
		t.Errorf("the same client joined twice: %s then %s, %d in the room; want one participant", first.Participant, again.Participant, srv.Room().Len())
	}
	for _, tok := range []string{first.Token, again.Token} {
		if a := call(t, "POST", hs.URL+"/v1/events", tok, events(ev(1, "opened", "goroutines/fetch-all", ""))); a.status != 200 {
			t.Errorf("a token of the participant: %d %s", a.status, a.body)
		}
	}
	if other := joinAs("client-two", "Ana"); other.Participant == first.Participant {
		t.Errorf("another client got the same participant %s", other.Participant)
	}
	if a := call(t, "POST", hs.URL+"/v1/join", "", `{"code":"test-code","name":"Bo","client":"bad client id"}`); a.status != http.StatusBadRequest {
		t.Errorf("a client id with spaces: %d %s", a.status, a.body)
	}
	if a := call(t, "POST", hs.URL+"/v1/remove", fac, fmt.Sprintf(`{"participant":%q}`, first.Participant)); a.status != 200 {
		t.Fatalf("remove: %d %s", a.status, a.body)
	}
	if a := call(t, "POST", hs.URL+"/v1/join", "", `{"code":"test-code","name":"Ana","client":"client-one"}`); a.status != http.StatusForbidden {
		t.Errorf("a removed client joining again: %d %s; want 403", a.status, a.body)
	}
	after, _, err := LoadRoom(dir)
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := after.ByClient("client-two"); !ok || id == first.Participant || !after.RemovedClient("client-one") {
		t.Errorf("after replay: client-two is %q (%v); client-one removed: %v", id, ok, after.RemovedClient("client-one"))
	}
}
