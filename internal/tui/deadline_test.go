package tui

import (
	"testing"
	"time"

	"github.com/accent-go/accent/internal/testwait"
)

// testDeadline is shortly before the test binary's own deadline.
func testDeadline(t *testing.T) time.Time { return testwait.Deadline(t) }

// waitLimit is how long a wait may last from now: until testDeadline.
func waitLimit(t *testing.T) time.Duration {
	return time.Until(testDeadline(t))
}
