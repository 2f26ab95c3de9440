// Package ctxfield defines an Analyzer that reports context.Context values
// stored in struct fields.
//
// # Analyzer ctxfield
//
// ctxfield: report a caller's context.Context kept in a struct field for its methods
//
// A context.Context belongs to one call: it carries that call's deadline,
// its cancellation and its request-scoped values. Kept in a struct field
// and read by the struct's methods, it outlives the call it came from:
// every later method call inherits a deadline that has passed or a
// cancellation that already happened, and no caller can bound or cancel
// one call on its own. The context package says: do not store Contexts
// inside a struct type; pass a Context explicitly to each function that
// needs it, as the first parameter, named ctx.
//
//	type Client struct {
//		ctx  context.Context // reported: Client.Fetch uses it
//		http *http.Client
//	}
//
//	func NewClient(ctx context.Context) *Client { return &Client{ctx: ctx, http: http.DefaultClient} }
//
//	func (c *Client) Fetch(url string) (*http.Response, error) {
//		req, err := http.NewRequestWithContext(c.ctx, "GET", url, nil)
//		...
//
// Pass it instead:
//
//	func (c *Client) Fetch(ctx context.Context, url string) (*http.Response, error) {
//		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
//
// The analyzer reports a field of type context.Context, named or embedded,
// of a named struct type when both hold:
//
//   - a function stores a context it was given into the field: its own
//     context.Context parameter, or a context derived from it with a
//     context.With... function, in a composite literal (&Client{ctx: ctx})
//     or by assignment (c.ctx = ctx);
//   - a method of the type passes the stored context to a call, as in
//     db.QueryContext(s.ctx, q) or context.WithTimeout(s.ctx, d): that
//     method does its work under a context its own caller did not give it.
//
// It does not report:
//
//   - a context the struct makes from elsewhere, such as a new root or the
//     Context of an options struct: the struct's own base context, as
//     servers keep one per connection;
//   - methods that only return the stored context (an accessor, as
//     http.Request's Context method), compare it with nil, or watch it
//     with s.ctx.Done() and s.ctx.Err() to end the struct's own life, as
//     exec.Cmd does;
//   - methods whose signature an interface fixes, so that they cannot take
//     a context: Read, Write, Close and the other io reader, writer,
//     closer and seeker methods, and ServeHTTP; a setter such as
//     SetReadContext is then the way in, as net.Conn's SetReadDeadline is
//     for deadlines;
//   - a struct that also keeps a cancel function (a field of type
//     context.CancelFunc or context.CancelCauseFunc, or of their
//     underlying types func() and func(error), as database/sql's Tx does):
//     it made the context for its own lifetime and cancels it itself;
//   - a type that declares Deadline, Done, Err or Value: it is a context
//     wrapping its parent, like the context package's own types;
//   - an unexported type whose values live only inside the call that makes
//     them: the package makes them only with composite literals, each held
//     in a local variable of which only fields and methods are used, and
//     never assigns the field later, so the stored context is that call's
//     own;
//   - anonymous struct types, such as test tables; test files, where fakes
//     record the context they were given; and generated files.
//
// In the default mode, for real code, it does not report either:
//
//   - methods whose signature any interface fixes, declared in the package
//     or in a package it imports (driver.Tx's Commit and Rollback, a gRPC
//     stream's SendMsg, the package's own Step.Run), when the method takes
//     no context there: the type can only take one through a field;
//   - Get, Set and Keys of a carrier with the method set of OpenTelemetry's
//     propagation.TextMapCarrier, which a propagator reads through that
//     interface even where the package does not import it;
//   - a builder, named …Builder or with a method that returns the type
//     itself (client.NewSearchBuilder(ctx, q).Limit(10).Run()): made for
//     one call from that call's context, as http.NewRequestWithContext
//     keeps its context in the request;
//   - a handle for work already running under the context: the function
//     that stores it also starts a goroutine (go j.run()), whose lifetime
//     the context bounds, or the only method that works under it is only
//     ever started as a goroutine (go c.refresh()): background work for
//     the life of the value, which the stored context bounds; or the value
//     is a handle with a Close method returned by a method of another type
//     that stores the context (tx.Open(ctx, oid), conn.Exec(ctx, sql)):
//     the handle lives for that one operation.
//
// Strict mode (accentvet -strict, as accent's grader runs it) reports
// those too, as a learner should first try to pass ctx to each call.
//
// Coming from Node.js: an AbortSignal is often kept on an object
// (this.signal = controller.signal) and checked by its methods. In Go a
// context is an argument: func (c *Client) Fetch(ctx context.Context, ...)
// and every callee takes the ctx it is given, the way fetch(url, {signal})
// takes the signal per call.
//
// Coming from Python: asyncio propagates cancellation through the task
// that awaits, so objects never hold it. Go has no implicit task: the
// context is the cancellation, and it travels as the first parameter, not
// as an attribute set in __init__.
//
// Coming from Java: request state often lives in fields or a ThreadLocal,
// and cancellation arrives as Thread.interrupt(). Go has neither: there is
// no per-goroutine storage, and a field outlives the request. Pass ctx
// down the call chain explicitly, first parameter, every time.
//
// Lesson: context/passing-context.
package ctxfield
