// Package a holds the ctxbackground cases, each reported case beside a
// silent twin.
package a

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

func fetch(ctx context.Context, id string) error { return ctx.Err() }

type store struct{ db *sql.DB }

func (s *store) get(ctx context.Context, id string) error {
	row := s.db.QueryRowContext(context.Background(), "SELECT 1 WHERE id = ?", id) // want `context\.Background\(\) drops the cancellation, deadline and values of the context this function was given: use ctx, or context\.WithoutCancel\(ctx\) for work that must outlive it`
	return row.Err()
}

func (s *store) getCtx(ctx context.Context, id string) error {
	row := s.db.QueryRowContext(ctx, "SELECT 1 WHERE id = ?", id)
	return row.Err()
}

func handle(w http.ResponseWriter, r *http.Request) {
	if err := fetch(context.TODO(), r.URL.Query().Get("id")); err != nil { // want `context\.TODO\(\) drops .*: use r\.Context\(\), or context\.WithoutCancel\(r\.Context\(\)\) for work that must outlive it`
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func handleCtx(w http.ResponseWriter, r *http.Request) {
	if err := fetch(r.Context(), r.URL.Query().Get("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func timeout(parent context.Context) error {
	ctx, cancel := context.WithCancel(context.TODO()) // want `context\.TODO\(\) drops .*: use parent,`
	defer cancel()
	return fetch(ctx, "x")
}

func timeoutCtx(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	return fetch(ctx, "x")
}

// A function literal that takes its own context.
var handler = func(ctx context.Context) error {
	return fetch(context.Background(), "y") // want `use ctx,`
}

var handlerCtx = func(ctx context.Context) error {
	return fetch(ctx, "y")
}

// A new root for a derived context may be meant to detach: reported,
// without a fix.
func detached(ctx context.Context) error {
	bg, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) drops .*: use ctx, or context\.WithoutCancel\(ctx\) for work that must outlive it`
	defer cancel()
	return fetch(bg, "d")
}

func detachedWithoutCancel(ctx context.Context) error {
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	return fetch(bg, "d")
}

// A comparison uses no context.
func isRoot(ctx context.Context) bool {
	return ctx == context.Background() || context.TODO() == ctx
}

// A function that returns a context chooses its parent on purpose.
func valuesOnly(values context.Context) context.Context {
	return context.WithValue(context.Background(), "v", values.Value("v"))
}

// The nil-context idiom, and work meant to outlive the call.
func defaults(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	audit := context.WithoutCancel(ctx)
	go func() {
		_ = fetch(context.Background(), "cleanup") // a goroutine that may outlive the call
	}()
	defer func() {
		_ = fetch(audit, "audit")
	}()
	return fetch(ctx, "z")
}

// No context given, an ignored one, or two of them.
func noContext() error                      { return fetch(context.Background(), "m") }
func ignored(_ context.Context) error       { return fetch(context.Background(), "i") }
func unnamed(context.Context) error         { return fetch(context.Background(), "u") }
func two(a, b context.Context) error        { return fetch(context.Background(), "t") }
func client(c *http.Client, u string) error { return fetch(context.Background(), u) }

// An outgoing request outside a handler: its context is the caller's
// choice, and replacing it is deliberate.
func send(c *http.Client, req *http.Request) error {
	if err := fetch(context.Background(), req.URL.Path); err != nil {
		return err
	}
	_, err := c.Do(req.WithContext(context.Background()))
	return err
}

// In a handler, replacing the request's context is deliberate too.
func proxy(w http.ResponseWriter, r *http.Request) {
	_, _ = http.DefaultClient.Do(r.Clone(context.Background()))
}
