package c

import "testing"

// t.Fatal ends the test goroutine: the path does not return normally.
func TestServeFatal(t *testing.T) {
	errc := make(chan error)
	go func() { errc <- serve() }()
	if err := setup(); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err != nil {
		t.Error(err)
	}
}

// A test that has already failed does not care about its goroutines.
func TestServeError(t *testing.T) {
	errc := make(chan error)
	go func() { errc <- serve() }()
	if err := setup(); err != nil {
		t.Error(err)
		return
	}
	if err := <-errc; err != nil {
		t.Error(err)
	}
}

// A test that passes leaves the goroutine behind.
func TestServeShort(t *testing.T) {
	errc := make(chan error)
	go func() { errc <- serve() }() // want `sends on errc, but TestServeShort can return at line 35 without receiving from it`
	if testing.Short() {
		return
	}
	if err := <-errc; err != nil {
		t.Error(err)
	}
}
