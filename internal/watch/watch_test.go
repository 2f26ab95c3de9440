package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// waitChange fails the test unless w reports a change within a generous
// bound (the wait ends as soon as the change arrives).
func waitChange(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case _, ok := <-w.Changes:
		if !ok {
			t.Fatalf("Changes closed: %v", w.Err())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported")
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSavesAreSeenInEveryMode(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		mode Mode
		save func(t *testing.T, dir string)
	}{
		{"fsnotify, plain write", Options{Debounce: 10 * time.Millisecond}, Notify, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "a.go"), "package a // edited\n")
		}},
		{"fsnotify, save by rename like vim", Options{Debounce: 10 * time.Millisecond}, Notify, func(t *testing.T, dir string) {
			tmp := filepath.Join(dir, ".a.go.swp")
			write(t, tmp, "package a // renamed over\n")
			if err := os.Rename(tmp, filepath.Join(dir, "a.go")); err != nil {
				t.Fatal(err)
			}
		}},
		{"polling, plain write", Options{Poll: true, PollInterval: 5 * time.Millisecond}, Polling, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "a.go"), "package a // edited, longer\n")
		}},
		{"polling, new file", Options{Poll: true, PollInterval: 5 * time.Millisecond}, Polling, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "b.go"), "package a\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "a.go"), "package a\n")
			w, err := New(dir, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := w.Close(); err != nil {
					t.Error(err)
				}
			}()
			if w.Mode != tt.mode {
				t.Fatalf("mode = %s (%s), want %s", w.Mode, w.Reason, tt.mode)
			}
			tt.save(t, dir)
			waitChange(t, w)
		})
	}
}

func TestCloseClosesChanges(t *testing.T) {
	for _, poll := range []bool{false, true} {
		w, err := New(t.TempDir(), Options{Poll: poll})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		if _, ok := <-w.Changes; ok {
			t.Errorf("poll=%v: Changes still open after Close", poll)
		}
		if w.Err() != nil {
			t.Errorf("poll=%v: Err = %v after a clean Close", poll, w.Err())
		}
	}
}

func TestMissingDirectoryIsAnError(t *testing.T) {
	if _, err := New(filepath.Join(t.TempDir(), "nope"), Options{}); err == nil {
		t.Fatal("New on a missing directory: no error")
	}
}

func TestRelevant(t *testing.T) {
	for name, want := range map[string]bool{
		"/ws/x/fetchall.go":       true,
		"fetchall_test.go":        true,
		".fetchall.go.swp":        false,
		"fetchall.go~":            false,
		"4913":                    false, // vim's probe file
		"README.md":               false,
		"/ws/x/.#fetchall.go":     false, // emacs lock
		"/ws/x/from/fetch_all.js": false,
	} {
		if got := Relevant(name); got != want {
			t.Errorf("Relevant(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestWSLDrivesArePolled(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("WSL is Linux")
	}
	for dir, want := range map[string]bool{
		"/mnt/c/Users/me/accent-workspace": true,
		"/home/me/accent-workspace":        false,
		"/mntx/c":                          false,
	} {
		if got := onWSLDrive(dir, true); got != want {
			t.Errorf("onWSLDrive(%q) = %v, want %v", dir, got, want)
		}
	}
}
