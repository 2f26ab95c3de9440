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
	// Wrong: the losers exit because a send that would block is dropped.
	// So is the answer of a replica that replies before First reaches its
	// select (a cache hit): First then times out with the answer lost.
	answers := make(chan string)
	for _, ask := range replicas {
		go func() {
			answer := ask(query)
			select {
			case answers <- answer:
			default:
			}
		}()
	}
	select {
	case answer := <-answers:
		return answer, nil
	case <-time.After(timeout):
		return "", ErrTimeout
	}
}
