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

// The slow subscriber never reads: its buffer fills up, and it must miss
// the rest instead of holding up the publisher and the fast subscriber, not
// even for a moment: on the fake clock, every Publish returns at once. A
// buffer of 0 means no room at all: only a subscriber waiting to receive
// gets the message.
func TestASlowSubscriberNeverBlocksThePublisher(t *testing.T) {
	for _, buffer := range []int{0, 1, 2, 4} {
		t.Run(fmt.Sprintf("buffer=%d", buffer), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				h := NewHub()
				slowCh, unsubscribeSlow := h.Subscribe(buffer)
				fastCh, unsubscribeFast := h.Subscribe(buffer)
				fast := read(t, fastCh)
				synctest.Wait() // the fast subscriber is waiting for a message

				var delivered, want []int
				var ticks []string
				for i := range 6 {
					ticks = append(ticks, fmt.Sprintf("tick %d", i+1))
					delivered = append(delivered, h.Publish(ticks[i]))
					if took := time.Since(start); took != 0 {
						t.Fatalf("Publish %d returned %v after the start, want at once: Publish must never wait for a subscriber", i+1, took)
					}
					synctest.Wait()
					want = append(want, 1+min(1, max(0, buffer-i)))
				}
				unsubscribeSlow()
				unsubscribeFast()
				if !fast.wait(t, "the fast subscriber") {
					return
				}

				if !slices.Equal(delivered, want) {
					t.Errorf("Publish returned %v, want %v (the slow subscriber's buffer is full after %d)", delivered, want, buffer)
				}
				if !slices.Equal(fast.got, ticks) {
					t.Errorf("the fast subscriber got %q, want %q", fast.got, ticks)
				}
				var slow []string
				for m := range slowCh {
					slow = append(slow, m)
				}
				if want := ticks[:buffer]; !slices.Equal(slow, want) {
					t.Errorf("the slow subscriber got %q, want %q (what fit in its buffer of %d)", slow, want, buffer)
				}
			})
		})
	}
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
