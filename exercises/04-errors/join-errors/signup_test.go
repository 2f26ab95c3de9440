//go:build accent

package joinerrors

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

var ada = Signup{Username: "ada", Email: "ada@example.com", Password: "analytical engine"}

// fieldErrors walks the whole tree of err, as errors.Is and errors.As do,
// and returns every *FieldError in it, depth first. An error made by
// errors.Join (or by fmt.Errorf with several %w) has Unwrap() []error;
// Python's ExceptionGroup.exceptions and AggregateError's errors.
func fieldErrors(err error) []FieldError {
	var out []FieldError
	var walk func(error)
	walk = func(err error) {
		if fe, ok := err.(*FieldError); ok {
			out = append(out, *fe)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			if next := u.Unwrap(); next != nil {
				walk(next)
			}
		case interface{ Unwrap() []error }:
			for _, next := range u.Unwrap() {
				walk(next)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

func TestValidateAcceptsAValidSignup(t *testing.T) {
	if err := Validate(ada); err != nil {
		t.Errorf("Validate(%+v) = %q, want nil", ada, err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	s := Signup{Username: "al", Email: "al.example.com"} // three problems
	err := Validate(s)
	got := fieldErrors(err)
	want := []FieldError{{"username", ErrTooShort}, {"email", ErrInvalid}, {"password", ErrRequired}}
	if !slices.Equal(got, want) {
		t.Fatalf("Validate(%+v) holds the field errors %v\nwant %v: every problem, in field order, each a *FieldError (error: %q)", s, got, want, err)
	}
	for _, sentinel := range []error{ErrTooShort, ErrInvalid, ErrRequired} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(err, %q) = false; every problem must stay findable", sentinel)
		}
	}
}

func TestValidateMessageHasOneLinePerProblem(t *testing.T) {
	err := Validate(Signup{Email: "grace@example.com", Password: "cobol"})
	if err == nil {
		t.Fatal("Validate accepted an empty username and a short password")
	}
	if got, want := err.Error(), "username is required\npassword is too short"; got != want {
		t.Errorf("Validate's message is %q\nwant %q", got, want)
	}
}

func TestRegisterStoresAValidSignup(t *testing.T) {
	a := NewAccounts()
	if err := a.Register(ada); err != nil {
		t.Fatalf("Register(%+v) = %v, want nil", ada, err)
	}
	if a.users["ada"] != ada {
		t.Errorf("after Register, users[ada] = %+v, want %+v", a.users["ada"], ada)
	}
}

func TestRegisterReportsATakenUsernameWithTheOtherProblems(t *testing.T) {
	a := NewAccounts()
	if err := a.Register(ada); err != nil {
		t.Fatalf("Register(%+v) = %v, want nil", ada, err)
	}
	again := Signup{Username: "ada", Email: "ada@example.org", Password: "short"}

	err := a.Register(again)

	if !errors.Is(err, ErrTaken) || !errors.Is(err, ErrTooShort) {
		t.Errorf("Register(%+v) = %q\nwant both problems findable with errors.Is: ErrTaken and ErrTooShort", again, err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("errors.As(%q, *FieldError) = false, want the field errors reachable through Register's context", err)
	}
	if got := fieldErrors(err); len(got) != 2 {
		t.Errorf("Register's error holds the field errors %v, want 2: password too short, username taken", got)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "register ada: ") {
		t.Errorf("Register's error %q does not start with the context \"register ada: \"", err)
	}
	if a.users["ada"] != ada {
		t.Errorf("a rejected signup replaced the stored one: users[ada] = %+v", a.users["ada"])
	}
}

func TestRegisterStoresNothingForAnInvalidSignup(t *testing.T) {
	a := NewAccounts()
	bad := Signup{Username: "bob", Email: "bob.example.com", Password: "hunter2"}

	err := a.Register(bad)

	if got, want := fieldErrors(err), []FieldError{{"email", ErrInvalid}, {"password", ErrTooShort}}; !slices.Equal(got, want) {
		t.Errorf("Register(%+v) holds the field errors %v, want %v (error: %q)", bad, got, want, err)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "register bob: ") {
		t.Errorf("Register's error %q does not start with the context \"register bob: \"", err)
	}
	if u, ok := a.users["bob"]; ok {
		t.Errorf("Register stored the invalid signup %+v: it must store nothing when it returns an error", u)
	}
}

func TestRegisterRefusesATakenUsernameOnAnOtherwiseValidSignup(t *testing.T) {
	a := NewAccounts()
	if err := a.Register(ada); err != nil {
		t.Fatalf("Register(%+v) = %v, want nil", ada, err)
	}
	again := Signup{Username: "ada", Email: "countess@example.org", Password: "difference engine"}

	err := a.Register(again)

	if got, want := fieldErrors(err), []FieldError{{"username", ErrTaken}}; !slices.Equal(got, want) {
		t.Errorf("Register(%+v) holds the field errors %v, want %v (error: %q)", again, got, want, err)
	}
	if a.users["ada"] != ada {
		t.Errorf("a rejected signup replaced the stored one: users[ada] = %+v", a.users["ada"])
	}
}

// Each field alone, at and past the limits of the form.
func TestValidateChecksEachFieldAtItsLimits(t *testing.T) {
	tests := []struct {
		s    Signup
		want []FieldError
	}{
		{Signup{Username: "abc", Email: "a@b", Password: "12345678"}, nil},
		{Signup{Username: "ab", Email: "a@b", Password: "12345678"}, []FieldError{{"username", ErrTooShort}}},
		{Signup{Username: "", Email: "a@b", Password: "12345678"}, []FieldError{{"username", ErrRequired}}},
		{Signup{Username: "abc", Email: "", Password: "12345678"}, []FieldError{{"email", ErrRequired}}},
		{Signup{Username: "abc", Email: "ab", Password: "12345678"}, []FieldError{{"email", ErrInvalid}}},
		{Signup{Username: "abc", Email: "a@b", Password: "1234567"}, []FieldError{{"password", ErrTooShort}}},
		{Signup{Username: "abc", Email: "a@b", Password: ""}, []FieldError{{"password", ErrRequired}}},
	}
	for _, tt := range tests {
		err := Validate(tt.s)
		if got := fieldErrors(err); !slices.Equal(got, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("Validate(%+v) = %q, holding %v; want %v", tt.s, err, got, tt.want)
		}
	}
}
