package workshop

import (
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"
)

// fullRoom is a room of n participants, each with a verdict on every one
// of four exercises.
func fullRoom(n int) *Room {
	r := NewRoom()
	t0 := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	exs := []string{"goroutines/fetch-all", "goroutines/first-error", "channels/pipeline", "context/timeout"}
	apply(r, Record{Type: "room", At: t0, Code: "X", Exercises: exs})
	for i := range n {
		pid := fmt.Sprint("p", i)
		apply(r, Record{Type: "join", At: t0, Participant: pid, Name: pid, TokenHash: HashToken(pid)})
		for j, ex := range exs {
			for k := range 15 {
				e := Event{Seq: int64(j*15 + k + 1), Kind: Graded, Exercise: ex, Status: "fail", Findings: []string{"leak", "analyzer:chanleak"}}
				apply(r, Record{Type: "event", At: t0.Add(time.Duration(j*15+k) * time.Second), Participant: pid, Event: &e})
			}
		}
	}
	return r
}

// BenchmarkSnapshot200 is the dashboard's GET /v1/room for 200
// participants: computing the snapshot and encoding it.
func BenchmarkSnapshot200(b *testing.B) {
	r := fullRoom(200)
	now := time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC)
	for b.Loop() {
		s := r.Snapshot(now, Stuck{})
		if err := json.NewEncoder(io.Discard).Encode(s); err != nil {
			b.Fatal(err)
		}
	}
}
