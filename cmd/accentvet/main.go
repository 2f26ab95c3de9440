// Command accentvet is github.com/accent-go/accent/checker/cmd/accentvet,
// kept here so that go run ./cmd/accentvet works at the root of a checkout.
// Install the checker on its own (without the TUI's dependencies) with
// go install github.com/accent-go/accent/checker/cmd/accentvet@latest.
package main

import "github.com/accent-go/accent/checker/vetcmd"

func main() { vetcmd.Main() }
