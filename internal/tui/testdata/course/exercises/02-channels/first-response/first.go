//go:build accent

// Package firstresponse asks several replicas the same question and keeps
// the first answer.
package firstresponse

import (
	"errors"
	"time"
)

// ErrTimeout is returned by First when no replica answers in time.
var ErrTimeout = errors.New("no replica answered in time")

// A Replica answers a query. It takes as long as it takes and cannot be
// interrupted.
type Replica func(query string) string

// First asks every replica the query at the same time and returns the first
// answer as soon as it arrives, or ErrTimeout once timeout has passed without
// one. It must not leave a goroutine behind: the replicas that lose the race
// still finish, and then they must be able to exit.
func First(query string, replicas []Replica, timeout time.Duration) (string, error) {
	// Port Promise.race / asyncio.wait(FIRST_COMPLETED) / invokeAny here:
	// see the files in from/.
	return "", nil
}
