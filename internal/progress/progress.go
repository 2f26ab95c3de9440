// Package progress persists what a learner has done in a workspace: attempts,
// hints and passes per exercise, the current exercise and the chosen
// language.
//
// Each workspace has one versioned JSON file in the XDG state directory (see
// [DefaultDir] and [PathFor]). Several accent processes may use the same file
// at once (the TUI, watch mode, a script): every read-modify-write happens
// under an exclusive file lock on "<file>.lock", and every write replaces the
// file atomically (temporary file, fsync, rename), so no update is lost and
// no reader sees half a file. A corrupt file is moved aside with a notice,
// never silently reset; a file written by a newer accent is never
// overwritten.
package progress

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
)

// Version is the format version this code writes and the newest it reads.
const Version = 1

// LockTimeout is how long Load and Update wait for another process to
// release the lock before they give up with a *LockedError.
var LockTimeout = 5 * time.Second

// lockRetry is how often a blocked Load or Update tries the lock again.
const lockRetry = 10 * time.Millisecond

// fileMode is the mode of a newly written progress file.
const fileMode fs.FileMode = 0o600

// Exercise is what accent records about one exercise.
type Exercise struct {
	Attempts    int       `json:"attempts"`
	HintsUsed   int       `json:"hints_used"`
	FirstPass   time.Time `json:"first_pass,omitzero"`
	PassHash    string    `json:"pass_hash,omitempty"`   // HashFiles of the files that first passed
	LastStatus  string    `json:"last_status,omitempty"` // "pass" | "fail" | "error"
	LastAttempt time.Time `json:"last_attempt,omitzero"`
}

// Passed reports whether the exercise has ever passed.
func (e *Exercise) Passed() bool {
	return e != nil && !e.FirstPass.IsZero()
}

// State is the whole progress of one workspace, as stored on disk.
type State struct {
	Version   int                  `json:"version"`
	Workspace string               `json:"workspace"`
	Current   string               `json:"current,omitempty"`  // exercise id the learner is on
	Language  string               `json:"language,omitempty"` // "node" | "python" | "java" ("" = not chosen)
	Exercises map[string]*Exercise `json:"exercises"`
}

// Exercise returns the record of exercise id, creating an empty one if there
// is none yet. It never returns nil.
func (s *State) Exercise(id string) *Exercise {
	if s.Exercises == nil {
		s.Exercises = make(map[string]*Exercise)
	}
	e := s.Exercises[id]
	if e == nil {
		e = &Exercise{}
		s.Exercises[id] = e
	}
	return e
}

// Lookup returns a copy of the record of exercise id and whether there is
// one. It never changes s.
func (s *State) Lookup(id string) (Exercise, bool) {
	e := s.Exercises[id]
	if e == nil {
		return Exercise{}, false
	}
	return *e, true
}

// DefaultDir returns the directory that holds the progress files:
// override ($ACCENT_STATE_DIR, as the caller read it) if not "", else
// $XDG_STATE_HOME/accent (see [github.com/adrg/xdg] for the platform
// defaults).
func DefaultDir(override string) (string, error) {
	if dir := override; dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", fmt.Errorf("progress: resolve ACCENT_STATE_DIR %q: %w", dir, err)
		}
		return abs, nil
	}
	if xdg.StateHome == "" {
		return "", errors.New("progress: no state directory: set ACCENT_STATE_DIR or XDG_STATE_HOME")
	}
	return filepath.Join(xdg.StateHome, "accent"), nil
}

// PathFor names the progress file of workspace inside dir:
// dir/<base name of workspace>-<first 12 hex digits of the SHA-256 of its
// absolute, clean path>/progress.json. The name depends only on the
// workspace path, so it is stable across runs, and two workspaces with the
// same base name get different files.
func PathFor(dir, workspace string) (string, error) {
	if dir == "" {
		return "", errors.New("progress: empty state directory")
	}
	if workspace == "" {
		return "", errors.New("progress: empty workspace path")
	}
	abs, err := filepath.Abs(workspace)
	if err != nil {
		return "", fmt.Errorf("progress: resolve workspace %q: %w", workspace, err)
	}
	sum := sha256.Sum256([]byte(abs))
	base := filepath.Base(abs)
	if base == string(filepath.Separator) || base == "." || base == ".." {
		base = "workspace"
	}
	return filepath.Join(dir, base+"-"+hex.EncodeToString(sum[:])[:12], "progress.json"), nil
}

// HashFiles returns a hex SHA-256 over the files' names and contents, in
// name order, each length-prefixed so that no two different sets of files
// hash alike by concatenation. It is the value recorded as PassHash.
func HashFiles(files map[string][]byte) string {
	var buf []byte
	for _, name := range slices.Sorted(maps.Keys(files)) {
		buf = binary.BigEndian.AppendUint64(buf, uint64(len(name)))
		buf = append(buf, name...)
		buf = binary.BigEndian.AppendUint64(buf, uint64(len(files[name])))
		buf = append(buf, files[name]...)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// CorruptError is returned by Load when the progress file became corrupt
// after Open. The file has already been moved to MovedTo; the next Load
// starts fresh.
type CorruptError struct {
	Path    string // the progress file
	MovedTo string // where its bytes are now
	Err     error  // what was wrong with them
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("progress file %s was corrupt (%v); moved it to %s; starting fresh", e.Path, e.Err, e.MovedTo)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// LockedError is returned when the lock on a progress file could not be
// taken within LockTimeout because another accent process holds it.
type LockedError struct {
	Path string // the progress file
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("progress file %s is locked by another accent process: try again when it has finished", e.Path)
}

// VersionError is returned when the progress file was written by a newer
// accent. The file is left untouched.
type VersionError struct {
	Path    string
	Version int // the file's version, greater than [Version]
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("progress file %s has version %d; this accent understands up to %d: upgrade accent", e.Path, e.Version, Version)
}

// formatError says why the bytes of a progress file are not a valid state.
// When some of it could be read, salvaged holds that part.
type formatError struct {
	err      error
	salvaged *State
}

func (e *formatError) Error() string { return e.err.Error() }

// MaxFileSize is the largest progress file accent reads. A real one is a
// few kilobytes (a record per exercise); anything this big is not a
// progress file, and reading it whole would cost seconds and gigabytes.
const MaxFileSize = 4 << 20

// notice is what the learner is told when a file is set aside.
func (e *formatError) notice(path, movedTo string) string {
	if e.salvaged == nil {
		return (&CorruptError{Path: path, MovedTo: movedTo, Err: e}).Error()
	}
	return fmt.Sprintf("progress: parts of the progress file %s could not be read (%v); kept the rest, and moved the original to %s", path, e.err, movedTo)
}

// Store reads and writes the progress file of one workspace. Its methods are
// safe for concurrent use, and any number of Stores, in any number of
// processes, may share a file.
type Store struct {
	path      string
	workspace string

	mu      sync.Mutex
	notices []string
}

// Open prepares the store at path, creating its parent directories (mode
// 0700); it does not create the file. If the file exists and is corrupt (not
// JSON, or without a version), Open moves it aside to
// path+".corrupt-<UTC time>" and records a Notice. If the file's version is
// newer than [Version], Open returns a *VersionError and leaves it alone.
func Open(path, workspace string) (*Store, error) {
	if path == "" {
		return nil, errors.New("progress: empty progress file path")
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("progress: create state directory %s: %w%s", dir, err, permissionHint(err))
	}
	s := &Store{path: path, workspace: workspace}
	// Reading without the lock is safe: writers replace the file by rename,
	// so a reader sees either the old or the new file, never a mix. Only
	// moving a corrupt file aside needs the lock.
	_, err := s.read()
	var ferr *formatError
	switch {
	case err == nil:
		return s, nil
	case !errors.As(err, &ferr):
		return nil, err
	}
	err = s.withLock(true, func() error {
		_, err := s.read() // another process may have fixed the file meanwhile
		if !errors.As(err, &ferr) {
			return err
		}
		movedTo, err := s.setAside()
		if err != nil {
			return err
		}
		s.addNotice(ferr.notice(s.path, movedTo))
		if ferr.salvaged != nil {
			return s.write(ferr.salvaged)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Path returns the progress file's path.
func (s *Store) Path() string { return s.path }

// Notice returns what the learner should be told about the store, such as a
// corrupt file moved aside by Open or Update, one sentence per line, or ""
// if there is nothing to tell.
func (s *Store) Notice() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.notices, "\n")
}

func (s *Store) addNotice(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notices = append(s.notices, msg)
}

// Load returns the stored state, or a fresh one if there is no file yet. If
// the file became corrupt after Open, Load moves it aside and returns a
// *CorruptError; if it is newer than [Version], a *VersionError.
func (s *Store) Load() (*State, error) {
	var st *State
	err := s.withLock(false, func() error {
		var err error
		st, err = s.read()
		return err
	})
	var ferr *formatError
	if !errors.As(err, &ferr) {
		return st, err
	}
	// Moving the file aside is a write: take the exclusive lock and look
	// again, in case another process replaced the file in between.
	err = s.withLock(true, func() error {
		var err error
		st, err = s.read()
		if !errors.As(err, &ferr) {
			return err
		}
		movedTo, err := s.setAside()
		if err != nil {
			return err
		}
		if ferr.salvaged != nil {
			s.addNotice(ferr.notice(s.path, movedTo))
			st = ferr.salvaged
			return s.write(st)
		}
		return &CorruptError{Path: s.path, MovedTo: movedTo, Err: ferr}
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// Update applies fn to the stored state and writes the result atomically,
// all under the exclusive lock, so concurrent updates from any number of
// processes are never lost. If fn returns an error, nothing is written and
// Update returns that error unchanged. A corrupt file is moved aside and
// Update starts from a fresh state, recording a Notice; a newer file is
// refused with a *VersionError. fn runs under the lock, so it should be
// quick, and must not call Load or Update on the same file: that would wait
// for its own lock and fail with a *LockedError.
func (s *Store) Update(fn func(*State) error) error {
	return s.withLock(true, func() error {
		st, err := s.read()
		var ferr *formatError
		if errors.As(err, &ferr) {
			movedTo, err := s.setAside()
			if err != nil {
				return err
			}
			s.addNotice(ferr.notice(s.path, movedTo))
			st = cmp.Or(ferr.salvaged, s.fresh())
		} else if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
		return s.write(st)
	})
}

// fresh returns the state of a workspace with no progress.
func (s *Store) fresh() *State {
	return &State{Version: Version, Workspace: s.workspace, Exercises: make(map[string]*Exercise)}
}

// read reads and decodes the progress file. A missing file is a fresh
// state; a corrupt one is a *formatError; a newer one a *VersionError.
func (s *Store) read() (*State, error) {
	data, err := readCapped(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s.fresh(), nil
	}
	var ferr *formatError
	if errors.As(err, &ferr) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("progress: read %s: %w", s.path, err)
	}
	// Look at the version alone first: a newer format may not decode into
	// this State, and must be refused, not taken for corrupt.
	var probe struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, &formatError{err: err}
	}
	switch {
	case probe.Version > Version:
		return nil, &VersionError{Path: s.path, Version: probe.Version}
	case probe.Version <= 0:
		return nil, &formatError{err: errors.New("no version")}
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		salvaged, lost := salvage(data)
		if salvaged == nil {
			return nil, &formatError{err: err}
		}
		salvaged.Workspace = s.workspace
		return nil, &formatError{err: fmt.Errorf("%s", strings.Join(lost, "; ")), salvaged: salvaged}
	}
	st.Workspace = s.workspace
	if st.Exercises == nil {
		st.Exercises = make(map[string]*Exercise)
	}
	// An exercise recorded as null is no record at all.
	maps.DeleteFunc(st.Exercises, func(_ string, e *Exercise) bool { return e == nil })
	return &st, nil
}

// readCapped reads the file at path, refusing one over MaxFileSize as a
// *formatError without reading it.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileSize {
		return nil, &formatError{err: fmt.Errorf("it is %.1f MB, and a progress file is a few KB (accent reads at most %d MB)", float64(fi.Size())/(1<<20), MaxFileSize>>20)}
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// salvage reads what it can of a progress file that does not decode as a
// whole: every field that decodes is kept, field by field, down to one
// exercise's one number. It returns nil when the file is not even a JSON
// object, and says what was lost.
func salvage(data []byte) (*State, []string) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil, nil
	}
	st := &State{Version: Version, Exercises: map[string]*Exercise{}}
	var lost []string
	field := func(name string, raw json.RawMessage, v any) {
		if err := json.Unmarshal(raw, v); err != nil {
			lost = append(lost, name+": "+err.Error())
		}
	}
	for name, raw := range top {
		switch name {
		case "current":
			field(name, raw, &st.Current)
		case "language":
			field(name, raw, &st.Language)
		case "exercises":
			var exs map[string]json.RawMessage
			if err := json.Unmarshal(raw, &exs); err != nil {
				lost = append(lost, "exercises: "+err.Error())
				continue
			}
			for id, raw := range exs {
				var e Exercise
				if json.Unmarshal(raw, &e) == nil {
					st.Exercises[id] = &e
					continue
				}
				var fields map[string]json.RawMessage
				if err := json.Unmarshal(raw, &fields); err != nil {
					lost = append(lost, "exercises."+id+": "+err.Error())
					continue
				}
				for k, v := range fields {
					// One field at a time: the bad ones are left out.
					one, err := json.Marshal(map[string]json.RawMessage{k: v})
					if err == nil {
						err = json.Unmarshal(one, &e)
					}
					if err != nil {
						lost = append(lost, "exercises."+id+"."+k+": "+err.Error())
					}
				}
				st.Exercises[id] = &e
			}
		}
	}
	maps.DeleteFunc(st.Exercises, func(_ string, e *Exercise) bool { return e == nil })
	slices.Sort(lost)
	return st, lost
}

// write replaces the progress file with st. The caller holds the exclusive
// lock.
func (s *Store) write(st *State) error {
	st.Version = Version
	st.Workspace = s.workspace
	if st.Exercises == nil {
		st.Exercises = make(map[string]*Exercise)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("progress: encode %s: %w", s.path, err)
	}
	data = append(data, '\n')
	// The temporary file goes beside the target: same file system, so the
	// rename is atomic, and same private directory.
	if err := renameio.WriteFile(s.path, data, fileMode, renameio.WithTempDir(filepath.Dir(s.path))); err != nil {
		return fmt.Errorf("progress: write %s: %w%s", s.path, err, permissionHint(err))
	}
	return nil
}

// setAside moves the corrupt progress file to a new name next to it and
// returns that name. The caller holds the exclusive lock.
func (s *Store) setAside() (string, error) {
	base := s.path + ".corrupt-" + time.Now().UTC().Format("20060102T150405Z")
	movedTo := base
	// Never replace an earlier corrupt copy set aside in the same second.
	for i := 2; ; i++ {
		_, err := os.Lstat(movedTo)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("progress: set aside corrupt %s: %w", s.path, err)
		}
		movedTo = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(s.path, movedTo); err != nil {
		return "", fmt.Errorf("progress: set aside corrupt %s: %w%s", s.path, err, permissionHint(err))
	}
	return movedTo, nil
}

// withLock runs fn holding the lock on the progress file: exclusive for
// writers, shared for readers. It gives up with a *LockedError after
// LockTimeout.
func (s *Store) withLock(exclusive bool, fn func() error) (err error) {
	lockPath := s.path + ".lock"
	lock := flock.New(lockPath, flock.SetPermissions(fileMode))
	ctx, cancel := context.WithTimeout(context.Background(), LockTimeout)
	defer cancel()
	try := lock.TryRLockContext
	if exclusive {
		try = lock.TryLockContext
	}
	locked, err := try(ctx, lockRetry)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (err == nil && !locked):
		return &LockedError{Path: s.path}
	case err != nil:
		return fmt.Errorf("progress: lock %s: %w%s", lockPath, err, permissionHint(err))
	}
	defer func() {
		if uerr := lock.Unlock(); uerr != nil {
			err = errors.Join(err, fmt.Errorf("progress: unlock %s: %w", lockPath, uerr))
		}
	}()
	return fn()
}

// permissionHint adds advice to a permission error, which most often means
// the state directory is read-only.
func permissionHint(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return " (the state directory is not writable: fix its permissions or set ACCENT_STATE_DIR to a writable directory)"
	}
	return ""
}
