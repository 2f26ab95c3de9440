// Package watch tells when the Go files of a directory change: through
// fsnotify where it works, and by polling modification times where it does
// not (a failed fsnotify watch, or a Windows drive mounted into WSL, where
// inotify never hears about saves made from Windows).
//
// It watches the directory, not the files, so editors that save by writing
// a new file and renaming it over the old one (vim, neovim, helix) are seen
// like any other save, and it waits for a quiet moment (the debounce) so
// one save is one change.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. The zero value is ready to use.
type Options struct {
	Debounce     time.Duration // quiet time after a change before it is reported; default 150ms
	PollInterval time.Duration // how often polling looks at the files; default 400ms
	Poll         bool          // poll even where fsnotify would work
	WSL          bool          // the environment says WSL (WSL_DISTRO_NAME or WSL_INTEROP): poll /mnt/ drives
}

// Mode is how a Watcher hears about changes.
type Mode string

// The modes.
const (
	Notify  Mode = "fsnotify"
	Polling Mode = "polling"
)

// Watcher reports changes to the .go files of one directory.
type Watcher struct {
	// Changes receives a value after each burst of changes. It is closed
	// when the Watcher is closed or stops.
	Changes <-chan struct{}
	// Mode says how changes are found; Reason says why polling was chosen.
	Mode   Mode
	Reason string

	changes chan struct{}
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once
	notify  *fsnotify.Watcher
	opts    Options
	dir     string

	mu  sync.Mutex
	err error // why the watcher stopped on its own, if it did
}

// New starts watching dir. It uses fsnotify unless opts.Poll is set, the
// directory is a Windows drive under WSL, or fsnotify fails; then it polls.
func New(dir string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = 400 * time.Millisecond
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	w := &Watcher{
		changes: make(chan struct{}, 1),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
		opts:    opts,
		dir:     dir,
	}
	w.Changes = w.changes
	reason := ""
	switch {
	case opts.Poll:
		reason = "polling was asked for"
	case onWSLDrive(dir, opts.WSL):
		reason = "a Windows drive under WSL does not report changes"
	default:
		n, err := fsnotify.NewWatcher()
		if err == nil {
			if err = n.Add(dir); err != nil {
				err = errors.Join(err, n.Close())
			}
		}
		if err == nil {
			w.notify, w.Mode = n, Notify
			go w.run(w.notifyLoop)
			return w, nil
		}
		reason = fmt.Sprintf("fsnotify failed: %v", err)
	}
	w.Mode, w.Reason = Polling, reason
	snap, err := snapshot(dir)
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	go w.run(func() error { return w.pollLoop(snap) })
	return w, nil
}

// Close stops the watcher and closes Changes. It is safe to call more than
// once, and from any goroutine.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		<-w.stopped
		if w.notify != nil {
			err = w.notify.Close()
		}
	})
	if err != nil {
		return fmt.Errorf("closing the watcher of %s: %w", w.dir, err)
	}
	return nil
}

// Err is why the watcher stopped by itself (its loop failed), or nil.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// run runs loop, turning a panic or an error into Err, and closes Changes
// when it ends.
func (w *Watcher) run(loop func() error) {
	defer close(w.stopped)
	defer close(w.changes)
	defer func() {
		if r := recover(); r != nil {
			w.setErr(fmt.Errorf("watcher stopped: %v", r))
		}
	}()
	if err := loop(); err != nil {
		w.setErr(err)
	}
}

func (w *Watcher) setErr(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.err = err
}

// signal reports one change, merging it with one not yet received.
func (w *Watcher) signal() {
	select {
	case w.changes <- struct{}{}:
	default:
	}
}

func (w *Watcher) notifyLoop() error {
	var quiet <-chan time.Time
	for {
		select {
		case <-w.done:
			return nil
		case e, ok := <-w.notify.Events:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			if Relevant(e.Name) && e.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) != 0 {
				quiet = time.After(w.opts.Debounce)
			}
		case err, ok := <-w.notify.Errors:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			// An overflow or a transient error may hide a save: look again.
			if err != nil {
				quiet = time.After(w.opts.Debounce)
			}
		case <-quiet:
			quiet = nil
			w.signal()
		}
	}
}

func (w *Watcher) pollLoop(last map[string]fileStamp) error {
	tick := time.NewTicker(w.opts.PollInterval)
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return nil
		case <-tick.C:
			now, err := snapshot(w.dir)
			if err != nil {
				continue // the directory may be mid-rename; look again next time
			}
			if !sameStamps(last, now) {
				last = now
				w.signal()
			}
		}
	}
}

// Relevant reports whether a change to the file name matters: Go files,
// not editors' hidden swap and backup files.
func Relevant(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".go") && !strings.HasPrefix(base, ".")
}

type fileStamp struct {
	mod  time.Time
	size int64
}

func snapshot(dir string) (map[string]fileStamp, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string]fileStamp, len(entries))
	for _, e := range entries {
		if e.IsDir() || !Relevant(e.Name()) {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed between ReadDir and Info
		}
		if err != nil {
			return nil, err
		}
		out[e.Name()] = fileStamp{info.ModTime(), info.Size()}
	}
	return out, nil
}

func sameStamps(a, b map[string]fileStamp) bool {
	if len(a) != len(b) {
		return false
	}
	for name, s := range a {
		if t, ok := b[name]; !ok || !t.mod.Equal(s.mod) || t.size != s.size {
			return false
		}
	}
	return true
}

// onWSLDrive reports whether dir is a Windows drive (/mnt/c...) seen from
// WSL, where inotify does not hear about changes made from Windows. wsl
// says the environment names WSL; without it, the kernel's release says.
func onWSLDrive(dir string, wsl bool) bool {
	if runtime.GOOS != "linux" || !strings.HasPrefix(filepath.Clean(dir)+"/", "/mnt/") {
		return false
	}
	if wsl {
		return true
	}
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	return err == nil && strings.Contains(strings.ToLower(string(b)), "microsoft")
}
