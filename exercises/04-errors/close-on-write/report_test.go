//go:build accent

package closeonwrite

import (
	"bytes"
	"errors"
	"testing"
)

var (
	errDiskFull  = errors.New("no space left on device")
	errNFSCommit = errors.New("nfs: commit failed")
)

// fakeFile is an io.WriteCloser whose Write and Close fail on demand, the
// way a file on a full disk or a network share does: buffered data is often
// only written, and its failure only reported, by Close.
type fakeFile struct {
	data             bytes.Buffer
	writeErr         error
	closeErr         error
	closes           int
	writesAfterClose int
}

func (f *fakeFile) Write(p []byte) (int, error) {
	if f.closes > 0 {
		f.writesAfterClose++
		return 0, errors.New("write after close")
	}
	if f.writeErr != nil {
		return 0, f.writeErr
	}
	return f.data.Write(p)
}

func (f *fakeFile) Close() error {
	f.closes++
	return f.closeErr
}

var report = Report{
	Title: "requests",
	Rows:  []Row{{Name: "GET", Count: 12}, {Name: "POST", Count: 3}},
}

func TestSaveWritesTheReportThenClosesOnce(t *testing.T) {
	f := &fakeFile{}
	if err := Save(f, report); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if got, want := f.data.String(), "# requests\nGET\t12\nPOST\t3\n"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
	if f.closes != 1 {
		t.Errorf("Close called %d times, want 1", f.closes)
	}
	if f.writesAfterClose != 0 {
		t.Errorf("%d writes after Close", f.writesAfterClose)
	}
}

func TestSaveReturnsTheCloseError(t *testing.T) {
	f := &fakeFile{closeErr: errNFSCommit}
	err := Save(f, report)
	if !errors.Is(err, errNFSCommit) {
		t.Fatalf("Save = %v, want an error wrapping %q: the report was never saved, and the caller was told it was", err, errNFSCommit)
	}
	if f.closes != 1 {
		t.Errorf("Close called %d times, want 1", f.closes)
	}
}

func TestSaveReturnsTheWriteErrorAndStillCloses(t *testing.T) {
	f := &fakeFile{writeErr: errDiskFull}
	err := Save(f, report)
	if !errors.Is(err, errDiskFull) {
		t.Errorf("Save = %v, want an error wrapping %q", err, errDiskFull)
	}
	if f.closes != 1 {
		t.Errorf("Close called %d times after a failed write, want 1", f.closes)
	}
}

func TestSaveKeepsTheWriteErrorWhenCloseFailsToo(t *testing.T) {
	f := &fakeFile{writeErr: errDiskFull, closeErr: errNFSCommit}
	err := Save(f, report)
	if !errors.Is(err, errDiskFull) {
		t.Errorf("Save = %v, want an error wrapping the first failure, %q", err, errDiskFull)
	}
	if f.closes != 1 {
		t.Errorf("Close called %d times, want 1", f.closes)
	}
}
