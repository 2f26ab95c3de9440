//go:build accent

package customerrortype

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
)

const base = "https://api.example"

// fakeAPI answers GET /users/<name> from a map of name to status code; a
// 200 carries the user's profile. Names in down get no response at all.
func fakeAPI(codes map[string]int, down map[string]error) *Client {
	send := func(method, u string) (int, []byte, error) {
		name := strings.TrimPrefix(u, base+"/users/")
		if err := down[name]; err != nil {
			return 0, nil, err
		}
		code, ok := codes[name]
		if !ok {
			code = 404
		}
		if code != 200 {
			return code, []byte(`{"error":"nope"}`), nil
		}
		return 200, fmt.Appendf(nil, `{"user":%q,"name":"Ada Lovelace"}`, name), nil
	}
	return &Client{BaseURL: base, Send: send}
}

func TestProfileDecodesTheResponse(t *testing.T) {
	c := fakeAPI(map[string]int{"ada": 200}, nil)
	p, err := c.Profile("ada")
	if err != nil || p != (Profile{User: "ada", Name: "Ada Lovelace"}) {
		t.Errorf("Profile(ada) = %+v, %v; want {User:ada Name:Ada Lovelace}, nil", p, err)
	}
}

func TestProfileErrorHoldsAStatusErrorWithItsFields(t *testing.T) {
	c := fakeAPI(map[string]int{"ada": 503}, nil)
	_, err := c.Profile("ada")
	var se *StatusError
	if !errors.As(err, &se) {
		t.Fatalf("errors.As(%v, *StatusError) = false, want the *StatusError in the chain", err)
	}
	want := StatusError{Method: "GET", URL: base + "/users/ada", Code: 503}
	if *se != want {
		t.Errorf("StatusError = %+v, want %+v", *se, want)
	}
	if !strings.Contains(err.Error(), "profile ada") {
		t.Errorf("error %q does not say which profile failed", err)
	}
}

func TestProfileOrGuestFallsBackOnlyOnA404(t *testing.T) {
	errRefused := fmt.Errorf("dial tcp: %w", syscall.ECONNREFUSED)
	c := fakeAPI(map[string]int{"ada": 200, "bob": 500, "eve": 403}, map[string]error{"down": errRefused})

	p, err := c.ProfileOrGuest("nobody")
	if err != nil || p != Guest {
		t.Errorf("ProfileOrGuest(nobody) = %+v, %v; want the Guest profile for a 404", p, err)
	}
	p, err = c.ProfileOrGuest("ada")
	if err != nil || p.User != "ada" {
		t.Errorf("ProfileOrGuest(ada) = %+v, %v; want ada's profile", p, err)
	}
	for _, tt := range []struct {
		user string
		code int
	}{{"bob", 500}, {"eve", 403}} {
		p, err = c.ProfileOrGuest(tt.user)
		var se *StatusError
		if !errors.As(err, &se) || se.Code != tt.code {
			t.Errorf("ProfileOrGuest(%s) = %+v, %v; want the error with its %d StatusError", tt.user, p, err, tt.code)
		}
	}
	p, err = c.ProfileOrGuest("down")
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("ProfileOrGuest(down) = %+v, %v; want the transport's error, not a guest", p, err)
	}
}

func TestExitCodeReadsTheStatusThroughEveryLayer(t *testing.T) {
	c := fakeAPI(map[string]int{"ada": 200, "bob": 500, "eve": 403, "joe": 401, "zed": 429, "moe": 502},
		map[string]error{"down": syscall.ECONNREFUSED})
	tests := []struct {
		user string
		want int
	}{
		{"ada", ExitOK},
		{"nobody", ExitNoUser},
		{"bob", ExitUnavailable},
		{"moe", ExitUnavailable},
		{"eve", ExitNoPerm},
		{"joe", ExitNoPerm},
		{"zed", ExitFailure},
		{"down", ExitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			_, err := c.Profile(tt.user)
			if err != nil {
				err = fmt.Errorf("show %s: %w", tt.user, err) // what the command adds
			}
			if got := ExitCode(err); got != tt.want {
				t.Errorf("ExitCode(%v) = %d, want %d", err, got, tt.want)
			}
		})
	}
}

func TestExitCodeOfABareStatusError(t *testing.T) {
	err := &StatusError{Method: "GET", URL: base + "/users/nobody", Code: 404}
	if got := ExitCode(err); got != ExitNoUser {
		t.Errorf("ExitCode(%v) = %d, want %d", err, got, ExitNoUser)
	}
}
