// Package testwait is for tests that wait for something to happen: they
// wait for a condition, never for a duration, and give up only shortly
// before the test binary's own deadline (go test -timeout), so a loaded
// machine makes them slower, never wrong, and a real failure still ends
// with a message rather than go test's panic.
package testwait

import (
	"testing"
	"time"
)

// Deadline is shortly before the test binary's own deadline, or five
// minutes from now when the test has none.
func Deadline(t testing.TB) time.Time {
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if deadline, ok := d.Deadline(); ok {
			return deadline.Add(-5 * time.Second)
		}
	}
	return time.Now().Add(5 * time.Minute)
}
