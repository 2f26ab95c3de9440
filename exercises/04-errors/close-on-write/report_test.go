//go:build accent

package closeonwrite

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

var (
	errDiskFull  = errors.New("no space left on device")
	errNFSCommit = errors.New("nfs: commit failed")
	errIO        = errors.New("input/output error")
)

// fakeFile is a file whose Write, Sync and Close fail on demand, the way a
// file on a full disk or a network share does: buffered data is often only
// written, and its failure only reported, by Sync or Close.
type fakeFile struct {
	data     bytes.Buffer
	room     int   // with writeErr: bytes written before the disk is full (0: none)
	writeErr error // every write fails with it, once room bytes are written
	syncErr  error
	closeErr error
	ops      []string // "write", "sync", "close", and "write after close" or "sync after close"
}

func (f *fakeFile) closed() bool { return slices.Contains(f.ops, "close") }

func (f *fakeFile) Write(p []byte) (int, error) {
	if f.closed() {
		f.ops = append(f.ops, "write after close")
		return 0, errors.New("write after close")
	}
	f.ops = append(f.ops, "write")
	if f.writeErr != nil {
		n := min(len(p), max(f.room-f.data.Len(), 0))
		f.data.Write(p[:n])
		if n < len(p) {
			return n, f.writeErr
		}
		return n, nil
	}
	return f.data.Write(p)
}

func (f *fakeFile) Sync() error {
	if f.closed() {
		f.ops = append(f.ops, "sync after close")
		return errors.New("sync after close")
	}
	f.ops = append(f.ops, "sync")
	return f.syncErr
}

func (f *fakeFile) Close() error {
	f.ops = append(f.ops, "close")
	return f.closeErr
}

// count returns how many times op is in ops.
func count(ops []string, op string) int {
	n := 0
	for _, o := range ops {
		if o == op {
			n++
		}
	}
	return n
}

// checkClosedOnce fails t unless f was closed exactly once, as its last
// operation, with nothing written or synced after that.
func checkClosedOnce(t *testing.T, f *fakeFile) {
	t.Helper()
	if n := count(f.ops, "close"); n != 1 || f.ops[len(f.ops)-1] != "close" {
		t.Errorf("operations %v: want Close called exactly once, last", f.ops)
	}
}

// conn is a writer with no Sync: a socket, a pipe, an in-memory buffer.
type conn struct{ f *fakeFile }

func (c conn) Write(p []byte) (int, error) { return c.f.Write(p) }
func (c conn) Close() error                { return c.f.Close() }

var report = Report{
	Title: "requests",
	Rows:  []Row{{Name: "GET", Count: 12}, {Name: "POST", Count: 3}},
}

const reportText = "# requests\nGET\t12\nPOST\t3\n"

func TestSaveWritesTheReportThenClosesOnce(t *testing.T) {
	f := &fakeFile{}
	if err := Save(f, report); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if got := f.data.String(); got != reportText {
		t.Errorf("wrote %q, want %q", got, reportText)
	}
	checkClosedOnce(t, f)
}

// A report longer than any buffer: it is written in several writes, all of
// them before Close.
func TestSaveWritesALongReport(t *testing.T) {
	long := Report{Title: "paths"}
	var want strings.Builder
	want.WriteString("# paths\n")
	for i := range 2000 {
		row := Row{Name: fmt.Sprintf("/api/v1/items/%d", i), Count: i * 7}
		long.Rows = append(long.Rows, row)
		fmt.Fprintf(&want, "%s\t%d\n", row.Name, row.Count)
	}
	f := &fakeFile{}
	if err := Save(f, long); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if f.data.String() != want.String() {
		t.Errorf("wrote %d bytes, want the %d bytes of the report", f.data.Len(), want.Len())
	}
	checkClosedOnce(t, f)
}

func TestSaveSyncsAFileAfterTheLastWriteAndBeforeClose(t *testing.T) {
	f := &fakeFile{}
	if err := Save(f, report); err != nil {
		t.Fatalf("Save: %v", err)
	}
	i := slices.Index(f.ops, "sync")
	if i < 0 {
		t.Fatalf("operations %v: the file was never synced; a clean Close does not mean the report is on the disk", f.ops)
	}
	if count(f.ops, "sync") != 1 || slices.Contains(f.ops[i:], "write") || f.ops[len(f.ops)-1] != "close" || f.ops[i+1] != "close" {
		t.Errorf("operations %v: want one sync, after the last write and right before Close", f.ops)
	}
}

func TestSaveWritesToAWriterThatCannotSync(t *testing.T) {
	f := &fakeFile{}
	if err := Save(conn{f}, report); err != nil {
		t.Fatalf("Save to a writer without Sync: %v", err)
	}
	if got := f.data.String(); got != reportText {
		t.Errorf("wrote %q, want %q", got, reportText)
	}
	checkClosedOnce(t, f)
}

func TestSaveReturnsTheCloseError(t *testing.T) {
	for name, w := range map[string]func(*fakeFile) io.WriteCloser{
		"file":   func(f *fakeFile) io.WriteCloser { return f },
		"socket": func(f *fakeFile) io.WriteCloser { return conn{f} },
	} {
		t.Run(name, func(t *testing.T) {
			f := &fakeFile{closeErr: errNFSCommit}
			err := Save(w(f), report)
			if !errors.Is(err, errNFSCommit) {
				t.Fatalf("Save = %v, want an error wrapping %q: the report was never saved, and the caller was told it was", err, errNFSCommit)
			}
			checkClosedOnce(t, f)
		})
	}
}

func TestSaveReturnsTheSyncErrorAndStillCloses(t *testing.T) {
	f := &fakeFile{syncErr: errIO}
	err := Save(f, report)
	if !errors.Is(err, errIO) {
		t.Errorf("Save = %v, want an error wrapping %q: the report did not reach the disk", err, errIO)
	}
	checkClosedOnce(t, f)
}

func TestSaveReturnsTheWriteErrorAndStillCloses(t *testing.T) {
	f := &fakeFile{writeErr: errDiskFull}
	err := Save(f, report)
	if !errors.Is(err, errDiskFull) {
		t.Errorf("Save = %v, want an error wrapping %q", err, errDiskFull)
	}
	checkClosedOnce(t, f)
}

// The disk fills up part-way: the first bytes are written, the rest fail.
func TestSaveReturnsAWriteErrorPartWay(t *testing.T) {
	long := Report{Title: "paths"}
	for i := range 2000 {
		long.Rows = append(long.Rows, Row{Name: fmt.Sprintf("/api/v1/items/%d", i), Count: i})
	}
	for _, room := range []int{len("# requests\n"), len("# requests\nGET\t12\n"), 5000} {
		t.Run(fmt.Sprint(room), func(t *testing.T) {
			r := report
			if room > len(reportText) {
				r = long
			}
			f := &fakeFile{writeErr: errDiskFull, room: room}
			err := Save(f, r)
			if !errors.Is(err, errDiskFull) {
				t.Errorf("Save = %v, want an error wrapping %q: the disk filled up after %d bytes, so the report is not saved", err, errDiskFull, room)
			}
			checkClosedOnce(t, f)
		})
	}
}

func TestSaveKeepsTheWriteErrorWhenCloseFailsToo(t *testing.T) {
	for name, f := range map[string]*fakeFile{
		"write":    {writeErr: errDiskFull, closeErr: errNFSCommit},
		"part-way": {writeErr: errDiskFull, room: 5, closeErr: errNFSCommit},
		"sync":     {syncErr: errDiskFull, closeErr: errNFSCommit},
	} {
		t.Run(name, func(t *testing.T) {
			err := Save(f, report)
			if !errors.Is(err, errDiskFull) {
				t.Errorf("Save = %v, want an error wrapping the first failure, %q", err, errDiskFull)
			}
			checkClosedOnce(t, f)
		})
	}
}
