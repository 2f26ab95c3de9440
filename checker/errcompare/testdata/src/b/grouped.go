package b

import (
	stderrors "errors"
	"io"
)

var _ = stderrors.New

func atEOFGrouped(err error) bool {
	return err != io.ErrUnexpectedEOF // want `comparing err != io\.ErrUnexpectedEOF misses wrapped errors`
}
