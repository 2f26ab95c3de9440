// Package shown formats errors with %v in messages that are only shown,
// and errors that may be nil, beside their twins that are returned.
package shown

import (
	"errors"
	"fmt"
	"log"
	"testing"
)

func load() error { return errors.New("no") }

// Printed, logged, panicked: nothing inspects the cause.
func shownOnly(t *testing.T, logger *log.Logger) {
	err := load()
	if err != nil {
		log.Println(fmt.Errorf("load: %v", err))
		logger.Printf("%v", fmt.Errorf("load: %v", err))
		t.Error(fmt.Errorf("load: %v", err))
		msg := fmt.Errorf("load: %v", err)
		log.Print(msg)
		panic(fmt.Errorf("load: %v", err))
	}
}

// May be nil: %w of nil prints %!w(<nil>), so %v is the right verb.
func lastError(tries int) error {
	var last error
	for range tries {
		if last = load(); last == nil {
			return nil
		}
	}
	return fmt.Errorf("gave up after %d tries (last error: %v)", tries, last)
}

// The twins: returned, and known not to be nil.
func returned() error {
	err := load()
	if err != nil {
		return fmt.Errorf("load: %v", err) // want `fmt\.Errorf formats err with %v`
	}
	return nil
}

func returnedAfterGuard() error {
	err := load()
	if err == nil {
		return nil
	}
	return fmt.Errorf("load: %v", err) // want `fmt\.Errorf formats err with %v`
}

func returnedCall() error {
	return fmt.Errorf("load: %v", load()) // want `fmt\.Errorf formats load\(\) with %v`
}

func keptAndReturned() error {
	if err := load(); err != nil {
		wrapped := fmt.Errorf("load: %v", err) // want `fmt\.Errorf formats err with %v`
		log.Print(wrapped)
		return wrapped
	}
	return nil
}

func inCase(err error) error {
	switch {
	case err != nil && err.Error() != "":
		return fmt.Errorf("load: %s", err) // want `fmt\.Errorf formats err with %s`
	}
	return nil
}
