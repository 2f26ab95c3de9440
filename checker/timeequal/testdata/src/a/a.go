// Package a holds the timeequal cases, each reported case beside a silent
// twin.
package a

import (
	"fmt"
	"time"
)

type event struct {
	At   time.Time
	Name string
}

func equal(t, u time.Time, e event, p, q *time.Time, ts []time.Time) {
	if t == u { // want `== on time\.Time compares the wall clock, the monotonic clock reading and the \*time\.Location, so the same instant can compare unequal: write t\.Equal\(u\)`
		fmt.Println("same")
	}
	if t.Equal(u) {
		fmt.Println("same")
	}

	if t != u { // want `!= on time\.Time compares .*: write !t\.Equal\(u\)`
		fmt.Println("different")
	}
	if !t.Equal(u) {
		fmt.Println("different")
	}

	same := e.At == time.Now().Truncate(time.Second) // want `write e\.At\.Equal\(time\.Now\(\)\.Truncate\(time\.Second\)\)`
	same = e.At.Equal(time.Now().Truncate(time.Second))

	same = *p == ts[0] // want `write \(\*p\)\.Equal\(ts\[0\]\)`
	same = (*p).Equal(ts[0])

	same = t.UTC() != (u) // want `write !t\.UTC\(\)\.Equal\(\(u\)\)`
	same = !t.UTC().Equal((u))
	_ = same

	// Pointers, structs and numbers are not time.Time values.
	_ = p == q
	_ = e == event{}
	_ = t.Unix() == u.Unix()
	_ = t.Sub(u) == 0
}

func zero(t time.Time, e event) bool {
	if t == (time.Time{}) { // want `comparing with time\.Time\{\} misses zero times that carry a \*time\.Location, such as time\.Time\{\}\.In\(loc\): write t\.IsZero\(\)`
		return false
	}
	if t.IsZero() {
		return false
	}
	if (time.Time{}) != e.At { // want `write !e\.At\.IsZero\(\)`
		return true
	}
	return !e.At.IsZero()
}

func switches(t time.Time, deadlines []time.Time) {
	switch t { // want `switch t compares time\.Time values with ==, which also compares the monotonic clock reading and the \*time\.Location: use a switch with no tag and cases such as t\.Equal\(u\)`
	case deadlines[0]:
		fmt.Println("first")
	}
	switch {
	case t.Equal(deadlines[0]):
		fmt.Println("first")
	}
}
