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
// one. It leaves no goroutine behind: the replicas that lose the race still
// finish, and their goroutines then exit.
func First(query string, replicas []Replica, timeout time.Duration) (string, error) {
	// Wrong: with nobody to ask, it fails at once instead of after the
	// timeout the caller gave it (a caller that retries in a loop then spins).
	if len(replicas) == 0 {
		return "", ErrTimeout
	}
	// Room for every answer: a replica's send never blocks, so the losers
	// exit even though nobody will ever receive what they send.
	answers := make(chan string, len(replicas))
	for _, ask := range replicas {
		go func() { answers <- ask(query) }()
	}
	select {
	case answer := <-answers:
		return answer, nil
	case <-time.After(timeout):
		return "", ErrTimeout
	}
}
