package progress

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

const testWorkspace = "/home/ada/course"

// Environment of TestHelperProcess, the child side of
// TestUpdateConcurrentProcesses.
const (
	helperPathEnv  = "ACCENT_PROGRESS_TEST_PATH"
	helperCountEnv = "ACCENT_PROGRESS_TEST_INCREMENTS"
)

func increment(st *State) error {
	st.Exercise("ex").Attempts++
	return nil
}

func mustOpen(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, testWorkspace)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	return s
}

func mustLoad(t *testing.T, s *Store) *State {
	t.Helper()
	st, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return st
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// corruptCopies returns the files that path was moved aside to.
func corruptCopies(t *testing.T, path string) []string {
	t.Helper()
	matches, err := filepath.Glob(path + ".corrupt-*")
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

func TestRoundTrip(t *testing.T) {
	first := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	last := first.Add(90 * time.Minute)
	tests := []struct {
		name  string
		apply func(*State) error
		want  *State
	}{
		{
			name:  "nothing recorded",
			apply: func(*State) error { return nil },
			want:  &State{Version: Version, Workspace: testWorkspace, Exercises: map[string]*Exercise{}},
		},
		{
			name: "everything recorded",
			apply: func(st *State) error {
				st.Current = "variables2"
				st.Language = "python"
				e := st.Exercise("variables1")
				e.Attempts = 3
				e.HintsUsed = 1
				e.FirstPass = first
				e.PassHash = HashFiles(map[string][]byte{"main.py": []byte("print(1)\n")})
				e.LastStatus = "pass"
				e.LastAttempt = last
				st.Exercise("variables2").LastStatus = "fail"
				return nil
			},
			want: &State{
				Version:   Version,
				Workspace: testWorkspace,
				Current:   "variables2",
				Language:  "python",
				Exercises: map[string]*Exercise{
					"variables1": {
						Attempts:    3,
						HintsUsed:   1,
						FirstPass:   first,
						PassHash:    HashFiles(map[string][]byte{"main.py": []byte("print(1)\n")}),
						LastStatus:  "pass",
						LastAttempt: last,
					},
					"variables2": {LastStatus: "fail"},
				},
			},
		},
		{
			name: "version and workspace are the store's",
			apply: func(st *State) error {
				st.Version = 99
				st.Workspace = "/elsewhere"
				st.Exercises = nil
				return nil
			},
			want: &State{Version: Version, Workspace: testWorkspace, Exercises: map[string]*Exercise{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ws-1", "progress.json")
			if err := mustOpen(t, path).Update(tt.apply); err != nil {
				t.Fatalf("Update: %v", err)
			}
			// A second store reads it back, as another process would.
			got := mustLoad(t, mustOpen(t, path))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("loaded %+v\nwant %+v", got, tt.want)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if mode := info.Mode().Perm(); mode != 0o600 {
				t.Errorf("file mode %v, want 0600", mode)
			}
			dirInfo, err := os.Stat(filepath.Dir(path))
			if err != nil {
				t.Fatal(err)
			}
			if mode := dirInfo.Mode().Perm(); mode != 0o700 {
				t.Errorf("directory mode %v, want 0700", mode)
			}
		})
	}
}

func TestLoadWithoutFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := mustOpen(t, path)
	got := mustLoad(t, s)
	want := &State{Version: Version, Workspace: testWorkspace, Exercises: map[string]*Exercise{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load = %+v, want %+v", got, want)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open or Load created %s (stat: %v)", path, err)
	}
	if n := s.Notice(); n != "" {
		t.Errorf("Notice = %q, want none", n)
	}
}

func TestUpdateAbortsOnError(t *testing.T) {
	errAbort := errors.New("learner quit")
	tests := []struct {
		name   string
		before []byte // file content before the update; nil = no file
	}{
		{name: "no file yet", before: nil},
		{name: "existing file", before: []byte(`{"version":1,"workspace":"/w","exercises":{"ex":{"attempts":4,"hints_used":0}}}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "progress.json")
			if tt.before != nil {
				writeFile(t, path, tt.before)
			}
			err := mustOpen(t, path).Update(func(st *State) error {
				st.Exercise("ex").Attempts = 100
				return errAbort
			})
			if !errors.Is(err, errAbort) {
				t.Fatalf("Update = %v, want %v", err, errAbort)
			}
			after, err := os.ReadFile(path)
			switch {
			case tt.before == nil && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("aborted Update created the file (read: %v)", err)
			case tt.before != nil && !bytes.Equal(after, tt.before):
				t.Errorf("aborted Update changed the file to %q (read: %v)", after, err)
			}
		})
	}
}

func TestUpdateConcurrentGoroutines(t *testing.T) {
	const n = 40
	path := filepath.Join(t.TempDir(), "progress.json")
	shared := mustOpen(t, path)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			// Half share one Store, half each have their own.
			s := shared
			if i%2 == 1 {
				var err error
				if s, err = Open(path, testWorkspace); err != nil {
					errs <- err
					return
				}
			}
			errs <- s.Update(increment)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Update: %v", err)
		}
	}
	if got := mustLoad(t, shared).Exercise("ex").Attempts; got != n {
		t.Errorf("attempts = %d after %d concurrent increments: updates were lost", got, n)
	}
}

func TestUpdateConcurrentProcesses(t *testing.T) {
	const procs, each = 4, 25
	path := filepath.Join(t.TempDir(), "progress.json")
	type child struct {
		cmd   *exec.Cmd
		start io.WriteCloser
		out   bytes.Buffer
	}
	children := make([]*child, procs)
	for i := range children {
		c := &child{cmd: exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")}
		c.cmd.Env = append(os.Environ(), helperPathEnv+"="+path, helperCountEnv+"="+strconv.Itoa(each))
		c.cmd.Stdout = &c.out
		c.cmd.Stderr = &c.out
		var err error
		if c.start, err = c.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		if err := c.cmd.Start(); err != nil {
			t.Fatalf("start helper process: %v", err)
		}
		children[i] = c
	}
	// Closing stdin releases the children together, so that their updates
	// overlap.
	for _, c := range children {
		if err := c.start.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range children {
		if err := c.cmd.Wait(); err != nil {
			t.Errorf("helper process %d: %v\n%s", i, err, c.out.Bytes())
		}
	}
	if got := mustLoad(t, mustOpen(t, path)).Exercise("ex").Attempts; got != procs*each {
		t.Errorf("attempts = %d after %d processes × %d increments: updates were lost", got, procs, each)
	}
}

// TestHelperProcess is the child of TestUpdateConcurrentProcesses: it waits
// for its stdin to close, then increments the attempts of "ex" the number of
// times it was told. Run directly, it does nothing.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(helperPathEnv)
	if path == "" {
		return
	}
	n, err := strconv.Atoi(os.Getenv(helperCountEnv))
	if err != nil {
		t.Fatalf("%s: %v", helperCountEnv, err)
	}
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		t.Fatalf("wait for start: %v", err)
	}
	s := mustOpen(t, path)
	for range n {
		if err := s.Update(increment); err != nil {
			t.Fatalf("Update: %v", err)
		}
	}
}

func TestCorruptFileSetAside(t *testing.T) {
	files := []struct {
		name   string
		data   string
		reason string // in the notice or error
	}{
		{name: "truncated JSON", data: `{"version": 1, "exercises": {`, reason: "unexpected end of JSON input"},
		{name: "empty", data: "", reason: "unexpected end of JSON input"},
		{name: "binary", data: "\x00\xffgarbage", reason: "invalid character"},
		{name: "missing version", data: `{"workspace":"/w","exercises":{}}`, reason: "no version"},
		{name: "zero version", data: `{"version":0,"exercises":{}}`, reason: "no version"},
		{name: "null", data: `null`, reason: "no version"},
		{name: "not an object", data: `"progress"`, reason: "cannot unmarshal"},
	}
	movedName := regexp.MustCompile(`progress\.json\.corrupt-\d{8}T\d{6}Z(-\d+)?$`)
	// checkMoved checks that path was moved aside exactly once, with its
	// bytes intact, and returns where to.
	checkMoved := func(t *testing.T, path, data string) string {
		t.Helper()
		copies := corruptCopies(t, path)
		if len(copies) != 1 {
			t.Fatalf("corrupt copies %q, want exactly one", copies)
		}
		if !movedName.MatchString(copies[0]) {
			t.Errorf("moved to %s, want a name matching %s", copies[0], movedName)
		}
		got, err := os.ReadFile(copies[0])
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != data {
			t.Errorf("moved file holds %q, want the original %q", got, data)
		}
		return copies[0]
	}
	checkNotice := func(t *testing.T, notice, path, movedTo, reason string) {
		t.Helper()
		for _, want := range []string{"progress file " + path + " was corrupt", reason, "moved it to " + movedTo, "starting fresh"} {
			if !strings.Contains(notice, want) {
				t.Errorf("notice %q does not say %q", notice, want)
			}
		}
	}
	stages := []struct {
		name string
		run  func(t *testing.T, path, data, reason string)
	}{
		{
			name: "before Open",
			run: func(t *testing.T, path, data, reason string) {
				writeFile(t, path, []byte(data))
				s := mustOpen(t, path)
				movedTo := checkMoved(t, path, data)
				checkNotice(t, s.Notice(), path, movedTo, reason)
				if st := mustLoad(t, s); len(st.Exercises) != 0 {
					t.Errorf("after setting aside, Load = %+v, want a fresh state", st)
				}
			},
		},
		{
			name: "after Open, then Load",
			run: func(t *testing.T, path, data, reason string) {
				s := mustOpen(t, path)
				writeFile(t, path, []byte(data))
				_, err := s.Load()
				var ce *CorruptError
				if !errors.As(err, &ce) {
					t.Fatalf("Load = %v, want a *CorruptError", err)
				}
				movedTo := checkMoved(t, path, data)
				if ce.Path != path || ce.MovedTo != movedTo {
					t.Errorf("CorruptError{Path: %q, MovedTo: %q}, want {%q, %q}", ce.Path, ce.MovedTo, path, movedTo)
				}
				checkNotice(t, err.Error(), path, movedTo, reason)
				if st := mustLoad(t, s); len(st.Exercises) != 0 {
					t.Errorf("second Load = %+v, want a fresh state", st)
				}
			},
		},
		{
			name: "after Open, then Update",
			run: func(t *testing.T, path, data, reason string) {
				s := mustOpen(t, path)
				writeFile(t, path, []byte(data))
				if err := s.Update(increment); err != nil {
					t.Fatalf("Update: %v", err)
				}
				movedTo := checkMoved(t, path, data)
				checkNotice(t, s.Notice(), path, movedTo, reason)
				if got := mustLoad(t, s).Exercise("ex").Attempts; got != 1 {
					t.Errorf("attempts = %d after Update on a fresh state, want 1", got)
				}
			},
		},
		{
			name: "twice",
			run: func(t *testing.T, path, data, reason string) {
				s := mustOpen(t, path)
				for i := range 2 {
					writeFile(t, path, []byte(data+strconv.Itoa(i)))
					if err := s.Update(increment); err != nil {
						t.Fatalf("Update %d: %v", i, err)
					}
				}
				// Both copies survive, even when set aside in the same second.
				copies := corruptCopies(t, path)
				var got []string
				for _, c := range copies {
					b, err := os.ReadFile(c)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, string(b))
				}
				slicesEqual := len(got) == 2 && ((got[0] == data+"0" && got[1] == data+"1") || (got[0] == data+"1" && got[1] == data+"0"))
				if !slicesEqual {
					t.Errorf("corrupt copies hold %q, want both originals", got)
				}
				if lines := strings.Count(s.Notice(), "\n") + 1; lines != 2 {
					t.Errorf("notice %q has %d lines, want one per set-aside file", s.Notice(), lines)
				}
			},
		},
	}
	for _, f := range files {
		for _, stage := range stages {
			t.Run(f.name+"/"+stage.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "progress.json")
				stage.run(t, path, f.data, f.reason)
			})
		}
	}
}

func TestNewerVersionRefused(t *testing.T) {
	files := []struct {
		name    string
		data    string
		version int
	}{
		{name: "same shape", data: `{"version":2,"workspace":"/w","exercises":{}}`, version: 2},
		{name: "different shape", data: `{"version":7,"exercises":[{"id":"variables1"}]}`, version: 7},
	}
	ops := []struct {
		name string
		// run acts on a progress file that already holds a newer version.
		run func(t *testing.T, path string) error
	}{
		{
			name: "Open",
			run: func(t *testing.T, path string) error {
				_, err := Open(path, testWorkspace)
				return err
			},
		},
		{
			name: "Load",
			run: func(t *testing.T, path string) error {
				s := openBefore(t, path)
				_, err := s.Load()
				return err
			},
		},
		{
			name: "Update",
			run: func(t *testing.T, path string) error {
				s := openBefore(t, path)
				return s.Update(func(*State) error {
					t.Error("Update called fn on a newer file")
					return nil
				})
			},
		},
	}
	for _, f := range files {
		for _, op := range ops {
			t.Run(f.name+"/"+op.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "progress.json")
				writeFile(t, path, []byte(f.data))
				before, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				err = op.run(t, path)
				var ve *VersionError
				if !errors.As(err, &ve) {
					t.Fatalf("got %v, want a *VersionError", err)
				}
				want := fmt.Sprintf("progress file %s has version %d; this accent understands up to %d: upgrade accent", path, f.version, Version)
				if err.Error() != want {
					t.Errorf("error %q, want %q", err, want)
				}
				after, err := os.Stat(path)
				if err != nil {
					t.Fatalf("file gone: %v", err)
				}
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if string(data) != f.data || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
					t.Errorf("newer file was touched: now %q", data)
				}
				if copies := corruptCopies(t, path); len(copies) != 0 {
					t.Errorf("newer file was set aside as corrupt: %q", copies)
				}
			})
		}
	}
}

// openBefore opens the store at path as if before the file there was
// written, which Open would refuse if newer: it moves the file away for the
// Open and back.
func openBefore(t *testing.T, path string) *Store {
	t.Helper()
	hidden := path + ".hidden"
	if err := os.Rename(path, hidden); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path)
	if err := os.Rename(hidden, path); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		// Root writes into read-only directories: check as nobody instead.
		rerunUnprivileged(t)
		return
	}
	tests := []struct {
		name string
		// run prepares dir, which is then made read-only, and returns
		// what to try in it.
		run func(t *testing.T, dir string) func() error
	}{
		{
			name: "Open creating the workspace directory",
			run: func(t *testing.T, dir string) func() error {
				return func() error {
					_, err := Open(filepath.Join(dir, "course-0123456789ab", "progress.json"), testWorkspace)
					return err
				}
			},
		},
		{
			name: "Update without a lock file",
			run: func(t *testing.T, dir string) func() error {
				s := mustOpen(t, filepath.Join(dir, "progress.json"))
				return func() error { return s.Update(increment) }
			},
		},
		{
			name: "Update with a lock file",
			run: func(t *testing.T, dir string) func() error {
				s := mustOpen(t, filepath.Join(dir, "progress.json"))
				if err := s.Update(increment); err != nil {
					t.Fatal(err)
				}
				return func() error { return s.Update(increment) }
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			try := tt.run(t, dir)
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := os.Chmod(dir, 0o700); err != nil {
					t.Error(err)
				}
			})
			err := try()
			if err == nil {
				t.Fatal("succeeded in a read-only directory")
			}
			if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("error %v is not a permission error", err)
			}
			for _, want := range []string{dir, "not writable", "ACCENT_STATE_DIR"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
		})
	}
}

// rerunUnprivileged runs the current test in a copy of the test binary as
// user nobody, and fails if it fails there. It skips the test if it cannot
// switch user.
func rerunUnprivileged(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	// t.TempDir makes private directories; nobody must reach the binary.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dir, filepath.Base(self))
	if err := os.WriteFile(copied, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(copied, "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &exit):
		t.Skipf("running as root and cannot rerun as nobody: %v", err)
	case err != nil:
		t.Fatalf("as nobody: %v\n%s", err, out)
	case !bytes.Contains(out, []byte("--- PASS: "+t.Name())):
		t.Fatalf("as nobody, the test did not pass:\n%s", out)
	}
	t.Logf("as nobody:\n%s", out)
}

func TestLockedError(t *testing.T) {
	saved := LockTimeout
	LockTimeout = 20 * time.Millisecond
	t.Cleanup(func() { LockTimeout = saved })
	tests := []struct {
		name       string
		shared     bool // the other holder's lock is shared
		update     bool // Update rather than Load
		wantLocked bool
	}{
		{name: "Update against exclusive", update: true, wantLocked: true},
		{name: "Load against exclusive", wantLocked: true},
		{name: "Update against shared", shared: true, update: true, wantLocked: true},
		{name: "Load against shared", shared: true, wantLocked: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "progress.json")
			s := mustOpen(t, path)
			// A lock taken through its own file descriptor conflicts as one
			// held by another process would.
			other := flock.New(path + ".lock")
			take := other.TryLock
			if tt.shared {
				take = other.TryRLock
			}
			if ok, err := take(); !ok || err != nil {
				t.Fatalf("take the lock: %v, %v", ok, err)
			}
			var err error
			if tt.update {
				err = s.Update(func(*State) error {
					t.Error("Update ran fn without the lock")
					return nil
				})
			} else {
				_, err = s.Load()
			}
			var le *LockedError
			switch {
			case tt.wantLocked && !errors.As(err, &le):
				t.Fatalf("got %v, want a *LockedError", err)
			case tt.wantLocked && (le.Path != path || !strings.Contains(err.Error(), path)):
				t.Errorf("LockedError %q does not name %s", err, path)
			case !tt.wantLocked && err != nil:
				t.Fatalf("got %v, want success", err)
			}
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("progress file written while locked (stat: %v)", err)
			}
			if err := other.Unlock(); err != nil {
				t.Fatal(err)
			}
			if err := s.Update(increment); err != nil {
				t.Errorf("Update after the lock was released: %v", err)
			}
		})
	}
}

func TestPathFor(t *testing.T) {
	tests := []struct {
		name      string
		dir       string
		workspace string
		chdir     string
		want      string
		wantErr   bool
	}{
		{name: "absolute", dir: "/state", workspace: "/home/ada/course", want: "/state/course-3f90eab77c99/progress.json"},
		{name: "unclean", dir: "/state", workspace: "/home/ada/./x/../course/", want: "/state/course-3f90eab77c99/progress.json"},
		{name: "relative", dir: "/state", workspace: "course", chdir: "/home/ada", want: "/state/course-3f90eab77c99/progress.json"},
		{name: "same base name elsewhere", dir: "/state", workspace: "/srv/course", want: "/state/course-a30c9e1f9bb2/progress.json"},
		{name: "root", dir: "/state", workspace: "/", want: "/state/workspace-8a5edab28263/progress.json"},
		{name: "no workspace", dir: "/state", workspace: "", wantErr: true},
		{name: "no dir", dir: "", workspace: "/home/ada/course", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.chdir != "" {
				// The directory need not exist for Abs, but Chdir needs it.
				dir := filepath.Join(t.TempDir(), tt.chdir)
				if err := os.MkdirAll(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				t.Chdir(dir)
				abs, err := filepath.Abs(tt.workspace)
				if err != nil {
					t.Fatal(err)
				}
				want, err := PathFor(tt.dir, abs)
				if err != nil {
					t.Fatal(err)
				}
				tt.want = want
			}
			got, err := PathFor(tt.dir, tt.workspace)
			if (err != nil) != tt.wantErr {
				t.Fatalf("PathFor(%q, %q) error = %v, want error: %v", tt.dir, tt.workspace, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("PathFor(%q, %q) = %q, want %q", tt.dir, tt.workspace, got, tt.want)
			}
		})
	}
}

func TestDefaultDir(t *testing.T) {
	base := t.TempDir()
	tests := []struct {
		name     string
		override string // ACCENT_STATE_DIR
		xdgState string // XDG_STATE_HOME
		want     string
	}{
		{name: "override", override: filepath.Join(base, "mine"), xdgState: filepath.Join(base, "xdg"), want: filepath.Join(base, "mine")},
		{name: "xdg", override: "", xdgState: filepath.Join(base, "xdg"), want: filepath.Join(base, "xdg", "accent")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Registered first, so it runs after t.Setenv has restored the
			// environment.
			t.Cleanup(xdg.Reload)
			t.Setenv("XDG_STATE_HOME", tt.xdgState)
			xdg.Reload()
			got, err := DefaultDir(tt.override)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DefaultDir() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHashFiles(t *testing.T) {
	tests := []struct {
		name      string
		a, b      map[string][]byte
		wantEqual bool
	}{
		{
			name:      "order independent",
			a:         map[string][]byte{"main.go": []byte("package main\n"), "go.mod": []byte("module x\n"), "a.go": nil},
			b:         map[string][]byte{"a.go": nil, "go.mod": []byte("module x\n"), "main.go": []byte("package main\n")},
			wantEqual: true,
		},
		{
			name: "content sensitive",
			a:    map[string][]byte{"main.go": []byte("package main\n")},
			b:    map[string][]byte{"main.go": []byte("package mainn")},
		},
		{
			name: "name sensitive",
			a:    map[string][]byte{"main.go": []byte("package main\n")},
			b:    map[string][]byte{"other.go": []byte("package main\n")},
		},
		{
			name: "boundaries",
			a:    map[string][]byte{"a": []byte("bc")},
			b:    map[string][]byte{"ab": []byte("c")},
		},
		{
			name: "empty file is a file",
			a:    map[string][]byte{},
			b:    map[string][]byte{"": nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ha, hb := HashFiles(tt.a), HashFiles(tt.b)
			if (ha == hb) != tt.wantEqual {
				t.Errorf("HashFiles equal = %v, want %v (%s, %s)", ha == hb, tt.wantEqual, ha, hb)
			}
		})
	}
	// Pass hashes are stored: the encoding must never change.
	const want = "ac41abe50db4b681dc304e9ee064685441f20f6b1ec05059ee4dd24508678b34"
	if got := HashFiles(map[string][]byte{"main.go": []byte("package main\n"), "go.mod": []byte("module x\n")}); got != want {
		t.Errorf("HashFiles = %s, want %s", got, want)
	}
}

func TestStateExercises(t *testing.T) {
	tests := []struct {
		name  string
		state *State
	}{
		{name: "nil map", state: &State{}},
		{name: "empty map", state: &State{Exercises: map[string]*Exercise{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.state
			if _, ok := st.Lookup("ex"); ok {
				t.Error("Lookup found an exercise never recorded")
			}
			if st.Exercise("ex") != st.Exercise("ex") {
				t.Error("Exercise created a second record for the same id")
			}
			st.Exercise("ex").Attempts = 2
			got, ok := st.Lookup("ex")
			if !ok || got.Attempts != 2 {
				t.Errorf("Lookup = %+v, %v, want 2 attempts", got, ok)
			}
			got.Attempts = 9
			if st.Exercise("ex").Attempts != 2 {
				t.Error("changing Lookup's copy changed the state")
			}
		})
	}
}

func TestPassed(t *testing.T) {
	tests := []struct {
		name string
		e    *Exercise
		want bool
	}{
		{name: "nil", e: nil, want: false},
		{name: "never passed", e: &Exercise{Attempts: 3, LastStatus: "fail"}, want: false},
		{name: "passed", e: &Exercise{FirstPass: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Passed(); got != tt.want {
				t.Errorf("Passed() = %v, want %v", got, tt.want)
			}
		})
	}
}

// One bad field does not cost the rest: whatever decodes is kept, the
// original is set aside untouched, and the notice says what was lost.
func TestAFileWithBadFieldsKeepsWhatCanBeRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	data := `{"version":1,"current":"a","language":5,"exercises":{
		"a":{"attempts":3,"hints_used":"two","first_pass":"2026-01-01T00:00:00Z"},
		"b":{"attempts":2},
		"c":7}}`
	writeFile(t, path, []byte(data))
	s := mustOpen(t, path)
	st := mustLoad(t, s)
	a, b := st.Exercises["a"], st.Exercises["b"]
	if st.Current != "a" || a == nil || a.Attempts != 3 || !a.Passed() || a.HintsUsed != 0 || b == nil || b.Attempts != 2 {
		t.Errorf("kept %+v (a %+v, b %+v); want current a, a with 3 attempts and its pass, b with 2", st, a, b)
	}
	if _, ok := st.Exercises["c"]; ok {
		t.Error("the unreadable record of c was kept")
	}
	for _, want := range []string{"language", "exercises.a.hints_used", "exercises.c", "kept the rest", "moved the original to"} {
		if !strings.Contains(s.Notice(), want) {
			t.Errorf("notice %q does not say %q", s.Notice(), want)
		}
	}
	copies := corruptCopies(t, path)
	if len(copies) != 1 {
		t.Fatalf("copies %q, want the original set aside once", copies)
	}
	if got, err := os.ReadFile(copies[0]); err != nil || string(got) != data {
		t.Errorf("the original set aside holds %q (%v)", got, err)
	}
	// What was kept is the progress file now, for every later reader.
	if got := mustLoad(t, mustOpen(t, path)).Exercise("a").Attempts; got != 3 {
		t.Errorf("a second store reads %d attempts, want 3", got)
	}
}

// A file far bigger than any progress file is set aside without being
// read (a 600 MB file took 23 s and 1.3 GB before).
func TestAnOversizedFileIsSetAsideUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: no real bytes written
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path)
	if !strings.Contains(s.Notice(), "MB") || !strings.Contains(s.Notice(), "moved it to") {
		t.Errorf("notice %q does not say the file is too big and where it went", s.Notice())
	}
	if st := mustLoad(t, s); len(st.Exercises) != 0 {
		t.Errorf("state %+v, want fresh", st)
	}
}
