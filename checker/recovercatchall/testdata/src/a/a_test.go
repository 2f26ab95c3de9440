package a

import "testing"

func mustPanic() { panic("boom") }

// A test that expects a panic fails when there is none.
func TestPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("no panic")
		}
	}()
	mustPanic()
}

func TestSwallows(t *testing.T) {
	defer func() {
		recover() // want `recover\(\) swallows the panic`
	}()
	mustPanic()
}

// The common idiom: fail after the call that should have panicked.
func TestPanicsIdiom(t *testing.T) {
	defer func() { recover() }()
	mustPanic()
	t.Fatal("mustPanic did not panic")
}

func TestSwallowsInSubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		defer func() { _ = recover() }() // want `recover\(\) swallows the panic`
		mustPanic()
	})
	t.Fatal("not in the function that defers")
}
