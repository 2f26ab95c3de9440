//go:build accent

package customerrortype

import (
	"errors"
	"fmt"
	"slices"
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

// A 404 is a *StatusError with that code, not an error whose text says 404.
func TestProfileOrGuestIgnoresAMessageThatSays404(t *testing.T) {
	proxy := errors.New("proxy: upstream answered 404 Not Found")
	c := fakeAPI(nil, map[string]error{"ada": proxy})
	p, err := c.ProfileOrGuest("ada")
	if !errors.Is(err, proxy) || p == Guest {
		t.Errorf("ProfileOrGuest(ada) = %+v, %v; want the transport's error: no response arrived, so there is no 404", p, err)
	}
}

// Every error but a 404 comes back as Profile returned it: same chain, same
// message, no layer added or lost.
func TestProfileOrGuestReturnsOtherErrorsUnchanged(t *testing.T) {
	c := &Client{BaseURL: base, Send: func(method, u string) (int, []byte, error) {
		switch strings.TrimPrefix(u, base+"/users/") {
		case "bob":
			return 500, nil, nil
		case "eve":
			return 403, nil, nil
		case "zed":
			return 200, []byte("<html>maintenance</html>"), nil // not JSON
		default:
			return 0, nil, syscall.ECONNRESET
		}
	}}
	for _, user := range []string{"bob", "eve", "zed", "down"} {
		_, want := c.Profile(user)
		p, err := c.ProfileOrGuest(user)
		if err == nil || err.Error() != want.Error() || p != (Profile{}) {
			t.Errorf("ProfileOrGuest(%s) = %+v, %v; want Profile's own error, unchanged: %v", user, p, err, want)
		}
	}
}

func TestExitCodeReadsTheStatusThroughEveryLayer(t *testing.T) {
	c := fakeAPI(map[string]int{"ada": 200, "bob": 500, "eve": 403, "joe": 401, "zed": 429, "moe": 502,
		"gus": 504, "sal": 599, "tea": 418, "bad": 400, "rex": 499},
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
		{"gus", ExitUnavailable},
		{"sal", ExitUnavailable},
		{"tea", ExitFailure},
		{"bad", ExitFailure},
		{"rex", ExitFailure},
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

// An error built with errors.Join is a tree: the *StatusError may sit in any
// branch, and errors.As searches them all.
func TestExitCodeFindsTheStatusInAJoinedError(t *testing.T) {
	denied := fmt.Errorf("profile eve: %w", &StatusError{Method: "GET", URL: base + "/users/eve", Code: 403})
	err := fmt.Errorf("sync profiles: %w", errors.Join(errors.New("cache: write failed"), denied))
	if got := ExitCode(err); got != ExitNoPerm {
		t.Errorf("ExitCode(%q) = %d, want %d", err, got, ExitNoPerm)
	}
}

// The status comes from the *StatusError, never from the text.
func TestExitCodeIgnoresMessagesThatLookLikeAStatus(t *testing.T) {
	for _, err := range []error{
		errors.New("GET https://api.example/users/ada: 404 Not Found"),
		fmt.Errorf("show ada: %w", errors.New("proxy: 503 Service Unavailable")),
		fmt.Errorf("show ada: %v", &StatusError{Method: "GET", URL: base + "/users/ada", Code: 403}),
	} {
		if got := ExitCode(err); got != ExitFailure {
			t.Errorf("ExitCode(%q) = %d, want %d: no *StatusError in the chain, only text", err, got, ExitFailure)
		}
	}
}

// Every 2xx is a success; anything else is a *StatusError with its code.
func TestProfileTreatsOnly2xxAsSuccess(t *testing.T) {
	for _, code := range []int{199, 200, 201, 299, 300, 304} {
		c := &Client{BaseURL: base, Send: func(method, u string) (int, []byte, error) {
			return code, []byte(`{"user":"ada","name":"Ada Lovelace"}`), nil
		}}
		p, err := c.Profile("ada")
		var se *StatusError
		switch ok := code >= 200 && code <= 299; {
		case ok && err != nil:
			t.Errorf("Profile with a %d = %v, want the profile: %d is a success", code, err, code)
		case !ok && (!errors.As(err, &se) || se.Code != code):
			t.Errorf("Profile with a %d = %+v, %v; want a *StatusError with code %d", code, p, err, code)
		}
	}
}

// The exit statuses are sysexits.h's: scripts depend on the numbers.
func TestExitStatusesAreTheSysexitsOnes(t *testing.T) {
	got := []int{ExitOK, ExitFailure, ExitNoUser, ExitUnavailable, ExitNoPerm}
	want := []int{0, 1, 67, 69, 77}
	if !slices.Equal(got, want) {
		t.Errorf("ExitOK, ExitFailure, ExitNoUser, ExitUnavailable, ExitNoPerm = %v, want %v", got, want)
	}
}
