package workshop

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A record type the room does not know is refused everywhere, loudly:
// by Apply (the room unchanged), by Append (nothing written), and when a
// log holding one is loaded or served.
func TestUnknownRecordTypesAreRefused(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, typ := range []RecordType{"vote", "", "Join", "events"} {
		r := NewRoom()
		if err := r.Apply(Record{Type: JoinRecord, At: t0, Participant: "p1", Name: "Ana"}); err != nil {
			t.Fatal(err)
		}
		before := r.Snapshot(t0, Stuck{})
		err := r.Apply(Record{Type: typ, At: t0, Participant: "p2", Name: "Bo"})
		var unknown *UnknownRecordError
		if !errors.As(err, &unknown) || unknown.Type != typ {
			t.Errorf("Apply(type %q) = %v, want an *UnknownRecordError", typ, err)
		}
		if after := r.Snapshot(t0, Stuck{}); len(after.Participants) != len(before.Participants) || after.Version != before.Version {
			t.Errorf("Apply(type %q) changed the room: %d participants, version %d (was %d, %d)",
				typ, len(after.Participants), after.Version, len(before.Participants), before.Version)
		}
	}
	for _, typ := range []RecordType{RoomRecord, JoinRecord, EventRecord, OpenRecord, BroadcastRecord, RemoveRecord} {
		if !typ.Known() {
			t.Errorf("%s is a record type", typ)
		}
		if err := NewRoom().Apply(Record{Type: typ, At: t0}); err != nil {
			t.Errorf("Apply(%s) = %v", typ, err)
		}
	}

	dir := t.TempDir()
	path := filepath.Join(dir, LogFile)
	l, _, _, err := OpenLog(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Append(Record{Type: RoomRecord, At: t0, Code: "X", Exercises: testExercises}, Record{Type: "vote", At: t0}); err == nil {
		t.Error("Append wrote a record of unknown type")
	}
	if err := l.Append(Record{Type: RoomRecord, At: t0, Code: "X", Exercises: testExercises}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || strings.Count(string(b), "\n") != 1 {
		t.Fatalf("the log after a refused append holds %q (%v); want the one good record", b, err)
	}

	// A log from a newer accent: one more record, of a type this one does not know.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"t":"vote","at":"2026-12-01T09:00:00Z","pid":"p1"}` + "\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadRoom(dir); err == nil || !strings.Contains(err.Error(), `:2: a room record of unknown type "vote"`) {
		t.Errorf("LoadRoom of a log with an unknown record: %v", err)
	}
	if _, err := Open(Config{DataDir: dir, Code: "ROOM-X", Exercises: testExercises}); err == nil || !strings.Contains(err.Error(), `unknown type "vote"`) {
		t.Errorf("Open of a log with an unknown record: %v", err)
	}
}

// apply folds recs into r, for tests that build a room by hand: a record
// the room refuses is a bug in the test.
func apply(r *Room, recs ...Record) {
	for _, rec := range recs {
		if err := r.Apply(rec); err != nil {
			panic(err)
		}
	}
}
