package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// embedded loads the real course once per test.
func embedded(t *testing.T) *course.Course {
	t.Helper()
	c, err := course.Embedded()
	if err != nil {
		t.Fatalf("loading the embedded course: %v", err)
	}
	if len(c.Exercises) == 0 {
		t.Fatal("the embedded course has no exercises")
	}
	return c
}

// initWorkspace creates a fresh workspace in a temporary directory.
func initWorkspace(t *testing.T, c *course.Course) *Workspace {
	t.Helper()
	ws, _, err := Init(filepath.Join(t.TempDir(), "ws"), c)
	if err != nil {
		t.Fatalf("Init: %v", err)
	}
	return ws
}

// expectedFiles is every file a workspace for c must hold, by slash path
// relative to the workspace, with its content.
func expectedFiles(c *course.Course) map[string][]byte {
	want := map[string][]byte{
		"go.mod":    []byte("module accentworkspace\n\ngo 1.26\n"),
		"README.md": workspaceReadme,
	}
	for _, ex := range c.Exercises {
		want[ex.Dir+"/README.md"] = []byte("# " + ex.Title + "\n\n" + ex.Task)
		for _, s := range ex.From {
			want[ex.Dir+"/from/"+s.Name] = []byte(s.Code)
		}
		for n, b := range ex.Starter {
			want[ex.Dir+"/"+n] = b
		}
		for n, b := range ex.Tests {
			want[ex.Dir+"/"+n] = b
		}
	}
	return want
}

// tree returns every regular file under dir, by slash path relative to dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return files
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeTestFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func firstKey(m map[string][]byte) string {
	return slices.Sorted(maps.Keys(m))[0]
}

// withExercise returns a copy of c in which the exercise id is replaced by
// the result of change applied to a copy of it; c itself is not modified.
// Only c.Exercises is changed: look the new exercise up with exerciseIn, as
// the copy's Exercise and FindExercise still return the original.
func withExercise(t *testing.T, c *course.Course, id string, change func(ex *course.Exercise)) *course.Course {
	t.Helper()
	nc := *c
	nc.Exercises = slices.Clone(c.Exercises)
	for i, ex := range nc.Exercises {
		if ex.ID != id {
			continue
		}
		cp := *ex
		cp.Starter = maps.Clone(ex.Starter)
		cp.Tests = maps.Clone(ex.Tests)
		cp.From = slices.Clone(ex.From)
		change(&cp)
		nc.Exercises[i] = &cp
		return &nc
	}
	t.Fatalf("no exercise %q in the course", id)
	return nil
}

// exerciseIn finds an exercise in c.Exercises.
func exerciseIn(t *testing.T, c *course.Course, id string) *course.Exercise {
	t.Helper()
	i := slices.IndexFunc(c.Exercises, func(e *course.Exercise) bool { return e.ID == id })
	if i < 0 {
		t.Fatalf("no exercise %q in the course", id)
	}
	return c.Exercises[i]
}

func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	sort.Strings(g)
	sort.Strings(w)
	return slices.Equal(g, w)
}

func TestInitCreatesWorkspace(t *testing.T) {
	c := embedded(t)
	dir := filepath.Join(t.TempDir(), "ws")
	ws, res, err := Init(dir, c)
	if err != nil {
		t.Fatalf("Init: %v", err)
	}
	if !res.Created {
		t.Error("Created = false for a missing directory, want true")
	}
	if len(res.Updated) != 0 || len(res.Kept) != 0 {
		t.Errorf("fresh Init: Updated = %v, Kept = %v, want both empty", res.Updated, res.Kept)
	}
	if !filepath.IsAbs(ws.Dir) {
		t.Errorf("Dir = %q, want an absolute path", ws.Dir)
	}

	want := expectedFiles(c)
	if !sameSet(res.Written, slices.Collect(maps.Keys(want))) {
		t.Errorf("Written = %v\nwant %v", res.Written, slices.Sorted(maps.Keys(want)))
	}
	if !slices.IsSorted(res.Written) {
		t.Errorf("Written is not sorted: %v", res.Written)
	}

	got := tree(t, ws.Dir)
	for rel, b := range want {
		if !bytes.Equal(got[rel], b) {
			t.Errorf("%s = %q, want %q", rel, got[rel], b)
		}
	}
	for rel, b := range got {
		if strings.HasSuffix(rel, ".go") && bytes.Contains(b, []byte(course.BuildTag)) {
			t.Errorf("%s still has the %q line", rel, course.BuildTag)
		}
	}
	if bytes.Contains(got["go.mod"], []byte("require")) {
		t.Errorf("go.mod has require lines, want stdlib only:\n%s", got["go.mod"])
	}

	for _, ex := range c.Exercises {
		readme := string(got[ex.Dir+"/README.md"])
		if !strings.HasPrefix(readme, "# "+ex.Title+"\n\n") {
			t.Errorf("%s/README.md does not start with its title: %.60q", ex.Dir, readme)
		}
		for _, line := range []string{"---", "id:", "hints:", "checks:"} {
			if strings.HasPrefix(readme, line) || strings.Contains(readme, "\n"+line+"\n") {
				t.Errorf("%s/README.md holds front matter (%q)", ex.Dir, line)
			}
		}
		for i, h := range ex.Hints {
			if strings.Contains(readme, h) {
				t.Errorf("%s/README.md gives away hint %d", ex.Dir, i+1)
			}
		}
		if len(ex.Starter) == 0 || len(ex.Tests) == 0 || len(ex.From) == 0 {
			t.Errorf("%s: starter %d, tests %d, from %d files: the course check should have caught this",
				ex.ID, len(ex.Starter), len(ex.Tests), len(ex.From))
		}
	}
}

func TestInitWorkspaceBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the workspace: %v", err)
	}
	ws := initWorkspace(t, embedded(t))
	cmd := exec.Command(goBin, "vet", "./...")
	cmd.Dir = ws.Dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet ./... in a fresh workspace: %v\n%s", err, out)
	}
}

func TestInitIsIdempotent(t *testing.T) {
	c := embedded(t)
	ws := initWorkspace(t, c)

	// Backdate every file, so that any rewrite shows in its mtime
	// without waiting for the clock to tick.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	before := tree(t, ws.Dir)
	for rel := range before {
		if err := os.Chtimes(filepath.Join(ws.Dir, filepath.FromSlash(rel)), old, old); err != nil {
			t.Fatal(err)
		}
	}

	_, res, err := Init(ws.Dir, c)
	if err != nil {
		t.Fatalf("second Init: %v", err)
	}
	if res.Created {
		t.Error("second Init: Created = true, want false")
	}
	if len(res.Written)+len(res.Updated)+len(res.Kept) != 0 {
		t.Errorf("second Init: Written = %v, Updated = %v, Kept = %v, want all empty", res.Written, res.Updated, res.Kept)
	}

	after := tree(t, ws.Dir)
	if !sameSet(slices.Collect(maps.Keys(after)), slices.Collect(maps.Keys(before))) {
		t.Errorf("second Init changed the set of files:\nbefore %v\nafter  %v",
			slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	for rel, b := range before {
		if !bytes.Equal(after[rel], b) {
			t.Errorf("second Init changed the bytes of %s", rel)
		}
		if rel == metaDir+"/"+manifestName {
			continue // accent's own record is rewritten (same bytes); the learner's files must not be
		}
		fi, err := os.Stat(filepath.Join(ws.Dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(old) {
			t.Errorf("second Init rewrote %s (mtime %v, want %v)", rel, fi.ModTime(), old)
		}
	}
}

func TestInitNeverOverwritesEdits(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	starter := ex.Dir + "/" + firstKey(ex.Starter)
	test := ex.Dir + "/" + firstKey(ex.Tests)
	edited := []byte("package edited\n\n// my work in progress\n")

	tests := []struct {
		name        string
		edit        func(t *testing.T, dir string)
		wantWritten []string
		wantKept    []string
		check       func(t *testing.T, dir string)
	}{
		{
			name: "edited starter survives",
			edit: func(t *testing.T, dir string) {
				writeTestFile(t, filepath.Join(dir, starter), edited)
			},
			wantKept: []string{starter},
			check: func(t *testing.T, dir string) {
				if got := readFile(t, filepath.Join(dir, starter)); !bytes.Equal(got, edited) {
					t.Errorf("%s = %q, want the learner's edit %q", starter, got, edited)
				}
			},
		},
		{
			name: "emptied test file survives",
			edit: func(t *testing.T, dir string) {
				writeTestFile(t, filepath.Join(dir, test), nil)
			},
			wantKept: []string{test},
			check: func(t *testing.T, dir string) {
				if got := readFile(t, filepath.Join(dir, test)); len(got) != 0 {
					t.Errorf("%s was overwritten: %.40q", test, got)
				}
			},
		},
		{
			name: "edited go.mod survives",
			edit: func(t *testing.T, dir string) {
				writeTestFile(t, filepath.Join(dir, "go.mod"), []byte("module accentworkspace\n\ngo 1.26\n\ntool example.com/x\n"))
			},
			wantKept: []string{"go.mod"},
		},
		{
			name: "deleted starter is restored",
			edit: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, starter)); err != nil {
					t.Fatal(err)
				}
			},
			wantWritten: []string{starter},
			check: func(t *testing.T, dir string) {
				if got := readFile(t, filepath.Join(dir, starter)); !bytes.Equal(got, ex.Starter[firstKey(ex.Starter)]) {
					t.Errorf("%s was not restored to the course's starter", starter)
				}
			},
		},
		{
			name: "deleted exercise directory is restored",
			edit: func(t *testing.T, dir string) {
				if err := os.RemoveAll(filepath.Join(dir, ex.Dir)); err != nil {
					t.Fatal(err)
				}
			},
			wantWritten: slices.Sorted(func(yield func(string) bool) {
				for rel := range ExerciseFiles(ex) {
					if !yield(ex.Dir + "/" + rel) {
						return
					}
				}
			}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := initWorkspace(t, c)
			tt.edit(t, ws.Dir)
			_, res, err := Init(ws.Dir, c)
			if err != nil {
				t.Fatalf("Init after the edit: %v", err)
			}
			if !sameSet(res.Written, tt.wantWritten) {
				t.Errorf("Written = %v, want %v", res.Written, tt.wantWritten)
			}
			if !sameSet(res.Kept, tt.wantKept) {
				t.Errorf("Kept = %v, want %v", res.Kept, tt.wantKept)
			}
			if len(res.Updated) != 0 {
				t.Errorf("Updated = %v, want none (the course did not change)", res.Updated)
			}
			if tt.check != nil {
				tt.check(t, ws.Dir)
			}
		})
	}
}

func TestInitCourseUpdate(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	starterName, testName := firstKey(ex.Starter), firstKey(ex.Tests)
	starter, test, readme := ex.Dir+"/"+starterName, ex.Dir+"/"+testName, ex.Dir+"/README.md"
	newStarter := append(slices.Clone(ex.Starter[starterName]), "\n// a newer course\n"...)
	newTest := append(slices.Clone(ex.Tests[testName]), "\n// a newer test\n"...)
	newer := withExercise(t, c, ex.ID, func(ex *course.Exercise) {
		ex.Starter[starterName] = newStarter
		ex.Tests[testName] = newTest
		ex.Task += "\nOne more sentence.\n"
	})
	learnerTest := []byte("package mine\n")

	tests := []struct {
		name        string
		manifest    []byte // replaces .accent/manifest.json before the update; nil keeps it
		wantUpdated []string
		wantKept    []string
		wantStarter []byte
	}{
		{
			name:        "untouched files follow the course, edited ones stay",
			wantUpdated: []string{readme, starter},
			wantKept:    []string{test},
			wantStarter: newStarter,
		},
		{
			name:        "corrupt manifest keeps every differing file",
			manifest:    []byte("{not json"),
			wantKept:    []string{readme, starter, test},
			wantStarter: ex.Starter[starterName],
		},
		{
			name:        "manifest without files keeps every differing file",
			manifest:    []byte(`{"version": 1}`),
			wantKept:    []string{readme, starter, test},
			wantStarter: ex.Starter[starterName],
		},
		{
			name:        "empty manifest keeps every differing file",
			manifest:    []byte{},
			wantKept:    []string{readme, starter, test},
			wantStarter: ex.Starter[starterName],
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := initWorkspace(t, c)
			writeTestFile(t, filepath.Join(ws.Dir, test), learnerTest)
			if tt.manifest != nil {
				writeTestFile(t, ws.manifestPath(), tt.manifest)
			}

			_, res, err := Init(ws.Dir, newer)
			if err != nil {
				t.Fatalf("Init with a newer course: %v", err)
			}
			if len(res.Written) != 0 {
				t.Errorf("Written = %v, want none", res.Written)
			}
			if !sameSet(res.Updated, tt.wantUpdated) {
				t.Errorf("Updated = %v, want %v", res.Updated, tt.wantUpdated)
			}
			if !sameSet(res.Kept, tt.wantKept) {
				t.Errorf("Kept = %v, want %v", res.Kept, tt.wantKept)
			}
			if got := readFile(t, filepath.Join(ws.Dir, starter)); !bytes.Equal(got, tt.wantStarter) {
				t.Errorf("%s = %.80q..., want %.80q...", starter, got, tt.wantStarter)
			}
			if got := readFile(t, filepath.Join(ws.Dir, test)); !bytes.Equal(got, learnerTest) {
				t.Errorf("the learner's %s was overwritten with %.80q", test, got)
			}

			// The update is recorded: running the newer course again only
			// keeps what it kept before.
			_, again, err := Init(ws.Dir, newer)
			if err != nil {
				t.Fatalf("Init again: %v", err)
			}
			if len(again.Written)+len(again.Updated) != 0 || !sameSet(again.Kept, tt.wantKept) {
				t.Errorf("Init again: Written = %v, Updated = %v, Kept = %v, want only Kept = %v",
					again.Written, again.Updated, again.Kept, tt.wantKept)
			}
		})
	}
}

func TestReset(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	starterName, testName := firstKey(ex.Starter), firstKey(ex.Tests)
	fromName := ex.From[0].Name
	now := time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.UTC)
	backupParent := func(ws *Workspace) string {
		return filepath.Join(ws.Dir, ".accent", "backups", ex.Topic+"-"+ex.Slug)
	}

	tests := []struct {
		name       string
		edit       func(t *testing.T, exDir string)
		wantBackup map[string][]byte // nil: no backup
	}{
		{
			name: "pristine exercise",
			edit: func(*testing.T, string) {},
		},
		{
			name: "deleted test file only",
			edit: func(t *testing.T, exDir string) {
				if err := os.Remove(filepath.Join(exDir, testName)); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "edited starter, deleted test, extra helper",
			edit: func(t *testing.T, exDir string) {
				writeTestFile(t, filepath.Join(exDir, starterName), []byte("package mine\n\nfunc Solved() {}\n"))
				if err := os.Remove(filepath.Join(exDir, testName)); err != nil {
					t.Fatal(err)
				}
				writeTestFile(t, filepath.Join(exDir, "helper.go"), []byte("package mine\n\nfunc help() {}\n"))
			},
			wantBackup: map[string][]byte{
				starterName: []byte("package mine\n\nfunc Solved() {}\n"),
				"helper.go": []byte("package mine\n\nfunc help() {}\n"),
			},
		},
		{
			name: "edited idiom and extra test file",
			edit: func(t *testing.T, exDir string) {
				writeTestFile(t, filepath.Join(exDir, "from", fromName), []byte("// my notes\n"))
				writeTestFile(t, filepath.Join(exDir, "mine_test.go"), []byte("package mine\n"))
			},
			wantBackup: map[string][]byte{
				"from/" + fromName: []byte("// my notes\n"),
				"mine_test.go":     []byte("package mine\n"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := initWorkspace(t, c)
			exDir := ws.ExerciseDir(ex)
			tt.edit(t, exDir)

			backup, err := ws.Reset(ex, now)
			if err != nil {
				t.Fatalf("Reset: %v", err)
			}

			// The exercise is pristine again, and nothing else is left there.
			want := ExerciseFiles(ex)
			got := tree(t, exDir)
			if !sameSet(slices.Collect(maps.Keys(got)), slices.Collect(maps.Keys(want))) {
				t.Errorf("after Reset the exercise holds %v, want %v",
					slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
			for rel, b := range want {
				if !bytes.Equal(got[rel], b) {
					t.Errorf("after Reset %s is not pristine", rel)
				}
			}

			if tt.wantBackup == nil {
				if backup != "" {
					t.Errorf("Reset returned backup %q, want none", backup)
				}
				if _, err := os.Stat(filepath.Join(ws.Dir, ".accent", "backups")); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("Reset made a backups directory with nothing to keep (stat: %v)", err)
				}
			} else {
				if filepath.Dir(backup) != backupParent(ws) {
					t.Errorf("backup = %q, want a directory under %q", backup, backupParent(ws))
				}
				saved := tree(t, backup)
				if !sameSet(slices.Collect(maps.Keys(saved)), slices.Collect(maps.Keys(tt.wantBackup))) {
					t.Errorf("backup holds %v, want %v", slices.Sorted(maps.Keys(saved)), slices.Sorted(maps.Keys(tt.wantBackup)))
				}
				for rel, b := range tt.wantBackup {
					if !bytes.Equal(saved[rel], b) {
						t.Errorf("backup of %s = %q, want %q", rel, saved[rel], b)
					}
				}
			}

			// The manifest knows the restored files: Init has nothing to do.
			_, res, err := Init(ws.Dir, c)
			if err != nil {
				t.Fatalf("Init after Reset: %v", err)
			}
			if len(res.Written)+len(res.Updated)+len(res.Kept) != 0 {
				t.Errorf("Init after Reset: Written = %v, Updated = %v, Kept = %v, want all empty",
					res.Written, res.Updated, res.Kept)
			}
		})
	}
}

func TestResetTwiceKeepsTwoBackups(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	starter := firstKey(ex.Starter)
	ws := initWorkspace(t, c)
	exDir := ws.ExerciseDir(ex)
	t1 := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	t2 := t1.Add(90 * time.Second)

	first, second := []byte("package first\n"), []byte("package second\n")
	writeTestFile(t, filepath.Join(exDir, starter), first)
	b1, err := ws.Reset(ex, t1)
	if err != nil {
		t.Fatalf("first Reset: %v", err)
	}
	writeTestFile(t, filepath.Join(exDir, starter), second)
	b2, err := ws.Reset(ex, t2)
	if err != nil {
		t.Fatalf("second Reset: %v", err)
	}
	if b1 == "" || b2 == "" || b1 == b2 {
		t.Fatalf("backups = %q and %q, want two different directories", b1, b2)
	}
	if filepath.Dir(b1) != filepath.Dir(b2) {
		t.Errorf("backups of one exercise live in %q and %q, want one parent", filepath.Dir(b1), filepath.Dir(b2))
	}
	for _, tc := range []struct {
		dir  string
		want []byte
	}{{b1, first}, {b2, second}} {
		if got := readFile(t, filepath.Join(tc.dir, starter)); !bytes.Equal(got, tc.want) {
			t.Errorf("%s/%s = %q, want %q", tc.dir, starter, got, tc.want)
		}
	}
}

func TestOpen(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		name     string
		setup    func(t *testing.T) string
		notFound bool
	}{
		{
			name:     "missing directory",
			setup:    func(t *testing.T) string { return filepath.Join(t.TempDir(), "nowhere") },
			notFound: true,
		},
		{
			name:     "directory without go.mod",
			setup:    func(t *testing.T) string { return t.TempDir() },
			notFound: true,
		},
		{
			name:  "workspace",
			setup: func(t *testing.T) string { return initWorkspace(t, c).Dir },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.setup(t)
			ws, err := Open(dir)
			if Exists(dir) == tt.notFound {
				t.Errorf("Exists = %v, want %v", !tt.notFound, tt.notFound)
			}
			if !tt.notFound {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				if ws.Dir != dir {
					t.Errorf("Dir = %q, want %q", ws.Dir, dir)
				}
				return
			}
			var nf *NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("Open = %v, want a *NotFoundError", err)
			}
			if nf.Dir != dir {
				t.Errorf("NotFoundError.Dir = %q, want %q", nf.Dir, dir)
			}
			if msg := err.Error(); !strings.Contains(msg, "accent init") || !strings.Contains(msg, dir) {
				t.Errorf("message %q should name %s and tell to run accent init", msg, dir)
			}
		})
	}
}

func TestInitUnwritable(t *testing.T) {
	c := embedded(t)
	tests := []struct {
		name     string
		rootOK   bool // the case holds even when running as root
		setup    func(t *testing.T) string
		wantText string
	}{
		{
			name:   "parent is a regular file",
			rootOK: true,
			setup: func(t *testing.T) string {
				file := filepath.Join(t.TempDir(), "file")
				writeTestFile(t, file, []byte("not a directory"))
				return filepath.Join(file, "ws")
			},
			wantText: "creating workspace",
		},
		{
			name: "parent is read-only",
			setup: func(t *testing.T) string {
				parent := filepath.Join(t.TempDir(), "ro")
				if err := os.Mkdir(parent, 0o555); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() {
					if err := os.Chmod(parent, 0o755); err != nil {
						t.Error(err)
					}
				})
				return filepath.Join(parent, "ws")
			},
			wantText: "creating workspace",
		},
		{
			name: "exercise directory is read-only",
			setup: func(t *testing.T) string {
				ws := initWorkspace(t, c)
				ex := c.Exercises[0]
				exDir := ws.ExerciseDir(ex)
				if err := os.Remove(filepath.Join(exDir, firstKey(ex.Starter))); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(exDir, 0o555); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() {
					if err := os.Chmod(exDir, 0o755); err != nil {
						t.Error(err)
					}
				})
				return ws.Dir
			},
			wantText: "cannot write the workspace",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.rootOK && os.Geteuid() == 0 {
				t.Skip("permission bits do not stop root")
			}
			dir := tt.setup(t)
			ws, _, err := Init(dir, c)
			if err == nil {
				t.Fatalf("Init(%s) succeeded, want an error", dir)
			}
			if ws != nil {
				t.Errorf("Init returned a workspace with its error")
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not say %q", err, tt.wantText)
			}
		})
	}
}

func TestDefaultDir(t *testing.T) {
	home := t.TempDir()
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(t.TempDir(), "mine")
	tests := []struct {
		name    string
		env     string
		home    string
		want    string
		wantErr string
	}{
		{name: "absolute ACCENT_WORKSPACE", env: abs, home: home, want: abs},
		{name: "relative ACCENT_WORKSPACE", env: "rel/ws", home: home, want: filepath.Join(cwd, "rel", "ws")},
		{name: "HOME", home: home, want: filepath.Join(home, "accent-workspace")},
		{name: "no HOME", wantErr: "ACCENT_WORKSPACE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HOME", tt.home)
			got, err := DefaultDir(tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("DefaultDir = %q, %v; want an error mentioning %s", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("DefaultDir: %v", err)
			}
			if got != tt.want {
				t.Errorf("DefaultDir = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSourceFiles(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	ws := initWorkspace(t, c)
	exDir := ws.ExerciseDir(ex)
	helper := []byte("package mine\n\nfunc help() {}\n")
	writeTestFile(t, filepath.Join(exDir, "helper.go"), helper)
	writeTestFile(t, filepath.Join(exDir, "helper_test.go"), []byte("package mine\n"))
	writeTestFile(t, filepath.Join(exDir, "notes.txt"), []byte("todo\n"))
	writeTestFile(t, filepath.Join(exDir, "dir.go", "inner.go"), []byte("package inner\n"))

	got, err := ws.SourceFiles(ex)
	if err != nil {
		t.Fatalf("SourceFiles: %v", err)
	}
	want := maps.Clone(ex.Starter)
	want["helper.go"] = helper
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Errorf("SourceFiles = %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for n := range got {
		if strings.HasSuffix(n, "_test.go") {
			t.Errorf("SourceFiles returned test file %s", n)
		}
	}

	if err := os.RemoveAll(exDir); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SourceFiles(ex); err == nil {
		t.Error("SourceFiles on a missing exercise directory succeeded, want an error")
	}
}

func TestNoTempFilesLeft(t *testing.T) {
	c := embedded(t)
	ws := initWorkspace(t, c)
	ex := c.Exercises[0]
	// Exercise every writer: Init, an update, a Reset with a backup.
	writeTestFile(t, filepath.Join(ws.ExerciseDir(ex), firstKey(ex.Starter)), []byte("package mine\n"))
	backup, err := ws.Reset(ex, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("Reset: %v", err)
	}
	newer := withExercise(t, c, ex.ID, func(ex *course.Exercise) { ex.Task += "\nNew.\n" })
	if _, _, err := Init(ws.Dir, newer); err != nil {
		t.Fatalf("Init: %v", err)
	}

	// Exactly the course's files, the manifest and the one backup: no
	// temporary file anywhere.
	want := expectedFiles(newer)
	want[metaDir+"/"+manifestName] = nil
	rel, err := filepath.Rel(ws.Dir, filepath.Join(backup, firstKey(ex.Starter)))
	if err != nil {
		t.Fatal(err)
	}
	want[filepath.ToSlash(rel)] = nil
	got := tree(t, ws.Dir)
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("unexpected file %s in the workspace", n)
		}
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("missing file %s", n)
		}
	}
}

// A reset file counts as untouched: later course updates must reach it.
func TestResetRecordsRestoredFiles(t *testing.T) {
	c := embedded(t)
	ex := c.Exercises[0]
	name := firstKey(ex.Starter)
	starter := ex.Dir + "/" + name
	version := func(n int) *course.Course {
		return withExercise(t, c, ex.ID, func(ex *course.Exercise) {
			ex.Starter[name] = append(slices.Clone(ex.Starter[name]), fmt.Sprintf("\n// course version %d\n", n)...)
		})
	}
	v2, v3 := version(2), version(3)
	ex2 := exerciseIn(t, v2, ex.ID)

	ws := initWorkspace(t, c)
	writeTestFile(t, filepath.Join(ws.Dir, starter), []byte("package mine\n"))
	if _, res, err := Init(ws.Dir, v2); err != nil || !slices.Contains(res.Kept, starter) {
		t.Fatalf("Init v2 = %+v, %v; want %s kept", res, err, starter)
	}
	if _, err := ws.Reset(ex2, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	_, res, err := Init(ws.Dir, v3)
	if err != nil {
		t.Fatalf("Init v3: %v", err)
	}
	if !slices.Equal(res.Updated, []string{starter}) || len(res.Kept) != 0 {
		t.Errorf("Init v3 after Reset: Updated = %v, Kept = %v; want only %s updated", res.Updated, res.Kept, starter)
	}
	if got := readFile(t, filepath.Join(ws.Dir, starter)); !bytes.Equal(got, exerciseIn(t, v3, ex.ID).Starter[name]) {
		t.Errorf("%s was not updated to course version 3", starter)
	}
}

// BenchmarkInit creates a whole workspace, as the first `accent init` does
// (every file written durably).
func BenchmarkInit(b *testing.B) {
	c, err := course.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	for i := 0; b.Loop(); i++ {
		if _, _, err := Init(filepath.Join(root, strconv.Itoa(i)), c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(expectedFiles(c))), "files/op")
}

// crashEnv names the step at which the child process of
// TestInitSurvivesACrash dies, and crashDirEnv the workspace it
// initializes; crashCourseEnv is "v2" for the changed course.
const (
	crashEnv       = "ACCENT_TEST_INIT_CRASH_AT"
	crashDirEnv    = "ACCENT_TEST_INIT_CRASH_DIR"
	crashCourseEnv = "ACCENT_TEST_INIT_CRASH_COURSE"
)

// crashCourse is the course a crash test initializes: a small one made
// here (the child process then has no course to parse), or ("v2") the same
// with the first exercise's starting code changed, as a course update
// would. Every file has content: an empty file left by a crash would show.
func crashCourse(version string) *course.Course {
	var exs []*course.Exercise
	for i := range 4 {
		pkg := fmt.Sprintf("crash%d", i)
		exs = append(exs, &course.Exercise{
			ID: "crash/" + pkg, Dir: "01-crash/" + pkg, Title: "Crash " + pkg, Task: "Survive a crash.\n",
			From:    []course.Source{{Language: course.Node, Name: pkg + ".js", Code: "// the idiom\n"}},
			Starter: map[string][]byte{pkg + ".go": []byte("package " + pkg + "\n"), "helper.go": []byte("package " + pkg + "\n\nfunc helper() {}\n")},
			Tests:   map[string][]byte{pkg + "_test.go": []byte("package " + pkg + "\n\nimport \"testing\"\n\nfunc TestIt(t *testing.T) {}\n")},
		})
	}
	if version == "v2" {
		exs[0].Starter["crash0.go"] = append(exs[0].Starter["crash0.go"], "\n// course version 2\n"...)
	}
	return &course.Course{Exercises: exs}
}

// A crash (here: the process dies) at any step of Init leaves every file
// either absent, as it was, or complete: never empty or half written, which
// the next Init would keep forever as the learner's edit. The next Init
// completes the workspace, refreshes what the course changed, keeps
// nothing, and removes the crash's temporary files.
func TestInitSurvivesACrash(t *testing.T) {
	if at := os.Getenv(crashEnv); at != "" {
		crashChild(t, at)
		return
	}
	v1, v2 := crashCourse("v1"), crashCourse("v2")
	changed := v2.Exercises[0].Dir + "/crash0.go"
	n := len(expectedFiles(v1))
	tests := []struct {
		name   string
		before *course.Course // initialized before the crash; nil for none
		at     string
	}{
		{"new workspace, every file written, none renamed", nil, "synced"},
		{"new workspace, after the first rename", nil, "renamed:1"},
		{"new workspace, halfway through the renames", nil, fmt.Sprintf("renamed:%d", n/2)},
		{"new workspace, before the manifest", nil, "dirs synced"},
		{"course update, file written, not renamed", v1, "synced"},
		{"course update, file renamed, manifest not updated", v1, "renamed:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ws")
			if tt.before != nil {
				if _, _, err := Init(dir, tt.before); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestInitSurvivesACrash$")
			cmd.Env = append(os.Environ(), crashEnv+"="+tt.at, crashDirEnv+"="+dir, crashCourseEnv+"=v2")
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != crashExit {
				t.Fatalf("the child did not die at %q: %v\n%s", tt.at, err, out)
			}

			// What the crash left: each course file absent, as before, or complete.
			want := expectedFiles(v2)
			old := expectedFiles(v1)
			temps := 0
			for rel, b := range tree(t, dir) {
				if strings.HasPrefix(filepath.Base(rel), tempPrefix) {
					temps++
					continue
				}
				if w, ok := want[rel]; ok && !bytes.Equal(b, w) && (tt.before == nil || !bytes.Equal(b, old[rel])) {
					t.Errorf("after the crash %s holds %d bytes that are neither the old nor the new content", rel, len(b))
				}
			}
			if tt.at == "synced" && temps == 0 {
				t.Error("the crash left no temporary file: the test did not crash mid-write")
			}

			// Temporary files older than staleTemp are a crash's leftovers.
			long := time.Now().Add(-2 * staleTemp)
			for rel := range tree(t, dir) {
				if strings.HasPrefix(filepath.Base(rel), tempPrefix) {
					if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(rel)), long, long); err != nil {
						t.Fatal(err)
					}
				}
			}
			_, res, err := Init(dir, v2)
			if err != nil {
				t.Fatalf("Init after the crash: %v", err)
			}
			if len(res.Kept) > 0 {
				t.Errorf("Init after the crash kept %v as the learner's edits", res.Kept)
			}
			got := tree(t, dir)
			for rel, b := range want {
				if !bytes.Equal(got[rel], b) {
					t.Errorf("after the second Init %s is not the course's", rel)
				}
			}
			for rel := range got {
				if _, ok := want[rel]; !ok && rel != metaDir+"/"+manifestName {
					t.Errorf("after the second Init the workspace holds %s", rel)
				}
			}
			// The manifest now records the update: a third course version
			// reaches the file.
			if tt.before != nil {
				if _, res, err := Init(dir, v1); err != nil || !slices.Contains(res.Updated, changed) {
					t.Errorf("Init back to v1 = %+v, %v; want %s updated (the manifest must record the crash's write)", res, err, changed)
				}
			}
		})
	}
}

// crashExit is the exit code of a child that died where it was told to.
const crashExit = 3

// crashChild runs Init and dies at the step named at: "synced", "dirs
// synced", or "renamed:N" (the Nth rename).
func crashChild(t *testing.T, at string) {
	renames := 0
	afterStep = func(s string) {
		if strings.HasPrefix(s, "renamed ") {
			renames++
			s = fmt.Sprintf("renamed:%d", renames)
		}
		if s == at {
			os.Exit(crashExit)
		}
	}
	_, _, err := Init(os.Getenv(crashDirEnv), crashCourse(os.Getenv(crashCourseEnv)))
	t.Fatalf("Init never reached step %q (err %v)", at, err)
}

func TestFindIsTheNearestWorkspaceAbove(t *testing.T) {
	c := embedded(t)
	root := filepath.Join(t.TempDir(), "ws")
	w, _, err := Init(root, c)
	if err != nil {
		t.Fatal(err)
	}
	ex := c.Exercises[0]
	for _, dir := range []string{root, w.ExerciseDir(ex), filepath.Join(w.ExerciseDir(ex), "from")} {
		if got, ok := Find(dir); !ok || got != w.Dir {
			t.Errorf("Find(%s) = %q, %v, want %q", dir, got, ok, w.Dir)
		}
	}
	if got := w.ExerciseAt(c, filepath.Join(w.ExerciseDir(ex), "from")); got != ex {
		t.Errorf("ExerciseAt(from/) = %v, want %s", got, ex.ID)
	}
	if got := w.ExerciseAt(c, root); got != nil {
		t.Errorf("ExerciseAt(root) = %s, want none", got.ID)
	}
	// Another Go module is not a workspace, even with a .accent directory.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(other, ".accent"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, ok := Find(other); ok {
		t.Errorf("Find(a plain module) = %q", got)
	}
}
