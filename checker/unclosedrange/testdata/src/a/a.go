// Package a holds worker pools and pipelines ported from queue consumers.
package a

import (
	"context"
	"sync"
)

type Job struct{ ID int }

func process(Job) {}

// A worker pool (ExecutorService with a BlockingQueue) whose producer
// forgets to close the queue.

func runPool(todo []Job) {
	jobs := make(chan Job)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs { // want `this goroutine ranges over jobs, which is never closed: it never exits; close\(jobs\) after the last send \(the sender owns the close\)`
				process(j)
			}
		}()
	}
	for _, j := range todo {
		jobs <- j
	}
}

func runPoolClosed(todo []Job) {
	jobs := make(chan Job)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				process(j)
			}
		}()
	}
	for _, j := range todo {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
}

// A named worker ranging over its parameter.

func worker(in <-chan Job) {
	for j := range in { // want `this goroutine ranges over in, which is never closed`
		process(j)
	}
}

func startWorker(todo []Job) {
	in := make(chan Job)
	go worker(in)
	for _, j := range todo {
		in <- j
	}
}

func worker2(in <-chan Job) {
	for j := range in {
		process(j)
	}
}

func closeWhenDone(in chan Job, todo []Job) {
	defer close(in)
	for _, j := range todo {
		in <- j
	}
}

func startWorkerClosedElsewhere(todo []Job) {
	in := make(chan Job)
	go worker2(in)
	closeWhenDone(in, todo)
}

// The Python sentinel loop: for { v, ok := <-ch; if !ok { break } }.

func drain(results chan int) int {
	sum := 0
	for {
		v, ok := <-results // want `this loop receives from results, which is never closed: it never ends; close\(results\) after the last send`
		if !ok {
			break
		}
		sum += v
	}
	return sum
}

func sumAll(xs []int) int {
	results := make(chan int)
	for _, x := range xs {
		go func() { results <- x * x }()
	}
	return drain(results)
}

// A loop that ends another way is not reported.

func firstN(results chan int, n int) []int {
	var out []int
	for v := range results {
		out = append(out, v)
		if len(out) == n {
			break
		}
	}
	return out
}

func squares(xs []int) []int {
	results := make(chan int)
	for _, x := range xs {
		go func() { results <- x * x }()
	}
	return firstN(results, len(xs))
}

// A consumer that stops on ctx.Done() is not a range loop.

func consume(ctx context.Context, in <-chan Job) {
	for {
		select {
		case j := <-in:
			process(j)
		case <-ctx.Done():
			return
		}
	}
}

func startConsumer(ctx context.Context) chan<- Job {
	in := make(chan Job)
	go consume(ctx, in)
	return in
}

// The channel escapes to another package: it may close it.

type Queue struct {
	C chan Job
}

func (q *Queue) Run() {
	for j := range q.C {
		process(j)
	}
}

// A channel in a struct field that nothing in the package closes: the
// goroutine the constructor starts never exits.

type pump struct {
	events chan int
}

func newPump() *pump {
	p := &pump{events: make(chan int, 16)}
	go p.loop()
	return p
}

func (p *pump) loop() {
	for e := range p.events { // want `this goroutine ranges over p.events, which nothing in the package closes: it never exits, and leaks when its owner is done; close\(p.events\) in a Close or Stop method after the last send \(the sender owns the close\)`
		_ = e
	}
}

func (p *pump) emit(e int) { p.events <- e }

// A select in the loop body that does not leave the loop.

func forward(ctx context.Context, in <-chan Job, out chan<- Job) {
	for j := range in { // want `this goroutine ranges over in, which is never closed`
		select {
		case out <- j:
		case <-ctx.Done():
		}
	}
}

func startForward(ctx context.Context, todo []Job) {
	in, out := make(chan Job), make(chan Job, len(todo))
	go forward(ctx, in, out)
	for _, j := range todo {
		in <- j
	}
}
