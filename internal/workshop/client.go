package workshop

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/renameio/v2"
)

// Notice is something the server said, for the participant's workbench.
type Notice struct {
	Message *Message // a facilitator's broadcast
	Opened  string   // an exercise the facilitator just opened
	Err     string   // the client cannot reach or join the room (it keeps trying)
	Joined  string   // joined as this name
	Session bool     // the session's exercises or the opened ones changed: see Client.Session
}

// ClientConfig configures a participant's client.
type ClientConfig struct {
	Server string // HOST:PORT or a URL
	Code   string // the join code
	Name   string
	Dir    string // where the token and the queue of unsent events are kept

	HTTP      *http.Client     // default: 5s timeout
	Now       func() time.Time // default time.Now
	PollEvery time.Duration    // how often to ask for messages (default 3s)
	MaxWait   time.Duration    // longest backoff when the server is away (default 30s)
}

// Client sends a participant's events to the workshop server. Report only
// writes the event to a local queue file (fsynced), so nothing the learner
// does waits on the network; Run sends the queue in order, in batches,
// again and again until the server has it, and fetches broadcasts.
type Client struct {
	cfg         ClientConfig
	facilitator bool // the plumbing of a Facilitator: errors say nothing of a queue
	base        *url.URL
	wake        chan struct{}
	notices     chan Notice

	mu    sync.Mutex
	state clientState
	queue []Event // events not yet acknowledged, in seq order
	qf    *os.File
	err   string
}

// clientState is kept in DIR/client.json.
type clientState struct {
	Server      string   `json:"server"`
	Code        string   `json:"code"`
	Name        string   `json:"name"`
	Token       string   `json:"token,omitempty"`
	Participant string   `json:"participant,omitempty"`
	NextSeq     int64    `json:"next_seq"`
	Acked       int64    `json:"acked"`
	LastMessage int      `json:"last_message"`
	Opened      []string `json:"opened,omitempty"`
	Exercises   []string `json:"exercises,omitempty"` // the session's exercises, in the facilitator's order
	Removed     bool     `json:"removed,omitempty"`   // the facilitator removed this participant: send nothing more
	JoinID      string   `json:"join_id,omitempty"`   // sent with every join, so a join sent again is the same participant
	Refused     string   `json:"refused,omitempty"`   // the room refused the join (a wrong code, a full room): why; nothing is queued
}

const (
	clientFile = "client.json"
	queueFile  = "queue.jsonl"
)

// ParseServer turns HOST:PORT (or a URL) into the server's base URL.
func ParseServer(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("no server address: give HOST:PORT, as accent workshop serve printed it")
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("%q is not HOST:PORT or an http(s) URL", clip(s, 60))
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	return u, nil
}

// NewClient opens the participant's queue in cfg.Dir (kept across runs:
// the token, the next seq and the unsent events).
func NewClient(cfg ClientConfig) (*Client, error) {
	base, err := ParseServer(cfg.Server)
	if err != nil {
		return nil, err
	}
	if cfg.Name = SanitizeName(cfg.Name); cfg.Name == "" {
		return nil, errors.New("--name is empty: give the name the facilitator will see")
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 5 * time.Second}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PollEvery <= 0 {
		cfg.PollEvery = 3 * time.Second
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 30 * time.Second
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", cfg.Dir, err)
	}
	c := &Client{cfg: cfg, base: base, wake: make(chan struct{}, 1), notices: make(chan Notice, 32)}
	if err := c.load(); err != nil {
		return nil, err
	}
	// Another room, code or name: join again, but keep unsent events.
	if c.state.Server != base.String() || !strings.EqualFold(c.state.Code, cfg.Code) || c.state.Name != cfg.Name {
		c.state.Token, c.state.Participant, c.state.LastMessage, c.state.Opened, c.state.Exercises = "", "", 0, nil, nil
		c.state.Server, c.state.Code, c.state.Name = base.String(), cfg.Code, cfg.Name
		c.state.JoinID, c.state.Removed, c.state.Refused = "", false, ""
	}
	if c.state.JoinID == "" {
		// Saved before the first join is sent: if the answer is lost, the
		// next try is recognised as the same participant.
		id, err := randomToken()
		if err != nil {
			return nil, err
		}
		c.state.JoinID = id[:32]
		if err := c.saveState(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// OpenClient opens the client of a workshop joined earlier (by NewClient)
// in dir; it returns an error matching fs.ErrNotExist if there is none.
func OpenClient(dir string) (*Client, error) {
	b, err := os.ReadFile(filepath.Join(dir, clientFile))
	if err != nil {
		return nil, err
	}
	var st clientState
	if err := json.Unmarshal(b, &st); err != nil || st.Server == "" || st.Name == "" {
		return nil, fmt.Errorf("%s is damaged; join again with accent --join", filepath.Join(dir, clientFile))
	}
	return NewClient(ClientConfig{Server: st.Server, Code: st.Code, Name: st.Name, Dir: dir})
}

// Info says which room the client reports to, as whom.
type Info struct {
	Server, Code, Name, Participant string
}

// Info returns the room and name the client reports to.
func (c *Client) Info() Info {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Info{Server: c.base.Host, Code: c.state.Code, Name: c.state.Name, Participant: c.state.Participant}
}

// Session is the session as last heard from the room: its code, its
// exercises in the facilitator's order and the opened ones (no messages).
// Before the room first answers, its exercises are empty.
func (c *Client) Session() Session {
	c.mu.Lock()
	defer c.mu.Unlock()
	code, err := normalizeCode(c.state.Code) // as the room prints it
	if err != nil {
		code = SanitizeName(c.state.Code)
	}
	if c.state.Refused != "" || c.state.Removed {
		return Session{Code: code}
	}
	return Session{Code: code, Exercises: slices.Clone(c.state.Exercises), Opened: slices.Clone(c.state.Opened)}
}

// RefreshSession asks the room for its session (exercises and opened
// ones; messages stay for the workbench to show) and keeps it: for
// one-shot commands, which do not poll.
func (c *Client) RefreshSession(ctx context.Context) error {
	if err := c.join(ctx); err != nil {
		return err
	}
	c.mu.Lock()
	token := c.state.Token
	c.mu.Unlock()
	var s Session
	if err := c.do(ctx, "GET", "/v1/session?after="+strconv.Itoa(math.MaxInt32), token, nil, &s); err != nil {
		return err
	}
	s = cleanSession(s)
	c.mu.Lock()
	changed := !slices.Equal(s.Opened, c.state.Opened) || !slices.Equal(s.Exercises, c.state.Exercises)
	c.state.Exercises, c.state.Opened = s.Exercises, s.Opened
	err := c.saveState()
	c.mu.Unlock()
	if changed {
		c.notify(Notice{Session: true})
	}
	return err
}

// Send joins if needed and sends the queue once: for one-shot commands
// that cannot leave Run going.
func (c *Client) Send(ctx context.Context) error {
	if err := c.join(ctx); err != nil {
		return err
	}
	return c.Flush(ctx)
}

func (c *Client) load() error {
	b, err := os.ReadFile(filepath.Join(c.cfg.Dir, clientFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("reading the workshop state: %w", err)
	default:
		if err := json.Unmarshal(b, &c.state); err != nil {
			// A damaged state only costs a new join; the queue is separate.
			c.state = clientState{}
		}
	}
	f, err := os.OpenFile(filepath.Join(c.cfg.Dir, queueFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("opening the workshop queue: %w", err)
	}
	var good int64
	bad := 0
	br := bufio.NewReader(f)
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			break // EOF, or a torn last line: dropped below
		}
		good += int64(len(line))
		var e Event
		if json.Unmarshal(line, &e) != nil || e.validate() != nil {
			// Skip only this line: the events around it still go.
			bad++
			continue
		}
		if e.Seq > c.state.Acked && (len(c.queue) == 0 || e.Seq > c.queue[len(c.queue)-1].Seq) {
			c.queue = append(c.queue, e)
		}
		c.state.NextSeq = max(c.state.NextSeq, e.Seq)
	}
	if bad > 0 {
		c.notify(Notice{Err: fmt.Sprintf("skipped %d damaged line(s) of the workshop queue %s; the other events will be sent", bad, filepath.Join(c.cfg.Dir, queueFile))})
	}
	if err := f.Truncate(good); err != nil {
		f.Close()
		return fmt.Errorf("repairing the workshop queue: %w", err)
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		f.Close()
		return fmt.Errorf("opening the workshop queue: %w", err)
	}
	c.qf = f
	return nil
}

func (c *Client) saveState() error {
	b, err := json.MarshalIndent(c.state, "", "  ")
	if err != nil {
		return err
	}
	if err := renameio.WriteFile(filepath.Join(c.cfg.Dir, clientFile), b, 0o600); err != nil {
		return fmt.Errorf("saving the workshop state: %w", err)
	}
	return nil
}

// Report queues an event (its Seq and At are set here) and wakes the
// sender. It fails only if the queue cannot be written to disk.
func (c *Client) Report(e Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.qf == nil {
		return errors.New("the workshop client is closed")
	}
	if c.state.Removed || c.state.Refused != "" {
		return nil // nothing goes to a room that removed or refused us
	}
	if e.At.IsZero() {
		e.At = c.cfg.Now().UTC().Truncate(time.Millisecond)
	}
	e.Seq = c.state.NextSeq + 1
	if err := e.validate(); err != nil {
		return fmt.Errorf("a workshop event the room would refuse: %w", err)
	}
	c.state.NextSeq++
	line, err := jsonLine(e)
	if err != nil {
		return err
	}
	if _, err := c.qf.Write(line); err != nil {
		return fmt.Errorf("queueing a workshop event: %w", err)
	}
	if err := c.qf.Sync(); err != nil {
		return fmt.Errorf("queueing a workshop event: %w", err)
	}
	c.queue = append(c.queue, e)
	select {
	case c.wake <- struct{}{}:
	default:
	}
	return nil
}

// Pending is the number of events not yet acknowledged by the server.
func (c *Client) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.queue)
}

// Notices delivers what the server says; the workbench shows them.
func (c *Client) Notices() <-chan Notice { return c.notices }

func (c *Client) notify(n Notice) {
	select {
	case c.notices <- n:
	default: // nobody is reading fast enough: drop, the state is polled again
	}
}

// Close closes the queue file. Unsent events stay in it for next time.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.qf == nil {
		return nil
	}
	err := c.qf.Close()
	c.qf = nil
	return err
}

// Run sends queued events and polls for broadcasts until ctx ends. When
// the server is out of reach it waits longer each time (up to MaxWait).
func (c *Client) Run(ctx context.Context) {
	var wait time.Duration
	var nextPoll time.Time
	for {
		err := c.join(ctx)
		if err == nil {
			err = c.Flush(ctx)
		}
		if err == nil && !time.Now().Before(nextPoll) {
			if err = c.poll(ctx); err == nil {
				nextPoll = time.Now().Add(c.cfg.PollEvery)
			}
		}
		if ctx.Err() != nil {
			return
		}
		c.setErr(err)
		var until time.Duration
		var ra retryAfterError
		switch {
		case errors.As(err, &ra):
			until = ra.d
		case err != nil:
			wait = min(max(2*wait, time.Second), c.cfg.MaxWait)
			until = wait
		default:
			wait = 0
			until = time.Until(nextPoll)
		}
		t := time.NewTimer(until)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-c.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

func (c *Client) setErr(err error) {
	c.mu.Lock()
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	changed := msg != c.err
	c.err = msg
	c.mu.Unlock()
	if changed && msg != "" {
		c.notify(Notice{Err: msg})
	}
}

// Err is the last problem reaching the room, or "".
func (c *Client) Err() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

type retryAfterError struct{ d time.Duration }

func (e retryAfterError) Error() string { return "the server asks to slow down" }

// statusError is a non-2xx answer.
type statusError struct {
	code int
	msg  string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("the workshop server answered %d: %s", e.code, e.msg)
}

func (c *Client) do(ctx context.Context, method, path, token string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.cfg.HTTP.Do(req)
	if err != nil {
		if c.facilitator {
			return fmt.Errorf("the workshop server at %s is out of reach: %w", c.base.Host, err)
		}
		return fmt.Errorf("the workshop server at %s is out of reach (your work goes on; events wait in a queue): %w", c.base.Host, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("reading the workshop server's answer: %w", err)
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After")) //accent:ignore errignored a missing header means one second
		return retryAfterError{time.Duration(max(secs, 1)) * time.Second}
	}
	if resp.StatusCode/100 != 2 {
		var e struct{ Error string }
		_ = json.Unmarshal(b, &e) //accent:ignore errignored a body that is not our JSON leaves the status alone
		// The server's words reach a terminal: no escapes, no control characters.
		return &statusError{resp.StatusCode, cmp.Or(SanitizeText(e.Error, 300), http.StatusText(resp.StatusCode))}
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return fmt.Errorf("the workshop server's answer is not JSON: %w", err)
		}
	}
	return nil
}

// RefusedError says the room refused the join: a wrong join code, a full
// room. Trying again cannot help; joining with another code can.
type RefusedError struct {
	Server string // HOST:PORT
	Reason string // the server's words
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("the workshop at %s refused you: %s", e.Server, e.Reason)
}

// Join joins the room now, if not joined yet: the workbench calls it once
// at --join, so that a wrong code is an error the learner sees at once. A
// room that refuses the join returns a *RefusedError, and from then on the
// client queues nothing and sends nothing (until it is made again with
// another code). A room out of reach returns its error; Run tries again.
func (c *Client) Join(ctx context.Context) error { return c.join(ctx) }

// join gets a token the first time (or after the server forgot it).
func (c *Client) join(ctx context.Context) error {
	c.mu.Lock()
	has, removed, joinID, refused := c.state.Token != "", c.state.Removed, c.state.JoinID, c.state.Refused
	c.mu.Unlock()
	if removed {
		return ErrRemoved
	}
	if refused != "" {
		return &RefusedError{Server: c.base.Host, Reason: refused}
	}
	if has {
		return nil
	}
	var resp JoinResponse
	err := c.do(ctx, "POST", "/v1/join", "", JoinRequest{Code: c.cfg.Code, Name: c.cfg.Name, Client: joinID}, &resp)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusForbidden && se.msg != ErrRemoved.Error() {
		// Refused: drop what waits for this room, queue nothing more.
		c.mu.Lock()
		defer c.mu.Unlock()
		c.state.Refused, c.queue = se.msg, nil
		if c.qf != nil {
			if terr := c.qf.Truncate(0); terr != nil {
				return fmt.Errorf("emptying the workshop queue: %w", terr)
			}
			if _, serr := c.qf.Seek(0, io.SeekStart); serr != nil {
				return fmt.Errorf("emptying the workshop queue: %w", serr)
			}
		}
		c.state.Acked = c.state.NextSeq
		if serr := c.saveState(); serr != nil {
			return serr
		}
		return &RefusedError{Server: c.base.Host, Reason: se.msg}
	}
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.state.Token, c.state.Participant = resp.Token, SanitizeName(resp.Participant)
	changed := false
	if resp.Exercises != nil { // a server before the session was in the answer sends none: the first poll brings it
		s := cleanSession(Session{Exercises: resp.Exercises, Opened: resp.Opened})
		changed = !slices.Equal(s.Exercises, c.state.Exercises) || !slices.Equal(s.Opened, c.state.Opened)
		c.state.Exercises, c.state.Opened = s.Exercises, s.Opened
	}
	err = c.saveState()
	c.mu.Unlock()
	c.notify(Notice{Joined: SanitizeName(resp.Name)})
	if changed {
		c.notify(Notice{Session: true})
	}
	return err
}

// Flush sends the queue, batch by batch, until it is empty or sending fails.
func (c *Client) Flush(ctx context.Context) error {
	for {
		c.mu.Lock()
		batch := slices.Clone(c.queue[:min(len(c.queue), MaxBatch)])
		token := c.state.Token
		c.mu.Unlock()
		if len(batch) == 0 {
			return nil
		}
		if token == "" {
			return errors.New("not joined yet")
		}
		var resp EventsResponse
		err := c.do(ctx, "POST", "/v1/events", token, Batch{Events: batch}, &resp)
		var se *statusError
		switch {
		case errors.As(err, &se) && se.code == http.StatusForbidden && se.msg == ErrRemoved.Error():
			// The facilitator removed us: never join again behind their back.
			c.mu.Lock()
			c.state.Removed, c.state.Token = true, ""
			c.queue = nil
			if err := c.saveState(); err != nil {
				c.mu.Unlock()
				return err
			}
			c.mu.Unlock()
			return ErrRemoved
		case errors.As(err, &se) && se.code == http.StatusUnauthorized:
			// The server no longer knows us (a new room): join again.
			c.mu.Lock()
			c.state.Token = ""
			c.mu.Unlock()
			return err
		case errors.As(err, &se) && se.code == http.StatusBadRequest && badEvent(se.msg, batch) != nil:
			// One event the room will never take: drop it alone, send the rest.
			e := badEvent(se.msg, batch)
			c.notify(Notice{Err: "the room refused one event (" + string(e.Kind) + " on " + e.Exercise + "): " + se.msg})
			if err := c.drop(e.Seq); err != nil {
				return err
			}
			continue
		case errors.As(err, &se) && (se.code == http.StatusBadRequest || se.code == http.StatusRequestEntityTooLarge):
			// Sending it again cannot help: drop this batch, say so.
			c.notify(Notice{Err: "the room refused " + strconv.Itoa(len(batch)) + " events: " + se.msg})
		case err != nil:
			return err
		}
		if err := c.ack(batch[len(batch)-1].Seq); err != nil {
			return err
		}
	}
}

// badEvent is the event of batch that the server's 400 message names
// ("events[3]: ..."), or nil.
func badEvent(msg string, batch []Event) *Event {
	m := badEventRE.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	i, err := strconv.Atoi(m[1])
	if err != nil || i < 0 || i >= len(batch) {
		return nil
	}
	return &batch[i]
}

var badEventRE = regexp.MustCompile(`^events\[(\d+)\]: `)

// drop removes one event from the queue. The queue file keeps its line
// until the queue is empty; at the next start the line is acknowledged
// already, or refused again.
func (c *Client) drop(seq int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queue = slices.DeleteFunc(c.queue, func(e Event) bool { return e.Seq == seq })
	if len(c.queue) == 0 {
		c.state.Acked = max(c.state.Acked, seq)
		if err := c.saveState(); err != nil {
			return err
		}
	}
	return nil
}

// ack drops acknowledged events; once all are, the queue file is emptied.
func (c *Client) ack(seq int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state.Acked = max(c.state.Acked, seq)
	c.queue = slices.DeleteFunc(c.queue, func(e Event) bool { return e.Seq <= c.state.Acked })
	if err := c.saveState(); err != nil {
		return err
	}
	if len(c.queue) == 0 && c.qf != nil {
		if err := c.qf.Truncate(0); err != nil {
			return fmt.Errorf("emptying the workshop queue: %w", err)
		}
		if _, err := c.qf.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("emptying the workshop queue: %w", err)
		}
	}
	return nil
}

// cleanSession keeps of what a server sent only what is safe to print: a
// participant cannot trust a server over plain HTTP, so messages lose
// control characters and escape sequences, and exercise ids that are not
// ids are dropped.
func cleanSession(s Session) Session {
	ids := func(in []string) []string {
		out := []string{}
		for _, id := range in {
			if exerciseRE.MatchString(id) && len(id) <= 100 {
				out = append(out, id)
			}
		}
		return out
	}
	s.Code = SanitizeName(s.Code)
	s.Exercises, s.Opened = ids(s.Exercises), ids(s.Opened)
	msgs := make([]Message, 0, len(s.Messages))
	for _, m := range s.Messages {
		if m.Text = SanitizeText(m.Text, 280); m.Text != "" {
			msgs = append(msgs, m)
		}
	}
	s.Messages = msgs
	return s
}

// poll fetches new broadcasts and newly opened exercises.
func (c *Client) poll(ctx context.Context) error {
	c.mu.Lock()
	token, after := c.state.Token, c.state.LastMessage
	c.mu.Unlock()
	var s Session
	if err := c.do(ctx, "GET", "/v1/session?after="+strconv.Itoa(after), token, nil, &s); err != nil {
		return err
	}
	s = cleanSession(s)
	c.mu.Lock()
	var opened []string
	for _, ex := range s.Opened {
		if !slices.Contains(c.state.Opened, ex) {
			opened = append(opened, ex)
		}
	}
	first := c.state.Opened == nil
	changed := !slices.Equal(s.Opened, c.state.Opened) || !slices.Equal(s.Exercises, c.state.Exercises)
	c.state.Opened = append([]string{}, s.Opened...)
	c.state.Exercises = append([]string{}, s.Exercises...)
	for _, m := range s.Messages {
		c.state.LastMessage = max(c.state.LastMessage, m.ID)
	}
	err := c.saveState()
	c.mu.Unlock()
	for _, m := range s.Messages {
		c.notify(Notice{Message: &m})
	}
	if !first {
		for _, ex := range opened {
			c.notify(Notice{Opened: ex})
		}
	} else if len(s.Opened) > 0 {
		c.notify(Notice{Opened: s.Opened[len(s.Opened)-1]})
	}
	if changed {
		c.notify(Notice{Session: true})
	}
	return err
}
