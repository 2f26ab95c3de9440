// Accentvet runs accent's analyzers and go vet's suite over Go packages.
//
//	accentvet ./...
//	go vet -vettool=$(which accentvet) ./...
//
// Run "accentvet help" for the list of analyzers.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/accent-go/accent/checker"
)

func main() { multichecker.Main(checker.Analyzers(checker.All())...) }
