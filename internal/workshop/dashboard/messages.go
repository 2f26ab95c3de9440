package dashboard

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/termui"
	"github.com/accent-go/accent/internal/workshop"
)

// room is the part of the facilitator's API the dashboard uses:
// *workshop.Facilitator, or a fake in tests.
type room interface {
	Room(ctx context.Context) (workshop.Snapshot, error)
	Open(ctx context.Context, exercise string) error
	Broadcast(ctx context.Context, text string) error
}

// roomFetchedMsg carries the room's snapshot, or why it could not be
// fetched (the last snapshot stays on screen).
type roomFetchedMsg struct {
	snap workshop.Snapshot
	err  error
}

// pollTickedMsg is the poll timer going off; gen says which timer, so a
// timer superseded by a refresh is dropped.
type pollTickedMsg struct{ gen int }

// exerciseOpenedMsg says the facilitator opened an exercise to the room.
type exerciseOpenedMsg struct {
	exercise string
	err      error
}

// messageBroadcastMsg says a broadcast reached the server.
type messageBroadcastMsg struct {
	text string
	err  error
}

// crashedMsg is a panic in a command: the dashboard quits and Run reports it.
type crashedMsg = termui.CrashedMsg

// guarded turns a panic in cmd into a crashedMsg, so the terminal is
// restored before the stack is printed.
func guarded(cmd tea.Cmd) tea.Cmd { return termui.Guarded(cmd) }

// fetchRoom asks the server for the room's snapshot.
func fetchRoom(ctx context.Context, api room) tea.Cmd {
	return guarded(func() tea.Msg {
		snap, err := api.Room(ctx)
		return roomFetchedMsg{snap: snap, err: err}
	})
}

// openExercise opens exercise to the room.
func openExercise(ctx context.Context, api room, exercise string) tea.Cmd {
	return guarded(func() tea.Msg {
		err := api.Open(ctx, exercise)
		if err != nil {
			err = fmt.Errorf("opening %s: %w", exercise, err)
		}
		return exerciseOpenedMsg{exercise: exercise, err: err}
	})
}

// broadcast sends text to every participant.
func broadcast(ctx context.Context, api room, text string) tea.Cmd {
	return guarded(func() tea.Msg {
		err := api.Broadcast(ctx, text)
		if err != nil {
			err = fmt.Errorf("broadcasting: %w", err)
		}
		return messageBroadcastMsg{text: text, err: err}
	})
}

// pollTimer fires a pollTickedMsg for gen after d.
func pollTimer(d time.Duration, gen int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return pollTickedMsg{gen: gen} })
}
