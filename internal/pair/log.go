package pair

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Version is the record format this code writes.
const Version = 1

// The kinds of record.
const (
	KindStart = "start" // the session began: driver, navigator, rotate_seconds
	KindStint = "stint" // someone drove: driver, navigator, exercise, start, seconds, why
	KindSwap  = "swap"  // the roles swapped: the new driver and navigator
	KindPass  = "pass"  // an exercise passed: exercise, driver, navigator
	KindEnd   = "end"   // the session ended: start, seconds
)

// Why a stint ended.
const (
	WhyExercise = "exercise" // the pair moved to another exercise (or to the map)
	WhySwap     = "swap"     // the roles swapped
	WhyEnd      = "end"      // the session ended
)

// Record is one line of the session log.
type Record struct {
	V             int       `json:"v"`
	Session       string    `json:"session"`
	Kind          string    `json:"kind"`
	At            time.Time `json:"at"`
	Driver        Person    `json:"driver,omitzero"`
	Navigator     Person    `json:"navigator,omitzero"`
	Exercise      string    `json:"exercise,omitempty"` // "" in a stint: the course map and lessons
	Start         time.Time `json:"start,omitzero"`
	Seconds       int64     `json:"seconds,omitempty"`
	Why           string    `json:"why,omitempty"`
	RotateSeconds int64     `json:"rotate_seconds,omitempty"`
}

// LogName is the log's file name, in the directory of the workspace's
// progress file.
const LogName = "pair.jsonl"

// LogPath is the session log beside the progress file at progressPath
// (see progress.PathFor): one log per workspace, in the state directory.
func LogPath(progressPath string) string {
	return filepath.Join(filepath.Dir(progressPath), LogName)
}

// Log is an append-only JSONL file of Records. Each Append writes whole
// lines in one write and syncs them to disk before it returns. If accent
// stopped in the middle of a line, the next Append ends that line first,
// so the torn record is the only one lost: Read skips it with a notice.
type Log struct {
	Path string
	mu   sync.Mutex // one Append at a time from this process
}

// OpenLog is the log at path; the file is created by the first Append.
func OpenLog(path string) *Log { return &Log{Path: path} }

// Append writes recs at the end of the log and syncs the file.
func (l *Log) Append(recs ...Record) error {
	if len(recs) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("pair log: %w", err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(l.Path), 0o700); err != nil {
		return fmt.Errorf("pair log: %w", err)
	}
	f, err := os.OpenFile(l.Path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("pair log: %w", err)
	}
	torn, err := endsTorn(f)
	if err == nil {
		out := buf.Bytes()
		if torn {
			out = append([]byte{'\n'}, out...)
		}
		_, err = f.Write(out)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("pair log %s: %w", l.Path, err)
	}
	return nil
}

// endsTorn reports whether f is not empty and does not end with a newline.
func endsTorn(f *os.File) (bool, error) {
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return false, err
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, fi.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// Read returns every record in the log, in file order. Lines that are not
// records (a line torn by a crash, a hand edit) are skipped, and each one
// is named in notices. A log that does not exist yet has no records.
func (l *Log) Read() (recs []Record, notices []string, err error) {
	f, err := os.Open(l.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("pair log: %w", err)
	}
	defer f.Close()
	recs, notices, err = ReadLog(f)
	for i, n := range notices {
		notices[i] = l.Path + ": " + n
	}
	return recs, notices, err
}

// ReadLog reads records from r, one JSON object a line. A line that is
// not a record is skipped with a notice; only a read error is an error.
func ReadLog(r io.Reader) (recs []Record, notices []string, err error) {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var rec Record
			switch jerr := json.Unmarshal(line, &rec); {
			case jerr != nil && errors.Is(err, io.EOF):
				notices = append(notices, fmt.Sprintf("line %d is incomplete (accent stopped while writing it); skipped it", n))
			case jerr != nil:
				notices = append(notices, fmt.Sprintf("line %d is not a record (%v); skipped it", n, jerr))
			case rec.Kind == "" || rec.Session == "":
				notices = append(notices, fmt.Sprintf("line %d has no kind or session; skipped it", n))
			case rec.V > Version:
				notices = append(notices, fmt.Sprintf("line %d was written by a newer accent (format %d); skipped it", n, rec.V))
			default:
				recs = append(recs, rec)
			}
		}
		if errors.Is(err, io.EOF) {
			return recs, notices, nil
		}
		if err != nil {
			return recs, notices, fmt.Errorf("pair log: %w", err)
		}
	}
}
