package future

import (
	"context"
	"testing"
)

// A test that feeds a fake server step by step: if the fake had stopped,
// the test would hang where it sends, which the test run shows. Quiet.
type fakeStream struct{ resp chan int }

func (f *fakeStream) serve(ctx context.Context) {
	for {
		select {
		case v := <-f.resp:
			_ = v
		case <-ctx.Done():
			return
		}
	}
}

func TestFeed(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fakeStream{resp: make(chan int)}
	go f.serve(ctx)
	f.resp <- 1
	f.resp <- 2
}

// A suite method test, a helper only tests call, and a test goroutine that
// listens until the test ends. Quiet.
type suite struct{}

type fakeBalancer struct{ fallback chan struct{} }

func (b *fakeBalancer) balance(ctx context.Context) {
	for {
		select {
		case <-b.fallback:
		case <-ctx.Done():
			return
		}
	}
}

func (b *fakeBalancer) fallbackNow() { b.fallback <- struct{}{} }

func (suite) TestFallback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := &fakeBalancer{fallback: make(chan struct{})}
	go b.balance(ctx)
	b.fallbackNow()
	b.fallback <- struct{}{}
}

type listener struct{ reports chan int }

func (l *listener) OnReport(r int) { l.reports <- r }

func TestListen(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := &listener{reports: make(chan int)}
	go func() {
		for {
			select {
			case r := <-l.reports:
				t.Log(r)
			case <-ctx.Done():
				return
			}
		}
	}()
	var sink interface{ OnReport(int) } = l
	_ = sink
}
