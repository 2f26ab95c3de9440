// Package d has Waits whose goroutines are blocked on a channel operation
// that the waiter performs only after the Wait.
package d

import (
	"context"
	"sync"
)

func process(int) int { return 0 }

// The workers range over jobs until it is closed, and it is closed only
// after the Wait.
func closeAfterWait(items []int) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				process(j)
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	wg.Wait() // want `wg.Wait\(\) waits for goroutines that only finish once jobs is closed, but close\(jobs\) comes after the Wait: it blocks forever; close\(jobs\) before wg.Wait\(\)`
	close(jobs)
}

// The twin: close before the Wait.
func closeBeforeWait(items []int) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				process(j)
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
}

// A named worker with the channel as a parameter; nothing closes it.
func worker(jobs <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		process(j)
	}
}

func neverClosed(items []int) {
	jobs := make(chan int, len(items))
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(jobs, &wg)
	go worker(jobs, &wg)
	for _, it := range items {
		jobs <- it
	}
	wg.Wait() // never closed: the unclosedrange analyzer reports the range loop
}

// The twin: a producer goroutine closes it.
func producerCloses(items []int) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(jobs, &wg)
	go worker(jobs, &wg)
	go func() {
		for _, it := range items {
			jobs <- it
		}
		close(jobs)
	}()
	wg.Wait()
}

// A deferred close runs after the Wait too.
func deferredClose(items []int) {
	jobs := make(chan int)
	defer close(jobs)
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(jobs, &wg)
	for _, it := range items {
		jobs <- it
	}
	wg.Wait() // want `but close\(jobs\) comes after the Wait`
}

// The workers can also stop on ctx: not blocked on the close alone.
func ctxWorkers(ctx context.Context, items []int) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case j, ok := <-jobs:
					if !ok {
						return
					}
					process(j)
				}
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	wg.Wait()
	close(jobs)
}

// The workers send on an unbuffered channel that is read only after Wait.
func resultsAfterWait(items []int) []int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- process(it)
		}()
	}
	wg.Wait() // want `wg.Wait\(\) waits for goroutines that must first send on results, which is unbuffered and received from only after the Wait: it blocks forever`
	close(results)
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

// The twin: Wait and close in a goroutine of their own, range here.
func resultsWhileRunning(items []int) []int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- process(it)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

// The twin: a buffer big enough for every result.
func resultsBuffered(items []int) []int {
	results := make(chan int, len(items))
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- process(it)
		}()
	}
	wg.Wait()
	close(results)
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

// Sending in a select with ctx.Done: the goroutine can finish without it.
func resultsOrCancel(ctx context.Context, items []int) {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case results <- process(it):
			case <-ctx.Done():
			}
		}()
	}
	wg.Wait()
	close(results)
}
