//go:build accent

// Package panicattheboundary serves order requests. Bad input is an error;
// a panic is a bug, and only the request boundary recovers it.
package panicattheboundary

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"strconv"
)

// ErrBadOrder is wrapped by every error ParseOrder returns.
var ErrBadOrder = errors.New("bad order")

// ErrOutOfStock is wrapped by the error a Placer returns when it cannot
// fill an order.
var ErrOutOfStock = errors.New("out of stock")

// Order is a parsed order form.
type Order struct {
	SKU string
	Qty int
}

// ParseOrder parses a form body such as "sku=tea&qty=2". A body that is
// not a form, a missing sku, or a qty that is not a whole number from 1 to
// 100 is an error wrapping ErrBadOrder that says what is wrong.
func ParseOrder(body string) (Order, error) {
	form, err := url.ParseQuery(body)
	if err != nil {
		return Order{}, fmt.Errorf("%w: %w", ErrBadOrder, err)
	}
	sku := form.Get("sku")
	if sku == "" {
		return Order{}, fmt.Errorf("%w: missing sku", ErrBadOrder)
	}
	qty, err := strconv.Atoi(form.Get("qty"))
	if err != nil || qty < 1 || qty > 100 {
		return Order{}, fmt.Errorf("%w: qty %q is not a whole number from 1 to 100", ErrBadOrder, form.Get("qty"))
	}
	return Order{SKU: sku, Qty: qty}, nil
}

// Response is what Handle answers.
type Response struct {
	Status int
	Body   string
}

// Server handles order requests.
type Server struct {
	// Place places an order and returns its id.
	Place func(Order) (string, error)
	// Logf reports the failures a client cannot fix, for the people who can.
	Logf func(format string, args ...any)
}

// Handle answers one order request: 201 with the order's id; 400 with the
// reason for a bad order; 409 with the reason when Place is out of stock;
// and for anything else, a failing Place or a panic in it, 500 "internal
// error", after reporting the failure with Logf (a panic with its stack).
// No panic escapes Handle: one request's bug must not stop the server.
func (s *Server) Handle(body string) (resp Response) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(runtime.Error); !ok {
				panic(r) // only the runtime's own panics are bugs
			}
			s.Logf("panic handling order %q: %v\n%s", body, r, debug.Stack())
			resp = Response{Status: http.StatusInternalServerError, Body: "internal error"}
		}
	}()
	order, err := ParseOrder(body)
	if err != nil {
		return Response{Status: http.StatusBadRequest, Body: err.Error()}
	}
	id, err := s.Place(order)
	switch {
	case errors.Is(err, ErrOutOfStock):
		return Response{Status: http.StatusConflict, Body: err.Error()}
	case err != nil:
		s.Logf("place %+v: %v", order, err)
		return Response{Status: http.StatusInternalServerError, Body: "internal error"}
	}
	return Response{Status: http.StatusCreated, Body: id}
}
