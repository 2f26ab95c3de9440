// Package c has tests that start servers in goroutines.
package c

func serve() error { return nil }

func setup() error { return nil }
