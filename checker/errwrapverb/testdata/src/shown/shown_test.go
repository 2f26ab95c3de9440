package shown

import (
	"fmt"
	"os"
	"testing"
)

// A test's errors go to t.Fatal to be read: the default mode leaves them.
func TestOpen(t *testing.T) {
	errs := make(chan error, 1)
	go func() {
		if _, err := os.Open("x"); err != nil {
			errs <- fmt.Errorf("open: %v", err)
			return
		}
		errs <- nil
	}()
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
}
