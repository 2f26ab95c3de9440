// Package old is Go 1.19: one %w per call, so only the first error is
// fixed.
package old

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a")

func two(err error) error {
	return fmt.Errorf("%v, then %v", err, ErrA) // want `formats err with %v` `formats ErrA with %v`
}
