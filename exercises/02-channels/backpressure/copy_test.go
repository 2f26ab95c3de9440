//go:build accent

package backpressure

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// source hands out n chunks, "chunk 1" to "chunk n", taking delay for each,
// and counts the reads that returned a chunk.
type source struct {
	n     int
	delay time.Duration
	reads atomic.Int32
}

func (s *source) read() (string, bool) {
	time.Sleep(s.delay)
	i := int(s.reads.Load())
	if i == s.n {
		return "", false
	}
	s.reads.Add(1)
	return fmt.Sprintf("chunk %d", i+1), true
}

// goroutines counts the goroutines of the calling test's synctest bubble
// (every goroutine of the program when it is called outside a bubble). The
// test framework's own goroutines, which come and go as they please on a
// busy machine, are left out, so a difference of two counts is exactly the
// goroutines the code under test started or ended.
func goroutines() int {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	// The first goroutine in the dump is the caller.
	headers := bytes.Split(buf, []byte("\n\n"))
	mine := bubble(headers[0])
	n := 0
	for _, g := range headers {
		if mine == "" || bubble(g) == mine {
			n++
		}
	}
	return n
}

// bubble returns the synctest bubble named in a goroutine's header
// ("goroutine 7 [chan send, synctest bubble 3]:"), or "" for a goroutine
// outside any bubble.
func bubble(g []byte) string {
	header, _, _ := bytes.Cut(g, []byte("\n"))
	_, id, ok := bytes.Cut(header, []byte(", synctest bubble "))
	if !ok {
		return ""
	}
	end := bytes.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(id)
	}
	return string(id[:end])
}

func chunks(n int) []string {
	var cs []string
	for i := range n {
		cs = append(cs, fmt.Sprintf("chunk %d", i+1))
	}
	return cs
}

// sink records what it is asked to write. Each write takes delay; if hold is
// not nil, it first waits until hold is closed; the call numbered failAt
// (from 1) fails with errDiskFull instead of writing.
type sink struct {
	delay   time.Duration
	hold    chan struct{}
	failAt  int
	calls   atomic.Int32
	written []string
}

var errDiskFull = errors.New("disk full")

func (s *sink) write(chunk string) error {
	n := int(s.calls.Add(1))
	if s.hold != nil {
		<-s.hold
	}
	time.Sleep(s.delay)
	if n == s.failAt {
		return errDiskFull
	}
	s.written = append(s.written, chunk)
	return nil
}

func TestCopyWritesEveryChunkInOrder(t *testing.T) {
	for _, ahead := range []int{0, 1, 4} {
		t.Run(fmt.Sprintf("ahead=%d", ahead), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				src := &source{n: 20, delay: time.Millisecond}
				dst := &sink{delay: 3 * time.Millisecond}

				n, err := Copy(src.read, dst.write, ahead)

				if n != 20 || err != nil {
					t.Errorf("Copy = %d, %v; want 20, nil", n, err)
				}
				if want := chunks(20); !slices.Equal(dst.written, want) {
					t.Errorf("wrote %q, want %q", dst.written, want)
				}
			})
		})
	}
	t.Run("nothing to read", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			n, err := Copy((&source{}).read, (&sink{}).write, 4)
			if n != 0 || err != nil {
				t.Errorf("Copy of no chunks = %d, %v; want 0, nil", n, err)
			}
		})
	})
}

func TestCopyReadsWhileItWrites(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// Reading takes 10ms a chunk, writing 30ms. With reading ahead,
		// the writer never waits after the first chunk: 10ms + 10 × 30ms.
		src := &source{n: 10, delay: 10 * time.Millisecond}
		dst := &sink{delay: 30 * time.Millisecond}

		if _, err := Copy(src.read, dst.write, 4); err != nil {
			t.Fatalf("Copy: unexpected error %v", err)
		}

		if took, want := time.Since(start), 310*time.Millisecond; took != want {
			t.Errorf("Copy took %v, want %v: read the next chunks while write is busy", took, want)
		}
	})
}

func TestReaderWaitsWhenTheBufferIsFull(t *testing.T) {
	for _, ahead := range []int{0, 1, 4} {
		t.Run(fmt.Sprintf("ahead=%d", ahead), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				src := &source{n: 100}
				dst := &sink{hold: make(chan struct{})}
				var (
					n    int
					err  error
					done = make(chan struct{})
				)
				go func() {
					defer close(done)
					n, err = Copy(src.read, dst.write, ahead)
				}()

				synctest.Wait() // write is stuck on the first chunk; everything else has settled
				if calls := dst.calls.Load(); calls != 1 {
					t.Fatalf("write was called %d times, want once (it has not returned yet)", calls)
				}
				// One chunk in write, ahead in the buffer, and perhaps one in
				// the reader's hands.
				reads, most := int(src.reads.Load()), 1+ahead+1
				if reads > most {
					t.Errorf("with ahead=%d, read %d chunks while write was still busy with the first, want at most %d: nothing stops the reader, so a slow writer lets memory grow without bound", ahead, reads, most)
				}
				if reads < 1+ahead {
					t.Errorf("with ahead=%d, read %d chunks while write was busy with the first, want at least %d: read ahead while write works", ahead, reads, 1+ahead)
				}

				close(dst.hold) // the writer catches up
				<-done
				if n != 100 || err != nil {
					t.Errorf("Copy = %d, %v; want 100, nil", n, err)
				}
			})
		})
	}
}

// When write fails, Copy returns, and the reader must give up too, at once:
// a reader still alive once everything has settled (even one that would
// give up on a timer later) fails the test, and one blocked for good fails
// it with "blocked goroutines remain", which accent reports as a leak.
func TestCopyStopsAtTheFirstWriteError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		before := goroutines()
		const ahead = 4
		src := &source{n: 100}
		dst := &sink{failAt: 3}

		n, err := Copy(src.read, dst.write, ahead)

		if !errors.Is(err, errDiskFull) || n != 2 {
			t.Errorf("Copy = %d, %v; want 2, %v (the chunks written before the failing call, and its error)", n, err, errDiskFull)
		}
		synctest.Wait()
		// The failing chunk, ahead in the buffer, one in the reader's hands.
		if reads, most := int(src.reads.Load()), 3+ahead+1; reads > most {
			t.Errorf("read %d chunks in all, want at most %d: after the write error the reader should stop, not read the rest of the input", reads, most)
		}
		if n := goroutines() - before; n > 0 {
			t.Errorf("%d goroutine(s) that Copy started are still alive after it returned with the write error: the reader must give up at once", n)
		}
	})
}

// Here the reader is slow and the writer fast, so when write fails the
// buffer has room and the reader is in the middle of a read. That read may
// finish, but once Copy has returned the reader must not start another one,
// and must exit. When done is closed and the buffer has room, a select on
// the send and on done picks either at random, so the test runs twenty
// times: a reader that only looks at done in that select reads on, sooner
// or later.
func TestReaderStopsOnceCopyHasReturned(t *testing.T) {
	for run := range 20 {
		synctest.Test(t, func(t *testing.T) {
			before := goroutines()
			src := &source{n: 100, delay: 10 * time.Millisecond}
			dst := &sink{failAt: 3}

			n, err := Copy(src.read, dst.write, 4)

			if !errors.Is(err, errDiskFull) || n != 2 {
				t.Errorf("Copy = %d, %v; want 2, %v", n, err, errDiskFull)
			}
			time.Sleep(src.delay) // a read in progress when Copy returned ends
			synctest.Wait()
			// The three chunks handed to write, and at most the one being
			// read when the error came.
			if reads := int(src.reads.Load()); reads > 4 {
				t.Errorf("run %d: read %d chunks in all, want at most 4: once Copy has returned, the reader must not start another read", run+1, reads)
			}
			if n := goroutines() - before; n > 0 {
				t.Errorf("run %d: %d goroutine(s) that Copy started are still alive after its return and the end of the read in progress, want none", run+1, n)
			}
		})
		if t.Failed() {
			return
		}
	}
}
