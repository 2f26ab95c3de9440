package workshop

import (
	"bytes"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"
)

// hub computes the room's snapshot when it changes and encodes it once:
// every stream and every GET /v1/room shares the same bytes, however many
// boards and dashboards watch. Streams are capped; when the cap is reached
// the stream that is furthest behind is dropped to make room, and a slow
// reader never holds more than the frame it is writing and the newest one.
type hub struct {
	s *Server

	compute sync.Mutex // one snapshot computed at a time; callers share it
	mu      sync.Mutex
	subs    map[*sub]struct{}
	frame   *frame // the newest frame
	quit    chan struct{}
	done    chan struct{}

	computed int // snapshots computed and encoded (under compute)
}

// frame is one snapshot, encoded once.
type frame struct {
	version uint64
	at      time.Time // when it was computed (wall clock)
	json    []byte    // the snapshot as one line of JSON
	sse     []byte    // the same as a server-sent event
}

// sub is one stream.
type sub struct {
	ch     chan *frame   // the newest frame the stream has not taken yet
	kick   chan struct{} // closed when the stream is dropped
	behind time.Time     // when a frame first waited untaken; zero when caught up
	abort  func()        // ends a write in progress (set by the stream, under hub.mu)
}

func newHub(s *Server) *hub {
	h := &hub{s: s, subs: map[*sub]struct{}{}, quit: make(chan struct{}), done: make(chan struct{})}
	go h.run()
	return h
}

// current returns the newest frame, computing a new one when the room
// changed or the newest is older than maxAge (stuck and idle change with
// time alone). However many streams ask, a new frame is computed for them
// at most every gap: a big room is encoded less often (about 4 MB of
// snapshots a second at most), so neither the CPU nor the frames that
// slow readers still hold can pile up. fresh asks for the room as it is
// now (the facilitator's GET /v1/room reads its own writes).
func (h *hub) current(maxAge time.Duration, fresh bool) (*frame, error) {
	h.compute.Lock()
	defer h.compute.Unlock()
	h.mu.Lock()
	f := h.frame
	h.mu.Unlock()
	if f != nil {
		age := time.Since(f.at)
		same := f.version == h.s.room.Version()
		if same && age < maxAge || !fresh && age < h.gap(f) {
			return f, nil
		}
	}
	v := h.s.room.Version()
	// Encode once, straight into the event: the JSON is a slice of it.
	var buf bytes.Buffer
	if f != nil {
		buf.Grow(len(f.sse) + len(f.sse)/8)
	}
	buf.WriteString(sseRoom)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h.s.room.Snapshot(h.s.cfg.Now(), h.s.cfg.Stuck)); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	sse := buf.Bytes()
	f = &frame{version: v, at: time.Now(), json: sse[len(sseRoom) : len(sse)-1], sse: sse}
	h.computed++
	h.mu.Lock()
	h.frame = f
	h.mu.Unlock()
	return f, nil
}

const sseRoom = "event: room\ndata: "

// gap is the least time between two frames after f.
func (h *hub) gap(f *frame) time.Duration {
	return max(h.s.cfg.SnapshotEvery, time.Duration(len(f.sse))*time.Second/(4<<20))
}

func (h *hub) run() {
	defer close(h.done)
	t := time.NewTicker(h.s.cfg.SnapshotEvery)
	defer t.Stop()
	var sent *frame
	for {
		select {
		case <-h.quit:
			return
		case <-t.C:
		}
		h.mu.Lock()
		n := len(h.subs)
		h.mu.Unlock()
		if n == 0 {
			continue
		}
		f, err := h.current(10*time.Second, false)
		if err != nil {
			h.s.cfg.Logger.Error("snapshot", "err", err)
			continue
		}
		if f == sent {
			continue
		}
		sent = f
		h.publish(f)
	}
}

// publish hands f to every stream, replacing a frame it has not taken
// yet: a slow board skips states, it never holds the others up.
func (h *hub) publish(f *frame) {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	for sb := range h.subs {
		select {
		case <-sb.ch:
			if sb.behind.IsZero() {
				sb.behind = now
			}
		default:
		}
		sb.ch <- f
	}
}

// errStreamsFull says every stream slot is taken by a reader keeping up.
var errStreamsFull = errors.New("too many room streams are open: close a board or a dashboard")

// subscribe adds a stream. At the cap it drops the stream that has been
// behind the longest; if every stream keeps up, it refuses.
func (h *hub) subscribe() (*sub, func(), error) {
	sb := &sub{ch: make(chan *frame, 1), kick: make(chan struct{})}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.subs) >= h.s.cfg.MaxStreams {
		var slowest *sub
		for o := range h.subs {
			if !o.behind.IsZero() && (slowest == nil || o.behind.Before(slowest.behind)) {
				slowest = o
			}
		}
		if slowest == nil {
			return nil, nil, errStreamsFull
		}
		delete(h.subs, slowest)
		close(slowest.kick)
		if slowest.abort != nil {
			slowest.abort() // a write blocked on a reader that never reads ends now
		}
	}
	h.subs[sb] = struct{}{}
	return sb, func() {
		h.mu.Lock()
		delete(h.subs, sb)
		h.mu.Unlock()
	}, nil
}

// caughtUp marks sb as having taken the newest frame.
func (h *hub) caughtUp(sb *sub) {
	h.mu.Lock()
	if len(sb.ch) == 0 {
		sb.behind = time.Time{}
	}
	h.mu.Unlock()
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
	sb, unsubscribe, err := s.hub.subscribe()
	if err != nil {
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	defer unsubscribe()
	first, err := s.hub.current(10*time.Second, false)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	rc := http.NewResponseController(w)
	s.hub.mu.Lock()
	sb.abort = func() { _ = rc.SetWriteDeadline(time.Now()) } //accent:ignore errignored the stream is being dropped; a failure leaves only the usual deadline
	s.hub.mu.Unlock()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	// Every write must finish in time, or the reader is too slow to keep.
	write := func(b []byte) bool {
		if err := rc.SetWriteDeadline(time.Now().Add(s.cfg.StreamWriteTimeout)); err != nil {
			return false
		}
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	w.WriteHeader(http.StatusOK)
	if !write(first.sse) {
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
		case <-sb.kick:
			return
		case f := <-sb.ch:
			if f == first {
				continue // sent already
			}
			first = nil
			if !write(f.sse) {
				return
			}
			s.hub.caughtUp(sb)
		case <-ping.C:
			if !write([]byte(": ping\n\n")) {
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
	_, _ = w.Write(boardHTML)
}

func constantEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
