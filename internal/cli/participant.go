package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/learner"
	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/workshop"
)

// The participant's side of a workshop: --join on the workbench, reporting
// from every command once joined, and accent workshop status and leave.

// The participant's side: --join on the workbench, and reporting from
// every command once joined.

// JoinOptions are the workbench's --join, --code and --name.
type JoinOptions struct {
	Server, Code, Name string
}

// workshopDir is where the participant's workshop client keeps its token
// and queue.
func (g *Globals) workshopDir() (string, error) {
	dir := g.StateDir
	if dir == "" {
		var err error
		if dir, err = progress.DefaultDir(g.Env.StateDir); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "workshop"), nil
}

// joinTimeout bounds the join asked at --join: a room out of reach is not
// an error (the client keeps trying in the background), a refusal is.
const joinTimeout = 5 * time.Second

// joinWorkshop sets up the client for --join and joins the room at once,
// so that a refusal (a wrong code, a full room) is an error the learner
// sees: with ask, at a terminal, it asks for the code again (and for a
// missing name or code); otherwise it returns the refusal as a usage
// error (exit 2), and the client it leaves behind queues nothing. A room
// out of reach is no error: events wait in the queue until it answers.
func (g *Globals) joinWorkshop(ctx context.Context, j JoinOptions, ask bool) (*workshop.Client, error) {
	server, code := j.Server, j.Code
	if c, host, ok := strings.Cut(server, "@"); ok && !strings.Contains(c, "/") {
		code, server = cmp.Or(code, c), host // CODE@HOST:PORT
	}
	name := j.Name
	interactive := ask && g.IO.InTTY
	askLine := func(prompt string) string {
		fmt.Fprint(g.IO.ErrOut, prompt)
		return strings.TrimSpace(readLine(ctx, g.IO.In))
	}
	if strings.TrimSpace(name) == "" {
		if !interactive {
			return nil, usageError("--join needs --name: the name the facilitator sees")
		}
		if name = askLine("Your name, as the facilitator will see it: "); name == "" {
			return nil, usageError("no name given")
		}
	}
	if code == "" {
		if !interactive {
			return nil, usageError("--join needs --code: the join code accent workshop serve printed")
		}
		if code = askLine("Join code (on the facilitator's screen): "); code == "" {
			return nil, usageError("no join code given")
		}
	}
	dir, err := g.workshopDir()
	if err != nil {
		return nil, err
	}
	for {
		c, err := workshop.NewClient(workshop.ClientConfig{Server: server, Code: code, Name: name, Dir: dir})
		if err != nil {
			return nil, usageError("%v", err)
		}
		jctx, cancel := context.WithTimeout(ctx, joinTimeout)
		err = c.Join(jctx)
		cancel()
		var refused *workshop.RefusedError
		if !errors.As(err, &refused) {
			return c, nil // joined, or out of reach for now: Run keeps trying
		}
		c.Close()
		if !ask {
			return nil, fmt.Errorf("%w: correct the join code", err) // the workbench's form asks again
		}
		if !interactive {
			return nil, usageError("%v. Check the code on the facilitator's screen and join again (accent --join %s --code CODE --name NAME)", err, refused.Server)
		}
		fmt.Fprintf(g.IO.ErrOut, "%v.\n", err)
		if code = askLine("Join code (on the facilitator's screen; Enter gives up): "); code == "" {
			return nil, usageError("no join code given: not joined")
		}
	}
}

// workshopLink is the workshop the learner joined, shared by the commands
// of one run and the workbench's background commands.
type workshopLink struct {
	mu        sync.Mutex
	c         *workshop.Client // nil until joined or found
	live      bool             // its Run is sending (the workbench, watch)
	refreshed bool             // this run asked the room for its session already
}

// joinedWorkshop returns the client of the workshop joined (now with
// --join, or earlier), or nil.
func (g *Globals) joinedWorkshop() *workshop.Client {
	g.link.mu.Lock()
	defer g.link.mu.Unlock()
	if g.link.c != nil {
		return g.link.c
	}
	dir, err := g.workshopDir()
	if err != nil {
		return nil
	}
	c, err := workshop.OpenClient(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(g.IO.ErrOut, "accent: the workshop: %v\n", err)
		}
		return nil
	}
	g.link.c = c
	return c
}

// room is the session of the workshop joined, as last heard from it
// (learner.Room); the zero Room when not joined.
// A one-shot command asks the room once (briefly: out of reach, the last
// session heard stands); the workbench's client polls it already.
func (g *Globals) room() learner.Room {
	c := g.joinedWorkshop()
	if c == nil {
		return learner.Room{}
	}
	g.link.mu.Lock()
	ask := !g.link.live && !g.link.refreshed
	g.link.refreshed = true
	g.link.mu.Unlock()
	if ask {
		ctx, cancel := context.WithTimeout(context.Background(), sessionTimeout)
		_ = c.RefreshSession(ctx) //accent:ignore errignored out of reach or refused: the session last heard (or none) stands
		cancel()
	}
	return learner.RoomOf(c.Session())
}

// sessionTimeout bounds a one-shot command's question to the room.
const sessionTimeout = 700 * time.Millisecond

// setWorkshop makes c the workshop joined.
func (g *Globals) setWorkshop(c *workshop.Client) {
	g.link.mu.Lock()
	defer g.link.mu.Unlock()
	g.link.c = c
}

// startWorkshop keeps the joined workshop's client sending until ctx
// ends; the returned func stops it and closes the queue.
func (g *Globals) startWorkshop(ctx context.Context) func() {
	c := g.joinedWorkshop()
	g.link.mu.Lock()
	defer g.link.mu.Unlock()
	if c == nil || g.link.live {
		return func() {}
	}
	g.link.live = true
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Run(ctx)
	}()
	return func() {
		cancel()
		<-done
		g.link.mu.Lock()
		g.link.live, g.link.c = false, nil
		g.link.mu.Unlock()
		if err := c.Close(); err != nil {
			fmt.Fprintf(g.IO.ErrOut, "accent: the workshop: %v\n", err)
		}
	}
}

// printNotices prints what the workshop said since the last prompt (the
// line-based workbench prints it between prompts, never in the middle of
// one).
func (g *Globals) printNotices() {
	g.link.mu.Lock()
	c := g.link.c
	g.link.mu.Unlock()
	if c == nil {
		return
	}
	for {
		select {
		case n := <-c.Notices():
			switch {
			case n.Message != nil:
				fmt.Fprintf(g.IO.Out, "\nFacilitator: %s\n", n.Message.Text)
			case n.Opened != "":
				fmt.Fprintf(g.IO.Out, "\nThe facilitator opened %s.\n", n.Opened)
			case n.Joined != "":
				fmt.Fprintf(g.IO.Out, "\nJoined the workshop as %s.\n", n.Joined)
			case n.Err != "":
				fmt.Fprintf(g.IO.Out, "\nWorkshop: %s\n", n.Err)
			}
		default:
			return
		}
	}
}

// report queues workshop events (learner says which) if the learner
// joined one. It never waits on the network and never fails a command.
func (g *Globals) report(events ...workshop.Event) {
	if len(events) == 0 {
		return
	}
	c := g.joinedWorkshop()
	if c == nil {
		return
	}
	for _, e := range events {
		if err := c.Report(e); err != nil {
			fmt.Fprintf(g.IO.ErrOut, "accent: the workshop: %v\n", err)
		}
	}
}

// flushWorkshop gives queued events a short chance to reach the room at
// the end of a one-shot command; what does not make it goes next time.
func (g *Globals) flushWorkshop(ctx context.Context) {
	g.link.mu.Lock()
	c, live := g.link.c, g.link.live
	g.link.mu.Unlock()
	if c == nil || live {
		return // none, or Run is sending already
	}
	ctx, cancel := context.WithTimeout(ctx, 700*time.Millisecond)
	defer cancel()
	_ = c.Send(ctx) //accent:ignore errignored the events stay queued for the next command or the workbench
}

// WorkshopStatusOptions: accent workshop status.
type WorkshopStatusOptions struct{ *Globals }

func newWorkshopStatusCmd(g *Globals) *cobra.Command {
	opts := &WorkshopStatusOptions{Globals: g}
	return &cobra.Command{
		Use:   "status",
		Short: "Say which workshop you joined and how many events wait to be sent",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runWorkshopStatus(cmd.Context(), opts) },
	}
}

func runWorkshopStatus(ctx context.Context, opts *WorkshopStatusOptions) error {
	c := opts.joinedWorkshop()
	if c == nil {
		fmt.Fprintln(opts.IO.Out, "You have not joined a workshop (accent --join HOST:PORT --code CODE --name NAME).")
		return nil
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	err := c.Send(ctx)
	info := c.Info()
	fmt.Fprintf(opts.IO.Out, "Workshop %s as %q: %d events waiting to be sent.\n", info.Server, info.Name, c.Pending())
	var refused *workshop.RefusedError
	switch {
	case errors.As(err, &refused):
		fmt.Fprintf(opts.IO.Out, "%s: nothing is sent. Join again with the right code (accent --join %s --code CODE --name NAME), or accent workshop leave.\n", capitalize(err.Error()), refused.Server)
	case err != nil:
		fmt.Fprintf(opts.IO.Out, "The room is out of reach right now: %v\n", err)
	}
	return nil
}

// LeaveOptions: accent workshop leave.
type LeaveOptions struct{ *Globals }

func newLeaveCmd(g *Globals) *cobra.Command {
	opts := &LeaveOptions{Globals: g}
	return &cobra.Command{
		Use:   "leave",
		Short: "Stop reporting to the workshop you joined (unsent events are dropped)",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runLeave(opts) },
	}
}

func runLeave(opts *LeaveOptions) error {
	dir, err := opts.workshopDir()
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, "Left the workshop.")
	return nil
}

// capitalize starts s with a capital letter, to begin a sentence with an
// error's words.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// readLine reads one line from r, a byte at a time so that nothing after
// it is taken from whoever reads r next (the workbench); "" at the end of
// the input or when ctx ends (the read then finishes in the background).
func readLine(ctx context.Context, r io.Reader) string {
	done := make(chan string, 1)
	go func() {
		var b []byte
		one := make([]byte, 1)
		for {
			n, err := r.Read(one)
			if n == 1 && one[0] != '\n' {
				b = append(b, one[0])
			}
			if (n == 1 && one[0] == '\n') || err != nil {
				break
			}
		}
		done <- strings.TrimSuffix(string(b), "\r")
	}()
	select {
	case line := <-done:
		return line
	case <-ctx.Done():
		return ""
	}
}
