// Command accentvet finds goroutine leaks, blocking bugs, ignored errors
// and time pitfalls in Go code, with go vet's own suite alongside. Run it
// as accentvet ./... or go vet -vettool=$(which accentvet) ./...
package main

import "github.com/accent-go/accent/checker/vetcmd"

func main() { vetcmd.Main() }
