package workshop

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// A batch's records reach room.log in the order of their seq numbers, in
// one write: a crash can cut a batch short, never leave a hole in it.
func TestABatchReachesTheLogInOrder(t *testing.T) {
	dir := t.TempDir()
	_, hs, _ := room(t, Config{DataDir: dir})
	ana := join(t, hs.URL, "Ana")
	var evs []string
	for seq := 1; seq <= 200; seq++ {
		evs = append(evs, ev(seq, "verdict", "goroutines/fetch-all", `"status":"fail","findings":["leak"]`))
	}
	if a := call(t, "POST", hs.URL+"/v1/events", ana.Token, events(evs...)); a.status != 200 {
		t.Fatalf("events: %d %s", a.status, a.body)
	}
	f, err := os.Open(filepath.Join(dir, LogFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var last int64
	n := 0
	for sc.Scan() {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Type != "event" {
			continue
		}
		if rec.Event.Seq != last+1 {
			t.Fatalf("room.log has seq %d after seq %d", rec.Event.Seq, last)
		}
		last = rec.Event.Seq
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 200 {
		t.Fatalf("room.log has %d events, want 200", n)
	}
}

// Duplicates are decided per seq: an event below the highest seq seen that
// was never recorded (a gap) is accepted when it comes.
func TestAGapBelowTheHighestSeqIsFilled(t *testing.T) {
	_, hs, _ := room(t, Config{})
	ana := join(t, hs.URL, "Ana")
	ex := "goroutines/fetch-all"
	a := call(t, "POST", hs.URL+"/v1/events", ana.Token, events(ev(1, "opened", ex, ""), ev(2, "hint", ex, `"tier":1`), ev(4, "passed", ex, "")))
	if a.status != 200 {
		t.Fatalf("events: %d %s", a.status, a.body)
	}
	a = call(t, "POST", hs.URL+"/v1/events", ana.Token, events(ev(2, "hint", ex, `"tier":1`), ev(3, "hint", ex, `"tier":2`), ev(4, "passed", ex, "")))
	var er EventsResponse
	if err := json.Unmarshal([]byte(a.body), &er); err != nil {
		t.Fatalf("%d %s: %v", a.status, a.body, err)
	}
	if er.Accepted != 1 || er.Duplicates != 2 || er.LastSeq != 4 {
		t.Errorf("resending 2,3,4 after 1,2,4: %+v, want 1 accepted (3), 2 duplicates, last seq 4", er)
	}
}

// Replaying the log gives exactly the room the server had, however the
// requests interleaved: joins, events, broadcasts and opens from many
// clients at once.
func TestReplayGivesExactlyTheRoomTheServerHad(t *testing.T) {
	dir := t.TempDir()
	srv, err := Open(Config{DataDir: dir, Exercises: testExercises, Code: "SAME-ROOM"})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	fac, err := ReadSecret(dir, FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			a := call(t, "POST", hs.URL+"/v1/join", "", fmt.Sprintf(`{"code":"same-room","name":"p%d"}`, i))
			var jr JoinResponse
			if err := json.Unmarshal([]byte(a.body), &jr); err != nil {
				t.Error(a.body)
				return
			}
			seq := 0
			for round := range 8 {
				var evs []string
				for _, ex := range testExercises {
					seq++
					status := []string{"fail", "pass", "error"}[(i+round)%3]
					evs = append(evs, ev(seq, "verdict", ex, fmt.Sprintf(`"status":%q,"findings":["test:T%d"]`, status, round%2)))
				}
				seq++
				evs = append(evs, ev(seq, "hint", testExercises[round%3], fmt.Sprintf(`"tier":%d`, round%3+1)))
				call(t, "POST", hs.URL+"/v1/events", jr.Token, events(evs...))
			}
		})
	}
	for i := range 10 {
		wg.Go(func() { call(t, "POST", hs.URL+"/v1/broadcast", fac, fmt.Sprintf(`{"text":"message %d"}`, i)) })
	}
	wg.Go(func() { call(t, "POST", hs.URL+"/v1/open", fac, `{"exercise":"channels/pipeline"}`) })
	wg.Go(func() { call(t, "POST", hs.URL+"/v1/open", fac, `{"exercise":"goroutines/first-error"}`) })
	wg.Wait()
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	before, err := json.Marshal(srv.Room().Snapshot(now, Stuck{}))
	if err != nil {
		t.Fatal(err)
	}
	srv.StopStreams()
	hs.Close()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	after, _, err := LoadRoom(dir)
	if err != nil {
		t.Fatal(err)
	}
	aj, err := json.Marshal(after.Snapshot(now, Stuck{}))
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(aj) {
		t.Errorf("the room replayed from its log differs from the room the server had:\nbefore %s\nafter  %s", firstDiff(string(before), string(aj)), firstDiff(string(aj), string(before)))
	}
}

// firstDiff shows a's text around where it first differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return "…" + strings.TrimSpace(a[lo:min(len(a), i+120)]) + "…"
}

func TestSeqSet(t *testing.T) {
	var s seqSet
	for _, n := range []int64{5, 1, 3, 2, 4, 9, 7, 8, 20} {
		if !s.add(n) {
			t.Errorf("add(%d) said it was there already", n)
		}
	}
	for _, n := range []int64{1, 5, 9, 20} {
		if s.add(n) {
			t.Errorf("add(%d) twice said new", n)
		}
	}
	if got := fmt.Sprint(s.ranges); got != "[[1 5] [7 9] [20 20]]" {
		t.Errorf("ranges %s", got)
	}
	for n := int64(0); n <= 21; n++ {
		want := n >= 1 && n <= 5 || n >= 7 && n <= 9 || n == 20
		if s.has(n) != want {
			t.Errorf("has(%d) = %v", n, !want)
		}
	}
}
