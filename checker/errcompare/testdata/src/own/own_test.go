package own

import (
	"io"
	"reflect"
	"testing"
)

// A test checks the exact error on purpose, and fails loudly if it is
// ever wrapped: the default mode leaves it alone.
func TestOver(t *testing.T) {
	if err := limit(11); err == ErrLimit {
		t.Fatal("limit wrapped nothing")
	}
	if err := push(); err != io.EOF {
		t.Log(err)
	}
	if _, ok := wait().(*opError); !ok {
		t.Fatal("not an opError")
	}
}

func TestGone(t *testing.T) {
	if !reflect.DeepEqual(fetch(0), ErrGone) {
		t.Fatal("not gone")
	}
}
