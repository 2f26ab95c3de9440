// Package modes has contexts kept by types that cannot take them otherwise,
// or that are handles for work running under them, and their twins.
package modes

import (
	"context"
	"database/sql/driver"
)

type conn struct{}

func (c *conn) exec(ctx context.Context, q string) error { return ctx.Err() }

// driver.Tx fixes Commit() and Rollback(): the transaction can only keep
// the context BeginTx was given.
type tx struct {
	ctx  context.Context
	conn *conn
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return &tx{ctx: ctx, conn: c}, nil
}

func (t *tx) Commit() error   { return t.conn.exec(t.ctx, "COMMIT") }
func (t *tx) Rollback() error { return t.conn.exec(t.ctx, "ROLLBACK") }

// The package's own interface fixes Run().
type Step interface {
	Run() error
}

type fetchStep struct {
	ctx context.Context
	url string
}

func NewFetch(ctx context.Context, url string) Step { return &fetchStep{ctx: ctx, url: url} }

func (f *fetchStep) Run() error { return get(f.ctx, f.url) }

func get(ctx context.Context, url string) error { return ctx.Err() }

// A handle for work already running under the context.
type Job struct {
	ctx  context.Context
	done chan struct{}
}

func Start(ctx context.Context) *Job {
	j := &Job{ctx: ctx, done: make(chan struct{})}
	go j.run()
	return j
}

func (j *Job) run() {
	defer close(j.done)
	_ = get(j.ctx, "work")
}

// The twin: an ordinary client whose methods could take ctx.
type Client struct {
	ctx context.Context // want `stores a caller.s context`
}

func NewClient(ctx context.Context) *Client { return &Client{ctx: ctx} }

func (c *Client) Fetch(url string) error { return get(c.ctx, url) }

// The twin: it implements Step, but the method that uses the context is
// not the one the interface fixes.
type pollStep struct {
	ctx context.Context // want `stores a caller.s context`
	url string
}

func NewPoll(ctx context.Context, url string) *pollStep { return &pollStep{ctx: ctx, url: url} }

func (p *pollStep) Run() error { return nil }

func (p *pollStep) Poll() error { return get(p.ctx, p.url) }

// A carrier with the method set of OpenTelemetry's TextMapCarrier, which
// a propagator reads through its interface: the package need not import
// it.
type IncomingCarrier struct {
	ctx context.Context
}

func NewIncomingCarrier(ctx context.Context) *IncomingCarrier { return &IncomingCarrier{ctx: ctx} }

func (c *IncomingCarrier) Get(key string) string { return lookup(c.ctx, key) }
func (c *IncomingCarrier) Set(key, value string) {}
func (c *IncomingCarrier) Keys() []string        { return nil }

func lookup(ctx context.Context, key string) string {
	if ctx.Err() != nil {
		return ""
	}
	return key
}

// The twin: Get alone is not the carrier's method set.
type getter struct {
	ctx context.Context // want `stores a caller.s context`
}

func newGetter(ctx context.Context) *getter { return &getter{ctx: ctx} }

func (g *getter) Get(key string) string { return lookup(g.ctx, key) }

// Credentials whose background refresh runs under the context they were
// given for their lifetime: the method that uses it is only ever started
// as a goroutine, by a method that does not store the context.
type creds struct {
	ctx   context.Context
	token string
}

func NewCreds(ctx context.Context) *creds { return &creds{ctx: ctx} }

func (c *creds) Token() string {
	if c.token == "" {
		go c.refresh()
	}
	return c.token
}

func (c *creds) refresh() { c.token = lookup(c.ctx, "token") }

// The twin: the same refresh also called in the caller's goroutine.
type syncCreds struct {
	ctx   context.Context // want `stores a caller.s context`
	token string
}

func NewSyncCreds(ctx context.Context) *syncCreds { return &syncCreds{ctx: ctx} }

func (c *syncCreds) Token() string {
	if c.token == "" {
		c.refresh()
	}
	go c.refresh()
	return c.token
}

func (c *syncCreds) refresh() { c.token = lookup(c.ctx, "token") }

// A fluent builder made for one call from that call's context, as
// http.NewRequestWithContext keeps it in the request.
type SearchBuilder struct {
	ctx   context.Context
	query string
	limit int
	desc  bool
}

func NewSearchBuilder(ctx context.Context, q string) *SearchBuilder {
	return &SearchBuilder{ctx: ctx, query: q}
}

func (b *SearchBuilder) Limit(n int) *SearchBuilder { b.limit = n; return b }
func (b *SearchBuilder) Desc() *SearchBuilder       { b.desc = true; return b }
func (b *SearchBuilder) Run() string                { return lookup(b.ctx, b.query) }

// A builder by name, with no setter: made for its one Run.
type InfoBuilder struct {
	ctx   context.Context
	index string
}

func NewInfoBuilder(ctx context.Context, index string) *InfoBuilder {
	return &InfoBuilder{ctx: ctx, index: index}
}

func (b *InfoBuilder) Run() string { return lookup(b.ctx, b.index) }

// The twin: no setter returns the value, and the name says no builder.
type Session struct {
	ctx  context.Context // want `stores a caller.s context`
	name string
}

func NewSession(ctx context.Context) *Session { return &Session{ctx: ctx} }

func (s *Session) Named(n string)        { s.name = n }
func (s *Session) Query(q string) string { return lookup(s.ctx, q) }

// An operation that starts work under the caller's context and returns a
// handle to it, read and then closed: a large object opened in a
// transaction.
type Tx struct{}

type LargeObject struct {
	ctx context.Context
	fd  int
}

func (t *Tx) Open(ctx context.Context, oid int) (*LargeObject, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &LargeObject{ctx: ctx, fd: oid}, nil
}

func (o *LargeObject) Tell() (int64, error) { return int64(len(lookup(o.ctx, "tell"))), nil }
func (o *LargeObject) Close() error         { return nil }

// The twins: a constructor function, and a handle with nothing to close.
type Service struct {
	ctx context.Context // want `stores a caller.s context`
}

func NewService(ctx context.Context) (*Service, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Service{ctx: ctx}, nil
}

func (s *Service) Get(k string) string { return lookup(s.ctx, k) }
func (s *Service) Close() error        { return nil }

type Cursor struct {
	ctx context.Context // want `stores a caller.s context`
}

func (t *Tx) Query(ctx context.Context) *Cursor { return &Cursor{ctx: ctx} }

func (c *Cursor) Next() string { return lookup(c.ctx, "next") }
