package workshop

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var testExercises = []string{"goroutines/fetch-all", "goroutines/first-error", "channels/pipeline"}

// room starts a server on a fresh data directory.
func room(t *testing.T, cfg Config) (*Server, *httptest.Server, string) {
	t.Helper()
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	if cfg.Exercises == nil {
		cfg.Exercises = testExercises
	}
	if cfg.Code == "" {
		cfg.Code = "TEST-CODE"
	}
	srv, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.StopStreams()
		hs.Close()
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	fac, err := ReadSecret(cfg.DataDir, FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	return srv, hs, fac
}

type answer struct {
	status int
	body   string // the body, with an error's message decoded
	header http.Header
}

func call(t *testing.T, method, url, token, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var e struct{ Error string }
	if json.Unmarshal(b, &e) == nil && e.Error != "" {
		return answer{resp.StatusCode, e.Error, resp.Header}
	}
	return answer{resp.StatusCode, string(b), resp.Header}
}

func join(t *testing.T, base, name string) JoinResponse {
	t.Helper()
	a := call(t, "POST", base+"/v1/join", "", fmt.Sprintf(`{"code":"test-code","name":%q}`, name))
	if a.status != 200 {
		t.Fatalf("join: %d %s", a.status, a.body)
	}
	var jr JoinResponse
	if err := json.Unmarshal([]byte(a.body), &jr); err != nil {
		t.Fatal(err)
	}
	return jr
}

func events(evs ...string) string {
	return `{"events":[` + strings.Join(evs, ",") + `]}`
}

func ev(seq int, kind, ex string, extra string) string {
	s := fmt.Sprintf(`{"seq":%d,"kind":%q,"exercise":%q,"at":"2026-11-21T10:00:00Z"`, seq, kind, ex)
	if extra != "" {
		s += "," + extra
	}
	return s + "}"
}

func TestJoinSendEventsAndReadTheRoom(t *testing.T) {
	_, hs, fac := room(t, Config{})
	ana := join(t, hs.URL, "Ana")
	a := call(t, "POST", hs.URL+"/v1/events", ana.Token, events(
		ev(1, "opened", "goroutines/fetch-all", ""),
		ev(2, "verdict", "goroutines/fetch-all", `"status":"fail","findings":["leak","analyzer:chanleak"]`),
		ev(3, "hint", "goroutines/fetch-all", `"tier":1`),
	))
	if a.status != 200 || !strings.Contains(a.body, `"accepted": 3`) {
		t.Fatalf("events: %d %s", a.status, a.body)
	}
	r := call(t, "GET", hs.URL+"/v1/room", fac, "")
	if r.status != 200 {
		t.Fatalf("room: %d %s", r.status, r.body)
	}
	var snap Snapshot
	if err := json.Unmarshal([]byte(r.body), &snap); err != nil {
		t.Fatal(err)
	}
	if len(snap.Participants) != 1 || snap.Participants[0].Name != "Ana" {
		t.Fatalf("participants = %+v", snap.Participants)
	}
	c := snap.Participants[0].Cells["goroutines/fetch-all"]
	if c.State != "failing" || c.Attempts != 1 || c.Hints != 1 || strings.Join(c.Findings, ",") != "leak,analyzer:chanleak" {
		t.Errorf("cell = %+v", c)
	}
	if len(snap.TopFindings) != 2 || snap.TopFindings[0].Participants != 1 {
		t.Errorf("top findings = %+v", snap.TopFindings)
	}
	if snap.Code != "TEST-CODE" || len(snap.Opened) != 1 || snap.Opened[0] != testExercises[0] {
		t.Errorf("code %q, opened %v: want the first exercise open", snap.Code, snap.Opened)
	}
}

func TestABatchSentTwiceIsRecordedOnce(t *testing.T) {
	srv, hs, _ := room(t, Config{})
	bo := join(t, hs.URL, "Bo")
	batch := events(ev(1, "verdict", "goroutines/fetch-all", `"status":"fail","findings":["test"]`), ev(2, "verdict", "goroutines/fetch-all", `"status":"fail","findings":["test"]`))
	call(t, "POST", hs.URL+"/v1/events", bo.Token, batch)
	a := call(t, "POST", hs.URL+"/v1/events", bo.Token, batch)
	if !strings.Contains(a.body, `"duplicates": 2`) {
		t.Errorf("second send: %s", a.body)
	}
	if got := srv.Room().Snapshot(time.Now(), Stuck{}).Participants[0].Cells["goroutines/fetch-all"].Attempts; got != 2 {
		t.Errorf("attempts = %d, want 2", got)
	}
}

// The security cases of the issue, one by one.
func TestSecurity(t *testing.T) {
	_, hs, fac := room(t, Config{ParticipantRate: 1, ParticipantBurst: 3})
	ana := join(t, hs.URL, "Ana")
	bo := join(t, hs.URL, "Bo")
	big := `{"events":[` + strings.Repeat(ev(1, "opened", "goroutines/fetch-all", "")+",", 2000) + `]}`
	tests := []struct {
		name, method, path, token, body string
		status                          int
		contains                        string
	}{
		{"events without a token", "POST", "/v1/events", "", events(ev(1, "opened", "goroutines/fetch-all", "")), 401, "missing bearer token"},
		{"events with a made-up token", "POST", "/v1/events", "not-a-token", events(ev(1, "opened", "goroutines/fetch-all", "")), 401, "unknown token"},
		{"room without a token", "GET", "/v1/room", "", "", 401, "missing bearer token"},
		{"room with a participant token", "GET", "/v1/room", ana.Token, "", 403, "participant token cannot"},
		{"stream with a participant token", "GET", "/v1/stream", ana.Token, "", 403, "cannot read the room"},
		{"stream without anything", "GET", "/v1/stream", "", "", 401, "missing"},
		{"stream with a wrong board key", "GET", "/v1/stream?key=guess", "", "", 401, "wrong token or board key"},
		{"open with a participant token", "POST", "/v1/open", ana.Token, `{"exercise":"channels/pipeline"}`, 403, "participant token cannot"},
		{"broadcast with a participant token", "POST", "/v1/broadcast", bo.Token, `{"text":"hi"}`, 403, "participant token cannot"},
		{"events with the facilitator token", "POST", "/v1/events", fac, events(ev(1, "opened", "goroutines/fetch-all", "")), 403, "not the facilitator's"},
		{"join with a wrong code", "POST", "/v1/join", "", `{"code":"WRONG","name":"Eve"}`, 403, "wrong join code"},
		{"a body over the limit", "POST", "/v1/events", ana.Token, big, 413, "body over"},
		{"malformed JSON", "POST", "/v1/events", ana.Token, `{"events":[{"seq":1,`, 400, "malformed JSON"},
		{"an unknown field", "POST", "/v1/events", ana.Token, `{"events":[],"code":"x"}`, 400, `unknown field "code"`},
		{"an unknown kind", "POST", "/v1/events", bo.Token, events(ev(1, "sourcecode", "goroutines/fetch-all", "")), 400, `"kind" "sourcecode"`},
		{"a name that is only markup", "POST", "/v1/join", "", `{"code":"TEST-CODE","name":"<>\u001b"}`, 400, "no visible letter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := call(t, tt.method, hs.URL+tt.path, tt.token, tt.body)
			if a.status != tt.status || !strings.Contains(a.body, tt.contains) {
				t.Errorf("%s %s: %d %s; want %d containing %q", tt.method, tt.path, a.status, a.body, tt.status, tt.contains)
			}
			if !strings.HasPrefix(a.header.Get("Content-Type"), "application/json") {
				t.Errorf("Content-Type = %q", a.header.Get("Content-Type"))
			}
		})
	}
	t.Run("a participant cannot act as another", func(t *testing.T) {
		// Events are always recorded for the token's owner: there is no
		// field to name another participant, and an unknown one is refused.
		a := call(t, "POST", hs.URL+"/v1/events", bo.Token, `{"events":[{"seq":1,"kind":"opened","exercise":"goroutines/fetch-all","at":"2026-11-21T10:00:00Z","pid":"p1"}]}`)
		if a.status != 400 || !strings.Contains(a.body, `unknown field "pid"`) {
			t.Errorf("%d %s", a.status, a.body)
		}
	})
	t.Run("per-token rate limit", func(t *testing.T) {
		cy := join(t, hs.URL, "Cy")
		var got []int
		for i := range 6 {
			a := call(t, "GET", hs.URL+"/v1/session?after="+fmt.Sprint(i), cy.Token, "")
			got = append(got, a.status)
			if a.status == 429 && a.header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
		}
		if got[0] != 200 || got[len(got)-1] != 429 {
			t.Errorf("statuses %v: want 200 first and 429 once the burst is spent", got)
		}
		// Another participant's budget is their own.
		if a := call(t, "GET", hs.URL+"/v1/session", join(t, hs.URL, "Di").Token, ""); a.status != 200 {
			t.Errorf("di after cy's burst: %d", a.status)
		}
	})
	t.Run("the facilitator token is never sent to participants", func(t *testing.T) {
		for _, path := range []string{"/v1/session", "/board"} {
			a := call(t, "GET", hs.URL+path, bo.Token, "")
			if strings.Contains(a.body, fac) {
				t.Errorf("%s leaks the facilitator token", path)
			}
		}
	})
}

func TestTokensAreRandomAndFilesPrivate(t *testing.T) {
	dir := t.TempDir()
	_, hs, fac := room(t, Config{DataDir: dir})
	seen := map[string]bool{fac: true}
	for i := range 20 {
		tok := join(t, hs.URL, fmt.Sprint("p", i)).Token
		if seen[tok] || len(tok) < 40 {
			t.Fatalf("token %q repeated or short", tok)
		}
		seen[tok] = true
	}
	for _, name := range []string{FacilitatorToken, BoardKey, LogFile} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", name, fi.Mode().Perm())
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, LogFile))
	if err != nil {
		t.Fatal(err)
	}
	for tok := range seen {
		if strings.Contains(string(b), tok) {
			t.Errorf("the log holds a token in clear")
		}
	}
}

func TestNamesAreSanitised(t *testing.T) {
	tests := map[string]string{
		"Ana":                                   "Ana",
		"  Ana   Lima  ":                        "Ana Lima",
		"\x1b[31mRed\x1b[0m":                    "[31mRed[0m",
		"<script>alert(1)</script>":             "scriptalert(1)/script",
		"Bo\u202eevil":                          "Boevil",
		"Zoë 🚀":                                 "Zoë 🚀",
		"a\nb\tc":                               "a b c",
		strings.Repeat("x", 100):                strings.Repeat("x", 40),
		"\x07\x08":                              "",
		"O'Brien \"Q\" `x` & y":                 "OBrien Q x y",
		"\u200bzero\u200dwidth\ufeff":           "zerowidth",
		"tab\u0085next":                         "tab next",
		"\xff\xfe":                              "",
		"\u001b]8;;http://evil\u0007link\u001b": "]8;;http://evillink",
	}
	for in, want := range tests {
		if got := SanitizeName(in); got != want {
			t.Errorf("SanitizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The room survives a restart: participants, their tokens, events, opened
// exercises and messages.
func TestTheRoomSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	srv, err := Open(Config{DataDir: dir, Exercises: testExercises, Code: "KEEP-CODE"})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	fac, err := ReadSecret(dir, FacilitatorToken)
	if err != nil {
		t.Fatal(err)
	}
	a := call(t, "POST", hs.URL+"/v1/join", "", `{"code":"keep-code","name":"Ana"}`)
	var ana JoinResponse
	if err := json.Unmarshal([]byte(a.body), &ana); err != nil {
		t.Fatal(err)
	}
	call(t, "POST", hs.URL+"/v1/events", ana.Token, events(ev(1, "passed", "goroutines/fetch-all", "")))
	call(t, "POST", hs.URL+"/v1/open", fac, `{"exercise":"channels/pipeline"}`)
	call(t, "POST", hs.URL+"/v1/broadcast", fac, `{"text":"break in 5"}`)
	before := srv.Room().Snapshot(time.Unix(0, 0), Stuck{})
	srv.StopStreams()
	hs.Close()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}

	srv2, hs2, fac2 := room(t, Config{DataDir: dir, Code: "KEEP-CODE"})
	if fac2 != fac {
		t.Error("the facilitator token changed across a restart")
	}
	after := srv2.Room().Snapshot(time.Unix(0, 0), Stuck{})
	bj, err := json.Marshal(before)
	if err != nil {
		t.Fatal(err)
	}
	aj, err := json.Marshal(after)
	if err != nil {
		t.Fatal(err)
	}
	if string(bj) != string(aj) {
		t.Errorf("room after restart differs:\nbefore %s\nafter  %s", bj, aj)
	}
	// Ana's token still works, and her seq numbers continue.
	r := call(t, "POST", hs2.URL+"/v1/events", ana.Token, events(ev(1, "passed", "goroutines/fetch-all", ""), ev(2, "opened", "channels/pipeline", "")))
	if !strings.Contains(r.body, `"accepted": 1`) || !strings.Contains(r.body, `"duplicates": 1`) {
		t.Errorf("after restart: %d %s", r.status, r.body)
	}
}

// A kill -9 in the middle of a write leaves a torn last line: it is cut off
// with a notice and everything acknowledged before it is kept.
func TestATornLastLineIsDroppedAndTheRestKept(t *testing.T) {
	dir := t.TempDir()
	srv, hs, _ := room(t, Config{DataDir: dir})
	ana := join(t, hs.URL, "Ana")
	call(t, "POST", hs.URL+"/v1/events", ana.Token, events(ev(1, "opened", "goroutines/fetch-all", "")))
	srv.StopStreams()
	hs.Close()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, LogFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"t":"event","at":"2026-11-21T10:00:00Z","pid":"p1","ev":{"seq":2,"ki`); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	srv2, err := Open(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	if !strings.Contains(srv2.Notice, "cut off by a crash") {
		t.Errorf("notice = %q", srv2.Notice)
	}
	if got := srv2.Room().LastSeq("p1"); got != 1 {
		t.Errorf("last seq = %d, want 1", got)
	}
}

func TestADamagedLogIsRefusedNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	bad := "{\"t\":\"room\",\"at\":\"2026-11-21T10:00:00Z\",\"code\":\"AB-CD\"}\nthis is not json\n{\"t\":\"open\"}\n"
	if err := os.WriteFile(filepath.Join(dir, LogFile), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(Config{DataDir: dir})
	if err == nil || !strings.Contains(err.Error(), "room.log:2: not a room record") {
		t.Fatalf("err = %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, LogFile))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != bad {
		t.Error("the damaged log was changed")
	}
}

func TestStuckParticipants(t *testing.T) {
	r := NewRoom()
	t0 := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	apply(r, Record{Type: "room", At: t0, Code: "X", Exercises: testExercises})
	apply(r, Record{Type: "open", At: t0, Exercise: testExercises[0]})
	seq := map[string]int64{}
	send := func(pid string, at time.Duration, e Event) {
		seq[pid]++
		e.Seq = seq[pid]
		apply(r, Record{Type: "event", At: t0.Add(at), Participant: pid, Event: &e})
	}
	for _, p := range []string{"p1", "p2", "p3", "p4", "p5"} {
		apply(r, Record{Type: "join", At: t0, Participant: p, Name: p})
		send(p, 0, Event{Kind: Opened, Exercise: testExercises[0]})
	}
	fail := Event{Kind: Graded, Exercise: testExercises[0], Status: "fail", Findings: []string{"leak"}}
	// p1, p2 pass in 4 and 6 minutes: the median is 6m.
	send("p1", 4*time.Minute, Event{Kind: Passed, Exercise: testExercises[0]})
	send("p2", 6*time.Minute, Event{Kind: Passed, Exercise: testExercises[0]})
	// p3 fails the same way three times.
	for i := range 3 {
		send("p3", time.Duration(10+i)*time.Minute, fail)
	}
	// p4 keeps working, with different failures, for 20 minutes.
	send("p4", 18*time.Minute, fail)
	send("p4", 19*time.Minute, Event{Kind: Graded, Exercise: testExercises[0], Status: "fail", Findings: []string{"test"}})
	// p5 did nothing after opening.
	snap := r.Snapshot(t0.Add(20*time.Minute), Stuck{})
	why := map[string]string{}
	for _, p := range snap.Participants {
		why[p.ID] = p.Stuck
	}
	if why["p1"] != "" || why["p2"] != "" {
		t.Errorf("passed participants stuck: %q %q", why["p1"], why["p2"])
	}
	if !strings.Contains(why["p3"], "the same failure 3 times") {
		t.Errorf("p3: %q", why["p3"])
	}
	if !strings.Contains(why["p4"], "20m on goroutines/fetch-all, the room's median is 6m") {
		t.Errorf("p4: %q", why["p4"])
	}
	if !strings.Contains(why["p5"], "idle for 20m") {
		t.Errorf("p5: %q", why["p5"])
	}
	if len(snap.TopFindings) == 0 || snap.TopFindings[0].Finding != "leak" || snap.TopFindings[0].Participants != 1 {
		t.Errorf("top findings %+v: p3's leak (p4 now fails a test)", snap.TopFindings)
	}
}

func TestTheStreamSendsTheRoomWhenItChanges(t *testing.T) {
	_, hs, fac := room(t, Config{SnapshotEvery: 10 * time.Millisecond})
	ctx, cancel := context.WithDeadline(context.Background(), testDeadline(t))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", hs.URL+"/v1/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+fac)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
	lines := make(chan string)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(lines)
		buf := make([]byte, 1<<20)
		var acc string
		for {
			n, err := resp.Body.Read(buf)
			acc += string(buf[:n])
			for {
				i := strings.Index(acc, "\n\n")
				if i < 0 {
					break
				}
				select {
				case lines <- acc[:i]:
				case <-ctx.Done():
					return
				}
				acc = acc[i+2:]
			}
			if err != nil {
				return
			}
		}
	})
	first := <-lines
	if !strings.HasPrefix(first, "event: room\ndata: {") || strings.Contains(first, "Cy") {
		t.Fatalf("first event %q", first)
	}
	join(t, hs.URL, "Cy")
	for ev := range lines {
		if strings.Contains(ev, `"name":"Cy"`) {
			cancel()
			break
		}
	}
	wg.Wait()
}
