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
func LoadProfile(ctx context.Context, b Backend, id string) (Profile, error) {
	ctx, cancel := context.WithTimeout(ctx, Budget)
	defer cancel()
	u, err := b.User(ctx, id)
	if err != nil {
		return Profile{}, fmt.Errorf("load profile %s: user: %w", id, err)
	}
	// The user is loaded: the orders are part of the same answer, so they
	// keep the budget's deadline but no longer hear the caller's cancel.
	deadline, _ := ctx.Deadline()
	ordersCtx, cancelOrders := context.WithDeadline(context.WithoutCancel(ctx), deadline)
	defer cancelOrders()
	orders, err := b.Orders(ordersCtx, u.ID)
	if err != nil {
		return Profile{}, fmt.Errorf("load profile %s: orders: %w", id, err)
	}
	return Profile{User: u, Orders: orders}, nil
}
