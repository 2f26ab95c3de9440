//go:build accent

package wrapandinspect

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
)

var files = fstest.MapFS{
	"app.conf":   {Data: []byte("# the app\nname = accent\n\n  # indented, and a line of spaces\n   \nport = 8080\n")},
	"bad.conf":   {Data: []byte("name = accent\n# fine so far\nport 8080\n")},
	"first.conf": {Data: []byte(" = accent\nport = 8080\n")},
}

func TestLoadParsesKeyValueLines(t *testing.T) {
	cfg, err := Load(files, "app.conf")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := map[string]string{"name": "accent", "port": "8080"}
	if !maps.Equal(cfg, want) {
		t.Errorf("Load = %v, want %v", cfg, want)
	}
}

func TestMissingFileIsErrNotFoundAndNamesTheFile(t *testing.T) {
	_, err := Load(files, "missing.conf")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("errors.Is(err, ErrNotFound) = false for %q: the chain to the sentinel is broken", err)
	}
	if !strings.Contains(err.Error(), "missing.conf") {
		t.Errorf("error %q does not say which file is missing", err)
	}
}

func TestParseErrorSurvivesWrappingWithItsLineNumber(t *testing.T) {
	_, err := Load(files, "bad.conf")
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("errors.As(err, *ParseError) = false for %q: the chain to the *ParseError is broken", err)
	}
	if pe.Line != 3 {
		t.Errorf("ParseError.Line = %d, want 3", pe.Line)
	}
	if !strings.Contains(err.Error(), "bad.conf") {
		t.Errorf("error %q does not say which file is bad", err)
	}
}

// deniedFS fails every Open the way a file without read permission does.
type deniedFS struct{}

func (deniedFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestOtherReadErrorsKeepTheirCauseAndAreNotErrNotFound(t *testing.T) {
	_, err := Load(deniedFS{}, "app.conf")
	if err == nil {
		t.Fatal("Load succeeded on an unreadable file")
	}
	if errors.Is(err, ErrNotFound) {
		t.Errorf("permission error %q reported as ErrNotFound", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("errors.Is(err, fs.ErrPermission) = false for %q: the cause was lost", err)
	}
}

var errIO = errors.New("input/output error")

// brokenFS opens every file, and every read fails part-way: a bad disk
// sector. The error fs.ReadFile returns does not name the file.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) { return brokenFile{}, nil }

type brokenFile struct{}

func (brokenFile) Stat() (fs.FileInfo, error) { return nil, errIO }
func (brokenFile) Read([]byte) (int, error)   { return 0, errIO }
func (brokenFile) Close() error               { return nil }

func TestAReadErrorNamesTheFileAndKeepsItsCause(t *testing.T) {
	_, err := Load(brokenFS{}, "app.conf")
	if !errors.Is(err, errIO) {
		t.Fatalf("Load = %v, want an error wrapping %q", err, errIO)
	}
	if errors.Is(err, ErrNotFound) {
		t.Errorf("read error %q reported as ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), "app.conf") {
		t.Errorf("error %q does not say which file could not be read", err)
	}
}

func TestLoadOrDefaultsFallsBackOnlyWhenTheFileIsMissing(t *testing.T) {
	defaults := map[string]string{"port": "80"}

	cfg, err := LoadOrDefaults(files, "missing.conf", defaults)
	if err != nil {
		t.Fatalf("LoadOrDefaults on a missing file: %v, want the defaults", err)
	}
	if !maps.Equal(cfg, defaults) {
		t.Errorf("LoadOrDefaults on a missing file = %v, want %v", cfg, defaults)
	}

	cfg, err = LoadOrDefaults(files, "bad.conf", defaults)
	if err == nil {
		t.Fatalf("LoadOrDefaults on a malformed file = %v, nil: only a missing file may fall back", cfg)
	}
	if line, ok := BadLine(err); !ok || line != 3 {
		t.Errorf("BadLine(%q) = %d, %v; want 3, true", err, line, ok)
	}

	for _, fsys := range []fs.FS{files, deniedFS{}, brokenFS{}} {
		_, want := Load(fsys, "bad.conf")
		cfg, err := LoadOrDefaults(fsys, "bad.conf", defaults)
		if err == nil || err.Error() != want.Error() || cfg != nil {
			t.Errorf("LoadOrDefaults = %v, %v; want nil and Load's own error, unchanged: %v", cfg, err, want)
		}
	}
}

func TestBadLineFindsTheParseErrorThroughEveryLayer(t *testing.T) {
	_, err := Load(files, "bad.conf")
	outer := fmt.Errorf("start server: %w", err)
	if line, ok := BadLine(outer); !ok || line != 3 {
		t.Errorf("BadLine(%q) = %d, %v; want 3, true", outer, line, ok)
	}

	_, err = Load(files, "missing.conf")
	if line, ok := BadLine(err); ok {
		t.Errorf("BadLine(%q) = %d, true; a missing file has no bad line", err, line)
	}
	if line, ok := BadLine(nil); ok || line != 0 {
		t.Errorf("BadLine(nil) = %d, %v; want 0, false", line, ok)
	}

	_, err = Load(files, "first.conf")
	if line, ok := BadLine(fmt.Errorf("reload: %w", err)); !ok || line != 1 {
		t.Errorf("BadLine(%q) = %d, %v; want 1, true", err, line, ok)
	}
}

func TestBadLineSearchesEveryBranchOfAJoinedError(t *testing.T) {
	_, bad := Load(files, "bad.conf")
	_, missing := Load(files, "missing.conf")
	err := fmt.Errorf("load configs: %w", errors.Join(missing, bad))
	if line, ok := BadLine(err); !ok || line != 3 {
		t.Errorf("BadLine(%q) = %d, %v; want 3, true", err, line, ok)
	}
}

// The line is in the *ParseError, not in the message.
func TestBadLineIgnoresMessagesThatMentionALine(t *testing.T) {
	for _, err := range []error{
		errors.New("load config app.conf: line 7: missing '='"),
		fmt.Errorf("start server: %v", &ParseError{Line: 4, Msg: "empty key"}),
	} {
		if line, ok := BadLine(err); ok {
			t.Errorf("BadLine(%q) = %d, true; want false: no *ParseError in the chain, only text", err, line)
		}
	}
}

// A line longer than bufio.Scanner takes (64 KiB) is a read error too: it
// keeps its cause and names the file.
func TestALineTooLongIsAnErrorThatNamesTheFile(t *testing.T) {
	long := fstest.MapFS{"huge.conf": {Data: []byte("name = accent\nkey = " + strings.Repeat("x", 70_000) + "\n")}}
	cfg, err := Load(long, "huge.conf")
	if !errors.Is(err, bufio.ErrTooLong) {
		t.Fatalf("Load = %v, %v; want an error wrapping %q", cfg, err, bufio.ErrTooLong)
	}
	if !strings.Contains(err.Error(), "huge.conf") {
		t.Errorf("error %q does not say which file", err)
	}
}
