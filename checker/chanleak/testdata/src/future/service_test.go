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
