// Package a holds the ctxfield cases, each reported case beside a silent
// twin.
package a

import (
	"context"
	"net/http"
	"time"
)

// Client keeps the context of the call that made it for all its methods.
type Client struct {
	ctx  context.Context // want `field ctx of Client stores a caller's context\.Context, and Client\.Fetch works under it: a stored context outlives the call it came from, and callers cannot cancel or bound one call; pass ctx as the first parameter of the methods that need it`
	http *http.Client
}

func NewClient(ctx context.Context) *Client { return &Client{ctx: ctx, http: http.DefaultClient} }

func (c *Client) Fetch(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// GoodClient takes a context per call.
type GoodClient struct {
	http *http.Client
}

func (c *GoodClient) Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// server embeds a context and passes it on.
type server struct {
	context.Context // want `server embeds a caller's context\.Context, and server\.serve works under it: a stored context outlives`
	addr            string
}

func listen(ctx context.Context, addr string) error { return ctx.Err() }

func newServer(ctx context.Context, addr string) *server { return &server{ctx, addr} }

func (s *server) serve() error {
	return listen(s.Context, s.addr)
}

// goodServer is given the context by its caller.
type goodServer struct {
	addr string
}

func (s *goodServer) serve(ctx context.Context) error {
	return listen(ctx, s.addr)
}

// reader only watches its context, to stop reading: it adapts an
// io.Reader, whose Read takes no context, to one.
type reader struct {
	ctx  context.Context
	data chan []byte
}

func (r *reader) Read(b []byte) (int, error) {
	select {
	case <-r.ctx.Done():
		return 0, r.ctx.Err()
	case d := <-r.data:
		return copy(b, d), nil
	}
}

// request hands its context out, like http.Request.
type request struct {
	ctx context.Context
	url string
}

func (r *request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// worker keeps the cancel function of the context it made: it owns the
// context for its lifetime and cancels it in Stop.
type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan func()
}

func newWorker() *worker {
	ctx, cancel := context.WithCancel(context.Background())
	return &worker{ctx: ctx, cancel: cancel, jobs: make(chan func())}
}

func (w *worker) run() {
	for {
		select {
		case <-w.ctx.Done():
			return
		case job := <-w.jobs:
			job()
		}
	}
}

func (w *worker) Stop() { w.cancel() }

// tx keeps a derived context and its cancel function, a plain func(), as
// database/sql's Tx does.
type tx struct {
	ctx    context.Context
	cancel func()
}

func begin(ctx context.Context) *tx {
	ctx, cancel := context.WithCancel(ctx)
	return &tx{ctx: ctx, cancel: cancel}
}

func (t *tx) query(q string) error { return listen(t.ctx, q) }

func (t *tx) rollback() { t.cancel() }

// Options is a parameter object: it carries a context to one call, and no
// method of Options reads it.
type Options struct {
	Context context.Context
	Timeout time.Duration
}

func Do(opts Options) error {
	ctx, cancel := context.WithTimeout(opts.Context, opts.Timeout)
	defer cancel()
	<-ctx.Done()
	return nil
}

// traceCtx is a context: it wraps its parent.
type traceCtx struct {
	context.Context
	id string
}

func (c traceCtx) Value(key any) any {
	if key == "trace" {
		return c.id
	}
	return c.Context.Value(key)
}

// pipe is given its context by a setter and sends under it.
type pipe struct {
	ctx context.Context // want `field ctx of pipe stores a caller's context\.Context, and pipe\.Send works under it`
	out chan []byte
}

func (p *pipe) SetContext(ctx context.Context) { p.ctx = ctx }

func (p *pipe) Send(b []byte) error { return listen(p.ctx, string(b)) }

// stream is given its context by a setter too, but uses it only in Read
// and Close, whose signatures io.Reader and io.Closer fix, as net.Conn's
// SetReadDeadline does for deadlines.
type stream struct {
	ctx context.Context
	in  chan []byte
}

func (s *stream) SetReadContext(ctx context.Context) { s.ctx = ctx }

func (s *stream) Read(b []byte) (int, error) {
	if err := listen(s.ctx, "read"); err != nil {
		return 0, err
	}
	return copy(b, <-s.in), nil
}

func (s *stream) Close() error { return listen(s.ctx, "close") }

// conn derives from a caller's context the base of its streams.
type conn struct {
	base context.Context // want `field base of conn stores a caller's context\.Context, and conn\.newStream works under it`
}

type key struct{}

func newConn(ctx context.Context) *conn {
	base := context.WithValue(ctx, key{}, "conn")
	return &conn{base: base}
}

func (c *conn) newStream() (context.Context, context.CancelFunc) { return context.WithCancel(c.base) }

// ownConn makes its base context from its options, not from a caller's
// context parameter: it is the connection's own.
type ownConn struct {
	base context.Context
}

func newOwnConn(opts Options) *ownConn {
	return &ownConn{base: context.WithValue(opts.Context, key{}, "conn")}
}

func (c *ownConn) newStream() (context.Context, context.CancelFunc) {
	return context.WithCancel(c.base)
}
