package grade

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// scratch is one grade's private temporary directory. Everything a grade
// writes outside the build cache goes there: the overlay, the key of the
// sealed result, the go command's work directories (GOTMPDIR: 3-28 MB of
// go-build files per grade) and the test binary's TMPDIR. It is removed
// after every run, finished, killed or canceled.
//
// A grade holds a lock on <dir>/lock for as long as it runs. A grading
// process that crashed leaves its directory behind unlocked; later grades
// remove such directories once they are old enough that their creator
// cannot be between creating the directory and locking it.
type scratch struct {
	dir  string
	lock *flock.Flock
}

const (
	scratchPrefix = "accent-grade-"
	// staleAfter is how old an unlocked scratch directory must be before
	// another grade removes it.
	staleAfter = 10 * time.Minute
)

func newScratch(root string) (*scratch, error) {
	if root == "" {
		root = os.TempDir()
	}
	cleanStale(root)
	dir, err := os.MkdirTemp(root, scratchPrefix)
	if err != nil {
		return nil, fmt.Errorf("creating grading directory: %w", err)
	}
	s := &scratch{dir: dir, lock: flock.New(filepath.Join(dir, "lock"))}
	ok, err := s.lock.TryLock()
	if err == nil && !ok {
		err = errors.New("locked by another grade")
	}
	if err != nil {
		s.remove()
		return nil, fmt.Errorf("locking grading directory %s: %w", dir, err)
	}
	for _, sub := range []string{"overlay", "tmp"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o700); err != nil {
			s.remove()
			return nil, fmt.Errorf("creating grading directory: %w", err)
		}
	}
	return s, nil
}

func (s *scratch) path(elem ...string) string {
	return filepath.Join(append([]string{s.dir}, elem...)...)
}

// remove deletes the directory. Files the go command or the test binary
// left read-only are made writable first.
func (s *scratch) remove() {
	// Unlock first: Windows cannot remove an open file. A grade that
	// finds the directory unlocked in between leaves it alone: it is not
	// old enough to be stale.
	if err := s.lock.Unlock(); err != nil {
		fmt.Fprintf(os.Stderr, "accent: unlocking %s: %v\n", s.dir, err)
	}
	removeTree(s.dir)
}

func removeTree(dir string) {
	if err := os.RemoveAll(dir); err == nil {
		return
	}
	// The module cache and tests make read-only directories.
	//accent:ignore errignored best effort: RemoveAll below reports what is left
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = os.Chmod(p, 0o700) //accent:ignore errignored best effort, as above
		}
		return nil
	})
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintf(os.Stderr, "accent: removing %s: %v\n", dir, err)
	}
}

// cleanStale removes scratch directories of grades that are no longer
// running: older than staleAfter and not locked.
func cleanStale(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return // nothing to clean, or nothing we may read
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), scratchPrefix) {
			continue
		}
		dir := filepath.Join(root, e.Name())
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		// TryLock creates the lock file if a grade of an older accent
		// left none.
		l := flock.New(filepath.Join(dir, "lock"))
		if ok, err := l.TryLock(); err != nil || !ok {
			continue // a grade is using it, or it is not ours to judge
		}
		// Release before removing: Windows cannot remove an open file.
		_ = l.Unlock() //accent:ignore errignored the directory goes next, lock file and all
		removeTree(dir)
	}
}
