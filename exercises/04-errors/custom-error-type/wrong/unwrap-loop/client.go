//go:build accent

// Package customerrortype is a small API client whose errors carry the
// status of the response.
package customerrortype

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// StatusError is a response whose status is not 2xx.
type StatusError struct {
	Method string
	URL    string
	Code   int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Code, http.StatusText(e.Code))
}

// Transport sends one request. It returns the status code and body of the
// response, or an error if no response arrived.
type Transport func(method, url string) (code int, body []byte, err error)

// Client calls the profile API at BaseURL.
type Client struct {
	BaseURL string
	Send    Transport
}

func (c *Client) get(path string, v any) error {
	u := c.BaseURL + path
	code, body, err := c.Send(http.MethodGet, u)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	if code < 200 || code > 299 {
		return &StatusError{Method: http.MethodGet, URL: u, Code: code}
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("GET %s: decode: %w", u, err)
	}
	return nil
}

// Profile is a user's public profile.
type Profile struct {
	User string `json:"user"`
	Name string `json:"name"`
}

// Guest is the profile shown for a user the API does not know.
var Guest = Profile{Name: "Guest"}

// Profile fetches user's profile. Its errors say which user they are about;
// a response that is not 2xx is a *StatusError in the chain.
func (c *Client) Profile(user string) (Profile, error) {
	var p Profile
	if err := c.get("/users/"+url.PathEscape(user), &p); err != nil {
		return Profile{}, fmt.Errorf("profile %s: %w", user, err)
	}
	return p, nil
}

// ProfileOrGuest is Profile, except that a user the API does not know (a
// 404) gets the Guest profile. Every other error is returned.
func (c *Client) ProfileOrGuest(user string) (Profile, error) {
	p, err := c.Profile(user)
	var se *StatusError
	if errors.As(err, &se) && se.Code == http.StatusNotFound {
		return Guest, nil
	}
	return p, err
}

// Exit statuses of a command built on Client, from sysexits.h.
const (
	ExitOK          = 0
	ExitFailure     = 1  // no response, a body that does not decode, any other status
	ExitNoUser      = 67 // EX_NOUSER: 404
	ExitUnavailable = 69 // EX_UNAVAILABLE: 5xx
	ExitNoPerm      = 77 // EX_NOPERM: 401 or 403
)

// ExitCode is the exit status for an error from the client, however many
// layers of context were added to it.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var se *StatusError
	for e := err; e != nil && se == nil; e = errors.Unwrap(e) { // while (e != null) e = e.getCause()
		se, _ = e.(*StatusError)
	}
	if se == nil {
		return ExitFailure
	}
	switch {
	case se.Code == http.StatusNotFound:
		return ExitNoUser
	case se.Code == http.StatusUnauthorized, se.Code == http.StatusForbidden:
		return ExitNoPerm
	case se.Code >= 500:
		return ExitUnavailable
	default:
		return ExitFailure
	}
}
