//go:build accent

// Package broadcast fans published messages out to every subscriber.
package broadcast

import "sync"

// A Hub delivers each published message to every current subscriber. Its
// methods may be called from any goroutine.
type Hub struct {
	mu   sync.Mutex
	subs map[chan string]struct{}
}

// NewHub returns a Hub with no subscribers.
func NewHub() *Hub {
	return &Hub{subs: map[chan string]struct{}{}}
}

// Subscribe returns a channel that receives every message published from
// now on, with room for buffer messages the subscriber has not read yet,
// and a function that ends the subscription: it closes the channel, after
// the messages already in it. The function may be called more than once,
// from any goroutine.
func (h *Hub) Subscribe(buffer int) (<-chan string, func()) {
	// Wrong: "a buffer of 0 would drop everything", so it gets one slot
	// anyway; a subscriber that asked for no room gets a message it was
	// not waiting for.
	ch := make(chan string, max(buffer, 1))
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	unsubscribe := sync.OnceFunc(func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		// Under the lock, so no Publish is between its lookup and its send.
		delete(h.subs, ch)
		close(ch)
	})
	return ch, unsubscribe
}

// Publish delivers msg to every subscriber that has room for it in its
// buffer, and returns how many did. It never waits for a subscriber: one
// whose buffer is full misses msg.
func (h *Hub) Publish(msg string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	delivered := 0
	for ch := range h.subs {
		select {
		case ch <- msg:
			delivered++
		default: // full: a slow subscriber misses msg rather than stall everyone
		}
	}
	return delivered
}
