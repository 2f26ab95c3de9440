//go:build accent

package broadcast

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// reader is a subscriber that ranges over its channel in its own goroutine
// and keeps what it receives. It also gives up when the test ends, so an
// unsubscribe that does not close the channel fails the test rather than
// leaving the goroutine behind.
type reader struct {
	got  []string
	done chan struct{}
}

func read(t *testing.T, ch <-chan string) *reader {
	r := &reader{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for {
			select {
			case m, ok := <-ch:
				if !ok {
					return
				}
				r.got = append(r.got, m)
			case <-t.Context().Done():
				return
			}
		}
	}()
	return r
}

// wait waits for the reader's loop to end, which it does when its channel
// is closed, and reports whether it did.
func (r *reader) wait(t *testing.T, who string) bool {
	t.Helper()
	select {
	case <-r.done:
		return true
	case <-time.After(time.Hour):
		t.Errorf("%s unsubscribed, but its loop over the channel is still waiting for the next message an hour later: unsubscribe must close the channel", who)
		return false
	}
}

func TestEverySubscriberGetsEveryMessage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := NewHub()
		var readers []*reader
		var unsubs []func()
		for range 3 {
			ch, unsubscribe := h.Subscribe(4)
			readers = append(readers, read(t, ch))
			unsubs = append(unsubs, unsubscribe)
		}

		msgs := []string{"deploy started", "deploy finished", "cache cleared"}
		for _, m := range msgs {
			if n := h.Publish(m); n != 3 {
				t.Errorf("Publish(%q) = %d, want 3 (every subscriber had room)", m, n)
			}
			synctest.Wait() // the readers take it
		}
		for i, unsubscribe := range unsubs {
			unsubscribe()
			if !readers[i].wait(t, fmt.Sprintf("subscriber %d", i+1)) {
				return
			}
		}

		for i, r := range readers {
			if !slices.Equal(r.got, msgs) {
				t.Errorf("subscriber %d got %q, want %q", i+1, r.got, msgs)
			}
		}
	})
}

// The slow subscriber never reads: its buffer of 2 fills up, and it must
// miss the rest instead of holding up the publisher and the fast subscriber.
func TestASlowSubscriberNeverBlocksThePublisher(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := NewHub()
		slowCh, unsubscribeSlow := h.Subscribe(2)
		fastCh, unsubscribeFast := h.Subscribe(2)
		fast := read(t, fastCh)

		var delivered []int
		for i := range 5 {
			delivered = append(delivered, h.Publish(fmt.Sprintf("tick %d", i+1)))
			synctest.Wait()
		}
		unsubscribeSlow()
		unsubscribeFast()
		if !fast.wait(t, "the fast subscriber") {
			return
		}

		if want := []int{2, 2, 1, 1, 1}; !slices.Equal(delivered, want) {
			t.Errorf("Publish returned %v, want %v (the slow subscriber's buffer is full after two)", delivered, want)
		}
		if want := []string{"tick 1", "tick 2", "tick 3", "tick 4", "tick 5"}; !slices.Equal(fast.got, want) {
			t.Errorf("the fast subscriber got %q, want %q", fast.got, want)
		}
		var slow []string
		for m := range slowCh {
			slow = append(slow, m)
		}
		if want := []string{"tick 1", "tick 2"}; !slices.Equal(slow, want) {
			t.Errorf("the slow subscriber got %q, want %q (what fit in its buffer)", slow, want)
		}
	})
}

func TestUnsubscribeClosesTheChannelAfterWhatIsInIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := NewHub()
		ch, unsubscribe := h.Subscribe(4)
		h.Publish("one")
		h.Publish("two")

		unsubscribe()
		r := read(t, ch)
		if !r.wait(t, "the subscriber") {
			return
		}

		if want := []string{"one", "two"}; !slices.Equal(r.got, want) {
			t.Errorf("after unsubscribe, the channel gave %q before it closed, want %q", r.got, want)
		}
	})
}

func TestPublishAfterUnsubscribeReachesNobody(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := NewHub()
		_, unsubscribeA := h.Subscribe(1)
		chB, unsubscribeB := h.Subscribe(1)
		unsubscribeA()

		if n := h.Publish("after A left"); n != 1 {
			t.Errorf("Publish with one subscriber left = %d, want 1", n)
		}
		unsubscribeB()
		unsubscribeB() // twice: harmless
		if n := h.Publish("after both left"); n != 0 {
			t.Errorf("Publish with no subscribers left = %d, want 0", n)
		}
		if m := <-chB; m != "after A left" {
			t.Errorf("B received %q, want %q", m, "after A left")
		}
	})
}

func TestSubscribersComeAndGoWhileOthersPublish(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := NewHub()
		var wg sync.WaitGroup
		for p := range 3 {
			wg.Go(func() {
				for i := range 50 {
					h.Publish(fmt.Sprintf("publisher %d: %d", p, i))
					time.Sleep(time.Millisecond)
				}
			})
		}
		for range 10 {
			wg.Go(func() {
				for range 5 {
					ch, unsubscribe := h.Subscribe(1)
					r := read(t, ch)
					time.Sleep(7 * time.Millisecond)
					// From two goroutines at once: the channel is closed
					// once, and nothing panics.
					var both sync.WaitGroup
					both.Go(unsubscribe)
					both.Go(unsubscribe)
					both.Wait()
					if !r.wait(t, "a subscriber") {
						return
					}
				}
			})
		}
		wg.Wait()
	})
}
