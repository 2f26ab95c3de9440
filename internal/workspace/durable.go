package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pendingWrite is one file for writeFiles to put in place.
type pendingWrite struct {
	path string // absolute
	data []byte
}

// tempPrefix starts the name of a file being written: a temporary file in
// the destination's own directory, renamed over the destination once its
// content is on disk. The go command ignores files whose names start with
// a dot, so one left behind by a crash never breaks an exercise's build.
const tempPrefix = ".accent-tmp-"

// staleTemp is the age after which a temporary file is a crash's leftover,
// not another accent's write in progress, and Init removes it.
const staleTemp = time.Hour

// syncWorkers is how many files are written and fsynced at once. The
// fsyncs of one batch then share the file system's journal commits
// instead of waiting for one commit each.
const syncWorkers = 16

// afterStep, when set (by tests), is called after each step of
// writeFiles: "synced" once every temporary file is on disk, "renamed
// PATH" after each rename, "dirs synced" at the end.
var afterStep func(step string)

func step(s string) {
	if afterStep != nil {
		afterStep(s)
	}
}

// writeFiles writes files atomically and durably, as a batch: each goes to
// a temporary file in its own directory, all of them are fsynced at once,
// then renamed into place in order, and the directories that changed are
// fsynced. A crash at any point leaves each destination either as it was
// or complete, never empty or half written. done[i] says whether files[i]
// is in place, also when err is not nil.
func writeFiles(files []pendingWrite) (done []bool, err error) {
	done = make([]bool, len(files))
	if len(files) == 0 {
		return done, nil
	}
	dirs := map[string]bool{}
	made := map[string]bool{}
	for _, f := range files {
		dir := filepath.Dir(f.path)
		if made[dir] {
			continue
		}
		made[dir] = true
		changed, err := mkdirs(dir)
		if err != nil {
			return done, fmt.Errorf("cannot write the workspace: %w", err)
		}
		for _, d := range changed {
			dirs[d] = true
		}
	}

	temps := make([]string, len(files))
	errs := make([]error, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(syncWorkers, len(files)) {
		wg.Go(func() {
			for i := range jobs {
				temps[i], errs[i] = writeTemp(files[i])
			}
		})
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return done, errors.Join(fmt.Errorf("cannot write the workspace: %w", err), removeTemps(temps))
	}
	step("synced")

	for i, f := range files {
		if err := os.Rename(temps[i], f.path); err != nil {
			err = fmt.Errorf("cannot write the workspace: %w", err)
			return done, errors.Join(err, removeTemps(temps[i:]), syncDirs(dirs))
		}
		done[i] = true
		step("renamed " + f.path)
	}
	if err := syncDirs(dirs); err != nil {
		return done, fmt.Errorf("cannot write the workspace: %w", err)
	}
	step("dirs synced")
	return done, nil
}

// writeTemp writes f's content to a new temporary file next to f.path and
// fsyncs it. An existing destination's permissions carry over.
func writeTemp(f pendingWrite) (string, error) {
	perm, keep := fs.FileMode(0o644), false
	if st, err := os.Lstat(f.path); err == nil && st.Mode().IsRegular() {
		perm, keep = st.Mode().Perm(), true
	}
	dir, base := filepath.Split(f.path)
	var tmp string
	var file *os.File
	for attempt := 0; ; attempt++ {
		tmp = filepath.Join(dir, tempPrefix+base+"-"+strconv.FormatUint(rand.Uint64(), 36))
		var err error
		file, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || attempt == 100 {
			return "", err
		}
	}
	_, err := file.Write(f.data)
	if err == nil && keep {
		err = file.Chmod(perm) // the umask applied at creation must not narrow it
	}
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", errors.Join(err, os.Remove(tmp))
	}
	return tmp, nil
}

// mkdirs creates dir and its missing parents, and returns the directories
// whose entries changed: each one created and the existing one it was
// created in (or just dir, which the file will be added to).
func mkdirs(dir string) ([]string, error) {
	var missing []string
	d := dir
	for {
		if _, err := os.Stat(d); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		missing = append(missing, d)
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return append(missing, d), nil
}

// syncDirs fsyncs directories, so the renames and creations in them
// survive a crash.
func syncDirs(dirs map[string]bool) error {
	if runtime.GOOS == "windows" {
		return nil // directories cannot be opened for fsync; NTFS journals renames itself
	}
	errs := make(chan error, len(dirs))
	sem := make(chan struct{}, syncWorkers)
	var wg sync.WaitGroup
	for d := range dirs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs <- syncDir(d)
		})
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}

// removeTemps removes temporary files writeFiles created ("" for none).
func removeTemps(temps []string) error {
	var errs []error
	for _, t := range temps {
		if t == "" {
			continue
		}
		if err := os.Remove(t); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// removeStaleTemps removes the temporary files a crash left in the
// workspace's directories that hold rels (slash paths) and in its
// metadata directory. A younger one may be another accent's write in
// progress and is left alone. Best effort: a leftover is harmless.
func removeStaleTemps(root string, rels []string) {
	dirs := map[string]bool{filepath.Join(root, metaDir): true}
	for _, rel := range rels {
		dirs[filepath.Dir(filepath.Join(root, filepath.FromSlash(rel)))] = true
	}
	for d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue // not created yet, or unreadable: Init reports the latter
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), tempPrefix) || !e.Type().IsRegular() {
				continue
			}
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTemp {
				os.Remove(filepath.Join(d, e.Name())) //accent:ignore errignored best effort: a leftover temporary file is harmless
			}
		}
	}
}
