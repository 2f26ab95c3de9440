package a

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Promise.race / Promise.any: the first of several results wins, and the
// other senders are left behind.

func fastest(urls []string) *Page {
	ch := make(chan *Page)
	for _, u := range urls {
		go func() {
			ch <- download(u) // want `goroutine started at line 16 sends on ch, but fastest can return at line 20 without receiving from it: the send blocks forever; select on ctx.Done\(\) in the senders, or receive from ch until every sender is done`
		}()
	}
	return <-ch
}

func fastestBuffered(urls []string) *Page {
	ch := make(chan *Page, len(urls))
	for _, u := range urls {
		go func() {
			ch <- download(u)
		}()
	}
	return <-ch
}

func raceTwo(a, b string) *Page {
	ch := make(chan *Page)
	go func() { ch <- download(a) }() // want `give ch a buffer of 2`
	go func() { ch <- download(b) }() // want `give ch a buffer of 2`
	return <-ch
}

func raceTwoBuffered(a, b string) *Page {
	ch := make(chan *Page, 2)
	go func() { ch <- download(a) }()
	go func() { ch <- download(b) }()
	return <-ch
}

func raceTwoBothReceived(a, b string) (*Page, *Page) {
	ch := make(chan *Page)
	go func() { ch <- download(a) }()
	go func() { ch <- download(b) }()
	return <-ch, <-ch
}

// Promise.all with a fail-fast loop: returning on the first error leaves
// the remaining workers blocked.

func check(url string) error { return validate(url) }

func checkAll(urls []string) error {
	errc := make(chan error)
	for _, u := range urls {
		go func() { errc <- check(u) }() // want `sends on errc, but checkAll can return at line 66 without receiving from it`
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func checkAllBuffered(urls []string) error {
	errc := make(chan error, len(urls))
	for _, u := range urls {
		go func() { errc <- check(u) }()
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func checkAllDrained(urls []string) error {
	errc := make(chan error)
	for _, u := range urls {
		go func() { errc <- check(u) }()
	}
	var first error
	for range urls {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// A worker pool whose results are collected until the collector closes
// the channel, with an early return from the range.

func collect(urls []string) ([]*Page, error) {
	results := make(chan *Page)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- download(u) // want `sends on results, but collect can return at line 119 without receiving from it`
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var pages []*Page
	for p := range results {
		if p == nil {
			return nil, errors.New("no page")
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func collectAll(urls []string) []*Page {
	results := make(chan *Page)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- download(u)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var pages []*Page
	for p := range results {
		pages = append(pages, p)
	}
	return pages
}

// A for-select collector: the ctx.Done() case leaves the senders behind;
// leaving after the last expected value does not.

func gather(ctx context.Context, urls []string) ([]*Page, error) {
	results := make(chan *Page)
	for _, u := range urls {
		go func() { results <- download(u) }() // want `sends on results, but gather can return at line 164 \(when the select at line 157 takes another case\)`
	}
	var pages []*Page
	for {
		select {
		case p := <-results:
			pages = append(pages, p)
			if len(pages) == len(urls) {
				return pages, nil
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func gatherUntilDone(urls []string) []*Page {
	results := make(chan *Page)
	for _, u := range urls {
		go func() { results <- download(u) }()
	}
	var pages []*Page
	for {
		p := <-results
		pages = append(pages, p)
		if len(pages) == len(urls) {
			return pages
		}
	}
}

func gatherSendersSelect(ctx context.Context, urls []string) ([]*Page, error) {
	results := make(chan *Page)
	for _, u := range urls {
		go func() {
			select {
			case results <- download(u):
			case <-ctx.Done():
			}
		}()
	}
	var pages []*Page
	for {
		select {
		case p := <-results:
			pages = append(pages, p)
			if len(pages) == len(urls) {
				return pages, nil
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// A loop that makes a fresh channel each round and moves on without it.

func poll(stop chan bool) {
	for {
		done := make(chan bool)
		go func() { done <- true }() // want `sends on done, but poll can return at line 216`
		select {
		case <-stop:
			return
		case <-done:
		}
	}
}

func pollSkip(d time.Duration) {
	for {
		done := make(chan bool)
		go func() { done <- true }() // want `sends on done, but pollSkip can loop back to line 224 and make a new channel \(when the select at line 226 takes another case\) without receiving from it`
		select {
		case <-done:
		case <-time.After(d):
		}
	}
}

func pollDrained(stop chan bool) {
	for {
		done := make(chan bool, 1)
		go func() { done <- true }()
		select {
		case <-stop:
			return
		case <-done:
		}
	}
}

// A loop with a constant trip count starts a known number of senders.

func pair() {
	c := make(chan bool)
	for p := 0; p < 2; p++ {
		go func() { c <- true }()
	}
	<-c
	<-c
}

func pairOneReceive() {
	c := make(chan bool)
	for range 2 {
		go func() { c <- true }() // want `sends on c, but pairOneReceive can return at line 262 without receiving from it: the send blocks forever; give c a buffer of 2`
	}
	<-c
}

// A select on another channel of the same function follows a local
// protocol: the handler signals gotReq before sawClose.

func handshake(gotReq, sawClose chan bool) {}

func protocol() {
	gotReq := make(chan bool)
	sawClose := make(chan bool)
	diec := make(chan bool)
	go handshake(gotReq, sawClose)
	go func() {
		<-diec
	}()
	for {
		select {
		case <-gotReq:
			diec <- true
		case <-sawClose:
			return
		}
	}
}

func protocolCtx(ctx context.Context) {
	gotReq := make(chan bool)
	diec := make(chan bool)
	go handshake(gotReq, nil)
	go func() {
		<-diec // want `goroutine started at line 291 receives from diec, but protocolCtx can return at line 299 \(when the select at line 295 takes another case\) without sending to or closing it`
	}()
	for {
		select {
		case <-gotReq:
			diec <- true
		case <-ctx.Done():
			return
		}
	}
}

// Loops over an integer are rotated: the test before the first round
// skips the loop.

func sumN(n int) int {
	ch := make(chan int)
	for i := range n {
		go func() { ch <- i }()
	}
	sum := 0
	for range n {
		sum += <-ch
	}
	return sum
}

func firstErrN(n int) error {
	errc := make(chan error)
	for range n {
		go func() { errc <- check("") }() // want `sends on errc, but firstErrN can return at line 326 without receiving from it`
	}
	for range n {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Only the goroutine that finds the answer sends: one receive serves it.

func findOwner(keys []string, want string) string {
	found := make(chan string)
	for _, k := range keys {
		go func() {
			if k == want {
				found <- k
			}
		}()
	}
	return <-found
}

// A send on a closed channel panics rather than blocks.
func sendAfterClose() {
	ch := make(chan struct{})
	close(ch)
	ch <- struct{}{}
}

// The goroutine receives until it gets the value it waits for.

func waitForTrue(done chan bool) {
	for {
		if <-done {
			return
		}
	}
}

func stopWaiter() {
	done := make(chan bool)
	go waitForTrue(done)
	done <- true
}

// ExecutorService.invokeAny(tasks, timeout): the first success wins; on
// timeout, or once a winner returns, the other tasks are left behind.

type result struct {
	page *Page
	err  error
}

func invokeAny(tasks []func() (*Page, error), d time.Duration) (*Page, error) {
	results := make(chan result)
	for _, task := range tasks {
		go func() {
			p, err := task()
			results <- result{p, err} // want `goroutine started at line 380 sends on results, but invokeAny can return at line 389 \(when the select at line 387 takes another case\) without receiving from it`
		}()
	}
	timeout := time.After(d)
	for range tasks {
		select {
		case <-timeout:
			return nil, errors.New("timeout")
		case r := <-results:
			if r.err == nil {
				return r.page, nil
			}
		}
	}
	return nil, errors.New("all tasks failed")
}

func invokeAnyBuffered(tasks []func() (*Page, error), d time.Duration) (*Page, error) {
	results := make(chan result, len(tasks))
	for _, task := range tasks {
		go func() {
			p, err := task()
			results <- result{p, err}
		}()
	}
	timeout := time.After(d)
	for range tasks {
		select {
		case <-timeout:
			return nil, errors.New("timeout")
		case r := <-results:
			if r.err == nil {
				return r.page, nil
			}
		}
	}
	return nil, errors.New("all tasks failed")
}
