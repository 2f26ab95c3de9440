package a

import (
	"context"
	"testing"
)

// Test files are skipped: fakes and hooks ignore their context on purpose.
func fakeDial(ctx context.Context) error { return fetch(context.Background(), "fake") }

func TestFetch(t *testing.T) {
	if err := fakeDial(t.Context()); err != nil {
		t.Fatal(err)
	}
}
