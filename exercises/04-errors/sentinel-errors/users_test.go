//go:build accent

package sentinelerrors

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// fakeStore is a Store in a map that wraps its errors, as a real one does.
// fail makes ByName fail with that error; raceOnCreate makes Create find the
// name taken, as if another request had created the user a moment before.
type fakeStore struct {
	users        map[string]User
	fail         error
	createFail   error // makes Create fail with that error
	raceOnCreate bool
	calls        []string
}

func (s *fakeStore) ByName(ctx context.Context, name string) (User, error) {
	s.calls = append(s.calls, "ByName")
	if s.fail != nil {
		return User{}, fmt.Errorf("store: query users: %w", s.fail) // a failure of the store, not of one name
	}
	u, ok := s.users[name]
	if !ok {
		return User{}, fmt.Errorf("store: user %q: %w", name, ErrNotFound)
	}
	return u, nil
}

func (s *fakeStore) Create(ctx context.Context, name string) (User, error) {
	s.calls = append(s.calls, "Create")
	if s.createFail != nil {
		return User{}, fmt.Errorf("store: insert: %w", s.createFail)
	}
	if s.raceOnCreate {
		s.users[name] = User{ID: 7, Name: name}
		return User{}, fmt.Errorf("store: insert user %q: %w", name, ErrConflict)
	}
	if _, ok := s.users[name]; ok {
		return User{}, fmt.Errorf("store: insert user %q: %w", name, ErrConflict)
	}
	u := User{ID: len(s.users) + 1, Name: name}
	s.users[name] = u
	return u, nil
}

func TestGetOrCreateReturnsAnExistingUser(t *testing.T) {
	s := &fakeStore{users: map[string]User{"ada": {ID: 1, Name: "ada"}}}
	u, err := GetOrCreate(t.Context(), s, "ada")
	if err != nil || u != (User{ID: 1, Name: "ada"}) {
		t.Errorf("GetOrCreate = %v, %v; want the existing user {1 ada}", u, err)
	}
	if want := []string{"ByName"}; !slices.Equal(s.calls, want) {
		t.Errorf("store calls %v, want %v", s.calls, want)
	}
}

func TestGetOrCreateCreatesAMissingUser(t *testing.T) {
	s := &fakeStore{users: map[string]User{"ada": {ID: 1, Name: "ada"}}}
	u, err := GetOrCreate(t.Context(), s, "grace")
	if err != nil {
		t.Fatalf("GetOrCreate: %v; the store's error wraps ErrNotFound, so the user should have been created", err)
	}
	if u != (User{ID: 2, Name: "grace"}) {
		t.Errorf("GetOrCreate = %v, want the new user {2 grace}", u)
	}
}

func TestGetOrCreateReadsBackAUserCreatedMeanwhile(t *testing.T) {
	s := &fakeStore{users: map[string]User{}, raceOnCreate: true}
	u, err := GetOrCreate(t.Context(), s, "grace")
	if err != nil {
		t.Fatalf("GetOrCreate: %v; Create's error wraps ErrConflict: the user exists now, read it back", err)
	}
	if u != (User{ID: 7, Name: "grace"}) {
		t.Errorf("GetOrCreate = %v, want the user created meanwhile, {7 grace}", u)
	}
	if want := []string{"ByName", "Create", "ByName"}; !slices.Equal(s.calls, want) {
		t.Errorf("store calls %v, want %v", s.calls, want)
	}
}

func TestGetOrCreatePassesOtherErrorsOn(t *testing.T) {
	s := &fakeStore{users: map[string]User{}, fail: context.DeadlineExceeded}
	_, err := GetOrCreate(t.Context(), s, "grace")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("GetOrCreate = %v, want an error wrapping %v", err, context.DeadlineExceeded)
	}
	if err != nil && !strings.Contains(err.Error(), "grace") {
		t.Errorf("GetOrCreate = %q, want the error wrapped with the name, \"grace\"", err)
	}
	if slices.Contains(s.calls, "Create") {
		t.Errorf("store calls %v: a failed lookup is not a missing user, nothing may be created", s.calls)
	}
}

// Only ErrConflict means "someone else created it": any other failure of
// Create is returned, not papered over by reading the user back.
func TestGetOrCreatePassesCreateErrorsOn(t *testing.T) {
	errReadOnly := errors.New("database is in read-only mode")
	for _, cause := range []error{context.DeadlineExceeded, errReadOnly} {
		t.Run(cause.Error(), func(t *testing.T) {
			s := &fakeStore{users: map[string]User{}, createFail: cause}
			_, err := GetOrCreate(t.Context(), s, "grace")
			if !errors.Is(err, cause) {
				t.Errorf("GetOrCreate = %v, want an error wrapping %q", err, cause)
			}
			if err != nil && !strings.Contains(err.Error(), "grace") {
				t.Errorf("GetOrCreate = %q, want the error wrapped with the name, \"grace\"", err)
			}
			if want := []string{"ByName", "Create"}; !slices.Equal(s.calls, want) {
				t.Errorf("store calls %v, want %v: the user was not created meanwhile, Create failed", s.calls, want)
			}
		})
	}
}

func TestStatusFindsEachSentinelThroughWrapping(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"no error", nil, 200},
		{"bare ErrNotFound", ErrNotFound, 404},
		{"wrapped ErrNotFound", fmt.Errorf("store: user %q: %w", "grace", ErrNotFound), 404},
		{"ErrConflict two layers down", fmt.Errorf("signup: %w", fmt.Errorf("store: insert user %q: %w", "ada", ErrConflict)), 409},
		{"wrapped deadline", fmt.Errorf("get or create user %q: %w", "ada", context.DeadlineExceeded), 504},
		{"anything else", errors.New("store: connection reset by peer"), 500},
		{"a cancelled request is no timeout", fmt.Errorf("query: %w", context.Canceled), 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Status(tt.err); got != tt.want {
				t.Errorf("Status(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestStatusEndToEnd(t *testing.T) {
	s := &fakeStore{users: map[string]User{}, fail: context.DeadlineExceeded}
	_, err := GetOrCreate(t.Context(), s, "grace")
	if got := Status(err); got != 504 {
		t.Errorf("Status(%v) = %d, want 504", err, got)
	}
}

// A message is for people. Two different failures can read alike; only the
// sentinel in the chain says which one it is.
func TestStatusIgnoresLookalikeMessages(t *testing.T) {
	tests := []struct {
		name string
		err  error
	}{
		{"a missing template", fmt.Errorf("render profile: %w", errors.New(`template "profile" not found`))},
		{"a cache key", errors.New("cache: key user:ada already exists")},
		{"a quoted deadline", fmt.Errorf("proxy: upstream said %q", "context deadline exceeded")},
		{"a deadline flattened with %v", fmt.Errorf("query: %v", context.DeadlineExceeded)},
		{"a not-found flattened with %v", fmt.Errorf("store: %v", ErrNotFound)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Status(tt.err); got != 500 {
				t.Errorf("Status(%q) = %d, want 500: this error only reads like a sentinel", tt.err, got)
			}
		})
	}
}
