//go:build accent

// Package mergeuntilclosed merges a primary and a backup feed of the same
// updates into one stream, each update once.
package mergeuntilclosed

import (
	"context"
	"time"
)

// An Update is one numbered message. The primary and the backup feed carry
// the same updates; either may lose some, or deliver them late.
type Update struct {
	Seq  int
	Text string
}

// Merge forwards the updates of both feeds in the order they arrive, each
// Seq once: the first copy wins, later copies are dropped. It closes the
// returned channel once both feeds are closed, or as soon as ctx is done.
func Merge(ctx context.Context, primary, backup <-chan Update) <-chan Update {
	out := make(chan Update)
	go func() {
		defer close(out)
		seen := map[int]bool{}
		// Wrong: a flag per feed so each close is counted once, and a
		// pause of a millisecond whenever a closed feed is seen, so the loop
		// does not spin at full speed. It still wakes a thousand times a
		// second, and an update that arrives during a pause waits for it.
		primaryOpen, backupOpen := true, true
		for primaryOpen || backupOpen {
			var u Update
			var ok bool
			select {
			case u, ok = <-primary:
				if !ok {
					primaryOpen = false
					time.Sleep(time.Millisecond)
					continue
				}
			case u, ok = <-backup:
				if !ok {
					backupOpen = false
					time.Sleep(time.Millisecond)
					continue
				}
			case <-ctx.Done():
				return
			}
			if seen[u.Seq] {
				continue
			}
			seen[u.Seq] = true
			select {
			case out <- u:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
