package a

import (
	"os"
	"testing"
)

func TestSomething(t *testing.T) {
	os.Setenv("K", "v") // want `the error from os\.Setenv is ignored`
	t.Setenv("K", "v")
}
