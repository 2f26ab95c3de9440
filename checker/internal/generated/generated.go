// Package generated tells analyzers which files to skip as generated:
// those marked "Code generated ... DO NOT EDIT.", except the files cgo
// rewrites from a package's own source, whose //line directives point back
// at code someone wrote and must be able to fix.
package generated

import (
	"go/ast"
	"go/token"
)

// Skip reports whether f is a generated file nobody edits by hand.
func Skip(fset *token.FileSet, f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	// cmd/cgo's output is marked generated, but maps its positions back to
	// the original file with //line directives.
	raw := fset.PositionFor(f.Name.Pos(), false).Filename
	adjusted := fset.PositionFor(f.Name.Pos(), true).Filename
	return raw == adjusted
}
