package a

import (
	"testing"
	"time"
)

// Tests compare with == on purpose: they assert that two values are
// identical, location and monotonic reading included.
func TestRoundTrip(t *testing.T) {
	want := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	got := want.UTC()
	if got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}
