//go:build accent

// Package mergeuntilclosed merges a primary and a backup feed of the same
// updates into one stream, each update once.
package mergeuntilclosed

import "context"

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
		// A nil channel is never ready, so setting a closed feed to nil
		// takes its case out of the select.
		for primary != nil || backup != nil {
			var u Update
			var ok bool
			select {
			case u, ok = <-primary:
				if !ok {
					primary = nil
					continue
				}
			case u, ok = <-backup:
				if !ok {
					backup = nil
					continue
				}
			case <-ctx.Done():
				return
			}
			if seen[u.Seq] {
				continue
			}
			seen[u.Seq] = true
			// Wrong: ctx is looked at only while waiting for the feeds. A
			// reader that stops reading and cancels leaves this send
			// waiting forever.
			out <- u
		}
	}()
	return out
}
