package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/workshop"
)

// Workshop is the workshop the learner joined (accent --join): the
// workbench reports the exercises they open and the hints they reveal
// (grades are reported by the GradeFunc), and shows what the facilitator
// says. Report only writes to a local queue: it never waits on the network.
type Workshop interface {
	Report(workshop.Event) error
	Notices() <-chan workshop.Notice
}

// workshopNoticeMsg carries something the workshop server said.
type workshopNoticeMsg struct{ notice workshop.Notice }

// workshopReportedMsg says an event is queued (err if it could not be).
type workshopReportedMsg struct{ err error }

// waitNotice waits for the next notice from the workshop, until the
// workbench stops.
func (c *common) waitNotice() tea.Cmd {
	if c.workshop == nil {
		return nil
	}
	ch, done := c.workshop.Notices(), c.ctx.Done()
	return func() tea.Msg {
		select {
		case n, ok := <-ch:
			if !ok {
				return nil // the workshop client is gone
			}
			return workshopNoticeMsg{n}
		case <-done:
			return nil
		}
	}
}

// report queues workshop events (learner says which), if the learner
// joined a workshop.
func (c *common) report(events ...workshop.Event) tea.Cmd {
	if c.workshop == nil || len(events) == 0 {
		return nil
	}
	w := c.workshop
	return guarded(func() tea.Msg {
		var errs []error
		for _, e := range events {
			errs = append(errs, w.Report(e))
		}
		return workshopReportedMsg{errors.Join(errs...)}
	})
}

// Status lines that a following "opened" notice adds to rather than replaces.
const (
	facilitatorSays = "Facilitator: "
	joinedSays      = "Joined the workshop at "
)

// noticeText is how a notice reads in the status line.
func noticeText(n workshop.Notice) (text string, isErr bool) {
	switch {
	case n.Message != nil:
		return facilitatorSays + n.Message.Text, false
	case n.Opened != "":
		return "The facilitator opened " + n.Opened + ".", false
	case n.Joined != "":
		return "Joined the workshop as " + n.Joined + ".", false
	case n.Err != "":
		return "Workshop: " + n.Err, true
	}
	return "", false
}
