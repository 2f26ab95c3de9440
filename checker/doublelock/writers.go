package doublelock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/accent-go/accent/checker/internal/typematch"
)

// writeLocks says which RWMutexes of a package may be write-locked.
type writeLocks struct {
	rlocks  map[token.Pos]rlock   // RLock calls, by Lparen
	written map[types.Object]bool // mutexes locked for writing, or whose address escapes
}

// rlock is the mutex an RLock call read-locks.
type rlock struct {
	obj     types.Object // the variable or field
	exposed bool         // other packages can reach it: an exported variable, or an exported field of an exported type
}

// findWriteLocks scans the package for Lock and TryLock calls on
// RWMutexes, and for mutexes used in any other way than as the receiver
// of a method call (&s.mu passed on, a sync.Locker from RLocker), which
// may be write-locked out of sight.
func findWriteLocks(pass *analysis.Pass) *writeLocks {
	w := &writeLocks{rlocks: make(map[token.Pos]rlock), written: make(map[types.Object]bool)}
	info := pass.TypesInfo
	receivers := make(map[ast.Expr]bool)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			s, ok := info.Selections[sel]
			if !ok || s.Kind() != types.MethodVal {
				return true
			}
			fn, ok := s.Obj().(*types.Func)
			if !ok || !typematch.IsMethod(fn, "sync", "RWMutex", "Lock", "TryLock", "RLock", "TryRLock", "RUnlock", "Unlock", "RLocker") {
				return true
			}
			obj, holder := mutexObject(info, sel, s)
			if obj == nil {
				return true
			}
			receivers[ast.Unparen(sel.X)] = true
			switch fn.Name() {
			case "Lock", "TryLock", "RLocker":
				w.written[obj] = true
			case "RLock":
				exposed := obj.Exported()
				if _, isField := obj.(*types.Var); isField && obj.(*types.Var).IsField() {
					exposed = exposed && exportedType(holder)
				}
				w.rlocks[call.Lparen] = rlock{obj: obj, exposed: exposed}
			}
			return true
		})
	}
	// A mutex whose address goes elsewhere may be locked there.
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			u, ok := n.(*ast.UnaryExpr)
			if !ok || u.Op != token.AND || receivers[ast.Unparen(u.X)] {
				return true
			}
			if t := info.TypeOf(u.X); t != nil && typematch.IsType(t, "sync", "RWMutex") {
				if obj := exprObject(info, u.X); obj != nil {
					w.written[obj] = true
				}
			}
			return true
		})
	}
	return w
}

// mayWriteLock reports whether the mutex read-locked by the RLock call at
// pos may be write-locked: something in the package locks it, its address
// escapes, it is exported (other packages may lock it), or it is not known.
func (w *writeLocks) mayWriteLock(pos token.Pos) bool {
	r, ok := w.rlocks[pos]
	return !ok || r.exposed || w.written[r.obj]
}

// exportedType reports whether t, or what it points to, is an exported
// named type (or one it cannot tell).
func exportedType(t types.Type) bool {
	if t == nil {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true
	}
	return n.Obj().Exported()
}

// mutexObject returns the variable or field that is the mutex of the
// method call sel: mu in mu.RLock(), the field mu in s.mu.RLock(), the
// embedded RWMutex field in s.RLock(); and, for a field, the type that
// holds it.
func mutexObject(info *types.Info, sel *ast.SelectorExpr, s *types.Selection) (types.Object, types.Type) {
	if idx := s.Index(); len(idx) > 1 {
		// Promoted through embedded fields: the last one is the mutex.
		t := s.Recv()
		var field *types.Var
		var holder types.Type
		for _, i := range idx[:len(idx)-1] {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			st, ok := t.Underlying().(*types.Struct)
			if !ok || i >= st.NumFields() {
				return nil, nil
			}
			holder = t
			field = st.Field(i)
			t = field.Type()
		}
		if field == nil {
			return nil, nil
		}
		return field.Origin(), holder
	}
	var holder types.Type
	if x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
		holder = info.TypeOf(x.X)
	}
	return exprObject(info, sel.X), holder
}

// exprObject returns the variable or field e names.
func exprObject(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return v
		}
		if v, ok := info.Defs[x].(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if s, ok := info.Selections[x]; ok && s.Kind() == types.FieldVal {
			if v, ok := s.Obj().(*types.Var); ok {
				return v.Origin()
			}
			return nil
		}
		if v, ok := info.Uses[x.Sel].(*types.Var); ok {
			return v // a package's variable
		}
	case *ast.StarExpr:
		return exprObject(info, x.X)
	}
	return nil
}
