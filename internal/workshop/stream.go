package workshop

import (
	"crypto/subtle"
	_ "embed"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// hub computes the room's snapshot when it changes (at most every
// SnapshotEvery) and hands it to every stream: one snapshot per change,
// however many boards and dashboards watch.
type hub struct {
	s    *Server
	mu   sync.Mutex
	subs map[chan []byte]struct{}
	last []byte
	quit chan struct{}
	done chan struct{}
}

func newHub(s *Server) *hub {
	h := &hub{s: s, subs: map[chan []byte]struct{}{}, quit: make(chan struct{}), done: make(chan struct{})}
	go h.run()
	return h
}

func (h *hub) run() {
	defer close(h.done)
	t := time.NewTicker(h.s.cfg.SnapshotEvery)
	defer t.Stop()
	var seen uint64
	// Stuck and idle change with time alone: refresh at least every 10s.
	var lastSent time.Time
	for {
		select {
		case <-h.quit:
			return
		case <-t.C:
		}
		v := h.s.room.Version()
		if v == seen && time.Since(lastSent) < 10*time.Second {
			continue
		}
		h.mu.Lock()
		n := len(h.subs)
		h.mu.Unlock()
		if n == 0 {
			continue
		}
		seen, lastSent = v, time.Now()
		b, err := jsonLine(h.s.room.Snapshot(h.s.cfg.Now(), h.s.cfg.Stuck))
		if err != nil {
			h.s.cfg.Logger.Error("snapshot", "err", err)
			continue
		}
		h.publish(b)
	}
}

// publish hands b to every subscriber, replacing a snapshot it has not
// taken yet: a slow board skips states, it never holds the others up.
func (h *hub) publish(b []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = b
	for ch := range h.subs {
		select {
		case <-ch:
		default:
		}
		ch <- b
	}
}

func (h *hub) subscribe() (chan []byte, func()) {
	ch := make(chan []byte, 1)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

func (h *hub) stop() {
	select {
	case <-h.quit:
	default:
		close(h.quit)
	}
	<-h.done
}

// handleStream is GET /v1/stream: server-sent events, one "room" event
// with the whole snapshot whenever the room changes. It takes the
// facilitator's bearer token, or the board key as ?key= (a browser's
// EventSource cannot send headers).
func (s *Server) handleStream(w http.ResponseWriter, r *http.Request) {
	tok := bearer(r)
	key := r.URL.Query().Get("key") // the board passes its key here
	switch {
	case tok != "" && s.isFacilitator(tok):
	case tok == "" && key != "" && constantEqual(HashToken(key), s.board):
	case tok == "" && key == "":
		writeError(w, http.StatusUnauthorized, "missing bearer token or board key")
		return
	default:
		if _, ok := s.room.Participant(tok); ok {
			writeError(w, http.StatusForbidden, "a participant token cannot read the room")
			return
		}
		writeError(w, http.StatusUnauthorized, "wrong token or board key")
		return
	}
	if !s.allow("stream:"+clientIP(r), 5, 20, w) {
		return
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	ch, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	first, err := jsonLine(s.room.Snapshot(s.cfg.Now(), s.cfg.Stuck))
	if err != nil {
		return
	}
	send := func(b []byte) bool {
		if _, err := fmt.Fprintf(w, "event: room\ndata: %s\n", b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(first) {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.quit:
			return
		case b := <-ch:
			if !send(b) {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

//go:embed board.html
var boardHTML []byte

// handleBoard serves the room board: a static page whose script reads the
// key from its own address and follows /v1/stream. It holds no data and
// no secret itself.
func (s *Server) handleBoard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
	w.Header().Set("Referrer-Policy", "no-referrer")
	_, _ = w.Write(boardHTML) //accent:ignore errignored the client went away; nothing to tell it
}

func constantEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
