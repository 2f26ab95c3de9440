package tui

import (
	"testing"
	"time"
)

// testDeadline is shortly before the test binary's own deadline (go test
// -timeout): waits that give up there make a loaded machine slower, never
// wrong, and still fail with a message rather than a hang.
func testDeadline(t *testing.T) time.Time {
	deadline, ok := t.Deadline()
	if !ok {
		return time.Now().Add(5 * time.Minute)
	}
	return deadline.Add(-5 * time.Second)
}

// waitLimit is how long a wait may last from now: until testDeadline.
func waitLimit(t *testing.T) time.Duration {
	return time.Until(testDeadline(t))
}
