package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/workshop"
	"github.com/accent-go/accent/internal/workshop/dashboard"
)

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
		if dir, err = progress.DefaultDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "workshop"), nil
}

// joinWorkshop sets up the client for --join; it asks for the code at a
// terminal when it is missing.
func (g *Globals) joinWorkshop(j JoinOptions) (*workshop.Client, error) {
	server, code := j.Server, j.Code
	if c, host, ok := strings.Cut(server, "@"); ok && !strings.Contains(c, "/") {
		code, server = cmp.Or(code, c), host // CODE@HOST:PORT
	}
	name := j.Name
	var lines <-chan string
	stop := func() {}
	defer func() { stop() }()
	ask := func(prompt string) string {
		if lines == nil {
			lines, _, stop = readLines(g.IO.In)
		}
		fmt.Fprint(g.IO.ErrOut, prompt)
		return strings.TrimSpace(<-lines)
	}
	if strings.TrimSpace(name) == "" {
		if !g.IO.InTTY {
			return nil, usageError("--join needs --name: the name the facilitator sees")
		}
		if name = ask("Your name, as the facilitator will see it: "); name == "" {
			return nil, usageError("no name given")
		}
	}
	if code == "" {
		if !g.IO.InTTY {
			return nil, usageError("--join needs --code: the join code accent workshop serve printed")
		}
		if code = ask("Join code (on the facilitator's screen): "); code == "" {
			return nil, usageError("no join code given")
		}
	}
	dir, err := g.workshopDir()
	if err != nil {
		return nil, err
	}
	c, err := workshop.NewClient(workshop.ClientConfig{Server: server, Code: code, Name: name, Dir: dir})
	if err != nil {
		return nil, usageError("%v", err)
	}
	return c, nil
}

// workshopLink is the workshop the learner joined, shared by the commands
// of one run and the workbench's background commands.
type workshopLink struct {
	mu   sync.Mutex
	c    *workshop.Client // nil until joined or found
	live bool             // its Run is sending (the workbench, watch)
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

// The facilitator's side: accent workshop ...

func newWorkshopCmd(g *Globals) *cobra.Command {
	ws := &cobra.Command{
		Use:   "workshop",
		Short: "Run a workshop: a facilitator server, a room dashboard, and the results",
		Long: `Run a workshop. The facilitator starts a server; participants join it with
accent --join HOST:PORT --code CODE --name NAME. Their own machines grade
everything and send small progress events, never code.`,
		Args: cobra.NoArgs,
	}
	ws.AddCommand(newServeCmd(g), newDashboardCmd(g), newExportCmd(g), newOpenCmd(g), newSayCmd(g), newRemoveCmd(g), newWorkshopStatusCmd(g), newLeaveCmd(g))
	return ws
}

// defaultDataDir is where a facilitator's rooms live by default.
func (g *Globals) defaultDataDir() (string, error) {
	dir := g.StateDir
	if dir == "" {
		var err error
		if dir, err = progress.DefaultDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "room"), nil
}

// ServeOptions: accent workshop serve.
type ServeOptions struct {
	*Globals
	Addr      string
	Data      string
	Code      string
	Exercises []string
	// MaxParticipants caps the room.
	MaxParticipants int
	Ready           func(addr string) // tests: called once listening
}

func newServeCmd(g *Globals) *cobra.Command {
	opts := &ServeOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Start the facilitator server and print the join command",
		Example: `  accent workshop serve
  accent workshop serve --addr :7777 --code GOLANG --exercises fetch-all,first-error,channels`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", ":7777", "listen on this address")
	cmd.Flags().StringVar(&opts.Data, "data", "", "the room's data directory (default: the state directory's room/)")
	cmd.Flags().StringVar(&opts.Code, "code", "", "the join code (default: the room's, or a random one)")
	cmd.Flags().StringSliceVar(&opts.Exercises, "exercises", nil, "the session's exercises in order: ids, unique slugs or topics (default: the whole course, or the room's)")
	cmd.Flags().IntVar(&opts.MaxParticipants, "max-participants", workshop.DefaultMaxParticipants, "refuse joins past this many participants (1 to 10000)")
	return cmd
}

func (o *ServeOptions) dataDir() (string, error) {
	if o.Data != "" {
		return o.Data, nil
	}
	return o.defaultDataDir()
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	c, err := opts.Course()
	if err != nil {
		return err
	}
	var exs []string
	if len(opts.Exercises) > 0 {
		sel, err := selectExercises(c, opts.Exercises)
		if err != nil {
			return err
		}
		// Keep the order given: topics expand in course order.
		for _, a := range opts.Exercises {
			for _, ex := range sel {
				if (ex.ID == a || ex.Slug == a || ex.Topic == a) && !slices.Contains(exs, ex.ID) {
					exs = append(exs, ex.ID)
				}
			}
		}
	}
	data, err := opts.dataDir()
	if err != nil {
		return err
	}
	if opts.MaxParticipants < 0 || opts.MaxParticipants > 10000 {
		return usageError("--max-participants %d: use 1 to 10000", opts.MaxParticipants)
	}
	cfg := workshop.Config{DataDir: data, Code: opts.Code, Exercises: exs, MaxParticipants: opts.MaxParticipants,
		Logger: slog.New(slog.NewTextHandler(opts.IO.ErrOut, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	if exs == nil {
		if room, _, err := workshop.LoadRoom(data); err != nil || len(room.Session(0).Exercises) == 0 {
			for _, ex := range c.Exercises {
				cfg.Exercises = append(cfg.Exercises, ex.ID)
			}
		}
	}
	srv, err := workshop.Open(cfg)
	if err != nil {
		return usageError("%v", err)
	}
	defer func() {
		if err := srv.Close(); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "accent: closing the room: %v\n", err)
		}
	}()
	if srv.Notice != "" {
		fmt.Fprintln(opts.IO.ErrOut, "accent: "+srv.Notice)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return usageError("listening on %s: %v", opts.Addr, err)
	}
	addr := reachableAddr(ln.Addr().(*net.TCPAddr))
	if err := os.WriteFile(filepath.Join(data, "server.addr"), []byte(addr+"\n"), 0o600); err != nil {
		return err
	}
	key, err := workshop.ReadSecret(data, workshop.BoardKey)
	if err != nil {
		return err
	}
	session := srv.Room().Session(0)
	out := opts.IO.Out
	fmt.Fprintf(out, "accent workshop: room %s, %d exercises (%s open), data in %s\n\n", srv.Code(), len(session.Exercises), strings.Join(session.Opened, ", "), data)
	fmt.Fprintf(out, "Participants type:\n\n    accent --join %s --code %s --name \"Your Name\"\n\n", addr, srv.Code())
	fmt.Fprintf(out, "Room board (projector):  http://%s/board#key=%s\n", addr, key)
	fmt.Fprintf(out, "Dashboard:               accent workshop dashboard --data %s\n", data)
	fmt.Fprintf(out, "Facilitator token:       %s (mode 0600)\n\nCtrl-C stops the server; the room is kept in %s.\n", filepath.Join(data, workshop.FacilitatorToken), filepath.Join(data, workshop.LogFile))
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(opts.IO.ErrOut, "accent workshop: stopping")
	srv.StopStreams()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	return hs.Shutdown(sctx)
}

// reachableAddr is the address to print: a wildcard listen address becomes
// this machine's first non-loopback IPv4 address (what people in the room
// can reach), or localhost.
func reachableAddr(a *net.TCPAddr) string {
	if !a.IP.IsUnspecified() {
		return a.String()
	}
	host := "localhost"
	if addrs, err := net.InterfaceAddrs(); err == nil {
		var ips []string
		for _, ad := range addrs {
			if n, ok := ad.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
				ips = append(ips, n.IP.String())
			}
		}
		sort.Strings(ips)
		if len(ips) > 0 {
			host = ips[0]
		}
	}
	return net.JoinHostPort(host, fmt.Sprint(a.Port))
}

// facilitatorFlags are how the facilitator's commands find the server.
type facilitatorFlags struct {
	Data, Server string
}

func (f *facilitatorFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.Data, "data", "", "the server's data directory, for the token and address (default: the state directory's room/)")
	cmd.Flags().StringVar(&f.Server, "server", "", "the server's HOST:PORT (default: the address the server wrote to its data directory)")
}

func (f *facilitatorFlags) client(g *Globals) (*workshop.Facilitator, error) {
	data := f.Data
	if data == "" {
		var err error
		if data, err = g.defaultDataDir(); err != nil {
			return nil, err
		}
	}
	token := os.Getenv("ACCENT_FACILITATOR_TOKEN")
	if token == "" {
		var err error
		if token, err = workshop.ReadSecret(data, workshop.FacilitatorToken); err != nil {
			return nil, usageError("%v; or set ACCENT_FACILITATOR_TOKEN", err)
		}
	}
	server := f.Server
	if server == "" {
		b, err := os.ReadFile(filepath.Join(data, "server.addr"))
		if err != nil {
			return nil, usageError("no --server given and none recorded in %s: is accent workshop serve running?", data)
		}
		server = strings.TrimSpace(string(b))
	}
	fc, err := workshop.NewFacilitator(server, token)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return fc, nil
}

func newDashboardCmd(g *Globals) *cobra.Command {
	var f facilitatorFlags
	cmd := &cobra.Command{
		Use:   "dashboard",
		Short: "The facilitator's live view of the room: who is where, who is stuck, what to explain next",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fc, err := f.client(g)
			if err != nil {
				return err
			}
			if !g.IO.InTTY || !g.IO.OutTTY {
				return usageError("the dashboard needs a terminal; GET /v1/room gives the same data as JSON")
			}
			return dashboard.Run(cmd.Context(), dashboard.Options{Facilitator: fc, In: g.IO.In, Out: g.IO.Out, NoColor: noColor()})
		},
	}
	f.register(cmd)
	return cmd
}

func newOpenCmd(g *Globals) *cobra.Command {
	var f facilitatorFlags
	cmd := &cobra.Command{
		Use:   "open EXERCISE",
		Short: "Open one of the session's exercises to the room",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := f.client(g)
			if err != nil {
				return err
			}
			id := args[0]
			if c, err := g.Course(); err == nil {
				if ex, err := c.FindExercise(id); err == nil {
					id = ex.ID
				}
			}
			if err := fc.Open(cmd.Context(), id); err != nil {
				return err
			}
			fmt.Fprintf(g.IO.Out, "Opened %s.\n", id)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

func newSayCmd(g *Globals) *cobra.Command {
	var f facilitatorFlags
	cmd := &cobra.Command{
		Use:   "say MESSAGE...",
		Short: "Broadcast a message to every participant's workbench",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := f.client(g)
			if err != nil {
				return err
			}
			if err := fc.Broadcast(cmd.Context(), strings.Join(args, " ")); err != nil {
				return err
			}
			fmt.Fprintln(g.IO.Out, "Sent.")
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

func newRemoveCmd(g *Globals) *cobra.Command {
	var f facilitatorFlags
	cmd := &cobra.Command{
		Use:   "remove PARTICIPANT",
		Short: "Take a participant out of the room (an id like p12, as the dashboard and export show)",
		Long: `Take a participant out of the room: their row leaves the dashboard and
the board, their token stops working, and their client stops sending.
The id is the one the dashboard and "accent workshop export" show (p12).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := f.client(g)
			if err != nil {
				return err
			}
			if err := fc.Remove(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(g.IO.Out, "Removed %s.\n", args[0])
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

func newExportCmd(g *Globals) *cobra.Command {
	var data, format, output string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the room's results as CSV or JSON (works while the server runs, or after)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "csv" && format != "json" {
				return usageError("--format %q: use csv or json", format)
			}
			if data == "" {
				var err error
				if data, err = g.defaultDataDir(); err != nil {
					return err
				}
			}
			room, notice, err := workshop.LoadRoom(data)
			if err != nil {
				return usageError("%v", err)
			}
			if notice != "" {
				fmt.Fprintln(g.IO.ErrOut, "accent: "+notice)
			}
			snap := room.Snapshot(g.Now(), workshop.Stuck{})
			if output == "" || output == "-" {
				return workshop.Export(g.IO.Out, snap, format)
			}
			f, err := os.Create(output)
			if err != nil {
				return err
			}
			if err := workshop.Export(f, snap, format); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "the room's data directory (default: the state directory's room/)")
	cmd.Flags().StringVar(&format, "format", "csv", "csv (one row per participant and exercise) or json (the room snapshot)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func newWorkshopStatusCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Say which workshop you joined and how many events wait to be sent",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c := g.joinedWorkshop()
			if c == nil {
				fmt.Fprintln(g.IO.Out, "You have not joined a workshop (accent --join HOST:PORT --code CODE --name NAME).")
				return nil
			}
			defer c.Close()
			ctx, cancel := context.WithTimeout(cmd.Context(), 3*time.Second)
			defer cancel()
			err := c.Send(ctx)
			info := c.Info()
			fmt.Fprintf(g.IO.Out, "Workshop %s as %q: %d events waiting to be sent.\n", info.Server, info.Name, c.Pending())
			if err != nil {
				fmt.Fprintf(g.IO.Out, "The room is out of reach right now: %v\n", err)
			}
			return nil
		},
	}
}

func newLeaveCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "leave",
		Short: "Stop reporting to the workshop you joined (unsent events are dropped)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := g.workshopDir()
			if err != nil {
				return err
			}
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
			fmt.Fprintln(g.IO.Out, "Left the workshop.")
			return nil
		},
	}
}
