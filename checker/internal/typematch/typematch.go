// Package typematch reports whether a types.Object or types.Type is a given
// package-level entity, named by package path and name, so that analyzers
// match what code means (its types) rather than how it is spelled.
//
// It mirrors the helpers that golang.org/x/tools/go/analysis/passes use
// (internal to x/tools, so not importable from here).
package typematch

import (
	"go/types"
	"slices"
)

// IsType reports whether t, after unaliasing, is the named type pkgPath.name
// for one of the given names, declared at package level.
func IsType(t types.Type, pkgPath string, names ...string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj != nil && isPackageLevel(obj) &&
		obj.Pkg().Path() == pkgPath &&
		slices.Contains(names, obj.Name())
}

// IsFunction reports whether obj is the package-level function pkgPath.name
// for one of the given names. Obtain obj with typeutil.Callee.
func IsFunction(obj types.Object, pkgPath string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	return ok && isPackageLevel(fn) &&
		fn.Pkg().Path() == pkgPath &&
		fn.Signature().Recv() == nil &&
		slices.Contains(names, fn.Name())
}

// IsMethod reports whether obj is the method typeName.name, for one of the
// given names, of the named type pkgPath.typeName (with a value or pointer
// receiver). Obtain obj with typeutil.Callee.
func IsMethod(obj types.Object, pkgPath, typeName string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil || !slices.Contains(names, fn.Name()) {
		return false
	}
	t := recv.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return IsType(t, pkgPath, typeName)
}

// ImportsTransitively reports whether pkg imports the package with the given
// path, directly or through its imports. Unlike a direct-import check, it
// also holds when the package only uses path's types through another
// package's API, as in context.WithTimeout(ctx, d) without importing "time".
func ImportsTransitively(pkg *types.Package, path string) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return true
			}
			if !seen[imp] {
				seen[imp] = true
				if visit(imp) {
					return true
				}
			}
		}
		return false
	}
	return visit(pkg)
}

func isPackageLevel(obj types.Object) bool {
	return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()
}
