//go:build accent

// Package deadlinechain is a request handler that must answer within a time budget.
package deadlinechain

import (
	"context"
	"fmt"
	"time"
)

// Budget is the most LoadProfile may take, both backend calls included.
const Budget = 500 * time.Millisecond

// User is an account, as the backend returns it.
type User struct {
	ID   string
	Name string
}

// Order is one of a user's orders.
type Order struct {
	ID    string
	Cents int
}

// Profile is what the handler answers with.
type Profile struct {
	User   User
	Orders []Order
}

// Backend is the service LoadProfile depends on. Both calls give up and
// return ctx.Err() as soon as ctx is done.
type Backend interface {
	User(ctx context.Context, id string) (User, error)
	Orders(ctx context.Context, userID string) ([]Order, error)
}

// LoadProfile loads the user, then that user's orders. It gives up when
// Budget has passed or when ctx is done, whichever comes first, and the
// error it returns then wraps ctx.Err().
//
// Ported from the Python handler: one `async with asyncio.timeout(BUDGET)`
// around both calls.
func LoadProfile(ctx context.Context, b Backend, id string) (Profile, error) {
	budget, cancel := context.WithTimeout(context.Background(), Budget)
	defer cancel()
	u, err := b.User(budget, id)
	if err != nil {
		return Profile{}, fmt.Errorf("load profile %s: user: %w", id, err)
	}
	orders, err := b.Orders(budget, u.ID)
	if err != nil {
		return Profile{}, fmt.Errorf("load profile %s: orders: %w", id, err)
	}
	return Profile{User: u, Orders: orders}, nil
}
