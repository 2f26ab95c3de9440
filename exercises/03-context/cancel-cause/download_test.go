//go:build accent

package cancelcause

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/synctest"
	"time"
)

// fakeSource serves chunks "c0", "c1", ... each taking chunkTakes, or less
// if ctx is done first. Its chunk number failAt, if set, fails with failWith
// (errBroken if nil).
type fakeSource struct {
	chunks     int
	chunkTakes time.Duration
	failAt     int
	failWith   error
}

var errBroken = errors.New("connection reset by peer")

// errReadTimeout is a Source's own timeout, not its ctx's: like the error of
// an http.Client whose Timeout fired, it wraps context.DeadlineExceeded.
var errReadTimeout = fmt.Errorf("read chunk: %w (Client.Timeout exceeded)", context.DeadlineExceeded)

func (f *fakeSource) Chunk(ctx context.Context, name string, offset int) ([]byte, error) {
	i := offset / 2 // every chunk is two bytes
	if i >= f.chunks {
		return nil, io.EOF
	}
	timer := time.NewTimer(f.chunkTakes)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
		return nil, ctx.Err() // as every ctx-aware call does: it does not know why
	}
	if f.failAt > 0 && i == f.failAt {
		return nil, cmp.Or(f.failWith, errBroken)
	}
	return fmt.Appendf(nil, "c%d", i), nil
}

type result struct {
	data []byte
	err  error
	took time.Duration
}

// wait calls d.Wait in its own goroutine and delivers its result.
func wait(d *Download) <-chan result {
	out := make(chan result, 1)
	start := time.Now()
	go func() {
		data, err := d.Wait()
		out <- result{data, err, time.Since(start)}
	}()
	return out
}

func TestDownloadsTheWholeFile(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := Start(t.Context(), &fakeSource{chunks: 3, chunkTakes: time.Second}, "a.iso")
		r := <-wait(d)

		if r.err != nil || string(r.data) != "c0c1c2" {
			t.Fatalf("Wait = %q, %v; want %q, nil", r.data, r.err, "c0c1c2")
		}
		if r.took != 3*time.Second {
			t.Errorf("Wait returned after %v, want 3s (three chunks)", r.took)
		}
		d.Cancel() // too late: changes nothing
		if data, err := d.Wait(); err != nil || string(data) != "c0c1c2" {
			t.Errorf("Wait after a late Cancel = %q, %v; want %q, nil", data, err, "c0c1c2")
		}
	})
}

func TestCancelSaysTheUserDidIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := Start(t.Context(), &fakeSource{chunks: 10, chunkTakes: time.Second}, "b.iso")
		done := wait(d)
		time.Sleep(1500 * time.Millisecond)
		d.Cancel()
		r := <-done

		if !errors.Is(r.err, ErrCanceledByUser) {
			t.Errorf("Wait error = %v, want one wrapping ErrCanceledByUser: ctx.Err() only says %q, not who cancelled", r.err, context.Canceled)
		}
		if r.data != nil {
			t.Errorf("Wait returned %q with the error, want nil", r.data)
		}
		if r.took != 1500*time.Millisecond {
			t.Errorf("Wait returned after %v, want 1.5s, at the Cancel", r.took)
		}
	})
}

func TestTooSlowSaysErrTooSlow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := Start(t.Context(), &fakeSource{chunks: 100, chunkTakes: time.Second}, "c.iso")
		r := <-wait(d)

		if !errors.Is(r.err, ErrTooSlow) {
			t.Errorf("Wait error = %v, want one wrapping ErrTooSlow: ctx.Err() only says %q", r.err, context.DeadlineExceeded)
		}
		if r.data != nil {
			t.Errorf("Wait returned %q with the error, want nil", r.data)
		}
		if r.took != 30*time.Second {
			t.Errorf("Wait returned after %v, want MaxTime, 30s", r.took)
		}
	})
}

func TestShutdownPassesOnTheCallersCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errShutdown := errors.New("shutting down")
		app, shutdown := context.WithCancelCause(t.Context())
		defer shutdown(nil)
		d := Start(app, &fakeSource{chunks: 10, chunkTakes: time.Second}, "d.iso")
		done := wait(d)
		time.Sleep(1500 * time.Millisecond)
		shutdown(errShutdown)
		r := <-done

		if !errors.Is(r.err, errShutdown) {
			t.Errorf("Wait error = %v, want one wrapping the cause the app was cancelled with, %q", r.err, errShutdown)
		}
		if errors.Is(r.err, ErrCanceledByUser) {
			t.Errorf("Wait error = %v: the user did not cancel this download, the app shut down", r.err)
		}
		if r.data != nil || r.took != 1500*time.Millisecond {
			t.Errorf("Wait returned %q after %v, want nil at 1.5s, at the shutdown", r.data, r.took)
		}
	})
}

func TestCallersPlainCancelIsNotTheUser(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		app, cancel := context.WithCancel(t.Context())
		defer cancel()
		d := Start(app, &fakeSource{chunks: 10, chunkTakes: time.Second}, "f.iso")
		done := wait(d)
		time.Sleep(1500 * time.Millisecond)
		cancel() // a caller that gives no cause
		r := <-done

		if !errors.Is(r.err, context.Canceled) || errors.Is(r.err, ErrCanceledByUser) {
			t.Errorf("Wait error = %v, want one wrapping context.Canceled, the cause of a cancel without one, and not ErrCanceledByUser: the user did not cancel", r.err)
		}
		if r.data != nil || r.took != 1500*time.Millisecond {
			t.Errorf("Wait returned %q after %v, want nil at 1.5s", r.data, r.took)
		}
	})
}

func TestCallersDeadlineIsNotTooSlow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const callerLimit = 5 * time.Second
		app, cancel := context.WithTimeout(t.Context(), callerLimit)
		defer cancel()
		d := Start(app, &fakeSource{chunks: 100, chunkTakes: time.Second}, "g.iso")
		r := <-wait(d)

		if !errors.Is(r.err, context.DeadlineExceeded) || errors.Is(r.err, ErrTooSlow) {
			t.Errorf("Wait error = %v, want one wrapping context.DeadlineExceeded, the cause of the caller's own deadline, and not ErrTooSlow: MaxTime did not run out", r.err)
		}
		if r.data != nil || r.took != callerLimit {
			t.Errorf("Wait returned %q after %v, want nil at the caller's deadline, %v", r.data, r.took, callerLimit)
		}
	})
}

func TestCancelRacingShutdownReportsOneOfThem(t *testing.T) {
	for range 20 {
		synctest.Test(t, func(t *testing.T) {
			errShutdown := errors.New("shutting down")
			app, shutdown := context.WithCancelCause(t.Context())
			defer shutdown(nil)
			d := Start(app, &fakeSource{chunks: 10, chunkTakes: time.Second}, "h.iso")
			done := wait(d)
			time.Sleep(1500 * time.Millisecond)
			go d.Cancel() // the user clicks as the app shuts down
			shutdown(errShutdown)
			r := <-done

			if !errors.Is(r.err, ErrCanceledByUser) && !errors.Is(r.err, errShutdown) {
				t.Fatalf("Wait error = %v, want one wrapping whichever came first: ErrCanceledByUser or the app's cause", r.err)
			}
		})
	}
}

func TestSourceErrorsPassThrough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := Start(t.Context(), &fakeSource{chunks: 10, chunkTakes: time.Second, failAt: 2}, "e.iso")
		r := <-wait(d)

		if !errors.Is(r.err, errBroken) {
			t.Errorf("Wait error = %v, want one wrapping the Source's error %q: the cause is for when ctx is done", r.err, errBroken)
		}
		if r.data != nil || r.took != 3*time.Second {
			t.Errorf("Wait returned %q after %v, want nil at 3s, when the third chunk failed", r.data, r.took)
		}
	})
}

// serverCtx is an app's context that lives as long as the process. It is
// of a type the context package does not know, so every context derived
// from it is watched by a goroutine of the context package until that
// context is cancelled: one that is never cancelled shows up as a leak.
type serverCtx struct {
	context.Context
	done chan struct{}
}

func (s serverCtx) Done() <-chan struct{} { return s.done }

func TestAnEndedDownloadReleasesItsContexts(t *testing.T) {
	for _, src := range []*fakeSource{
		{chunks: 3, chunkTakes: time.Second},
		{chunks: 10, chunkTakes: time.Second, failAt: 2},
	} {
		synctest.Test(t, func(t *testing.T) {
			app := serverCtx{Context: t.Context(), done: make(chan struct{})}
			d := Start(app, src, "j.iso")
			<-wait(d)
			// The bubble ends here: a context of the download still
			// registered with app, never cancelled, is a goroutine blocked
			// for as long as the server runs.
		})
	}
}

func TestSourcesOwnTimeoutIsNotACause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		src := &fakeSource{chunks: 10, chunkTakes: time.Second, failAt: 2, failWith: errReadTimeout}
		d := Start(t.Context(), src, "i.iso")
		r := <-wait(d)

		if !errors.Is(r.err, errReadTimeout) || errors.Is(r.err, ErrTooSlow) {
			t.Errorf("Wait error = %v, want one wrapping the Source's own %q: it wraps context.DeadlineExceeded, but ctx is alive, so there is no cause to report", r.err, errReadTimeout)
		}
		if r.data != nil || r.took != 3*time.Second {
			t.Errorf("Wait returned %q after %v, want nil at 3s, when the third chunk failed", r.data, r.took)
		}
	})
}
