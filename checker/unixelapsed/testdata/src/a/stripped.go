package a

import (
	"encoding/json"
	"fmt"
	"time"
)

type config struct{ Deadline time.Time }

// A time of time.Now() whose monotonic reading was stripped, then used to
// measure how long something took.

func sinceUTC() {
	start := time.Now().UTC()
	work()
	fmt.Println(time.Since(start)) // want `time\.Since\(start\) measures elapsed time on the wall clock, which jumps when the system clock is set: the time came from time\.Now\(\), but UTC\(\) stripped its monotonic reading`

	begin := time.Now()
	work()
	fmt.Println(time.Since(begin), begin.UTC().Format(time.RFC3339))
}

func subIn(loc *time.Location) time.Duration {
	start := time.Now().In(loc)
	work()
	return time.Now().Sub(start) // want `time\.Now\(\)\.Sub\(start\) measures elapsed time on the wall clock.*but In\(\) stripped`
}

func subInKept(loc *time.Location) (time.Duration, string) {
	start := time.Now()
	work()
	return time.Now().Sub(start), start.In(loc).Format(time.Kitchen)
}

func round0() time.Duration {
	start := time.Now().Round(0)
	work()
	end := time.Now()
	return end.Sub(start) // want `end\.Sub\(start\) measures elapsed time.*but Round\(\.\.\.\) stripped`
}

func roundTrip() {
	start := time.Unix(0, time.Now().UnixNano())
	work()
	fmt.Println(time.Since(start)) // want `time\.Since\(start\) measures.*but a round trip through UnixNano\(\) stripped`

	ms := time.Now().UnixMilli()
	work()
	fmt.Println(time.Since(time.UnixMilli(ms))) // want `measures elapsed time.*a round trip through UnixMilli\(\)`
}

func deferredLocal() {
	start := time.Now().Local()
	defer func() {
		fmt.Println("took", time.Since(start)) // want `time\.Since\(start\) measures elapsed time.*Local\(\) stripped`
	}()
	work()
}

func remaining(timeout time.Duration) time.Duration {
	deadline := time.Now().UTC().Add(timeout)
	work()
	return time.Until(deadline) // want `time\.Until\(deadline\) measures elapsed time.*UTC\(\) stripped`
}

// Kept in a struct: uptime and ages measured from a stripped time.
type server struct {
	started   time.Time
	createdAt int64
}

func newServer() *server {
	return &server{started: time.Now().UTC(), createdAt: time.Now().Unix()}
}

func (s *server) uptime() time.Duration {
	return time.Since(s.started) // want `time\.Since\(s\.started\) measures elapsed time.*UTC\(\) stripped`
}

func (s *server) age() int64 {
	return time.Now().Unix() - s.createdAt // want `time\.Now\(\)\.Unix\(\) - s\.createdAt measures elapsed time on the wall clock`
}

type worker struct{ started time.Time }

func newWorker() *worker { return &worker{started: time.Now()} }

func (w *worker) uptime() time.Duration { return time.Since(w.started) }

// Wall-clock instants: formatting, comparing with a deadline from a
// config, the age of a stored record. None measures elapsed time.
type record struct {
	Created time.Time `json:"created"`
	updated time.Time
}

func wallClock(cfg config, r record, loaded time.Time) {
	now := time.Now().UTC()
	fmt.Println(now.Format(time.RFC3339))
	if now.After(cfg.Deadline) {
		fmt.Println("late")
	}
	fmt.Println(cfg.Deadline.Sub(now))
	fmt.Println(time.Since(r.Created))
	r.updated = loaded.UTC()
	fmt.Println(time.Since(r.updated))
	fmt.Println(time.Since(loaded.UTC()))
}

// An exported field of an unexported type: only this package fills it.
type entry struct {
	CreatedUnix int64
}

func newEntry() *entry { return &entry{CreatedUnix: time.Now().Unix()} }

func (e *entry) expired(ttl int64) bool {
	return time.Now().Unix()-e.CreatedUnix > ttl // want `time\.Now\(\)\.Unix\(\) - e\.CreatedUnix measures elapsed time on the wall clock`
}

// An exported field of an exported type that the package fills only from
// time.Now() and never hands to a decoder or an encoder: the Java-style
// session, with its age and its TTL.
type Entry struct {
	CreatedUnix int64
}

func NewEntry() *Entry { return &Entry{CreatedUnix: time.Now().Unix()} }

func (e *Entry) Age() int64 {
	return time.Now().Unix() - e.CreatedUnix // want `time\.Now\(\)\.Unix\(\) - e\.CreatedUnix measures elapsed time on the wall clock`
}

type Session struct {
	ID         string
	CreatedAt  int64
	LastSeenMs int64
	TTLSeconds int64
}

func NewSession(id string, ttl int64) Session {
	now := time.Now()
	return Session{ID: id, CreatedAt: now.Unix(), LastSeenMs: now.UnixMilli(), TTLSeconds: ttl}
}

func (s *Session) Touch() { s.LastSeenMs = time.Now().UnixMilli() }

func (s Session) Expired() bool {
	return time.Now().Unix()-s.CreatedAt > s.TTLSeconds // want `time\.Now\(\)\.Unix\(\) - s\.CreatedAt measures elapsed time on the wall clock`
}

func Idle(sessions map[string]*Session, limitMs int64) []string {
	var idle []string
	for id, s := range sessions {
		if time.Now().UnixMilli()-s.LastSeenMs > limitMs { // want `time\.Now\(\)\.UnixMilli\(\) - s\.LastSeenMs measures elapsed time on the wall clock`
			idle = append(idle, id)
		}
	}
	return idle
}

// The same shapes where the timestamp may come from elsewhere: the type is
// decoded or encoded (here, or inside another type), the field's address
// is handed to a scanner, or the package stores other values in it.
type Token struct {
	IssuedAt int64
}

func NewToken() Token { return Token{IssuedAt: time.Now().Unix()} }

func LoadToken(b []byte) (Token, error) {
	var t Token
	err := json.Unmarshal(b, &t)
	return t, err
}

func (t Token) Age() int64 { return time.Now().Unix() - t.IssuedAt }

type Lease struct{ GrantedAt int64 }

type leaseFile struct{ Leases []Lease }

func NewLease() Lease { return Lease{GrantedAt: time.Now().Unix()} }

func SaveLeases(ls []Lease) ([]byte, error) { return json.Marshal(leaseFile{Leases: ls}) }

func (l Lease) Held() int64 { return time.Now().Unix() - l.GrantedAt }

type row struct{ seen int64 }

func newRow() *row { return &row{seen: time.Now().Unix()} }

func (r *row) load(line string) error {
	_, err := fmt.Sscan(line, &r.seen)
	return err
}

func (r *row) age() int64 { return time.Now().Unix() - r.seen }

type Job struct{ QueuedAt int64 }

func NewJob() *Job { return &Job{QueuedAt: time.Now().Unix()} }

func (j *Job) Requeue(at int64) { j.QueuedAt = at }

func (j *Job) Waiting() int64 { return time.Now().Unix() - j.QueuedAt }

// An exported time field of an exported type, filled with a stripped time.
type Worker struct{ Started time.Time }

func StartWorker() *Worker { return &Worker{Started: time.Now().UTC()} }

func (w *Worker) Uptime() time.Duration {
	return time.Since(w.Started) // want `time\.Since\(w\.Started\) measures elapsed time.*UTC\(\) stripped`
}
