package dashboard

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/accent-go/accent/internal/workshop"
)

// busyRoom is a room mid-session: 30 participants, findings, broadcasts.
func busyRoom() workshop.Snapshot {
	snap := snapshot(crowd(30)...)
	snap.Participants[4].Name = "Maximilian Alexander von Humboldt-Schwerin" // longer than the name column
	snap.Participants[4].Cells[session[2]] = workshop.CellState{State: "opened"}
	snap.Participants[7].Cells[session[1]] = workshop.CellState{State: "error", Attempts: 1}
	snap.Participants[8].Stuck = "the same failure 4 times in a row on channels/pipeline (analyzer:chanleak)"
	snap.TopFindings = []workshop.FindingCount{
		{Finding: "analyzer:chanleak", Participants: 7, Exercises: []string{"channels/pipeline"}},
		{Finding: "test:TestPipelineOrder", Participants: 3, Exercises: []string{"channels/pipeline"}},
		{Finding: "race", Participants: 1, Exercises: []string{"goroutines/wait-for-all"}},
	}
	snap.Messages = []workshop.Message{
		{ID: 1, At: now.Add(-20 * time.Minute), Text: "Welcome! Start with wait-for-all."},
		{ID: 2, At: now.Add(-2 * time.Minute), Text: "Pipeline is open: remember to close your channels."},
	}
	return snap
}

// screens are the dashboard in typical states.
var screens = []struct {
	name string
	msgs []tea.Msg
}{
	{name: "connecting"},
	{name: "busy", msgs: []tea.Msg{roomFetchedMsg{snap: busyRoom()}}},
	{name: "scrolled_by_name", msgs: []tea.Msg{roomFetchedMsg{snap: busyRoom()}, keyPress("s"), keyPress("pgdown")}},
	{name: "offline", msgs: []tea.Msg{roomFetchedMsg{snap: busyRoom()}, roomFetchedMsg{err: errUnreachable}}},
	{name: "typing", msgs: append([]tea.Msg{roomFetchedMsg{snap: busyRoom()}, keyPress("b")}, typed("Break in 5")...)},
	{name: "help", msgs: []tea.Msg{roomFetchedMsg{snap: busyRoom()}, keyPress("?")}},
}

// TestView compares each screen, escape codes stripped, with its golden
// file at 80×24 and 140×40 (go test -update rewrites them).
func TestView(t *testing.T) {
	for _, sc := range screens {
		for _, sz := range [][2]int{{80, 24}, {140, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				m := testModel(t, &fakeRoom{}, sz[0], sz[1])
				m = settle(t, m, sc.msgs...)
				out := screen(m)
				checkFrame(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// TestEverySizeFits draws the busy room and a hundred participants at
// many sizes, down to too small.
func TestEverySizeFits(t *testing.T) {
	big := busyRoom()
	big.Participants = crowd(100)
	for _, snap := range []workshop.Snapshot{busyRoom(), big} {
		for _, w := range []int{20, 49, 50, 60, 79, 80, 100, 109, 110, 140, 220} {
			for _, h := range []int{5, 11, 12, 16, 24, 40, 60} {
				for _, extra := range [][]tea.Msg{nil, {keyPress("?")}, {keyPress("end")}} {
					m := testModel(t, &fakeRoom{}, w, h)
					m = settle(t, m, roomFetchedMsg{snap: snap})
					m = settle(t, m, extra...)
					checkFrame(t, screen(m), w, h)
				}
			}
		}
	}
}

// colourSGR matches an escape sequence that sets a foreground or
// background colour.
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

func TestNoColor(t *testing.T) {
	m := testModel(t, &fakeRoom{}, 100, 30)
	m = settle(t, m, roomFetchedMsg{snap: busyRoom()})
	if raw := m.View().Content; colourSGR.MatchString(raw) {
		t.Errorf("NoColor screen sets colours: %q", colourSGR.FindString(raw))
	}
}
