//go:build accent

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
func Save(w io.WriteCloser, r Report) error {
	defer w.Close()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", r.Title)
	for _, row := range r.Rows {
		fmt.Fprintf(bw, "%s\t%d\n", row.Name, row.Count)
	}
	return bw.Flush()
}
