// Command accent is the workbench: lessons, exercises and grading for
// developers moving to Go from Node.js, Python and Java.
package main

import (
	"os"

	"github.com/accent-go/accent/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
