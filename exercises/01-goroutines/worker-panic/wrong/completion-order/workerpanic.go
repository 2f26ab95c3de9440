//go:build accent

// Package workerpanic ports Promise.allSettled, asyncio.gather with
// return_exceptions and invokeAll to Go, for handlers that may panic.
package workerpanic

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// PanicError is what HandleAll reports for a job whose handler panicked.
type PanicError struct {
	Job   string
	Value any    // what the handler panicked with
	Stack []byte // the stack of the goroutine that panicked, taken as it panicked
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("job %s: panic: %v", e.Job, e.Value)
}

// Unwrap returns the panic value if it is an error, such as the
// runtime.Error of a nil map write, so errors.Is and errors.As find it.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// HandleAll calls handle for every job, all at the same time, and waits
// until every call has returned. It returns one error per job, in the order
// of jobs: nil, the error handle returned, or a *PanicError if handle
// panicked. A panic in one job ends neither the other jobs nor the program.
func HandleAll(jobs []string, handle func(job string) error) []error {
	var (
		mu   sync.Mutex
		errs []error
	)
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Go(func() {
			var err error
			defer func() {
				if v := recover(); v != nil {
					err = &PanicError{Job: job, Value: v, Stack: debug.Stack()}
				}
				// results.push(outcome) from every task: under a lock, but
				// in the order the jobs finish, not the order of jobs.
				mu.Lock()
				defer mu.Unlock()
				errs = append(errs, err)
			}()
			err = handle(job)
		})
	}
	wg.Wait()
	return errs
}
