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
	ctx := r.Context()
	table := r.URL.Query().Get("table")
	if table == "" {
		http.Error(w, "missing ?table=", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	for res := range s.scan(ctx, table) {
		if res.err != nil {
			fmt.Fprintf(w, "# export stopped: %v\n", res.err)
			return
		}
		if _, err := io.WriteString(w, res.row+"\n"); err != nil {
			return // the client has gone
		}
	}
}

type result struct {
	row string
	err error
}

// scan reads the table in its own goroutine, one row ahead of the writer,
// like an async generator that a for await...of loop pulls from.
func (s *Service) scan(ctx context.Context, table string) <-chan result {
	// Room for one row, as for a single late result: but a stream sends
	// again, and the second send blocks once the writer has gone.
	rows := make(chan result, 1)
	go func() {
		defer close(rows)
		for i := 0; ; i++ {
			row, err := s.Store.Row(ctx, table, i)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				rows <- result{err: err}
				return
			}
			rows <- result{row: row}
		}
	}()
	return rows
}
