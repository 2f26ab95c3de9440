//go:build accent

// Package backpressure copies chunks from a fast reader to a slow writer
// through a bounded buffer.
package backpressure

import "sync"

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
	// A port of queue.Queue() / new LinkedBlockingQueue<>(): a list, a lock,
	// and a condition for the consumer to wait on. put never waits.
	var (
		mu      sync.Mutex
		ready   = sync.NewCond(&mu)
		pending []string
		eof     bool
	)
	go func() {
		for {
			chunk, ok := read()
			mu.Lock()
			if !ok {
				eof = true
				ready.Signal()
				mu.Unlock()
				return
			}
			pending = append(pending, chunk)
			ready.Signal()
			mu.Unlock()
		}
	}()

	written := 0
	for {
		mu.Lock()
		for len(pending) == 0 && !eof {
			ready.Wait()
		}
		if len(pending) == 0 {
			mu.Unlock()
			return written, nil
		}
		chunk := pending[0]
		pending = pending[1:]
		mu.Unlock()

		if err := write(chunk); err != nil {
			return written, err
		}
		written++
	}
}
