// Package a holds the errwrapverb cases, each reported case beside a silent
// twin.
package a

import (
	"errors"
	"fmt"
	"os"
)

var ErrInvalid = errors.New("invalid")

func open(name string) error {
	_, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %v", name, err) // want `fmt\.Errorf formats err with %v, which keeps only its text: errors\.Is and errors\.As cannot see the cause; use %w to wrap it`
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	if err != nil {
		return fmt.Errorf("open %s: %s", name, err) // want `fmt\.Errorf formats err with %s`
	}
	return nil
}

type PathErr struct{ Path string }

func (e *PathErr) Error() string { return e.Path }

func concrete(p *PathErr) error {
	return fmt.Errorf("stat: %v", p) // want `fmt\.Errorf formats p with %v`
}

func cases(err error, n int) []error {
	return []error{
		// Already wrapping one error: the other stays text on purpose.
		fmt.Errorf("%w: %v", ErrInvalid, err),
		// The text of the error, as a string, is a choice.
		fmt.Errorf("failed: %s", err.Error()),
		// Quoting or dumping is formatting, not wrapping.
		fmt.Errorf("failed: %q", err),
		fmt.Errorf("failed: %#v", err),
		// A flag or width is reported but not fixed.
		fmt.Errorf("failed: %+v", err),  // want `fmt\.Errorf formats err with %v`
		fmt.Errorf("%d: %-10v", n, err), // want `fmt\.Errorf formats err with %v`
		// Escapes in the literal do not shift the fix.
		fmt.Errorf("line\t%d\n\"%v\"", n, err), // want `fmt\.Errorf formats err with %v`
		fmt.Errorf("%d%%: %v", n, err),         // want `fmt\.Errorf formats err with %v`
		// Two errors: both are wrapped (Go 1.20 and later).
		fmt.Errorf("%v, then %v", err, ErrInvalid), // want `formats err with %v` `formats ErrInvalid with %v`
		// Explicit argument indexes are followed.
		fmt.Errorf("%[2]d: %[1]v", err, n), // want `formats err with %v`
		fmt.Errorf("%[2]v: %[1]d", n, err), // want `formats err with %v`
		// A nil or a non-error argument is not reported.
		fmt.Errorf("%v %v", nil, n),
	}
}

const format = "read: %v"

func constant(err error) error {
	return fmt.Errorf(format, err) // want `fmt\.Errorf formats err with %v`
}
