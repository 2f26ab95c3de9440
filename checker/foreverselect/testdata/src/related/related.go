// Package related holds foreverselect findings whose related positions
// the test checks: the go statement, and a Done case that does not return.
package related

import (
	"context"
	"time"
)

func Poll(ch <-chan int) {
	go func() { // related "the goroutine is started here"
		for { // want `this goroutine's for-select loop has no way out \(no return`
			select {
			case v := <-ch:
				_ = v
			case <-time.After(time.Second):
			}
		}
	}()
}

type Watcher struct{ events chan string }

func (w *Watcher) Start(ctx context.Context) {
	go w.loop(ctx) // related "the goroutine is started here"
}

func (w *Watcher) loop(ctx context.Context) {
	for { // want `its case <-ctx.Done\(\) does not return`
		select {
		case <-ctx.Done(): // related "this case does not return"
			w.events = nil
		case e := <-w.events:
			_ = e
		}
	}
}

// A loop in a function the goroutine calls: the go statement and the call.

func Sweep(sweep func()) {
	go func() { // related "the goroutine is started here"
		defer println("done")
		sweepLoop(sweep) // related "the goroutine calls sweepLoop here, and the call never returns"
	}()
}

func sweepLoop(sweep func()) {
	for { // want `sleep-and-poll loop has no way out`
		time.Sleep(time.Minute)
		sweep()
	}
}
