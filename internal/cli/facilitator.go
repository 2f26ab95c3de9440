package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/accent-go/accent/internal/progress"
	"github.com/accent-go/accent/internal/workshop"
	"github.com/accent-go/accent/internal/workshop/dashboard"
)

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
		if dir, err = progress.DefaultDir(g.Env.StateDir); err != nil {
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
	token := g.Env.FacilitatorToken
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

// DashboardOptions: accent workshop dashboard.
type DashboardOptions struct {
	*Globals
	facilitatorFlags
}

func newDashboardCmd(g *Globals) *cobra.Command {
	opts := &DashboardOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "dashboard",
		Short: "The facilitator's live view of the room: who is where, who is stuck, what to explain next",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runDashboard(cmd.Context(), opts) },
	}
	opts.register(cmd)
	return cmd
}

func runDashboard(ctx context.Context, opts *DashboardOptions) error {
	fc, err := opts.client(opts.Globals)
	if err != nil {
		return err
	}
	if !opts.IO.InTTY || !opts.IO.OutTTY {
		return usageError("the dashboard needs a terminal; GET /v1/room gives the same data as JSON")
	}
	return dashboard.Run(ctx, dashboard.Options{Facilitator: fc, In: opts.IO.In, Out: opts.IO.Out, NoColor: opts.Env.NoColor})
}

// OpenOptions: accent workshop open.
type OpenOptions struct {
	*Globals
	facilitatorFlags
	Exercise string // an id or a unique slug
}

func newOpenCmd(g *Globals) *cobra.Command {
	opts := &OpenOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "open EXERCISE",
		Short: "Open one of the session's exercises to the room",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Exercise = args[0]
			return runOpen(cmd.Context(), opts)
		},
	}
	opts.register(cmd)
	return cmd
}

func runOpen(ctx context.Context, opts *OpenOptions) error {
	fc, err := opts.client(opts.Globals)
	if err != nil {
		return err
	}
	id := opts.Exercise
	if c, err := opts.Course(); err == nil {
		if ex, err := c.FindExercise(id); err == nil {
			id = ex.ID
		}
	}
	if err := fc.Open(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "Opened %s.\n", id)
	return nil
}

// SayOptions: accent workshop say.
type SayOptions struct {
	*Globals
	facilitatorFlags
	Message string
}

func newSayCmd(g *Globals) *cobra.Command {
	opts := &SayOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "say MESSAGE...",
		Short: "Broadcast a message to every participant's workbench",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Message = strings.Join(args, " ")
			return runSay(cmd.Context(), opts)
		},
	}
	opts.register(cmd)
	return cmd
}

func runSay(ctx context.Context, opts *SayOptions) error {
	fc, err := opts.client(opts.Globals)
	if err != nil {
		return err
	}
	if err := fc.Broadcast(ctx, opts.Message); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, "Sent.")
	return nil
}

// RemoveOptions: accent workshop remove.
type RemoveOptions struct {
	*Globals
	facilitatorFlags
	Participant string // an id like p12
}

func newRemoveCmd(g *Globals) *cobra.Command {
	opts := &RemoveOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "remove PARTICIPANT",
		Short: "Take a participant out of the room (an id like p12, as the dashboard and export show)",
		Long: `Take a participant out of the room: their row leaves the dashboard and
the board, their token stops working, and their client stops sending.
The id is the one the dashboard and "accent workshop export" show (p12).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Participant = args[0]
			return runRemove(cmd.Context(), opts)
		},
	}
	opts.register(cmd)
	return cmd
}

func runRemove(ctx context.Context, opts *RemoveOptions) error {
	fc, err := opts.client(opts.Globals)
	if err != nil {
		return err
	}
	if err := fc.Remove(ctx, opts.Participant); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "Removed %s.\n", opts.Participant)
	return nil
}

// ExportOptions: accent workshop export.
type ExportOptions struct {
	*Globals
	Data   string // the room's data directory
	Format string // csv or json
	Output string // a file; "" or "-" for standard output
}

func newExportCmd(g *Globals) *cobra.Command {
	opts := &ExportOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the room's results as CSV or JSON (works while the server runs, or after)",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runExport(opts) },
	}
	cmd.Flags().StringVar(&opts.Data, "data", "", "the room's data directory (default: the state directory's room/)")
	cmd.Flags().StringVar(&opts.Format, "format", "csv", "csv (one row per participant and exercise) or json (the room snapshot)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runExport(opts *ExportOptions) error {
	if opts.Format != "csv" && opts.Format != "json" {
		return usageError("--format %q: use csv or json", opts.Format)
	}
	data := opts.Data
	if data == "" {
		var err error
		if data, err = opts.defaultDataDir(); err != nil {
			return err
		}
	}
	room, notice, err := workshop.LoadRoom(data)
	if err != nil {
		return usageError("%v", err)
	}
	if notice != "" {
		fmt.Fprintln(opts.IO.ErrOut, "accent: "+notice)
	}
	snap := room.Snapshot(opts.Now(), workshop.Stuck{})
	if opts.Output == "" || opts.Output == "-" {
		return workshop.Export(opts.IO.Out, snap, opts.Format)
	}
	f, err := os.Create(opts.Output)
	if err != nil {
		return err
	}
	if err := workshop.Export(f, snap, opts.Format); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
