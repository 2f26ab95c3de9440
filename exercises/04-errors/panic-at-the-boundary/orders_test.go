//go:build accent

package panicattheboundary

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseOrderReadsAValidOrder(t *testing.T) {
	tests := []struct {
		body string
		want Order
	}{
		{"sku=tea&qty=2", Order{SKU: "tea", Qty: 2}},
		{"qty=1&sku=tea", Order{SKU: "tea", Qty: 1}},
		{"sku=green+tea&qty=100", Order{SKU: "green tea", Qty: 100}},
		{"sku=caf%C3%A9&qty=99", Order{SKU: "café", Qty: 99}},
	}
	for _, tt := range tests {
		got, err := ParseOrder(tt.body)
		if err != nil || got != tt.want {
			t.Errorf("ParseOrder(%q) = %+v, %v; want %+v, nil", tt.body, got, err, tt.want)
		}
	}
}

// Bad input is expected: ParseOrder returns an error for it. A panic here
// ends the test binary, the way it would end a program without a recover.
func TestParseOrderReturnsAnErrorForBadInput(t *testing.T) {
	tests := []struct{ body, says string }{
		{"", "sku"},
		{"qty=2", "sku"},
		{"sku=tea", "qty"},
		{"sku=tea&qty=lots", "lots"},
		{"sku=tea&qty=0", "qty"},
		{"sku=tea&qty=101", "101"},
		{"sku=tea&qty=%zz", ""},
		{"sku=tea&qty=-1", "-1"},
		{"sku=tea&qty=2.5", "2.5"},
		{"sku=tea&qty=1e2", "1e2"},
		{"sku=tea&qty=99999999999999999999", "99999999999999999999"},
		// Not a form, though each part alone would do: a bad escape in
		// another field, and ; between fields.
		{"sku=tea&qty=2&note=%zz", ""},
		{"sku=tea;qty=2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			got, err := ParseOrder(tt.body)
			if !errors.Is(err, ErrBadOrder) {
				t.Fatalf("ParseOrder(%q) = %+v, %v; want an error wrapping ErrBadOrder", tt.body, got, err)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("ParseOrder(%q) error %q does not mention %q", tt.body, err, tt.says)
			}
		})
	}
}

// server returns a Server whose Place is place and whose log is recorded.
func server(place func(Order) (string, error)) (*Server, *[]string) {
	logs := new([]string)
	s := &Server{
		Place: place,
		Logf: func(format string, args ...any) {
			*logs = append(*logs, fmt.Sprintf(format, args...))
		},
	}
	return s, logs
}

func TestHandlePlacesAnOrder(t *testing.T) {
	var placed []Order
	s, logs := server(func(o Order) (string, error) {
		placed = append(placed, o)
		return "order-1", nil
	})
	got := s.Handle("sku=tea&qty=2")
	if want := (Response{Status: 201, Body: "order-1"}); got != want {
		t.Errorf("Handle = %+v, want %+v", got, want)
	}
	if len(placed) != 1 || placed[0] != (Order{SKU: "tea", Qty: 2}) {
		t.Errorf("placed %+v, want one order {SKU:tea Qty:2}", placed)
	}
	if len(*logs) != 0 {
		t.Errorf("logged %q for a request that succeeded", *logs)
	}
}

func TestHandleAnswers400ForABadOrderWithoutLoggingIt(t *testing.T) {
	s, logs := server(func(o Order) (string, error) {
		t.Errorf("Place(%+v) called for a bad order", o)
		return "", nil
	})
	got := s.Handle("sku=tea&qty=lots")
	if got.Status != 400 || !strings.Contains(got.Body, `"lots"`) {
		t.Errorf("Handle = %+v, want status 400 and a body that says what is wrong with qty \"lots\"", got)
	}
	if len(*logs) != 0 {
		t.Errorf("logged %q: a bad order is the client's mistake, not a failure to report", *logs)
	}
}

func TestHandleAnswers409WhenOutOfStock(t *testing.T) {
	s, logs := server(func(o Order) (string, error) {
		return "", fmt.Errorf("place %d x %s: %w", o.Qty, o.SKU, ErrOutOfStock)
	})
	got := s.Handle("sku=tea&qty=2")
	if want := (Response{Status: 409, Body: "place 2 x tea: out of stock"}); got != want {
		t.Errorf("Handle = %+v, want %+v", got, want)
	}
	if len(*logs) != 0 {
		t.Errorf("logged %q for an expected outcome", *logs)
	}
}

func TestHandleAnswers500AndLogsWhenPlaceFails(t *testing.T) {
	s, logs := server(func(Order) (string, error) {
		return "", errors.New("db: connection reset by peer")
	})
	got := s.Handle("sku=tea&qty=2")
	if want := (Response{Status: 500, Body: "internal error"}); got != want {
		t.Errorf("Handle = %+v, want %+v (the details go to the log, not to the client)", got, want)
	}
	if len(*logs) != 1 || !strings.Contains((*logs)[0], "connection reset by peer") {
		t.Errorf("logged %q, want one entry with the error", *logs)
	}
}

// reserveStock is where the bug is: the stack in the log must name it.
//
//go:noinline
func reserveStock(stock map[string]int, o Order) {
	stock[o.SKU] -= o.Qty // panics when stock was never made
}

func TestABugInPlaceIsA500WithAStackInTheLogAndTheServerGoesOn(t *testing.T) {
	var stock map[string]int // never made: writing to it panics
	calls := 0
	s, logs := server(func(o Order) (string, error) {
		calls++
		if calls == 1 {
			reserveStock(stock, o)
		}
		return fmt.Sprintf("order-%d", calls), nil
	})

	got := s.Handle("sku=tea&qty=2")

	if want := (Response{Status: 500, Body: "internal error"}); got != want {
		t.Errorf("Handle = %+v after a panic in Place, want %+v", got, want)
	}
	if len(*logs) != 1 {
		t.Fatalf("logged %q, want one entry for the panic: a bug nobody hears about is never fixed", *logs)
	}
	entry := (*logs)[0]
	if !strings.Contains(entry, "assignment to entry in nil map") {
		t.Errorf("log entry %q does not hold the panic's value", entry)
	}
	if !strings.Contains(entry, "goroutine ") || !strings.Contains(entry, ".go:") {
		t.Errorf("log entry %q has no stack trace (runtime/debug.Stack): it is what points at the bug", entry)
	} else if !strings.Contains(entry, "reserveStock") {
		t.Errorf("log entry %q has a stack, but not the one of the panic: take it in the deferred function, while the panicking frames are still there", entry)
	}

	if got := s.Handle("sku=tea&qty=1"); got != (Response{Status: 201, Body: "order-2"}) {
		t.Errorf("the next request got %+v, want {Status:201 Body:order-2}: the server must go on", got)
	}
}

func TestHandleAnswers400ForABodyThatIsNotAForm(t *testing.T) {
	s, logs := server(func(o Order) (string, error) {
		t.Errorf("Place(%+v) called for a body that is not a form", o)
		return "", nil
	})
	if got := s.Handle("sku=tea&qty=2&note=%zz"); got.Status != 400 {
		t.Errorf("Handle = %+v, want status 400", got)
	}
	if len(*logs) != 0 {
		t.Errorf("logged %q for a client's mistake", *logs)
	}
}

// Whatever a panic carries, a string, an error, even an error that wraps a
// sentinel, it is a bug: a 500, reported with its stack, never a 4xx.
func TestEveryPanicInPlaceIsA500(t *testing.T) {
	tests := []struct {
		name  string
		value any
	}{
		{"a string", "unreachable: negative stock"},
		{"an error", errors.New("invariant broken: order without a warehouse")},
		{"an error wrapping ErrOutOfStock", fmt.Errorf("reserve: %w", ErrOutOfStock)},
		{"an error wrapping ErrBadOrder", fmt.Errorf("recheck: %w", ErrBadOrder)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, logs := server(func(Order) (string, error) { panic(tt.value) })

			got := s.Handle("sku=tea&qty=2")

			if want := (Response{Status: 500, Body: "internal error"}); got != want {
				t.Errorf("Handle = %+v after Place panicked with %v, want %+v: a panic is a bug, whatever it carries", got, tt.value, want)
			}
			if len(*logs) != 1 || !strings.Contains((*logs)[0], fmt.Sprint(tt.value)) || !strings.Contains((*logs)[0], "goroutine ") {
				t.Errorf("logged %q, want one entry with the panic's value and its stack", *logs)
			}
		})
	}
}
