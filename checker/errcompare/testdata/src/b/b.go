// Package b does not import errors: the fix adds the import.
package b

import "io"

func atEOF(err error) bool {
	return err == io.EOF // want `comparing err == io\.EOF misses wrapped errors: use errors\.Is\(err, io\.EOF\)`
}

func atUnexpectedEOF(err error) bool {
	return err == io.ErrUnexpectedEOF // want `comparing err == io\.ErrUnexpectedEOF misses wrapped errors`
}
