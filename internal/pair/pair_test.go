package pair

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clock is a fake clock that moves only when told.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)} }
func person(name, email string) Person   { return Person{Name: name, Email: email} }
func mustSession(t *testing.T, c *clock, rotate time.Duration) *Session {
	t.Helper()
	s, err := New(Config{Driver: person("Ana Lima", "ana@example.com"), Navigator: person("Bo", ""), Rotate: rotate, Clock: c.now, ID: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParsePerson(t *testing.T) {
	tests := []struct {
		in      string
		want    Person
		wantErr string
	}{
		{in: "Ana Lima <ana@example.com>", want: person("Ana Lima", "ana@example.com")},
		{in: "  Ana   Lima  ", want: person("Ana Lima", "")},
		{in: "Bo", want: person("Bo", "")},
		{in: "Zoë Ünal<zoe@例え.jp>", want: person("Zoë Ünal", "zoe@例え.jp")},
		{in: "\x1b[31mEve\x1b[0m \x1b]0;pwned\x07Hacker", want: person("Eve Hacker", "")},
		{in: "Mal\x00lo\u202ery\r", want: person("Mallory", "")},
		{in: "Ana\nLima", want: person("Ana Lima", "")},
		{in: "", wantErr: "empty"},
		{in: " \t\x1b[0m ", wantErr: "empty"},
		{in: "<ana@example.com>", wantErr: "no name"},
		{in: "Ana <not-an-email>", wantErr: "not an email address"},
		{in: "Ana <>", wantErr: "empty"},
		{in: "Ana <a@b@c>", wantErr: "not an email address"},
		{in: "Ana <b", wantErr: "cannot hold < or >"},
		{in: "<script>alert(1)</script>", wantErr: "cannot hold < or >"},
		{in: strings.Repeat("a", MaxNameLen+1), wantErr: "longer than 64"},
		{in: strings.Repeat("é", MaxNameLen), want: person(strings.Repeat("é", MaxNameLen), "")},
		{in: "Ana <" + strings.Repeat("a", 250) + "@example.com>", wantErr: "longer than 254"},
	}
	for _, tt := range tests {
		got, err := ParsePerson(tt.in)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParsePerson(%q) = %+v, %v; want an error mentioning %q", tt.in, got, err, tt.wantErr)
			}
		case err != nil || got != tt.want:
			t.Errorf("ParsePerson(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestNewRejectsBadPairs(t *testing.T) {
	ana := person("Ana Lima", "ana@example.com")
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"same name", Config{Driver: ana, Navigator: person("ana lima", "")}, "a pair is two people"},
		{"same email", Config{Driver: ana, Navigator: person("A. Lima", "ANA@example.com")}, "a pair is two people"},
		{"no navigator", Config{Driver: ana}, "needs a driver and a navigator"},
		{"rotate too short", Config{Driver: ana, Navigator: person("Bo", ""), Rotate: 30 * time.Second}, "swap every 1m to 2h"},
		{"rotate too long", Config{Driver: ana, Navigator: person("Bo", ""), Rotate: 3 * time.Hour}, "swap every 1m to 2h"},
		{"negative rotate", Config{Driver: ana, Navigator: person("Bo", ""), Rotate: -time.Minute}, "swap every"},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.wantErr)
		}
	}
	for _, d := range []time.Duration{0, MinRotate, DefaultRotate, MaxRotate} {
		if _, err := New(Config{Driver: ana, Navigator: person("Bo", ""), Rotate: d}); err != nil {
			t.Errorf("rotate %s: %v", d, err)
		}
	}
}

func TestRotationCountsDownAndSwaps(t *testing.T) {
	c := newClock()
	s := mustSession(t, c, 15*time.Minute)
	if s.Remaining() != 15*time.Minute || s.Due() {
		t.Fatalf("at start: remaining %s, due %v", s.Remaining(), s.Due())
	}
	c.advance(14*time.Minute + 59*time.Second)
	if s.Remaining() != time.Second || s.Due() {
		t.Errorf("a second before: remaining %s, due %v", s.Remaining(), s.Due())
	}
	c.advance(2 * time.Second)
	if s.Remaining() != 0 || !s.Due() {
		t.Errorf("after: remaining %s, due %v", s.Remaining(), s.Due())
	}
	s.Later(Snooze)
	if s.Due() || s.Remaining() != Snooze {
		t.Errorf("later: due %v, remaining %s", s.Due(), s.Remaining())
	}
	c.advance(Snooze)
	recs := s.Swap()
	if s.Driver().Name != "Bo" || s.Navigator().Name != "Ana Lima" {
		t.Errorf("after the swap: driver %s, navigator %s", s.Driver(), s.Navigator())
	}
	if s.Due() || s.Remaining() != 15*time.Minute {
		t.Errorf("after the swap: due %v, remaining %s", s.Due(), s.Remaining())
	}
	if len(recs) != 2 || recs[0].Kind != KindStint || recs[0].Why != WhySwap || recs[0].Driver.Name != "Ana Lima" ||
		recs[0].Seconds != int64((20*time.Minute+time.Second)/time.Second) || recs[1].Kind != KindSwap || recs[1].Driver.Name != "Bo" {
		t.Errorf("swap records: %+v", recs)
	}

	never := mustSession(t, c, 0)
	c.advance(10 * time.Hour)
	if never.Due() || never.Rotates() {
		t.Errorf("a session with rotate 0 asks to swap")
	}
}

func TestStintsRecordWhoDroveWhatForHowLong(t *testing.T) {
	c := newClock()
	s := mustSession(t, c, 15*time.Minute)
	var recs []Record
	recs = append(recs, s.Started())
	c.advance(30 * time.Second) // on the map
	recs = append(recs, s.SetExercise("goroutines/fetch-all")...)
	c.advance(12*time.Minute + 30*time.Second)
	recs = append(recs, s.Passed("goroutines/fetch-all")...)
	recs = append(recs, s.SetExercise("goroutines/fetch-all")...) // no change: nothing
	recs = append(recs, s.Swap()...)
	c.advance(200 * time.Millisecond)
	recs = append(recs, s.SetExercise("goroutines/bounded-pool")...) // under a second: not a stint
	c.advance(5 * time.Minute)
	recs = append(recs, s.End()...)
	recs = append(recs, s.End()...) // once only
	recs = append(recs, s.SetExercise("x")...)

	var kinds []string
	for _, r := range recs {
		kinds = append(kinds, r.Kind+":"+r.Exercise)
	}
	want := "start: stint: pass:goroutines/fetch-all stint:goroutines/fetch-all swap:goroutines/fetch-all stint:goroutines/bounded-pool end:"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("records:\n got %s\nwant %s", got, want)
	}
	if r := recs[3]; r.Driver.Name != "Ana Lima" || r.Seconds != 750 || !r.Start.Equal(c.t.Add(-5*time.Minute-200*time.Millisecond-750*time.Second)) {
		t.Errorf("the fetch-all stint: %+v", r)
	}
	if r := recs[5]; r.Driver.Name != "Bo" || r.Seconds != 300 || r.Why != WhyEnd {
		t.Errorf("the last stint: %+v", r)
	}
	if r := recs[6]; r.Seconds != int64((18*time.Minute+200*time.Millisecond)/time.Second) {
		t.Errorf("the end: %+v", r)
	}

	sessions, totals := Summarize(recs)
	if len(sessions) != 1 || len(sessions[0].Stints) != 3 || len(sessions[0].Passes) != 1 || sessions[0].End.IsZero() {
		t.Fatalf("summary: %+v", sessions)
	}
	got := map[string][2]int64{}
	for _, tt := range totals {
		got[tt.Person.Name] = [2]int64{tt.DroveSeconds, tt.NavigatedSeconds}
	}
	if got["Ana Lima"] != [2]int64{780, 300} || got["Bo"] != [2]int64{300, 780} {
		t.Errorf("totals: %v", got)
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		12*time.Minute + 30*time.Second:       "12m30s",
		15 * time.Minute:                      "15m",
		time.Hour + 5*time.Second:             "1h5s",
		45*time.Second + 900*time.Millisecond: "45s",
		0:                                     "0s",
		2*time.Hour + 3*time.Minute + time.Second: "2h3m1s",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestTrailer(t *testing.T) {
	tr := TrailerFor(person("Ana Lima", "ana@example.com"), person("Bo", ""))
	want := []string{"Co-authored-by: Ana Lima <ana@example.com>", "Co-authored-by: Bo"}
	if strings.Join(tr.Lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines = %q", tr.Lines)
	}
	if len(tr.Notes) != 1 || !strings.Contains(tr.Notes[0], "Bo has no email") || !strings.Contains(tr.Notes[0], "GitHub") {
		t.Errorf("notes = %q", tr.Notes)
	}
}

func TestLogAppendsAndReadsBack(t *testing.T) {
	c := newClock()
	s := mustSession(t, c, 15*time.Minute)
	l := OpenLog(filepath.Join(t.TempDir(), "state", "ws-123", LogName))
	if recs, notices, err := l.Read(); err != nil || recs != nil || notices != nil {
		t.Fatalf("a log not written yet: %v, %v, %v", recs, notices, err)
	}
	if err := l.Append(s.Started()); err != nil {
		t.Fatal(err)
	}
	c.advance(time.Minute)
	s.SetExercise("goroutines/fetch-all")
	c.advance(time.Minute)
	if err := l.Append(s.End()...); err != nil {
		t.Fatal(err)
	}
	recs, notices, err := l.Read()
	if err != nil || len(notices) != 0 {
		t.Fatalf("read: %v %v", notices, err)
	}
	if len(recs) != 3 || recs[0].Kind != KindStart || recs[1].Exercise != "goroutines/fetch-all" || recs[2].Kind != KindEnd {
		t.Fatalf("records: %+v", recs)
	}
	if recs[0].Driver != person("Ana Lima", "ana@example.com") || recs[0].RotateSeconds != 900 || !recs[0].At.Equal(time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("the start record did not survive the round trip: %+v", recs[0])
	}
	fi, err := os.Stat(l.Path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("log file mode: %v, %v", fi, err)
	}
}

// TestATornLastLineLosesOnlyItself: accent killed in the middle of a
// write leaves half a line; reading skips it with a notice, and the next
// append starts on a line of its own, so nothing else is lost.
func TestATornLastLineLosesOnlyItself(t *testing.T) {
	c := newClock()
	s := mustSession(t, c, 15*time.Minute)
	l := OpenLog(filepath.Join(t.TempDir(), LogName))
	if err := l.Append(s.Started()); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(l.Path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"v":1,"session":"s1","kind":"sti`); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	recs, notices, err := l.Read()
	if err != nil || len(recs) != 1 || len(notices) != 1 || !strings.Contains(notices[0], "line 2 is incomplete") {
		t.Fatalf("after the tear: %d records, notices %q, %v", len(recs), notices, err)
	}
	c.advance(time.Minute)
	if err := l.Append(s.Passed("goroutines/fetch-all")...); err != nil {
		t.Fatal(err)
	}
	recs, notices, err = l.Read()
	if err != nil || len(recs) != 2 || recs[1].Kind != KindPass {
		t.Fatalf("after the next append: %+v, %v", recs, err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "line 2 is not a record") {
		t.Errorf("notices = %q", notices)
	}
}

func TestReadLogSkipsWhatIsNotARecord(t *testing.T) {
	in := `{"v":1,"session":"a","kind":"start","at":"2026-11-21T12:00:00Z"}

not json
{"v":1,"kind":"start"}
{"v":99,"session":"a","kind":"start"}
{"v":1,"session":"a","kind":"end","at":"2026-11-21T13:00:00Z"}
`
	recs, notices, err := ReadLog(strings.NewReader(in))
	if err != nil || len(recs) != 2 || len(notices) != 3 {
		t.Fatalf("%d records, notices %q, %v", len(recs), notices, err)
	}
	for i, want := range []string{"line 3 is not a record", "line 4 has no kind", "line 5 was written by a newer accent"} {
		if !strings.Contains(notices[i], want) {
			t.Errorf("notice %d = %q, want %q", i, notices[i], want)
		}
	}
}
