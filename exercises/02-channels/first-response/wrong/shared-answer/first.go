//go:build accent

// Package firstresponse asks several replicas the same question and keeps
// the first answer.
package firstresponse

import (
	"errors"
	"sync"
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
	// Wrong: every replica writes its answer to one variable, and the first
	// to finish closes done. First reads the variable after done is closed,
	// but the losers go on writing it, with nothing ordering their writes
	// against that read: a data race, and sometimes a loser's answer.
	var (
		answer string
		once   sync.Once
		done   = make(chan struct{})
	)
	for _, ask := range replicas {
		go func() {
			answer = ask(query)
			once.Do(func() { close(done) })
		}()
	}
	select {
	case <-done:
		return answer, nil
	case <-time.After(timeout):
		return "", ErrTimeout
	}
}
