package a

import (
	"context"
	"testing"
)

// Test files are skipped: fakes record the context they were given.
type fakeHandler struct{ ctx context.Context }

func (f *fakeHandler) handle(ctx context.Context) { f.ctx = ctx }

func (f *fakeHandler) check() error { return listen(f.ctx, "fake") }

func TestFake(t *testing.T) {
	f := &fakeHandler{}
	f.handle(t.Context())
	if err := f.check(); err != nil {
		t.Fatal(err)
	}
}
