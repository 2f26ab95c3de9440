//go:build accent

// Package requestvalues is an order service whose log lines carry the ID of
// the request they belong to.
package requestvalues

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// requestIDKey is the key of the request ID in a context. Its type is
// unexported, so no other package can read or overwrite the value.
type requestIDKey struct{}

// WithRequestID returns a copy of ctx that carries the request ID id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request ID ctx carries, or "" if it has none.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// Order is one of a user's orders.
type Order struct {
	ID    string
	Cents int
}

// Store loads orders.
type Store interface {
	Orders(ctx context.Context, userID string) ([]Order, error)
}

// Service serves GET /orders?user=ID.
type Service struct {
	Store Store
	Log   io.Writer // one line per event: "req=<request ID> <message>"

	mu sync.Mutex // one log line at a time
}

// ServeHTTP answers with the user's orders, one per line. The request ID
// comes from the X-Request-ID header the load balancer sets, and is sent
// back in the same header.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get("X-Request-ID")
	ctx := WithRequestID(r.Context(), id)
	w.Header().Set("X-Request-ID", id)

	user := r.URL.Query().Get("user")
	s.logf(ctx, "GET /orders user=%s", user)
	orders, err := s.Orders(ctx, user)
	if err != nil {
		s.logf(ctx, "error: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	for _, o := range orders {
		fmt.Fprintf(w, "%s %d\n", o.ID, o.Cents)
	}
}

// Orders loads the orders of the user userID, and logs how many it found.
func (s *Service) Orders(ctx context.Context, userID string) ([]Order, error) {
	// The store keeps the request ID, but not the request's cancel: a
	// query, once started, is worth finishing. (It is not: nobody waits.)
	orders, err := s.Store.Orders(context.WithoutCancel(ctx), userID)
	if err != nil {
		return nil, fmt.Errorf("orders of %s: %w", userID, err)
	}
	s.logf(ctx, "loaded %d orders for %s", len(orders), userID)
	return orders, nil
}

// logf writes one log line, tagged with the request ID ctx carries.
func (s *Service) logf(ctx context.Context, format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.Log, "req=%s %s\n", RequestID(ctx), fmt.Sprintf(format, args...))
}
