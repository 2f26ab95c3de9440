package workshop

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Stuck says when a participant counts as stuck.
type Stuck struct {
	SameFailures int           // the same failure this many times in a row (default 3)
	SlowFactor   float64       // this many times the room's median time on the exercise (default 2)
	SlowMin      time.Duration // ...and at least this long on it (default 5m)
	Idle         time.Duration // no event for this long while work is left (default 10m)
	Window       time.Duration // findings count for "right now" this long (default 15m)
}

func (s Stuck) withDefaults() Stuck {
	if s.SameFailures <= 0 {
		s.SameFailures = 3
	}
	if s.SlowFactor <= 0 {
		s.SlowFactor = 2
	}
	if s.SlowMin <= 0 {
		s.SlowMin = 5 * time.Minute
	}
	if s.Idle <= 0 {
		s.Idle = 10 * time.Minute
	}
	if s.Window <= 0 {
		s.Window = 15 * time.Minute
	}
	return s
}

// Room is the state of a workshop, rebuilt from its log and kept current
// as records are appended. It is safe for concurrent use.
type Room struct {
	mu           sync.RWMutex
	code         string
	exercises    []string
	opened       []string
	messages     []Message
	participants map[string]*participant
	order        []string          // participant ids in join order
	joined       int               // participants who ever joined: ids are never reused
	byToken      map[string]string // sha256(token) -> participant id
	removed      map[string]bool   // sha256(token) of participants the facilitator removed
	byClient     map[string]string // the client id a participant joined with -> participant id
	goneClients  map[string]bool   // client ids of removed participants
	version      uint64            // bumped on every change
}

// Message is a facilitator's broadcast.
type Message struct {
	ID   int       `json:"id"`
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

type participant struct {
	id, name  string
	joined    time.Time
	lastSeen  time.Time
	lastSeq   int64
	seqs      seqSet // every seq recorded: duplicates are decided per seq
	current   string
	cells     map[string]*cell
	lastEvent Event
}

type cell struct {
	opened   time.Time
	attempts int
	hints    int
	status   string   // last verdict's status
	findings []string // last verdict's findings
	streak   int      // the same failing verdict this many times in a row
	passed   time.Time
	last     time.Time
}

// NewRoom returns an empty room.
func NewRoom() *Room {
	return &Room{participants: map[string]*participant{}, byToken: map[string]string{}, removed: map[string]bool{},
		byClient: map[string]string{}, goneClients: map[string]bool{}}
}

// HashToken is how a token is kept: never the token itself.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Apply folds one record into the room. It refuses a record of unknown
// type with an *UnknownRecordError, the room unchanged: a log that says
// something this room cannot follow is not silently half-read.
func (r *Room) Apply(rec Record) error {
	if !rec.Type.Known() {
		return &UnknownRecordError{rec.Type}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.version++
	switch rec.Type {
	case RoomRecord:
		r.code = rec.Code
		r.exercises = slices.Clone(rec.Exercises)
		r.opened = slices.DeleteFunc(r.opened, func(id string) bool { return !slices.Contains(r.exercises, id) })
	case OpenRecord:
		if !slices.Contains(r.opened, rec.Exercise) {
			r.opened = append(r.opened, rec.Exercise)
		}
	case BroadcastRecord:
		r.messages = append(r.messages, Message{ID: len(r.messages) + 1, At: rec.At, Text: rec.Text})
	case JoinRecord:
		p := &participant{id: rec.Participant, name: rec.Name, joined: rec.At, lastSeen: rec.At, cells: map[string]*cell{}}
		if old, ok := r.participants[rec.Participant]; ok {
			p = old // a rename
			p.name = rec.Name
		} else {
			r.participants[p.id] = p
			r.order = append(r.order, p.id)
			r.joined++
		}
		if rec.TokenHash != "" {
			r.byToken[rec.TokenHash] = p.id
		}
		if rec.Client != "" {
			r.byClient[rec.Client] = p.id
		}
	case RemoveRecord:
		if _, ok := r.participants[rec.Participant]; !ok {
			return nil
		}
		delete(r.participants, rec.Participant)
		r.order = slices.DeleteFunc(r.order, func(id string) bool { return id == rec.Participant })
		for h, id := range r.byToken {
			if id == rec.Participant {
				delete(r.byToken, h)
				r.removed[h] = true
			}
		}
		for c, id := range r.byClient {
			if id == rec.Participant {
				delete(r.byClient, c)
				r.goneClients[c] = true
			}
		}
	case EventRecord:
		p, ok := r.participants[rec.Participant]
		if !ok || rec.Event == nil {
			return nil
		}
		p.apply(*rec.Event, rec.At)
	}
	return nil
}

func (p *participant) apply(e Event, at time.Time) {
	if !p.seqs.add(e.Seq) {
		return // recorded already
	}
	latest := e.Seq > p.lastSeq
	if latest {
		p.lastSeq = e.Seq
		p.lastEvent = e
		p.current = e.Exercise
	}
	p.lastSeen = at
	c := p.cells[e.Exercise]
	if c == nil {
		c = &cell{opened: at}
		p.cells[e.Exercise] = c
	}
	c.last = at
	switch e.Kind {
	case Hinted:
		c.hints = max(c.hints, e.Tier)
	case Graded:
		c.attempts++
		if e.Status == "fail" && c.status == "fail" && slices.Equal(c.findings, e.Findings) {
			c.streak++
		} else if e.Status == "fail" {
			c.streak = 1
		} else {
			c.streak = 0
		}
		c.status, c.findings = e.Status, slices.Clone(e.Findings)
		if e.Status == "pass" && c.passed.IsZero() {
			c.passed = at
		}
	case Passed:
		if c.passed.IsZero() {
			c.passed = at
		}
		c.status, c.findings, c.streak = "pass", nil, 0
	}
}

// Participant looks a participant up by token. Tokens are kept and looked
// up only as SHA-256 hashes, so the time a lookup takes says nothing about
// how much of a guessed token is right.
func (r *Room) Participant(token string) (id string, ok bool) {
	h := HashToken(token)
	r.mu.RLock()
	defer r.mu.RUnlock()
	id, ok = r.byToken[h]
	return id, ok
}

// ByClient returns the participant who joined with client id c ("" is
// nobody's).
func (r *Room) ByClient(c string) (id string, ok bool) {
	if c == "" {
		return "", false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	id, ok = r.byClient[c]
	return id, ok
}

// RemovedClient reports whether client id c belonged to a participant the
// facilitator removed.
func (r *Room) RemovedClient(c string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return c != "" && r.goneClients[c]
}

// Removed reports whether token belonged to a participant the
// facilitator removed.
func (r *Room) Removed(token string) bool {
	h := HashToken(token)
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.removed[h]
}

// LastSeq is the highest event seq recorded for a participant.
func (r *Room) LastSeq(id string) int64 {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if p, ok := r.participants[id]; ok {
		return p.lastSeq
	}
	return 0
}

// HasSeq reports whether the participant's event seq is recorded.
func (r *Room) HasSeq(id string, seq int64) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	p, ok := r.participants[id]
	return ok && p.seqs.has(seq)
}

// seqSet is a set of seq numbers kept as sorted, disjoint, non-adjacent
// ranges: a participant's seqs are nearly always one range, so the set
// stays tiny however many events arrive.
type seqSet struct{ ranges [][2]int64 }

// add adds n and reports whether it was new.
func (s *seqSet) add(n int64) bool {
	i, _ := slices.BinarySearchFunc(s.ranges, n, func(r [2]int64, n int64) int { return cmp.Compare(r[1], n) })
	// ranges[i] is the first range ending at or after n.
	if i < len(s.ranges) && s.ranges[i][0] <= n {
		return false
	}
	joinsPrev := i > 0 && s.ranges[i-1][1] == n-1
	joinsNext := i < len(s.ranges) && s.ranges[i][0] == n+1
	switch {
	case joinsPrev && joinsNext:
		s.ranges[i-1][1] = s.ranges[i][1]
		s.ranges = slices.Delete(s.ranges, i, i+1)
	case joinsPrev:
		s.ranges[i-1][1] = n
	case joinsNext:
		s.ranges[i][0] = n
	default:
		s.ranges = slices.Insert(s.ranges, i, [2]int64{n, n})
	}
	return true
}

func (s *seqSet) has(n int64) bool {
	i, _ := slices.BinarySearchFunc(s.ranges, n, func(r [2]int64, n int64) int { return cmp.Compare(r[1], n) })
	return i < len(s.ranges) && s.ranges[i][0] <= n
}

// Joined is the number of participants who ever joined, removed or not.
func (r *Room) Joined() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.joined
}

// Has reports whether id is a participant of the room.
func (r *Room) Has(id string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	_, ok := r.participants[id]
	return ok
}

// Len is the number of participants in the room.
func (r *Room) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.order)
}

// Code is the room's join code.
func (r *Room) Code() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.code
}

// Version changes whenever the room does.
func (r *Room) Version() uint64 {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.version
}

// Session is what a participant may see: the session's exercises, which
// are open, and the facilitator's messages after a given id.
type Session struct {
	Code      string    `json:"code"`
	Exercises []string  `json:"exercises"`
	Opened    []string  `json:"opened"`
	Messages  []Message `json:"messages"`
}

// Session returns the participant's view, with messages after id after.
func (r *Room) Session(after int) Session {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := Session{Code: r.code, Exercises: slices.Clone(r.exercises), Opened: slices.Clone(r.opened), Messages: []Message{}}
	for _, m := range r.messages {
		if m.ID > after {
			s.Messages = append(s.Messages, m)
		}
	}
	return s
}

// Snapshot is the facilitator's view of the room: GET /v1/room.
type Snapshot struct {
	Code         string             `json:"code"`
	At           time.Time          `json:"at"`
	Exercises    []string           `json:"exercises"`
	Opened       []string           `json:"opened"`
	Participants []ParticipantState `json:"participants"`
	TopFindings  []FindingCount     `json:"top_findings"`
	Messages     []Message          `json:"messages"`
	Version      uint64             `json:"version"`
}

// ParticipantState is one row of the dashboard.
type ParticipantState struct {
	ID       string               `json:"id"`
	Name     string               `json:"name"`
	Joined   time.Time            `json:"joined"`
	LastSeen time.Time            `json:"last_seen"`
	Current  string               `json:"current,omitempty"`
	Passed   int                  `json:"passed"` // of the session's exercises
	Cells    map[string]CellState `json:"cells"`
	Stuck    string               `json:"stuck,omitempty"` // why, when stuck
}

// CellState is a participant's state on one exercise.
type CellState struct {
	State    string    `json:"state"` // "passed", "failing", "error", "opened"
	Attempts int       `json:"attempts"`
	Hints    int       `json:"hints"`
	Findings []string  `json:"findings,omitempty"`
	Streak   int       `json:"streak,omitempty"`
	Opened   time.Time `json:"opened"`
	Passed   time.Time `json:"passed,omitzero"`
}

// FindingCount is how many participants face a finding right now.
type FindingCount struct {
	Finding      string   `json:"finding"`
	Participants int      `json:"participants"`
	Exercises    []string `json:"exercises"`
}

// Snapshot computes the facilitator's view at now.
func (r *Room) Snapshot(now time.Time, cfg Stuck) Snapshot {
	cfg = cfg.withDefaults()
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := Snapshot{
		Code: r.code, At: now, Version: r.version,
		Exercises: slices.Clone(r.exercises), Opened: slices.Clone(r.opened),
		Participants: make([]ParticipantState, 0, len(r.order)),
		Messages:     slices.Clone(r.messages),
		TopFindings:  []FindingCount{},
	}
	if s.Messages == nil {
		s.Messages = []Message{}
	}
	medians := r.medians()
	type agg struct {
		n   int
		exs map[string]bool
	}
	counts := map[string]*agg{}
	for _, id := range r.order {
		p := r.participants[id]
		ps := ParticipantState{ID: p.id, Name: p.name, Joined: p.joined, LastSeen: p.lastSeen, Current: p.current, Cells: map[string]CellState{}}
		for ex, c := range p.cells {
			cs := CellState{Attempts: c.attempts, Hints: c.hints, Findings: c.findings, Streak: c.streak, Opened: c.opened, Passed: c.passed}
			switch {
			case !c.passed.IsZero():
				cs.State = "passed"
				if slices.Contains(r.exercises, ex) {
					ps.Passed++
				}
			case c.status == "fail":
				cs.State = "failing"
			case c.status == "error":
				cs.State = "error"
			default:
				cs.State = "opened"
			}
			ps.Cells[ex] = cs
		}
		ps.Stuck = r.stuck(p, now, cfg, medians)
		if c := p.cells[p.current]; c != nil && c.passed.IsZero() && c.status == "fail" && now.Sub(c.last) <= cfg.Window {
			for _, f := range c.findings {
				a := counts[f]
				if a == nil {
					a = &agg{exs: map[string]bool{}}
					counts[f] = a
				}
				a.n++
				a.exs[p.current] = true
			}
		}
		s.Participants = append(s.Participants, ps)
	}
	for f, a := range counts {
		exs := make([]string, 0, len(a.exs))
		for ex := range a.exs {
			exs = append(exs, ex)
		}
		sort.Strings(exs)
		s.TopFindings = append(s.TopFindings, FindingCount{Finding: f, Participants: a.n, Exercises: exs})
	}
	slices.SortFunc(s.TopFindings, func(a, b FindingCount) int {
		return cmp.Or(cmp.Compare(b.Participants, a.Participants), strings.Compare(a.Finding, b.Finding))
	})
	if len(s.TopFindings) > 5 {
		s.TopFindings = s.TopFindings[:5]
	}
	return s
}

// medians is the room's median time from opening an exercise to passing
// it, for exercises at least two participants passed.
func (r *Room) medians() map[string]time.Duration {
	times := map[string][]time.Duration{}
	for _, p := range r.participants {
		for ex, c := range p.cells {
			if !c.passed.IsZero() {
				times[ex] = append(times[ex], c.passed.Sub(c.opened))
			}
		}
	}
	out := map[string]time.Duration{}
	for ex, ds := range times {
		if len(ds) < 2 {
			continue
		}
		slices.Sort(ds)
		out[ex] = ds[len(ds)/2]
	}
	return out
}

// stuck says why p is stuck, or "".
func (r *Room) stuck(p *participant, now time.Time, cfg Stuck, medians map[string]time.Duration) string {
	c := p.cells[p.current]
	if c == nil || !c.passed.IsZero() {
		if idle := now.Sub(p.lastSeen); idle >= cfg.Idle && r.workLeft(p) {
			return fmt.Sprintf("idle for %s", roundDur(idle))
		}
		return ""
	}
	if c.streak >= cfg.SameFailures {
		return fmt.Sprintf("the same failure %d times in a row on %s (%s)", c.streak, p.current, strings.Join(c.findings, ", "))
	}
	if idle := now.Sub(p.lastSeen); idle >= cfg.Idle {
		return fmt.Sprintf("idle for %s on %s", roundDur(idle), p.current)
	}
	if m, ok := medians[p.current]; ok {
		on := now.Sub(c.opened)
		if on >= cfg.SlowMin && float64(on) >= cfg.SlowFactor*float64(m) {
			return fmt.Sprintf("%s on %s, the room's median is %s", roundDur(on), p.current, roundDur(m))
		}
	}
	return ""
}

// workLeft reports whether p has an opened session exercise not passed.
func (r *Room) workLeft(p *participant) bool {
	for _, ex := range r.opened {
		if c := p.cells[ex]; c == nil || c.passed.IsZero() {
			return true
		}
	}
	return false
}

// roundDur writes a duration the way people say it: 45s, 12m, 1h20m.
func roundDur(d time.Duration) string {
	switch {
	case d < time.Minute:
		return d.Round(time.Second).String()
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Round(time.Minute).Minutes()))
	}
	d = d.Round(time.Minute)
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
