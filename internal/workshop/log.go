package workshop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// RecordType says what a record of the room's log records.
type RecordType string

// The record types. A log with any other type was written by a newer
// accent or by hand: the room refuses it rather than skip what it says.
const (
	RoomRecord      RecordType = "room"      // the session's code and exercises
	JoinRecord      RecordType = "join"      // a participant joined (or renamed)
	EventRecord     RecordType = "event"     // a participant's event
	OpenRecord      RecordType = "open"      // the facilitator opened an exercise
	BroadcastRecord RecordType = "broadcast" // the facilitator said something
	RemoveRecord    RecordType = "remove"    // the facilitator removed a participant
)

// Known reports whether t is one of the record types.
func (t RecordType) Known() bool {
	switch t {
	case RoomRecord, JoinRecord, EventRecord, OpenRecord, BroadcastRecord, RemoveRecord:
		return true
	}
	return false
}

// UnknownRecordError says a record's type is none of the record types.
type UnknownRecordError struct{ Type RecordType }

func (e *UnknownRecordError) Error() string {
	return fmt.Sprintf("a room record of unknown type %q (written by a newer accent, or by hand)", e.Type)
}

// Record is one line of the room's log. The log is the room: replaying it
// from the start rebuilds every participant and event.
type Record struct {
	Type RecordType `json:"t"`
	At   time.Time  `json:"at"`

	// room: the session's code and exercises (the last room record wins)
	Code      string   `json:"code,omitempty"`
	Exercises []string `json:"exercises,omitempty"`

	// join, event, remove: who
	Participant string `json:"pid,omitempty"`
	Name        string `json:"name,omitempty"`
	TokenHash   string `json:"tok,omitempty"`    // join: sha256 of the participant's token
	Client      string `json:"client,omitempty"` // join: the client's own id, so a join sent again is the same participant
	Event       *Event `json:"ev,omitempty"`

	// open: the exercise opened; broadcast: the message
	Exercise string `json:"exercise,omitempty"`
	Text     string `json:"text,omitempty"`
}

// Log is an append-only file of JSON lines, fsynced before Append
// returns, so whatever the server has acknowledged survives a kill -9 or
// a power cut. Appends from many requests are written and synced together
// (group commit): one fsync serves every request waiting at that moment.
//
// One goroutine writes the file and, once a write is on disk, hands its
// records to the apply function in the same order: the order records are
// applied to the room is the order they are in the file, so replaying
// the log gives exactly the room the server had.
type Log struct {
	f     *os.File
	reqs  chan logReq
	done  chan struct{}
	apply func(Record) error

	mu     sync.Mutex
	closed bool
}

type logReq struct {
	recs []Record
	buf  []byte // the records' lines, in order
	errc chan error
}

// OpenLog opens (or creates) the log at path and returns the records in
// it. A torn last line (the server died mid-write) is cut off and reported
// in notice; any other bad line is an error naming it, and nothing is
// changed, so a damaged log is never made worse.
//
// apply is called with every record appended from now on, in file order,
// once it is on disk and before Append returns; nil applies nothing.
func OpenLog(path string, apply func(Record) error) (l *Log, records []Record, notice string, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, "", fmt.Errorf("opening the room log: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	records, good, notice, err := readLog(f, path)
	if err != nil {
		return nil, nil, "", err
	}
	if err := f.Truncate(good); err != nil {
		return nil, nil, "", fmt.Errorf("cutting the torn last line of %s: %w", path, err)
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		return nil, nil, "", fmt.Errorf("opening the room log: %w", err)
	}
	if apply == nil {
		apply = func(Record) error { return nil }
	}
	l = &Log{f: f, reqs: make(chan logReq, 1024), done: make(chan struct{}), apply: apply}
	go l.writer()
	return l, records, notice, nil
}

// readLog reads the records of the log and returns how many bytes of it
// are whole lines.
func readLog(r io.Reader, path string) ([]Record, int64, string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var records []Record
	var good int64
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			if len(bytes.TrimSpace(line)) > 0 {
				return records, good, fmt.Sprintf("the last line of %s was cut off by a crash; dropped it (%d bytes, never acknowledged)", path, len(line)), nil
			}
			return records, good, "", nil
		}
		if err != nil {
			return nil, 0, "", fmt.Errorf("reading %s: %w", path, err)
		}
		var rec Record
		if err := json.Unmarshal(line, &rec); err != nil || rec.Type == "" {
			return nil, 0, "", fmt.Errorf("%s:%d: not a room record (%v); the file was changed by hand or is not a room log: move it away to start a new room", path, n, errOr(err, "no type"))
		}
		if !rec.Type.Known() {
			return nil, 0, "", fmt.Errorf("%s:%d: %w: move the file away to start a new room, or run the accent that wrote it", path, n, &UnknownRecordError{rec.Type})
		}
		records = append(records, rec)
		good += int64(len(line))
	}
}

func errOr(err error, s string) any {
	if err != nil {
		return err
	}
	return s
}

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("the room log is closed")

// Append writes recs, in order and in one write, and returns once they
// are on disk and applied. A crash can cut the write short, never reorder
// it: what reaches the disk is always a prefix of recs.
func (l *Log) Append(recs ...Record) error {
	if len(recs) == 0 {
		return nil
	}
	var buf []byte
	for _, rec := range recs {
		if !rec.Type.Known() {
			return &UnknownRecordError{rec.Type} // never on disk what the room cannot replay
		}
		line, err := jsonLine(rec)
		if err != nil {
			return err
		}
		buf = append(buf, line...)
	}
	req := logReq{recs: recs, buf: buf, errc: make(chan error, 1)}
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	l.reqs <- req
	l.mu.Unlock()
	return <-req.errc
}

// writer writes whatever is waiting, syncs once, and answers everyone.
func (l *Log) writer() {
	defer close(l.done)
	for req := range l.reqs {
		batch := []logReq{req}
	more:
		for len(batch) < 512 {
			select {
			case r, ok := <-l.reqs:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		var buf bytes.Buffer
		for _, r := range batch {
			buf.Write(r.buf)
		}
		pos, err := l.f.Seek(0, io.SeekCurrent)
		if err == nil {
			_, err = l.f.Write(buf.Bytes())
		}
		if err == nil {
			err = l.f.Sync()
		}
		if err != nil {
			// Leave no partial line behind: the next append starts clean.
			if terr := l.f.Truncate(pos); terr == nil {
				_, _ = l.f.Seek(pos, io.SeekStart) //accent:ignore errignored the write error is the one reported
			}
			err = fmt.Errorf("writing the room log: %w", err)
		}
		for _, r := range batch {
			rerr := err
			if err == nil {
				for _, rec := range r.recs {
					// Append refused unknown types: an error here is a bug,
					// reported to the request rather than lost.
					rerr = errors.Join(rerr, l.apply(rec))
				}
			}
			r.errc <- rerr
		}
	}
}

// Close waits for pending appends and closes the file.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	close(l.reqs)
	l.mu.Unlock()
	<-l.done
	return l.f.Close()
}
