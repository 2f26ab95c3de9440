//go:build accent

package deadlinechain

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// budget is the README's promise: 500ms in total.
const budget = 500 * time.Millisecond

// call is what the fake backend saw of one call.
type call struct {
	deadline    time.Time
	hasDeadline bool
	traceID     any   // ctx.Value(traceKey{})
	err         error // ctx.Err() when the call ended
}

// traceKey is the key of a value the caller's ctx carries, as a tracing
// middleware's would.
type traceKey struct{}

// fakeBackend takes a fixed time per call, or less if ctx is done first.
type fakeBackend struct {
	userTakes, ordersTakes time.Duration

	mu           sync.Mutex
	userCalls    []call
	ordersCalls  []call
	ordersUserID string
}

var adasOrders = []Order{{ID: "o1", Cents: 1250}, {ID: "o2", Cents: 399}}

func (f *fakeBackend) User(ctx context.Context, id string) (User, error) {
	if err := f.work(ctx, f.userTakes, &f.userCalls); err != nil {
		return User{}, err
	}
	return User{ID: "acct-" + id, Name: "Ada"}, nil // the account ID, not the one asked for
}

func (f *fakeBackend) Orders(ctx context.Context, userID string) ([]Order, error) {
	f.mu.Lock()
	f.ordersUserID = userID
	f.mu.Unlock()
	if err := f.work(ctx, f.ordersTakes, &f.ordersCalls); err != nil {
		return nil, err
	}
	return slices.Clone(adasOrders), nil
}

func (f *fakeBackend) work(ctx context.Context, takes time.Duration, calls *[]call) error {
	c := call{traceID: ctx.Value(traceKey{})}
	c.deadline, c.hasDeadline = ctx.Deadline()
	timer := time.NewTimer(takes)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	}
	c.err = ctx.Err()
	f.mu.Lock()
	defer f.mu.Unlock()
	*calls = append(*calls, c)
	return c.err
}

func (f *fakeBackend) seen() (user, orders []call) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.userCalls), slices.Clone(f.ordersCalls)
}

type result struct {
	profile Profile
	err     error
	took    time.Duration
}

// load runs LoadProfile in its own goroutine and delivers its result.
func load(ctx context.Context, b Backend) <-chan result {
	out := make(chan result, 1)
	start := time.Now()
	go func() {
		p, err := LoadProfile(ctx, b, "u1")
		out <- result{p, err, time.Since(start)}
	}()
	return out
}

func TestLoadsUserThenOrdersUnderOneDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 100 * time.Millisecond, ordersTakes: 150 * time.Millisecond}
		start := time.Now()
		r := <-load(context.WithValue(t.Context(), traceKey{}, "trace-7"), b)

		if r.err != nil {
			t.Fatalf("LoadProfile: %v", r.err)
		}
		want := Profile{User: User{ID: "acct-u1", Name: "Ada"}, Orders: adasOrders}
		if r.profile.User != want.User || !slices.Equal(r.profile.Orders, want.Orders) {
			t.Errorf("LoadProfile = %+v, want %+v", r.profile, want)
		}
		if b.ordersUserID != "acct-u1" {
			t.Errorf("Orders called for user %q, want the loaded user's ID %q", b.ordersUserID, "acct-u1")
		}
		users, orders := b.seen()
		wantDeadline := start.Add(budget)
		if len(users) != 1 || len(orders) != 1 {
			t.Fatalf("the backend saw %d User and %d Orders calls, want one of each", len(users), len(orders))
		}
		for _, c := range append(users, orders...) {
			if !c.hasDeadline || !c.deadline.Equal(wantDeadline) {
				t.Errorf("a backend call got deadline %v (set: %v), want start+Budget = %v for both calls",
					c.deadline.Sub(start), c.hasDeadline, Budget)
			}
			if c.traceID != "trace-7" {
				t.Errorf("a backend call's ctx has trace ID %v, want %q from the caller's ctx: derive the budget from ctx, do not start a new chain", c.traceID, "trace-7")
			}
		}
	})
}

func TestCallersLaterDeadlineDoesNotStretchTheBudget(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 300 * time.Millisecond, ordersTakes: 300 * time.Millisecond}
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		defer cancel()
		start := time.Now()
		r := <-load(ctx, b)

		if !errors.Is(r.err, context.DeadlineExceeded) {
			t.Errorf("LoadProfile error = %v, want one wrapping context.DeadlineExceeded", r.err)
		}
		if r.took != budget {
			t.Errorf("LoadProfile took %v with a caller's deadline of 2s, want the budget %v: whichever deadline is earlier", r.took, budget)
		}
		users, _ := b.seen()
		if len(users) != 1 || !users[0].deadline.Equal(start.Add(budget)) {
			t.Errorf("the User call saw %v, want a deadline of start+Budget = %v", users, Budget)
		}
	})
}

func TestCallerCancelDuringOrdersStopsIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 100 * time.Millisecond, ordersTakes: 300 * time.Millisecond}
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		done := load(ctx, b)

		time.Sleep(200 * time.Millisecond) // the user is loaded, the orders are on their way
		cancel()
		synctest.Wait()
		var r result
		select {
		case r = <-done:
		default:
			r = <-done
			t.Errorf("LoadProfile returned %v after its caller cancelled during Orders, want at once: both calls get the caller's cancel", r.took-200*time.Millisecond)
		}
		if !errors.Is(r.err, context.Canceled) {
			t.Errorf("LoadProfile error = %v, want one wrapping context.Canceled", r.err)
		}
	})
}

func TestBothCallsShareOneBudget(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 300 * time.Millisecond, ordersTakes: 300 * time.Millisecond}
		r := <-load(t.Context(), b)

		if !errors.Is(r.err, context.DeadlineExceeded) {
			t.Errorf("LoadProfile error = %v, want one wrapping context.DeadlineExceeded: 300ms + 300ms is over the %v budget", r.err, Budget)
		}
		if r.took != budget {
			t.Errorf("LoadProfile took %v, want exactly the budget %v", r.took, budget)
		}
	})
}

func TestCallerCancelStopsTheChain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 300 * time.Millisecond, ordersTakes: 100 * time.Millisecond}
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		done := load(ctx, b)

		time.Sleep(100 * time.Millisecond)
		cancel()
		synctest.Wait()
		var r result
		select {
		case r = <-done:
		default:
			r = <-done
			t.Errorf("LoadProfile returned %v after its caller cancelled, want at once: derive the budget from the caller's ctx", r.took-100*time.Millisecond)
		}
		if !errors.Is(r.err, context.Canceled) {
			t.Errorf("LoadProfile error = %v, want one wrapping context.Canceled", r.err)
		}
		if _, orders := b.seen(); len(orders) != 0 {
			t.Errorf("Orders called %d times after the caller cancelled, want 0", len(orders))
		}
	})
}

func TestCallerDeadlineShorterThanBudgetWins(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &fakeBackend{userTakes: 150 * time.Millisecond, ordersTakes: 150 * time.Millisecond}
		const callerBudget = 200 * time.Millisecond
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), callerBudget)
		defer cancel()
		r := <-load(ctx, b)

		if !errors.Is(r.err, context.DeadlineExceeded) {
			t.Errorf("LoadProfile error = %v, want one wrapping context.DeadlineExceeded", r.err)
		}
		if r.took != callerBudget {
			t.Errorf("LoadProfile took %v, want the caller's %v: a child context never outlives its parent", r.took, callerBudget)
		}
		if _, orders := b.seen(); len(orders) != 1 || !orders[0].deadline.Equal(start.Add(callerBudget)) {
			t.Errorf("the Orders call saw %+v, want one call with the caller's deadline, start+%v", orders, callerBudget)
		}
	})
}
