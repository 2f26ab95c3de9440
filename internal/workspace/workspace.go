// Package workspace manages the learner's workspace: a plain, stdlib-only Go
// module holding one directory per exercise. It writes the course out once
// and never overwrites a file the learner has edited.
package workspace

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/accent-go/accent/internal/course"
)

// ModulePath is the module path of every workspace's go.mod.
const ModulePath = "accentworkspace"

// GoVersion is the go directive written into a workspace's go.mod.
const GoVersion = "1.26"

const (
	metaDir      = ".accent"
	manifestName = "manifest.json"
	backupsDir   = "backups"
)

// Workspace is a learner's workspace directory.
type Workspace struct {
	Dir string // absolute
}

// DefaultDir is override ($ACCENT_WORKSPACE, as the caller read it) if
// not "", else ~/accent-workspace.
func DefaultDir(override string) (string, error) {
	if d := override; d != "" {
		return filepath.Abs(d)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the default workspace: %w (set ACCENT_WORKSPACE or pass --workspace)", err)
	}
	return filepath.Join(home, "accent-workspace"), nil
}

// NotFoundError says there is no workspace at a directory.
type NotFoundError struct{ Dir string }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no accent workspace at %s: run `accent init --workspace %s` (or just `accent`) to create it", e.Dir, e.Dir)
}

// Open opens an existing workspace.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("workspace %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(abs, "go.mod")); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &NotFoundError{Dir: abs}
		}
		return nil, fmt.Errorf("opening workspace: %w", err)
	}
	return &Workspace{Dir: abs}, nil
}

// Exists reports whether dir holds a workspace.
func Exists(dir string) bool {
	_, err := Open(dir)
	return err == nil
}

// Find is the workspace that holds dir (dir itself or a directory above
// it): the nearest one with accent's metadata directory and a go.mod of
// module ModulePath. ok is false when dir is in no workspace.
func Find(dir string) (root string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for d := abs; ; {
		if isWorkspace(d) {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

func isWorkspace(dir string) bool {
	if fi, err := os.Stat(filepath.Join(dir, metaDir)); err != nil || !fi.IsDir() {
		return false
	}
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(first) == "module "+ModulePath
}

// ExerciseAt is the exercise of c whose directory holds dir (dir is the
// exercise directory or below it), or nil.
func (w *Workspace) ExerciseAt(c *course.Course, dir string) *course.Exercise {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	for _, ex := range c.Exercises {
		rel, err := filepath.Rel(w.ExerciseDir(ex), abs)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return ex
		}
	}
	return nil
}

// ExerciseDir is the directory of an exercise in the workspace.
func (w *Workspace) ExerciseDir(ex *course.Exercise) string {
	return filepath.Join(w.Dir, filepath.FromSlash(ex.Dir))
}

// InitResult says what Init did, file by file (paths relative to the workspace).
type InitResult struct {
	Created bool     // the workspace did not exist before
	Written []string // new files
	Updated []string // files the learner never touched, refreshed to a newer course
	Kept    []string // files the learner edited, left alone although the course differs
}

// Init creates the workspace at dir or completes an existing one. It is
// idempotent and never overwrites a file the learner edited.
func Init(dir string, c *course.Course) (*Workspace, InitResult, error) {
	var res InitResult
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, res, fmt.Errorf("workspace %s: %w", dir, err)
	}
	w := &Workspace{Dir: abs}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		res.Created = true
	}
	if err := os.MkdirAll(filepath.Join(abs, metaDir), 0o755); err != nil {
		return nil, res, fmt.Errorf("creating workspace: %w", err)
	}
	man, err := w.readManifest()
	if err != nil {
		return nil, res, err
	}
	before := maps.Clone(man.Files)
	files := map[string][]byte{
		"go.mod":    fmt.Appendf(nil, "module %s\n\ngo %s\n", ModulePath, GoVersion),
		"README.md": workspaceReadme,
	}
	for _, ex := range c.Exercises {
		for rel, b := range ExerciseFiles(ex) {
			files[filepath.ToSlash(filepath.Join(ex.Dir, rel))] = b
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	removeStaleTemps(abs, names)
	// Decide every file first, then write all the new and refreshed ones
	// together: one batch of fsyncs, not one per file.
	var batch []pendingWrite
	var placed []string
	for _, rel := range names {
		want := files[rel]
		outcome, err := w.plan(rel, want, man)
		if err != nil {
			return nil, res, err
		}
		switch outcome {
		case written:
			res.Written = append(res.Written, rel)
		case updated:
			res.Updated = append(res.Updated, rel)
		case kept:
			res.Kept = append(res.Kept, rel)
		}
		if outcome == written || outcome == updated {
			batch = append(batch, pendingWrite{path: filepath.Join(abs, filepath.FromSlash(rel)), data: want})
			placed = append(placed, rel)
		}
	}
	done, err := writeFiles(batch)
	// The manifest is written last and describes only files that are on
	// disk, durably: a crash before it leaves files the next Init finds
	// equal to the course, never a half-written one it would keep as the
	// learner's edit.
	for i, rel := range placed {
		if done[i] {
			man.Files[rel] = hash(files[rel])
		}
	}
	if err != nil {
		if !maps.Equal(man.Files, before) {
			if merr := w.writeManifest(man); merr != nil {
				err = errors.Join(err, merr)
			}
		}
		return nil, res, err
	}
	if !maps.Equal(man.Files, before) {
		if err := w.writeManifest(man); err != nil {
			return nil, res, err
		}
	}
	return w, res, nil
}

type outcome int

const (
	unchanged outcome = iota
	written
	updated
	kept
)

// plan decides what Init does to rel: write it (it is missing), update it
// (the learner never touched it and the course changed), keep it (the
// learner edited it) or leave it (it already holds want). It records
// unchanged files in the manifest; Init records the ones it writes once
// they are on disk.
func (w *Workspace) plan(rel string, want []byte, man *manifest) (outcome, error) {
	path := filepath.Join(w.Dir, filepath.FromSlash(rel))
	have, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return written, nil
	case err != nil:
		return 0, fmt.Errorf("reading %s: %w", path, err)
	}
	haveHash := hash(have)
	if haveHash == hash(want) {
		man.Files[rel] = haveHash
		return unchanged, nil
	}
	if recorded, ok := man.Files[rel]; ok && recorded == haveHash {
		// Untouched since accent wrote it: the course changed, refresh it.
		return updated, nil
	}
	return kept, nil
}

// ExerciseFiles returns what the workspace holds for an exercise, keyed by
// slash path relative to the exercise directory: the task, the idioms, the
// starting code and the tests.
func ExerciseFiles(ex *course.Exercise) map[string][]byte {
	files := map[string][]byte{
		"README.md": fmt.Appendf(nil, "# %s\n\n%s", ex.Title, ex.Task),
	}
	for _, s := range ex.From {
		files["from/"+s.Name] = []byte(s.Code)
	}
	for n, b := range ex.Starter {
		files[n] = b
	}
	for n, b := range ex.Tests {
		files[n] = b
	}
	return files
}

// SourceFiles returns the learner's current non-test .go files of an
// exercise, by base name.
func (w *Workspace) SourceFiles(ex *course.Exercise) (map[string][]byte, error) {
	return w.goFiles(ex, false)
}

// TestFiles returns the exercise's _test.go files as they are in the
// workspace (the learner may have edited them; grading uses the course's),
// by base name.
func (w *Workspace) TestFiles(ex *course.Exercise) (map[string][]byte, error) {
	return w.goFiles(ex, true)
}

func (w *Workspace) goFiles(ex *course.Exercise, tests bool) (map[string][]byte, error) {
	dir := w.ExerciseDir(ex)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading exercise %s: %w", ex.ID, err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") != tests {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", n, err)
		}
		files[n] = b
	}
	return files, nil
}

// Reset restores one exercise to its starting state. Everything it replaces
// or removes (edited files, extra .go files) is first copied to a backup
// directory, whose path it returns ("" if there was nothing to keep).
func (w *Workspace) Reset(ex *course.Exercise, now time.Time) (backup string, err error) {
	dir := w.ExerciseDir(ex)
	pristine := ExerciseFiles(ex)
	toSave := map[string][]byte{}
	for rel, want := range pristine {
		have, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err == nil && hash(have) != hash(want) {
			toSave[rel] = have
		}
	}
	extra, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("reading exercise %s: %w", ex.ID, err)
	}
	var remove []string
	for _, e := range extra {
		if _, ok := pristine[e.Name()]; !ok && !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				return "", fmt.Errorf("reading %s: %w", e.Name(), err)
			}
			toSave[e.Name()] = b
			remove = append(remove, e.Name())
		}
	}
	if len(toSave) > 0 {
		backup = filepath.Join(w.Dir, metaDir, backupsDir,
			strings.ReplaceAll(ex.ID, "/", "-"), now.UTC().Format("20060102T150405.000Z"))
		var saves []pendingWrite
		for rel, b := range toSave {
			saves = append(saves, pendingWrite{path: filepath.Join(backup, filepath.FromSlash(rel)), data: b})
		}
		if _, err := writeFiles(saves); err != nil {
			return "", fmt.Errorf("backing up before reset (nothing was changed): %w", err)
		}
	}
	man, err := w.readManifest()
	if err != nil {
		return backup, err
	}
	var restore []pendingWrite
	var rels []string
	for rel, b := range pristine {
		restore = append(restore, pendingWrite{path: filepath.Join(dir, filepath.FromSlash(rel)), data: b})
		rels = append(rels, rel)
	}
	done, err := writeFiles(restore)
	for i, rel := range rels {
		if done[i] {
			man.Files[filepath.ToSlash(filepath.Join(ex.Dir, rel))] = hash(pristine[rel])
		}
	}
	if err != nil {
		return backup, errors.Join(err, w.writeManifest(man))
	}
	for _, n := range remove {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return backup, fmt.Errorf("removing %s (a copy is in %s): %w", n, backup, err)
		}
	}
	return backup, w.writeManifest(man)
}

type manifest struct {
	Version int               `json:"version"`
	Files   map[string]string `json:"files"` // slash path -> sha256 of what accent wrote
}

func (w *Workspace) manifestPath() string {
	return filepath.Join(w.Dir, metaDir, manifestName)
}

func (w *Workspace) readManifest() (*manifest, error) {
	man := &manifest{Version: 1, Files: map[string]string{}}
	b, err := os.ReadFile(w.manifestPath())
	if errors.Is(err, fs.ErrNotExist) {
		return man, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading workspace manifest: %w", err)
	}
	if err := json.Unmarshal(b, man); err != nil || man.Files == nil {
		// A damaged manifest only costs course updates of untouched files:
		// with no record, every differing file counts as edited and is kept.
		return &manifest{Version: 1, Files: map[string]string{}}, nil
	}
	return man, nil
}

func (w *Workspace) writeManifest(man *manifest) error {
	b, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding workspace manifest: %w", err)
	}
	return writeFile(w.manifestPath(), append(b, '\n'))
}

// writeFile writes one file atomically and durably, creating parents.
func writeFile(path string, b []byte) error {
	_, err := writeFiles([]pendingWrite{{path: path, data: b}})
	return err
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

//go:embed workspace_readme.md
var workspaceReadme []byte
