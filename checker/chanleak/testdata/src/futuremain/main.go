// Command futuremain is a migrant's program: in package main nothing
// outside can receive from an exported function's channel or an exported
// field, so the rules apply to them too.
package main

import (
	"fmt"
	"time"
)

func fetch(url string) string { return url }

// The Promise.race([fetch(), timeout()]) port.
func FetchAsync(url string) <-chan string {
	ch := make(chan string)
	go func() {
		ch <- fetch(url) // want `this send on ch blocks forever once main gives up: only main receives from it, and its <-time.After\(time.Second\) case at line 45 returns without receiving`
	}()
	return ch
}

type Job struct {
	Result chan int
}

func NewJob(f func() int) *Job {
	j := &Job{Result: make(chan int)}
	go func() { j.Result <- f() }() // want `this send on j.Result blocks forever once \(\*Job\).Wait gives up`
	return j
}

func (j *Job) Wait(d time.Duration) (int, bool) {
	select {
	case v := <-j.Result:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func main() {
	select {
	case page := <-FetchAsync("https://example.com"):
		fmt.Println(page)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	fmt.Println(NewJob(func() int { return 1 }).Wait(time.Second))
}
