package workshop

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Files in the server's data directory.
const (
	LogFile          = "room.log"          // the room: every join, event, open and message
	FacilitatorToken = "facilitator.token" // the facilitator's bearer token (mode 0600)
	BoardKey         = "board.key"         // the read-only key of the room board (mode 0600)
)

// DefaultMaxParticipants is the room's size unless Config says otherwise:
// a workshop is 10 to 100 people; this leaves room for rejoins.
const DefaultMaxParticipants = 500

// Config configures a workshop server.
type Config struct {
	DataDir   string   // where the log and tokens live
	Code      string   // the join code; "" keeps the room's, or makes a random one
	Exercises []string // the session's exercises, in order; nil keeps the room's
	Stuck     Stuck
	Now       func() time.Time // default time.Now

	// Per-token request rates (per second) and bursts; zero means the defaults.
	ParticipantRate, FacilitatorRate   rate.Limit
	ParticipantBurst, FacilitatorBurst int
	// SnapshotEvery is how often the room stream checks for changes (default 250ms).
	SnapshotEvery time.Duration
	// MaxStreams caps the room streams open at once (boards and dashboards;
	// default 64); StreamWriteTimeout is how long one write to a stream may
	// take before the reader is dropped as too slow (default 10s).
	MaxStreams         int
	StreamWriteTimeout time.Duration
	// MaxParticipants caps the room (default DefaultMaxParticipants); joins
	// past it are refused.
	MaxParticipants int
	// JoinRate and JoinBurst limit joins for the whole room, whatever
	// address they come from (default 10 per second, burst 200: a room of
	// 200 joins at once).
	JoinRate  rate.Limit
	JoinBurst int
	Logger    *slog.Logger // default: discard
}

// Server is the facilitator's server. It is an http.Handler.
type Server struct {
	cfg         Config
	room        *Room
	log         *Log
	facilitator string // sha256 of the facilitator token
	board       string // sha256 of the board key
	mux         *http.ServeMux

	joinMu   sync.Mutex // one join at a time: ids are sequential
	partMu   sync.Mutex
	partLock map[string]*sync.Mutex // per participant: one batch at a time

	limMu    sync.Mutex
	limiters map[string]*rate.Limiter

	hub *hub
	// Notice is set when opening the room repaired something (a torn line).
	Notice string
}

// Open opens the room in cfg.DataDir, creating it and its tokens the first
// time, and replays its log.
func Open(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ParticipantRate == 0 {
		cfg.ParticipantRate, cfg.ParticipantBurst = 10, 30
	}
	if cfg.FacilitatorRate == 0 {
		cfg.FacilitatorRate, cfg.FacilitatorBurst = 50, 100
	}
	if cfg.SnapshotEvery <= 0 {
		cfg.SnapshotEvery = 250 * time.Millisecond
	}
	if cfg.MaxStreams <= 0 {
		cfg.MaxStreams = 64
	}
	if cfg.StreamWriteTimeout <= 0 {
		cfg.StreamWriteTimeout = 10 * time.Second
	}
	if cfg.MaxParticipants <= 0 {
		cfg.MaxParticipants = DefaultMaxParticipants
	}
	if cfg.JoinRate == 0 {
		cfg.JoinRate, cfg.JoinBurst = 10, 200
	}
	if cfg.Code != "" {
		code, err := normalizeCode(cfg.Code)
		if err != nil {
			return nil, err
		}
		cfg.Code = code
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the data directory: %w", err)
	}
	fac, err := loadOrCreateSecret(filepath.Join(cfg.DataDir, FacilitatorToken))
	if err != nil {
		return nil, err
	}
	board, err := loadOrCreateSecret(filepath.Join(cfg.DataDir, BoardKey))
	if err != nil {
		return nil, err
	}
	rm := NewRoom()
	l, records, notice, err := OpenLog(filepath.Join(cfg.DataDir, LogFile), rm.Apply)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, room: rm, log: l, facilitator: HashToken(fac), board: HashToken(board),
		partLock: map[string]*sync.Mutex{}, limiters: map[string]*rate.Limiter{}, Notice: notice,
	}
	for _, rec := range records {
		if err := s.room.Apply(rec); err != nil {
			return nil, errors.Join(fmt.Errorf("replaying the room log: %w", err), l.Close())
		}
	}
	// A room record when the code or the exercises change (or are new).
	code := cmp.Or(cfg.Code, s.room.Code())
	if code == "" {
		if code, err = randomCode(); err != nil {
			l.Close()
			return nil, err
		}
	}
	exs := cfg.Exercises
	if exs == nil {
		exs = s.room.Session(0).Exercises
	}
	if code != s.room.Code() || !slices.Equal(exs, s.room.Session(0).Exercises) {
		if err := s.append(Record{Type: RoomRecord, At: cfg.Now(), Code: code, Exercises: exs}); err != nil {
			l.Close()
			return nil, err
		}
		if len(s.room.Session(0).Opened) == 0 && len(exs) > 0 {
			if err := s.append(Record{Type: OpenRecord, At: cfg.Now(), Exercise: exs[0]}); err != nil {
				l.Close()
				return nil, err
			}
		}
	}
	s.hub = newHub(s)
	s.routes()
	return s, nil
}

// Room is the room's live state.
func (s *Server) Room() *Room { return s.room }

// Code is the join code.
func (s *Server) Code() string { return s.room.Code() }

// StopStreams ends every GET /v1/stream, so an http.Server's Shutdown
// does not wait for boards that never hang up.
func (s *Server) StopStreams() { s.hub.stop() }

// Close stops the room stream and closes the log.
func (s *Server) Close() error {
	s.hub.stop()
	return s.log.Close()
}

// append writes recs to the log, in order and in one write; the log
// applies them to the room, in file order, before it returns.
func (s *Server) append(recs ...Record) error {
	return s.log.Append(recs...)
}

func (s *Server) routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/join", s.handleJoin)
	mux.HandleFunc("POST /v1/events", s.participantOnly(s.handleEvents))
	mux.HandleFunc("GET /v1/session", s.participantOnly(s.handleSession))
	mux.HandleFunc("GET /v1/room", s.facilitatorOnly(s.handleRoom))
	mux.HandleFunc("POST /v1/open", s.facilitatorOnly(s.handleOpen))
	mux.HandleFunc("POST /v1/broadcast", s.facilitatorOnly(s.handleBroadcast))
	mux.HandleFunc("POST /v1/remove", s.facilitatorOnly(s.handleRemove))
	mux.HandleFunc("GET /v1/stream", s.handleStream)
	mux.HandleFunc("GET /board", s.handleBoard)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/board", http.StatusFound)
	})
	s.mux = mux
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if r.ContentLength > MaxBodyBytes {
		// Refuse from the header, before reading: the body is never asked
		// for (no "100 Continue"), and the client reads the 413 instead of
		// a reset connection. A chunked body over the limit is stopped by
		// MaxBytesReader in the handler, and answered 413 the same way.
		w.Header().Set("Connection", "close")
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", MaxBodyBytes))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// --- authentication and limits

type ctxKey struct{}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(h, "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

func (s *Server) isFacilitator(token string) bool {
	return token != "" && subtle.ConstantTimeCompare([]byte(HashToken(token)), []byte(s.facilitator)) == 1
}

func (s *Server) participantOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := bearer(r)
		if tok == "" {
			writeError(w, http.StatusUnauthorized, "missing bearer token: join first (POST /v1/join)")
			return
		}
		id, ok := s.room.Participant(tok)
		if !ok {
			if s.room.Removed(tok) {
				writeError(w, http.StatusForbidden, ErrRemoved.Error())
				return
			}
			if s.isFacilitator(tok) {
				writeError(w, http.StatusForbidden, "this needs a participant token, not the facilitator's")
				return
			}
			writeError(w, http.StatusUnauthorized, "unknown token: join again (POST /v1/join)")
			return
		}
		if !s.allow("p:"+id, s.cfg.ParticipantRate, s.cfg.ParticipantBurst, w) {
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, id)))
	}
}

func (s *Server) facilitatorOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := bearer(r)
		switch {
		case tok == "":
			writeError(w, http.StatusUnauthorized, "missing bearer token: use the facilitator token from "+FacilitatorToken)
			return
		case !s.isFacilitator(tok):
			if _, ok := s.room.Participant(tok); ok {
				writeError(w, http.StatusForbidden, "a participant token cannot do this")
				return
			}
			writeError(w, http.StatusUnauthorized, "wrong token")
			return
		}
		if !s.allow("facilitator", s.cfg.FacilitatorRate, s.cfg.FacilitatorBurst, w) {
			return
		}
		h(w, r)
	}
}

// allow applies the per-token rate limit, answering 429 when it is spent.
func (s *Server) allow(key string, limit rate.Limit, burst int, w http.ResponseWriter) bool {
	s.limMu.Lock()
	l := s.limiters[key]
	if l == nil {
		l = rate.NewLimiter(limit, burst)
		s.limiters[key] = l
	}
	s.limMu.Unlock()
	if l.Allow() {
		return true
	}
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, "too many requests: slow down (at most "+strconv.FormatFloat(float64(limit), 'g', -1, 64)+" per second)")
	return false
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// readJSON reads a bounded JSON body into v, answering 413 or 400.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	err := decodeStrict(r.Body, v)
	return bodyError(w, err)
}

// bodyError answers a body's decoding error, if any, and reports whether
// there was none.
func bodyError(w http.ResponseWriter, err error) bool {
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", MaxBodyBytes))
		return false
	}
	writeError(w, http.StatusBadRequest, err.Error())
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) //accent:ignore errignored the client went away; nothing to tell it
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// --- handlers

// JoinRequest is the body of POST /v1/join.
type JoinRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Client is a random id the participant's client keeps (optional): a
	// join sent again after its answer was lost (a timeout, a dropped
	// connection) gets the same participant, with a new token, instead of
	// a second row for the same person.
	Client string `json:"client,omitempty"`
}

// JoinResponse answers it.
type JoinResponse struct {
	Token       string `json:"token"`
	Participant string `json:"participant"`
	Name        string `json:"name"` // the name as the room shows it
}

func (s *Server) handleJoin(w http.ResponseWriter, r *http.Request) {
	// Per address: a room behind one NAT joins at once, so be generous;
	// and for the whole room, so many addresses cannot flood it.
	if !s.allow("join:"+clientIP(r), 20, 60, w) || !s.allow("join", s.cfg.JoinRate, s.cfg.JoinBurst, w) {
		return
	}
	var req JoinRequest
	if !readJSON(w, r, &req) {
		return
	}
	code, _ := normalizeCode(req.Code) //accent:ignore errignored a malformed code is simply a wrong one
	if subtle.ConstantTimeCompare([]byte(code), []byte(s.room.Code())) != 1 {
		writeError(w, http.StatusForbidden, "wrong join code")
		return
	}
	name := SanitizeName(req.Name)
	if !Visible(name) {
		writeError(w, http.StatusBadRequest, `"name" has no visible letter, digit or sign once control characters, invisible characters and markup are removed`)
		return
	}
	tok, err := randomToken()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	client := req.Client
	if len(client) > 64 || strings.ContainsFunc(client, func(r rune) bool { return r <= ' ' || r > '~' }) {
		writeError(w, http.StatusBadRequest, `"client" must be at most 64 printable ASCII characters`)
		return
	}
	s.joinMu.Lock()
	id, again := s.room.ByClient(client)
	switch {
	case again:
		// The same client joining again: its earlier answer was lost.
	case s.room.RemovedClient(client):
		s.joinMu.Unlock()
		writeError(w, http.StatusForbidden, ErrRemoved.Error())
		return
	case s.room.Len() >= s.cfg.MaxParticipants:
		s.joinMu.Unlock()
		writeError(w, http.StatusForbidden, fmt.Sprintf("the room is full (%d participants); ask the facilitator", s.cfg.MaxParticipants))
		return
	default:
		id = "p" + strconv.Itoa(s.room.Joined()+1)
	}
	err = s.append(Record{Type: JoinRecord, At: s.cfg.Now(), Participant: id, Name: name, TokenHash: HashToken(tok), Client: client})
	s.joinMu.Unlock()
	if err != nil {
		s.cfg.Logger.Error("join", "err", err)
		writeError(w, http.StatusServiceUnavailable, "the server could not record the join; try again")
		return
	}
	writeJSON(w, http.StatusOK, JoinResponse{Token: tok, Participant: id, Name: name})
}

// EventsResponse answers POST /v1/events.
type EventsResponse struct {
	Accepted   int   `json:"accepted"`
	Duplicates int   `json:"duplicates"` // already recorded (a batch sent again)
	Ignored    int   `json:"ignored"`    // on exercises that are not the session's: acknowledged, not recorded
	LastSeq    int64 `json:"last_seq"`
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	id := r.Context().Value(ctxKey{}).(string)
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	b, err := DecodeBatch(r.Body)
	if !bodyError(w, err) {
		return
	}
	mu := s.participantLock(id)
	mu.Lock()
	defer mu.Unlock()
	now := s.cfg.Now()
	exercises := s.room.Session(0).Exercises
	var recs []Record
	ignored := 0
	for i := range b.Events {
		if s.room.HasSeq(id, b.Events[i].Seq) {
			continue
		}
		if !slices.Contains(exercises, b.Events[i].Exercise) {
			// Work outside the session is the learner's own: the room
			// keeps only the session's exercises, so it stays bounded.
			ignored++
			continue
		}
		recs = append(recs, Record{Type: EventRecord, At: now, Participant: id, Event: &b.Events[i]})
	}
	if err := s.append(recs...); err != nil {
		s.cfg.Logger.Error("events", "err", err)
		writeError(w, http.StatusServiceUnavailable, "the server could not record the events; send them again")
		return
	}
	writeJSON(w, http.StatusOK, EventsResponse{Accepted: len(recs), Ignored: ignored, Duplicates: len(b.Events) - len(recs) - ignored, LastSeq: max(s.room.LastSeq(id), b.Events[len(b.Events)-1].Seq)})
}

func (s *Server) participantLock(id string) *sync.Mutex {
	s.partMu.Lock()
	defer s.partMu.Unlock()
	mu := s.partLock[id]
	if mu == nil {
		mu = &sync.Mutex{}
		s.partLock[id] = mu
	}
	return mu
}

func (s *Server) handleSession(w http.ResponseWriter, r *http.Request) {
	after, _ := strconv.Atoi(r.URL.Query().Get("after")) //accent:ignore errignored a missing or bad "after" means from the start
	writeJSON(w, http.StatusOK, s.room.Session(after))
}

// handleRoom answers with the snapshot the streams share: encoded once per
// change (and at least every second, for the times in it), always the
// room as it is now.
func (s *Server) handleRoom(w http.ResponseWriter, r *http.Request) {
	f, err := s.hub.current(time.Second, true)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(f.json)
}

// OpenRequest is the body of POST /v1/open.
type OpenRequest struct {
	Exercise string `json:"exercise"`
}

func (s *Server) handleOpen(w http.ResponseWriter, r *http.Request) {
	var req OpenRequest
	if !readJSON(w, r, &req) {
		return
	}
	if !slices.Contains(s.room.Session(0).Exercises, req.Exercise) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("%q is not one of the session's exercises", clip(req.Exercise, 60)))
		return
	}
	if slices.Contains(s.room.Session(0).Opened, req.Exercise) {
		writeJSON(w, http.StatusOK, s.room.Session(0)) // open already: nothing to record
		return
	}
	if err := s.append(Record{Type: OpenRecord, At: s.cfg.Now(), Exercise: req.Exercise}); err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, s.room.Session(0))
}

// ErrRemoved is what a removed participant's client is told.
var ErrRemoved = errors.New("the facilitator removed you from the room: nothing more is sent (accent workshop leave forgets the room)")

// RemoveRequest is the body of POST /v1/remove.
type RemoveRequest struct {
	Participant string `json:"participant"`
}

// handleRemove takes a participant out of the room: their row goes, their
// token stops working, and their id is never given again.
func (s *Server) handleRemove(w http.ResponseWriter, r *http.Request) {
	var req RemoveRequest
	if !readJSON(w, r, &req) {
		return
	}
	s.joinMu.Lock()
	defer s.joinMu.Unlock()
	if !s.room.Has(req.Participant) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no participant %q in the room (ids are p1, p2...: see the dashboard)", clip(req.Participant, 20)))
		return
	}
	if err := s.append(Record{Type: RemoveRecord, At: s.cfg.Now(), Participant: req.Participant}); err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"removed": req.Participant})
}

// BroadcastRequest is the body of POST /v1/broadcast.
type BroadcastRequest struct {
	Text string `json:"text"`
}

func (s *Server) handleBroadcast(w http.ResponseWriter, r *http.Request) {
	var req BroadcastRequest
	if !readJSON(w, r, &req) {
		return
	}
	text := SanitizeText(req.Text, 280)
	if text == "" {
		writeError(w, http.StatusBadRequest, `"text" is empty`)
		return
	}
	if err := s.append(Record{Type: BroadcastRecord, At: s.cfg.Now(), Text: text}); err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	msgs := s.room.Session(0).Messages
	writeJSON(w, http.StatusOK, msgs[len(msgs)-1])
}

// --- secrets and codes

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("making a token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// codeAlphabet has no 0/O, 1/I/L: codes are read aloud and off projectors.
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

func randomCode() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("making a join code: %w", err)
	}
	out := make([]byte, 0, 9)
	for i, c := range b {
		if i == 4 {
			out = append(out, '-')
		}
		out = append(out, codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return string(out), nil
}

// normalizeCode upper-cases a code and checks it is 4 to 32 letters,
// digits and dashes.
func normalizeCode(code string) (string, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 4 || len(code) > 32 {
		return "", fmt.Errorf("join code %q: use 4 to 32 letters, digits and dashes", clip(code, 40))
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return "", fmt.Errorf("join code %q: use 4 to 32 letters, digits and dashes", clip(code, 40))
		}
	}
	return code, nil
}

// loadOrCreateSecret reads a token file, or writes a new random token to
// it with mode 0600.
func loadOrCreateSecret(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		tok := strings.TrimSpace(string(b))
		if len(tok) < 32 {
			return "", fmt.Errorf("%s holds no valid token (delete it to make a new one)", path)
		}
		return tok, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	tok, err := randomToken()
	if err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := io.WriteString(f, tok+"\n"); err != nil {
		f.Close()
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return tok, nil
}

// ReadSecret reads the facilitator token (or board key) from a data directory.
func ReadSecret(dataDir, name string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, name))
	if err != nil {
		return "", fmt.Errorf("reading the %s: %w (is %s the server's --data directory?)", name, err, dataDir)
	}
	return strings.TrimSpace(string(b)), nil
}
