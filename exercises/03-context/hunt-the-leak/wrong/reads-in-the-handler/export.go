//go:build accent

// Package hunttheleak is a small export service: it streams a table to the
// client, one line per row.
package hunttheleak

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Store reads tables row by row. Row returns row i of table, io.EOF after
// the last row, or ctx.Err() as soon as ctx is done.
type Store interface {
	Row(ctx context.Context, table string, i int) (string, error)
}

// Service serves GET /export?table=NAME.
type Service struct {
	Store Store
}

// ServeHTTP writes the table one row per line. The next row is read while
// the previous one is being written. When the client goes away (a write
// fails, the request's context is done), the export stops.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The scan lives no longer than this handler, however it returns.
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	table := r.URL.Query().Get("table")
	if table == "" {
		http.Error(w, "missing ?table=", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	// No goroutine, so nothing can leak: but each row is read only after
	// the last one has been written.
	for i := 0; ; i++ {
		row, err := s.Store.Row(ctx, table, i)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			fmt.Fprintf(w, "# export stopped: %v\n", err)
			return
		}
		if _, err := io.WriteString(w, row+"\n"); err != nil {
			return // the client has gone
		}
	}
}

type result struct {
	row string
	err error
}

// scan reads the table in its own goroutine, one row ahead of the writer.
// It stops when ctx is done, even while it waits for the writer.
func (s *Service) scan(ctx context.Context, table string) <-chan result {
	rows := make(chan result)
	go func() {
		defer close(rows)
		for i := 0; ; i++ {
			row, err := s.Store.Row(ctx, table, i)
			if errors.Is(err, io.EOF) {
				return
			}
			select {
			case rows <- result{row, err}:
			case <-ctx.Done():
				return // nobody will receive any more
			}
			if err != nil {
				return
			}
		}
	}()
	return rows
}
