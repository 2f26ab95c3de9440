//go:build accent

// Package cancelcause runs downloads that can stop for several reasons, and
// says which.
package cancelcause

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// MaxTime is the longest a download may take.
const MaxTime = 30 * time.Second

var (
	// ErrCanceledByUser is why a download stops when its Cancel is called.
	ErrCanceledByUser = errors.New("canceled by the user")
	// ErrTooSlow is why a download stops when it takes longer than MaxTime.
	ErrTooSlow = errors.New("took longer than MaxTime")
)

// Source serves files in chunks. Chunk blocks until the chunk at offset
// has arrived and returns it, io.EOF after the last one, or ctx.Err() as
// soon as ctx is done.
type Source interface {
	Chunk(ctx context.Context, name string, offset int) ([]byte, error)
}

// Download is one file transfer, running in its own goroutine.
type Download struct {
	cancel context.CancelCauseFunc
	done   chan struct{}
	data   []byte
	err    error
}

// Start starts downloading name from src. The download ends at the end of
// the file, when Cancel is called, after MaxTime, or when ctx is done
// (the app shutting down, say), whichever comes first.
func Start(ctx context.Context, src Source, name string) *Download {
	ctx, cancel := context.WithCancelCause(ctx)
	d := &Download{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(d.done)
		defer cancel(nil)
		ctx, stop := context.WithTimeoutCause(ctx, MaxTime, ErrTooSlow)
		defer stop()
		d.data, d.err = fetch(ctx, src, name)
	}()
	return d
}

// Cancel stops the download; Wait then reports ErrCanceledByUser. After the
// download has ended, Cancel does nothing.
func (d *Download) Cancel() {
	d.cancel(ErrCanceledByUser)
}

// Wait waits for the download to end. It returns the whole file, or nil and
// an error wrapping why it stopped: ErrCanceledByUser, ErrTooSlow, the
// cause ctx was cancelled with, or the Source's own error.
func (d *Download) Wait() ([]byte, error) {
	<-d.done
	return d.data, d.err
}

func fetch(ctx context.Context, src Source, name string) ([]byte, error) {
	var data []byte
	for {
		chunk, err := src.Chunk(ctx, name, len(data))
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			// An error that says the ctx ended is replaced by why it ended.
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				err = context.Cause(ctx)
			}
			return nil, fmt.Errorf("download %s: %w", name, err)
		}
		data = append(data, chunk...)
	}
}
