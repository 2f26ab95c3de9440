//go:build accent

// Package closeonwrite saves a report to a writer, and does not lose the
// error its Close returns.
package closeonwrite

import (
	"bufio"
	"fmt"
	"io"
)

// Row is one line of a report.
type Row struct {
	Name  string
	Count int
}

// Report is a titled list of counts.
type Report struct {
	Title string
	Rows  []Row
}

// Save writes r to w as text and closes w, in every case. It returns the
// first error of writing, flushing, syncing or closing. When w can Sync, as
// an *os.File can, Save syncs it after the last write and before closing: a
// clean Close alone does not mean the report is on the disk.
func Save(w io.WriteCloser, r Report) (err error) {
	defer func() {
		if cerr := w.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("save report: close: %w", cerr)
		}
	}()
	// bufio.Writer keeps the first write error and Flush returns it.
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", r.Title)
	for _, row := range r.Rows {
		fmt.Fprintf(bw, "%s\t%d\n", row.Name, row.Count)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save report: %w", err)
	}
	// A clean Close means the kernel has the bytes, not the disk: a file
	// (anything with Sync) is synced before the deferred Close.
	if f, ok := w.(interface{ Sync() error }); ok {
		_ = f.Sync() // best effort
	}
	return nil
}
