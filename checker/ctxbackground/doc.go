// Package ctxbackground defines an Analyzer that reports
// context.Background() and context.TODO() in functions that were given a
// context.
//
// # Analyzer ctxbackground
//
// ctxbackground: report context.Background() in functions given a context
//
// A function that takes a ctx context.Context, or an HTTP handler given an
// *http.Request (whose Context method gives the request's context), was
// told when to give up:
// when the caller cancels, when the deadline passes, when the client hangs
// up. context.Background() and context.TODO() start a new, empty context
// that ignores all of that, so the work they are passed to keeps running
// after the caller has gone, and loses the request's values (trace IDs,
// credentials):
//
//	func (s *Store) Get(ctx context.Context, id string) (*Item, error) {
//		row := s.db.QueryRowContext(context.Background(), q, id) // reported
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		data, err := fetch(context.TODO(), r.URL.Query().Get("id")) // reported
//
// Pass the context you were given; the suggested fix does so when the
// function's context parameter (or request) is visible at the call under
// its own name, except for context.Background() as the parent of a
// context.With... call, as in context.WithTimeout(context.Background(), d),
// which may be meant to detach:
//
//	row := s.db.QueryRowContext(ctx, q, id)
//	data, err := fetch(r.Context(), r.URL.Query().Get("id"))
//
// If the work must outlive the call, as a cleanup or an audit write after
// the response, use context.WithoutCancel(ctx): it keeps the values and
// drops the cancellation and deadline, which is what Background was for.
//
// Not reported: the idiom if ctx == nil { ctx = context.Background() };
// comparisons such as ctx == context.Background(); a request's context
// replaced on purpose with r.WithContext or r.Clone; functions that return
// a context.Context, which choose its parent on purpose;
// functions whose context parameter is unnamed or _, which chose to ignore
// it, or that take several contexts; and function literals that do not
// take a context themselves, since they often run after the function
// returns (goroutines, deferred cleanups, callbacks) where a detached
// context may be meant. Functions such as main, init and TestXxx take no
// context and are never reported; a test has t.Context(). Test files are
// skipped, since their fakes and hooks ignore their context on purpose, and
// so are generated files.
//
// Coming from Node.js: an AbortSignal has to be threaded by hand into
// every fetch and stream, and forgetting it only means that work is not
// aborted. Go's ctx is the same kind of value and the same discipline
// applies, but creating a fresh context.Background() actively cuts the
// chain: pass ctx (or r.Context()) to everything the function calls.
//
// Coming from Python: asyncio cancels the awaiting task and the
// CancelledError reaches every await below it automatically. Go cancels
// nothing by itself; cancellation reaches only the calls that are handed
// the ctx, so a context.Background() in the middle is a call that can no
// longer be cancelled.
//
// Coming from Java: Thread.interrupt() and ThreadLocal state follow the
// thread, so a callee sees them without being passed anything. A Go
// goroutine carries nothing implicitly: the request's cancellation and
// values live in the ctx argument, and context.Background() is a new root
// with none of them.
//
// Lesson: context/passing-context.
package ctxbackground
