package dashboard

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/workshop"
)

// names is the participants' names in the order on screen.
func names(m Model) []string {
	out := make([]string, len(m.rows))
	for i, p := range m.rows {
		out[i] = p.Name
	}
	return out
}

func TestSortStuckFirstThenByNameAndToggles(t *testing.T) {
	snap := snapshot(
		participant("1", "zoe", "", map[string]workshop.CellState{session[0]: {State: "passed"}, session[1]: {State: "passed"}}),
		participant("2", "Bob", "the same failure 3 times in a row on channels/pipeline (leak)", map[string]workshop.CellState{session[0]: {State: "passed"}}),
		participant("3", "amy", "", nil),
		participant("4", "yann", "idle for 12m0s", nil),
	)
	m := testModel(t, &fakeRoom{}, 100, 30)
	m = settle(t, m, roomFetchedMsg{snap: snap})
	tests := []struct {
		sort sortMode
		want []string
	}{
		{byStuck, []string{"Bob", "yann", "amy", "zoe"}},
		{byName, []string{"amy", "Bob", "yann", "zoe"}},
		{byProgress, []string{"amy", "yann", "Bob", "zoe"}},
		{byStuck, []string{"Bob", "yann", "amy", "zoe"}},
	}
	for i, tt := range tests {
		if i > 0 {
			m = settle(t, m, keyPress("s"))
		}
		if m.sort != tt.sort || !slices.Equal(names(m), tt.want) {
			t.Errorf("after %d×s: sort %s, rows %v; want %s, %v", i, m.sort, names(m), tt.sort, tt.want)
		}
	}
	out := screen(m)
	if bob, amy := lineIndex(out, "Bob"), lineIndex(out, "amy"); bob < 0 || amy < 0 || bob > amy {
		t.Errorf("Bob (stuck) on line %d, amy on line %d:\n%s", bob, amy, out)
	}
	if row := rowOf(out, "Bob"); !strings.Contains(row, "the same failure 3 times") {
		t.Errorf("Bob's row does not say why he is stuck: %q", row)
	}
}

func TestCellSymbols(t *testing.T) {
	snap := snapshot(
		participant("1", "ada", "", map[string]workshop.CellState{
			session[0]: {State: "passed", Attempts: 1},
			session[1]: {State: "failing", Attempts: 3},
		}),
		participant("2", "ben", "", map[string]workshop.CellState{
			session[0]: {State: "error", Attempts: 1},
			session[1]: {State: "opened"},
		}),
		participant("3", "cy", "", nil),
	)
	m := testModel(t, &fakeRoom{}, 100, 30)
	m = settle(t, m, roomFetchedMsg{snap: snap})
	out := screen(m)
	c := m.columns(m.layout().gridW)
	cellAt := func(row string, i int) string {
		start := 1 + c.nameW + 1 + c.doneW + 1 + i*c.cellW
		r := []rune(row)
		if start+c.cellW > len(r) {
			return strings.TrimSpace(string(r[min(start, len(r)):]))
		}
		return strings.TrimSpace(string(r[start : start+c.cellW]))
	}
	tests := []struct {
		name string
		want []string // the cells of the four exercises
	}{
		{"ada", []string{"✓", "✗3", "", ""}},
		{"ben", []string{"!", "●", "", ""}},
		{"cy", []string{"", "", "", ""}},
	}
	for _, tt := range tests {
		row := rowOf(out, tt.name)
		for i, want := range tt.want {
			if got := cellAt(row, i); got != want {
				t.Errorf("%s on %s: %q, want %q (row %q)", tt.name, session[i], got, want, row)
			}
		}
	}
	header := strings.Split(out, "\n")[0]
	for _, want := range []string{"ABCD-EFGH", "3 joined", "0/3 passed channels/pipeline"} {
		if !strings.Contains(header, want) {
			t.Errorf("header %q lacks %q", header, want)
		}
	}
	for _, slug := range []string{"wait-for-all", "pipeline", "fan-in", "timeout"} {
		if !strings.Contains(out, slug) {
			t.Errorf("no column %s:\n%s", slug, out)
		}
	}
}

func TestFindingsAndBroadcastsPanel(t *testing.T) {
	snap := snapshot(participant("1", "ada", "", nil))
	snap.TopFindings = []workshop.FindingCount{
		{Finding: "analyzer:chanleak", Participants: 7, Exercises: []string{"channels/pipeline"}},
		{Finding: "test:TestOrder", Participants: 2, Exercises: []string{"channels/pipeline", "channels/fan-in"}},
	}
	snap.Messages = []workshop.Message{{ID: 1, At: now.Add(-time.Minute), Text: "Break in 5 minutes"}}
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		m := testModel(t, &fakeRoom{}, size[0], size[1])
		m = settle(t, m, roomFetchedMsg{snap: snap})
		out := screen(m)
		for _, want := range []string{
			"Most frequent findings right now",
			"7× analyzer:chanleak in channels/pipeline",
			"2× test:TestOrder in channels/pipeline",
			"14:29 Break in 5 minutes",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%d×%d: no %q:\n%s", size[0], size[1], want, out)
			}
		}
	}
}

func TestHundredParticipantsScroll(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: snapshot(crowd(100)...)})
	vis := m.visibleRows()
	if vis < 10 {
		t.Fatalf("only %d rows fit at 80×24", vis)
	}
	out := screen(m)
	checkFrame(t, out, 80, 24)
	if !strings.Contains(out, "rows 1–"+strconv.Itoa(vis)+" of 100") {
		t.Errorf("no row range in the status line:\n%s", out)
	}
	first := m.rows[0].Name
	// The keys move the selection; the rows scroll to keep it on screen.
	steps := []struct {
		keys        []string
		sel, offset int
	}{
		{[]string{"down", "down"}, 2, 0},
		{[]string{"up"}, 1, 0},
		{[]string{"pgdown"}, vis, 1},
		{[]string{"end"}, 99, 100 - vis},
		{[]string{"down"}, 99, 100 - vis}, // no scrolling past the end
		{[]string{"pgup"}, 99 - (vis - 1), 100 - vis},
		{[]string{"home"}, 0, 0},
		{[]string{"up"}, 0, 0},
	}
	for _, s := range steps {
		m = settle(t, m, keys(s.keys...)...)
		if m.sel != s.sel || m.offset != s.offset {
			t.Fatalf("after %v: selection %d offset %d, want %d %d", s.keys, m.sel, m.offset, s.sel, s.offset)
		}
	}
	m = settle(t, m, keyPress("end"))
	out = screen(m)
	checkFrame(t, out, 80, 24)
	last := m.rows[len(m.rows)-1].Name
	if !strings.Contains(out, last) || strings.Contains(out, first) {
		t.Errorf("at the end: want %s on screen and %s off it:\n%s", last, first, out)
	}
	// A new snapshot keeps the scroll position.
	m = settle(t, m, roomFetchedMsg{snap: snapshot(crowd(100)...)})
	if m.offset != 100-vis {
		t.Errorf("a new snapshot moved the rows to %d", m.offset)
	}
	// Fewer participants: the offset follows.
	m = settle(t, m, roomFetchedMsg{snap: snapshot(crowd(5)...)})
	if m.offset != 0 {
		t.Errorf("5 participants, offset %d", m.offset)
	}
}

func TestFetchErrorKeepsTheLastSnapshot(t *testing.T) {
	api := &fakeRoom{snap: snapshot(participant("1", "ada", "", nil))}
	m := testModel(t, api, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: api.snap})
	m = settle(t, m, roomFetchedMsg{err: errUnreachable})
	out := screen(m)
	if !strings.Contains(out, "ada") || !strings.Contains(out, "ABCD-EFGH") {
		t.Errorf("the last snapshot is gone:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	status := lines[len(lines)-2]
	if !strings.Contains(status, "out of reach") || !strings.Contains(status, "Retrying") {
		t.Errorf("status line %q does not give the error and say it retries", status)
	}
	if !strings.Contains(lines[0], "offline") {
		t.Errorf("header %q does not say offline", lines[0])
	}
	// The server is back: the next poll clears the error.
	m = settle(t, m, roomFetchedMsg{snap: api.snap})
	if out := screen(m); strings.Contains(out, "Retrying") || strings.Contains(out, "offline") || !strings.Contains(out, "live") {
		t.Errorf("still offline after a good poll:\n%s", out)
	}
}

func TestFetchErrorBeforeAnySnapshot(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 80, 24)
	m = settle(t, m, roomFetchedMsg{err: errUnreachable})
	out := screen(m)
	checkFrame(t, out, 80, 24)
	if !strings.Contains(out, "Cannot reach the workshop server yet") {
		t.Errorf("no word of the error:\n%s", out)
	}
}

func TestPolling(t *testing.T) {
	api := &fakeRoom{snap: snapshot(participant("1", "ada", "", nil))}
	m := testModel(t, api, 80, 24)
	var timers []int // the generations of the timers started
	m.timer = func(d time.Duration, gen int) tea.Cmd {
		if d != time.Second {
			t.Errorf("poll every %s, want the default 1s", d)
		}
		timers = append(timers, gen)
		return nil // the test fires timers itself
	}
	// Init fetches; the result starts the timer.
	m = settle(t, m, runCmd(m.Init())...)
	if api.fetches != 1 || !m.hasSnap || len(timers) != 1 {
		t.Fatalf("after Init: %d fetches, snapshot %v, timers %v", api.fetches, m.hasSnap, timers)
	}
	m = settle(t, m, pollTickedMsg{gen: timers[0]})
	if api.fetches != 2 || len(timers) != 2 {
		t.Fatalf("after the timer: %d fetches, timers %v", api.fetches, timers)
	}
	// r fetches now; the timer it supersedes is dropped when it fires.
	stale := timers[1]
	m = settle(t, m, keyPress("r"))
	if api.fetches != 3 {
		t.Fatalf("r: %d fetches", api.fetches)
	}
	m = settle(t, m, pollTickedMsg{gen: stale})
	if api.fetches != 3 {
		t.Errorf("a superseded timer fetched again: %d fetches", api.fetches)
	}
	// A poll in flight is not doubled by r.
	next, cmd := m.Update(pollTickedMsg{gen: m.gen})
	m = next.(Model)
	if cmd == nil || !m.fetching {
		t.Fatal("the timer started no poll")
	}
	if _, again := m.Update(keyPress("r")); again != nil {
		t.Errorf("r started a second poll while one is in flight")
	}
}

func TestOpenPicksTheNextUnopenedExercise(t *testing.T) {
	tests := []struct {
		name   string
		opened []string
		want   string // "" for nothing opened
		status string
	}{
		{"the first after the open ones", session[:2], session[2], "Opened channels/fan-in"},
		{"a gap is filled first", []string{session[0], session[2]}, session[1], "Opened channels/pipeline"},
		{"none open yet", nil, session[0], "Opened goroutines/wait-for-all"},
		{"all open", session, "", "All 4 exercises of the session are open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := &fakeRoom{snap: snapshot(participant("1", "ada", "", nil))}
			api.snap.Opened = slices.Clone(tt.opened)
			m := testModel(t, api, 80, 24)
			m = settle(t, m, roomFetchedMsg{snap: api.snap})
			m = settle(t, m, keyPress("o"))
			if tt.want != "" {
				// Opening reaches every participant: o asks first, y confirms.
				if m.state != confirmState || !strings.Contains(screen(m), slug(tt.want)) || !strings.Contains(screen(m), "y open") || len(api.opened) != 0 {
					t.Fatalf("o opened %v without asking:\n%s", api.opened, screen(m))
				}
				m = settle(t, m, keyPress("y"))
			}
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if !slices.Equal(api.opened, want) {
				t.Errorf("opened %v, want %v", api.opened, want)
			}
			if !strings.Contains(m.status, tt.status) {
				t.Errorf("status %q, want %q", m.status, tt.status)
			}
			if tt.want != "" && !slices.Contains(m.snap.Opened, tt.want) {
				t.Errorf("the room after opening: %v", m.snap.Opened)
			}
		})
	}
}

func TestOpenTwiceWhileInFlightOpensOnce(t *testing.T) {
	api := &fakeRoom{snap: snapshot()}
	m := testModel(t, api, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: api.snap})
	m = settle(t, m, keyPress("o"))
	next, cmd := m.Update(keyPress("y"))
	m = next.(Model)
	if cmd == nil || m.opening != session[2] {
		t.Fatalf("o: opening %q", m.opening)
	}
	if _, again := m.Update(keyPress("o")); again != nil {
		t.Error("o while opening opened again")
	}
	// A poll that lands meanwhile does not offer the same exercise again.
	m = settle(t, m, roomFetchedMsg{snap: snapshot()})
	if got := m.nextExercise(); got != session[3] {
		t.Errorf("next exercise while %s is being opened: %s", session[2], got)
	}
}

func TestBroadcast(t *testing.T) {
	api := &fakeRoom{snap: snapshot(participant("1", "ada", "", nil))}
	m := testModel(t, api, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: api.snap})

	m = settle(t, m, keyPress("b"))
	if m.state != typingState {
		t.Fatalf("b: state %s", m.state)
	}
	m = settle(t, m, typed("q to quit? no: s, o and r are text here")...)
	if m.state != typingState || len(api.opened) != 0 {
		t.Fatalf("typed letters acted as keys: state %s, opened %v", m.state, api.opened)
	}
	if out := screen(m); !strings.Contains(out, "say: q to quit?") {
		t.Errorf("the message being typed is not on screen:\n%s", out)
	}
	m = settle(t, m, keyPress("enter"))
	if want := []string{"q to quit? no: s, o and r are text here"}; !slices.Equal(api.broadcasts, want) {
		t.Errorf("broadcasts %q, want %q", api.broadcasts, want)
	}
	if m.state != boardState || !strings.Contains(m.status, "Sent to every participant") {
		t.Errorf("after enter: state %s, status %q", m.state, m.status)
	}

	// esc cancels; an empty message is not sent.
	m = settle(t, m, keyPress("b"))
	m = settle(t, m, typed("never mind")...)
	m = settle(t, m, keyPress("esc"))
	m = settle(t, m, keyPress("b"), keyPress("enter"))
	if len(api.broadcasts) != 1 || m.state != boardState {
		t.Errorf("esc or an empty message sent something: %q (state %s)", api.broadcasts, m.state)
	}
}

func TestQuitKeys(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 80, 24)
	for _, k := range []string{"q", "ctrl+c"} {
		if _, cmd := m.Update(keyPress(k)); !quits(cmd) {
			t.Errorf("%s does not quit", k)
		}
	}
	m = settle(t, m, keyPress("b"))
	if _, cmd := m.Update(keyPress("q")); quits(cmd) {
		t.Error("q quits while typing a broadcast")
	}
	if _, cmd := m.Update(keyPress("ctrl+c")); !quits(cmd) {
		t.Error("ctrl+c does not quit while typing")
	}
}

func TestHelpPage(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: snapshot()})
	m = settle(t, m, keyPress("?"))
	out := screen(m)
	checkFrame(t, out, 80, 24)
	for _, want := range []string{"open the next exercise", "broadcast a message", "sort by stuck/name/progress", "✗3 failing, 3 attempts"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	m = settle(t, m, keyPress("esc"))
	if m.state != boardState {
		t.Errorf("esc leaves help for %s", m.state)
	}
}

func TestNamesAreDrawnSafely(t *testing.T) {
	evil := "eve\x1b[31m\x1b]0;pwned\x07\u202e\nnext"
	snap := snapshot(participant("1", evil, "stuck\x1b[2J", nil))
	snap.TopFindings = []workshop.FindingCount{{Finding: "leak\x1b[5m", Participants: 1}}
	snap.Messages = []workshop.Message{{ID: 1, At: now, Text: "hi\x1b[H"}}
	m := testModel(t, &fakeRoom{}, 100, 30)
	m = settle(t, m, roomFetchedMsg{snap: snap})
	raw := m.View().Content
	for _, bad := range []string{"\x1b[31m", "\x1b]0;", "\x07", "\u202e", "\x1b[2J", "\x1b[5m", "\x1b[H"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the screen holds %q from the server", bad)
		}
	}
	if out := screen(m); !strings.Contains(out, "eve[31m]0;pwned next") {
		t.Errorf("the name is not shown, made harmless:\n%s", out)
	}
}

func TestStuckColumnAndNoParticipants(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 80, 24)
	m = settle(t, m, roomFetchedMsg{snap: snapshot()})
	if out := screen(m); !strings.Contains(out, "No participants yet") || !strings.Contains(out, "--code ABCD-EFGH") {
		t.Errorf("an empty room does not say how to join:\n%s", out)
	}
}
