//go:build accent

// Package backpressure copies chunks from a fast reader to a slow writer
// through a bounded buffer.
package backpressure

import "time"

// Copy reads chunks with read until it returns false, and hands each one to
// write, in order. Reading runs in its own goroutine, ahead of writing, but
// at most ahead chunks wait between the two: when they are all taken, the
// reader waits for write to catch up (it may hold one more chunk, read but
// not yet queued).
//
// Copy returns how many chunks were written, and write's error if a call
// fails. Then it returns at once, and reads no more chunks than the ones
// already on the way.
func Copy(read func() (chunk string, ok bool), write func(chunk string) error, ahead int) (int, error) {
	queue := make(chan string, ahead) // the high-water mark: a send waits while it is full
	go func() {
		defer close(queue)
		for {
			chunk, ok := read()
			if !ok {
				return
			}
			// Wrong: no done channel; a send that has waited a second
			// gives up. After a write error the reader is still alive,
			// waiting, and it goes on reading while the buffer has room.
			select {
			case queue <- chunk:
			case <-time.After(time.Second):
				return
			}
		}
	}()

	written := 0
	for chunk := range queue {
		if err := write(chunk); err != nil {
			return written, err
		}
		written++
	}
	return written, nil
}
