//go:build accent

// Package sentinelerrors finds a user service's sentinel errors, however
// deeply they are wrapped.
package sentinelerrors

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// The store's failures. It returns them wrapped with what it was doing.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("already exists")
)

// User is a stored user.
type User struct {
	ID   int
	Name string
}

// Store keeps users by name. ByName fails with an error wrapping
// ErrNotFound for an unknown name; Create fails with one wrapping
// ErrConflict for a name that is taken.
type Store interface {
	ByName(ctx context.Context, name string) (User, error)
	Create(ctx context.Context, name string) (User, error)
}

// GetOrCreate returns the user called name, creating it if there is none.
// If another request creates it between the lookup and the Create, it
// returns that user. Every other failure is returned, wrapped with name.
func GetOrCreate(ctx context.Context, s Store, name string) (User, error) {
	u, err := s.ByName(ctx, name)
	if errors.Is(err, ErrNotFound) {
		u, err = s.Create(ctx, name)
		if errors.Is(err, ErrConflict) {
			u, err = s.ByName(ctx, name) // created meanwhile: read it back
		}
	}
	if err != nil {
		return User{}, fmt.Errorf("get or create user: %w", err) // the store's error names the user, mostly
	}
	return u, nil
}

// Status is the HTTP status for an error from the service: 200 for nil,
// 404 for ErrNotFound, 409 for ErrConflict, 504 for a deadline that
// expired, and 500 for anything else.
func Status(err error) int {
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrConflict):
		return http.StatusConflict
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	default:
		return http.StatusInternalServerError
	}
}
