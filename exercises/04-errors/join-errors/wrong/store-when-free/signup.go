//go:build accent

// Package joinerrors validates a signup form and reports every problem at once.
package joinerrors

import (
	"errors"
	"fmt"
	"strings"
)

// What can be wrong with a field.
var (
	ErrRequired = errors.New("is required")
	ErrTooShort = errors.New("is too short")
	ErrInvalid  = errors.New("is not a valid address")
	ErrTaken    = errors.New("is already taken")
)

// FieldError is one problem with one field of a form.
type FieldError struct {
	Field string
	Err   error // one of the sentinels above
}

func (e *FieldError) Error() string { return e.Field + " " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// Signup is the signup form.
type Signup struct {
	Username string
	Email    string
	Password string
}

// Validate checks every field of s and returns nil if all are fine, or an
// error holding a *FieldError for every problem, in the order username,
// email, password: its message has one line per problem.
func Validate(s Signup) error {
	var errs []error
	switch {
	case s.Username == "":
		errs = append(errs, &FieldError{"username", ErrRequired})
	case len(s.Username) < 3:
		errs = append(errs, &FieldError{"username", ErrTooShort})
	}
	switch {
	case s.Email == "":
		errs = append(errs, &FieldError{"email", ErrRequired})
	case !strings.Contains(s.Email, "@"):
		errs = append(errs, &FieldError{"email", ErrInvalid})
	}
	switch {
	case s.Password == "":
		errs = append(errs, &FieldError{"password", ErrRequired})
	case len(s.Password) < 8:
		errs = append(errs, &FieldError{"password", ErrTooShort})
	}
	return errors.Join(errs...)
}

// Accounts holds the registered signups by username.
type Accounts struct {
	users map[string]Signup
}

// NewAccounts returns an empty Accounts.
func NewAccounts() *Accounts {
	return &Accounts{users: make(map[string]Signup)}
}

// Register stores s if it is valid and its username is free. Otherwise it
// stores nothing and returns every problem, a taken username included,
// wrapped with the username.
func (a *Accounts) Register(s Signup) error {
	if _, taken := a.users[s.Username]; !taken {
		a.users[s.Username] = s // the name is free: keep it for this user
	} else {
		return fmt.Errorf("register %s: %w", s.Username, errors.Join(Validate(s), &FieldError{"username", ErrTaken}))
	}
	if err := Validate(s); err != nil {
		return fmt.Errorf("register %s: %w", s.Username, err)
	}
	return nil
}
