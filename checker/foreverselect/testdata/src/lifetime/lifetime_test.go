package lifetime

import (
	"os"
	"testing"
	"time"
)

// TestMain's goroutines live as long as the test binary.
func TestMain(m *testing.M) {
	go func() {
		for {
			time.Sleep(time.Second)
			sweep()
		}
	}()
	os.Exit(m.Run())
}

// A test helper's goroutine that never exits still leaks, one per test.
func startSweeper(t *testing.T) {
	t.Helper()
	go func() {
		for { // want `sleep-and-poll loop has no way out`
			time.Sleep(time.Millisecond)
			sweep()
		}
	}()
}

func TestSweep(t *testing.T) {
	startSweeper(t)
}
