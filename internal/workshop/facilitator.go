package workshop

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Facilitator calls the facilitator's side of the API: the room, opening
// exercises and broadcasting. The dashboard and `accent workshop open|say`
// use it.
type Facilitator struct {
	c     *Client // reuses the request plumbing; never joins
	token string
}

// NewFacilitator returns a client for the server at addr (HOST:PORT or a
// URL) with the facilitator token.
func NewFacilitator(addr, token string) (*Facilitator, error) {
	base, err := ParseServer(addr)
	if err != nil {
		return nil, err
	}
	return &Facilitator{c: &Client{base: base, facilitator: true, cfg: ClientConfig{HTTP: &http.Client{Timeout: 5 * time.Second}}}, token: token}, nil
}

// Server is the server's base URL.
func (f *Facilitator) Server() *url.URL { return f.c.base }

// Room fetches the room's snapshot (GET /v1/room).
func (f *Facilitator) Room(ctx context.Context) (Snapshot, error) {
	var s Snapshot
	err := f.c.do(ctx, "GET", "/v1/room", f.token, nil, &s)
	return s, err
}

// Open opens one of the session's exercises to the room (POST /v1/open).
func (f *Facilitator) Open(ctx context.Context, exercise string) error {
	return f.c.do(ctx, "POST", "/v1/open", f.token, OpenRequest{Exercise: exercise}, nil)
}

// Broadcast sends a message to every participant (POST /v1/broadcast).
func (f *Facilitator) Broadcast(ctx context.Context, text string) error {
	return f.c.do(ctx, "POST", "/v1/broadcast", f.token, BroadcastRequest{Text: text}, nil)
}

// Remove takes a participant out of the room (POST /v1/remove).
func (f *Facilitator) Remove(ctx context.Context, participant string) error {
	return f.c.do(ctx, "POST", "/v1/remove", f.token, RemoveRequest{Participant: participant}, nil)
}
