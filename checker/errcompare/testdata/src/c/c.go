// Package c names something else errors: no fix is offered.
package c

import "io"

func atEOF(errors []error) bool {
	return errors[0] == io.EOF // want `comparing errors\[0\] == io\.EOF misses wrapped errors`
}
