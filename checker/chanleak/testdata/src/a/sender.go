// Package a holds goroutines that send a single result, ported from
// Promise.race, asyncio.wait_for and Future.get(timeout).
package a

import (
	"context"
	"errors"
	"time"
)

type Page struct{ Body string }

func download(url string) *Page { return &Page{Body: url} }

// Promise.race([download(url), timeout(d)]) ported to Go.

func fetchTimeout(url string, d time.Duration) (*Page, error) {
	ch := make(chan *Page)
	go func() {
		ch <- download(url) // want `goroutine started at line 19 sends on ch, but fetchTimeout can return at line 26 \(when the select at line 22 takes another case\) without receiving from it: the send blocks forever; give ch a buffer of 1 or select on ctx.Done\(\) in the sender`
	}()
	select {
	case p := <-ch:
		return p, nil
	case <-time.After(d):
		return nil, errors.New("timeout")
	}
}

func fetchTimeoutBuffered(url string, d time.Duration) (*Page, error) {
	ch := make(chan *Page, 1)
	go func() {
		ch <- download(url)
	}()
	select {
	case p := <-ch:
		return p, nil
	case <-time.After(d):
		return nil, errors.New("timeout")
	}
}

// asyncio.wait_for(task, timeout) with a context instead of a timer.

func fetchCtx(ctx context.Context, url string) (*Page, error) {
	ch := make(chan *Page)
	go func() { ch <- download(url) }() // want `sends on ch, but fetchCtx can return at line 52 .* give ch a buffer of 1`
	select {
	case p := <-ch:
		return p, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func fetchCtxSenderSelects(ctx context.Context, url string) (*Page, error) {
	ch := make(chan *Page)
	go func() {
		select {
		case ch <- download(url):
		case <-ctx.Done():
		}
	}()
	select {
	case p := <-ch:
		return p, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// An error path returns before the receive.

func validate(url string) error {
	if url == "" {
		return errors.New("empty url")
	}
	return nil
}

func fetchThenValidate(url string) (*Page, error) {
	done := make(chan *Page)
	go func() { done <- download(url) }() // want `sends on done, but fetchThenValidate can return at line 85 without receiving from it`
	if err := validate(url); err != nil {
		return nil, err
	}
	return <-done, nil
}

func fetchThenValidateEveryPath(url string) (*Page, error) {
	done := make(chan *Page)
	go func() { done <- download(url) }()
	if err := validate(url); err != nil {
		<-done
		return nil, err
	}
	return <-done, nil
}

// A named function started as a goroutine, with the channel as parameter.

func produce(url string, out chan<- *Page) {
	out <- download(url) // want `goroutine started at line 108 sends on out, but fetchWorker can return at line 110`
}

func fetchWorker(ctx context.Context, url string) *Page {
	out := make(chan *Page)
	go produce(url, out)
	if ctx.Err() != nil {
		return nil
	}
	return <-out
}

func produce2(url string, out chan<- *Page) {
	out <- download(url)
}

func fetchWorkerAlwaysReceives(ctx context.Context, url string) *Page {
	out := make(chan *Page)
	go produce2(url, out)
	p := <-out
	if ctx.Err() != nil {
		return nil
	}
	return p
}

// The channel escapes: whoever gets it may receive.

func FetchAsync(url string) <-chan *Page {
	ch := make(chan *Page)
	go func() { ch <- download(url) }()
	return ch
}

func consume(ch <-chan *Page) { <-ch }

func fetchHandsOff(url string, d time.Duration) error {
	ch := make(chan *Page)
	go func() { ch <- download(url) }()
	select {
	case <-ch:
		return nil
	case <-time.After(d):
		go consume(ch) // another goroutine drains it
		return errors.New("timeout")
	}
}
