//go:build accent

// Package gracefulshutdown is a queue worker that shuts down gracefully:
// on SIGTERM it stops taking jobs and lets the running ones finish.
package gracefulshutdown

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Grace is how long running jobs may go on after the signal to stop: less
// than the 30s Kubernetes waits between SIGTERM and SIGKILL.
const Grace = 20 * time.Second

// ErrGraceExpired is the cause the jobs still running after Grace are
// cancelled with.
var ErrGraceExpired = errors.New("shutdown grace period expired")

// A Job is one unit of work. It returns soon after its ctx is done.
type Job func(ctx context.Context)

// Main runs the worker until SIGINT or SIGTERM and returns the process's
// exit code: 0 if every job finished, 1 if some had to be cancelled. A
// program's main is `os.Exit(Main(jobs))`.
func Main(queue <-chan Job) int {
	// Kubernetes sends SIGTERM: that is the one to handle. A Ctrl-C in a
	// terminal (SIGINT) still kills the worker mid-job.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, func() {
		log.Printf("%v: finishing the running jobs", context.Cause(ctx))
		stop() // from now on, a second signal kills at once
	})

	if err := Run(ctx, queue); err != nil {
		log.Print(err)
		return 1
	}
	return 0
}

// Run takes jobs from queue, which is never closed, and runs each in its
// own goroutine until ctx is done. Then it takes no more jobs and waits for
// the running ones. They are not cancelled with ctx: they keep its values,
// and run on for up to Grace, after which they are cancelled with the
// cause ErrGraceExpired. Run returns once every job has returned: nil if
// they all finished within Grace, otherwise an error wrapping
// ErrGraceExpired.
func Run(ctx context.Context, queue <-chan Job) error {
	// The jobs' context outlives ctx: same values, its own cancel.
	jobCtx, cancelJobs := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancelJobs(nil)

	var wg sync.WaitGroup
intake:
	for {
		select {
		case job := <-queue:
			wg.Go(func() { job(jobCtx) })
		case <-ctx.Done():
			break intake
		}
	}

	drained := make(chan struct{})
	go func() {
		wg.Wait()
		close(drained)
	}()
	grace := time.NewTimer(Grace)
	defer grace.Stop()
	select {
	case <-drained:
		return nil
	case <-grace.C:
		cancelJobs(ErrGraceExpired)
		<-drained
		return fmt.Errorf("shutdown: %w", ErrGraceExpired)
	}
}
