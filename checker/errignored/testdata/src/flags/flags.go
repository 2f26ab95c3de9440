// Package flags is checked with -errignored.exclude and -errignored.blank=false.
package flags

import (
	"io"
	"os"
	"strconv"
)

type T struct{}

func (*T) Sync() error { return nil }

func excluded(t *T, w io.Writer, s string) {
	os.Remove(s)         // excluded: os.Remove
	t.Sync()             // excluded: (*flags.T).Sync
	io.WriteString(w, s) // excluded: io.WriteString(io.Writer)
	os.Chdir(s)          // want `the error from os\.Chdir is ignored`
	_ = os.Chdir(s)      // blank assignments are not reported with -blank=false
	n, _ := strconv.Atoi(s)
	_ = n
}
